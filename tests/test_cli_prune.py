"""`briefing prune [--days N] [--dry-run] [--json]` over a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine

SAMPLE = Path(__file__).resolve().parents[1] / "summarizer" / "data" / "sample"


@pytest.mark.clock  # the sample is from March 2026: a day's retention before any later "now"
def test_prune_dry_run_then_for_real(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = f"sqlite:///{tmp_path / 'prune.db'}"
    engine = make_engine(db)
    create_schema(engine)
    stored = BriefingService(engine).ingest([str(SAMPLE)]).new
    engine.dispose()
    assert main(["prune", "--days", "1", "--dry-run", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"would remove {stored} article(s) published before ")
    assert main(["stats", "--json", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == stored
    monkeypatch.setenv("BRIEFING_RETENTION_DAYS", "1")
    assert main(["prune", "--json", "--db", db]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["articles"] == stored and report["events"] > 0 and not report["dry_run"]
    assert main(["stats", "--json", "--db", db]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert (counts["articles"], counts["events"], counts["stories"]) == (0, 0, 0)
    monkeypatch.setenv("BRIEFING_RETENTION_DAYS", "0")
    assert main(["prune", "--db", db]) == 1
    assert "retention is off" in capsys.readouterr().err
