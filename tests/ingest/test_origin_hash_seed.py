"""The ingest origin and what ingesting decides are the same bytes and rows under any hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.ingest.synthetic import synthetic_stream

REPO_ROOT = Path(__file__).resolve().parents[2]

# One process of a run: a batch, a rebuild from the rows (the origin written), then a process
# that follows the origin and ingests the rest one by one. Prints the origin's bytes (hex) and
# every stored decision: each article's event, each event's story.
_RUN = """
import json, sys
from pathlib import Path
from sqlalchemy import text
from summarizer.ingest import runner
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine

inputs = [str(p) for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
engine = make_engine(f"sqlite:///{sys.argv[2]}")
create_schema(engine)
BriefingService(engine).ingest(inputs[:40])
runner.REPLAY_LIMIT = 5
BriefingService(engine).ingest([inputs[40]])  # 40 behind: rebuilt, a new origin
with engine.connect() as connection:
    origin = bytes(connection.execute(text("SELECT state FROM ingest_origin")).scalar_one())
follower = BriefingService(engine)  # a process that starts: it follows the origin
for location in inputs[41:]:
    follower.ingest([location])
with engine.connect() as connection:
    articles = connection.execute(text("SELECT id, location, event_id FROM article ORDER BY id"))
    events = connection.execute(text("SELECT id, story_id FROM event ORDER BY id"))
    rows = [[list(row) for row in articles], [list(row) for row in events]]
print(json.dumps({"origin": origin.hex(), "rows": rows}))
"""


def _run(inputs: Path, database: Path, seed: int) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(inputs), str(database)],
        env={**os.environ, "PYTHONHASHSEED": str(seed)},
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_the_origin_and_the_decisions_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    # Two workers (or two rebuilds) of one input must be comparable byte for byte: the origin
    # holds dicts built from sets of strings, whose order follows the per-process hash seed.
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    synthetic_stream(inputs, 50, standing_lines=True)
    runs = [_run(inputs, tmp_path / f"seed{seed}.db", seed) for seed in (1, 2)]
    assert runs[0]["rows"] == runs[1]["rows"]
    assert len(runs[0]["rows"][1]) > 5  # type: ignore[index]  # events formed: a real origin
    assert runs[0]["origin"] == runs[1]["origin"]
