"""The batch CPU benchmark fails when the `briefing` run it measures fails."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_a_failed_briefing_fails_the_run_and_its_figures_are_written(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    missing = tmp_path / "missing.txt"
    database = f"sqlite:///{tmp_path / 'batch.db'}"
    command = [sys.executable, "-m", "benchmarks.batch_cpu", str(out), "ingest", "--db", database]
    run = subprocess.run(
        [*command, str(missing)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode != 0, run.stderr
    assert "process_cpu" in json.loads(out.read_text(encoding="utf-8"))
