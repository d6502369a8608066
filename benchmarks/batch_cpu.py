"""Where a `briefing ingest` batch spends its CPU: per chunk, per ingest step, per SQL statement.

Run: python -m benchmarks.batch_cpu OUT.json ingest [--db URL] PATHS...  (the arguments of
`briefing`, run in this process, unprofiled). OUT.json gets this process's CPU seconds (the
preparing workers' are not in it), each chunk's CPU seconds (the first with its catch-up),
each stored input's CPU milliseconds, the inclusive CPU seconds of the ingest steps below
(nested: a step's time is also in the steps that call it) and the SQL statements' execute
CPU seconds (rows fetched after the statement are not in them).
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from summarizer.events import cluster, cosines, index, stories
from summarizer.ingest import runner
from summarizer.store import ingest_state, shingles

_CPU: defaultdict[str, float] = defaultdict(float)
_CALLS: defaultdict[str, int] = defaultdict(int)
_SQL: defaultdict[str, float] = defaultdict(float)
_SQL_CALLS: defaultdict[str, int] = defaultdict(int)
_CHUNKS: list[dict[str, float]] = []
_INPUTS: list[float] = []

#: (owner, attribute, label): the steps timed.
STEPS: tuple[tuple[Any, str, str], ...] = (
    (runner.Ingestor, "_store_chunk", "store chunk"),
    (runner.Ingestor, "_catch_up", "catch up (follow the origin, replay)"),
    (runner.Ingestor, "_one", "store one input"),
    (runner.Ingestor, "_cluster", "cluster (event, story)"),
    (cluster.EventIndex, "add", "EventIndex.add"),
    (stories.StoryLinker, "link", "StoryLinker.link"),
    (stories.StoryLinker, "_ready", "StoryLinker._ready (stories read from the origin)"),
    (stories, "_summed", "stories._summed"),
    (ingest_state, "read_story", "ingest_state.read_story (a story's text decoded)"),
    (index.CentroidIndex, "fill", "CentroidIndex.fill"),
    (cosines.Cosines, "estimate", "Cosines.estimate"),
    (shingles, "look_up", "shingles.look_up"),
    (shingles.SampleCache, "sample", "SampleCache.sample"),
)


def _timed(function: Callable[..., Any], label: str) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent = time.process_time() - started
            _CPU[label] += spent
            _CALLS[label] += 1
            if label == "store chunk":
                _CHUNKS.append({"cpu": spent, "catch_up": _CPU[STEPS[1][2]]})
            elif label == "store one input":
                _INPUTS.append(spent * 1000)

    return timed


def _instrument() -> None:
    for owner, name, label in STEPS:
        setattr(owner, name, _timed(getattr(owner, name), label))

    @event.listens_for(Engine, "before_cursor_execute")
    def before(connection: Any, *_: Any) -> None:
        connection.info["sql_started"] = time.process_time()

    @event.listens_for(Engine, "after_cursor_execute")
    def after(connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
        key = " ".join(statement.split())[:100]
        _SQL[key] += time.process_time() - connection.info.pop("sql_started")
        _SQL_CALLS[key] += 1


def main() -> None:
    """Run `briefing ARGS...` instrumented; write the figures to OUT.json."""
    out, *args = sys.argv[1:]
    _instrument()
    from bot.cli import main as briefing

    try:
        status = briefing(args)
    finally:
        catch_up = 0.0
        for chunk in _CHUNKS:  # the catch-up seconds are cumulative: each chunk's own
            chunk["catch_up"], catch_up = chunk["catch_up"] - catch_up, chunk["catch_up"]
        figures = {
            "process_cpu": time.process_time(),
            "chunks": _CHUNKS,
            "input_ms": _INPUTS,
            "steps": {label: [round(_CPU[label], 3), _CALLS[label]] for label in _CPU},
            "sql": sorted(
                ([round(cpu, 3), _SQL_CALLS[key], key] for key, cpu in _SQL.items()),
                reverse=True,
            ),
        }
        Path(out).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    sys.exit(status)  # a failed `briefing` fails the run, figures written all the same


if __name__ == "__main__":
    main()
