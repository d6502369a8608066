"""Non-English articles: detected, split and summarised in their own script, never garbled."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.ingest.pipeline import SummarySpec, build_article
from summarizer.values import RawInput

DATA = Path(__file__).resolve().parents[1] / "data" / "languages"


@pytest.mark.parametrize(
    ("name", "language"), [("ru.txt", "ru"), ("uk.txt", "uk"), ("zh.txt", "zh")]
)
def test_summarised_in_their_language(name: str, language: str) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    article = build_article(
        RawInput(location=name, content=text, kind="text"), summary=SummarySpec(sentences=2)
    )
    assert article.language == language
    assert article.title == text.splitlines()[0]
    assert len(article.summary) == 2
    for sentence in article.summary:
        assert sentence in article.body  # verbatim: nothing cut, re-encoded or mixed
    assert "\ufffd" not in article.body


def test_unsupported_language_is_refused_cleanly() -> None:
    text = "Τίτλος\n\n" + " ".join(["Η συνάντηση έγινε στην πόλη την Τρίτη το πρωί."] * 8)
    with pytest.raises(InputError, match="el"):
        build_article(RawInput(location="el.txt", content=text, kind="text"))
