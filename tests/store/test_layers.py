"""Layers: the store (migrations too) imports no stage that uses it, and text and clean, which
both the store and ingestion build on, import neither."""

from __future__ import annotations

from tests.imports import ROOT, offending

# The stages that call the store: it must not reach back into them.
_ABOVE_THE_STORE = (
    "summarizer.ingest",
    "summarizer.service",
    "summarizer.cli",
    "summarizer.polling",
    "bot",
)


def test_the_store_imports_no_stage_above_it() -> None:
    modules = sorted((ROOT / "summarizer" / "store").rglob("*.py"))
    assert {"retention.py", "shingles.py", "feeds.py", "0012_ingest_indexes.py"} <= {
        p.name for p in modules
    }
    assert offending(modules, *_ABOVE_THE_STORE) == {}


def test_text_and_clean_import_neither_the_store_nor_ingestion() -> None:
    modules = [
        *sorted((ROOT / "summarizer" / "text").rglob("*.py")),
        *sorted((ROOT / "summarizer" / "clean").rglob("*.py")),
    ]
    assert {"fingerprint.py", "furniture_lines.py"} <= {p.name for p in modules}
    assert offending(modules, "summarizer.store", *_ABOVE_THE_STORE) == {}
