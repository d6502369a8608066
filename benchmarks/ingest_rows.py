"""Row-by-row results of an ingest, to compare two versions of the code on the same files.

Run: `.venv/bin/python -m benchmarks.ingest_rows dump OUT.json PATH...` ingests the paths through
the `briefing` CLI into a fresh SQLite file and writes its articles (title, source, date unless
estimated, language), summaries, copies, events (their articles, title, counts) and stories (their
events), every id replaced by article locations; `... compare A.json B.json` prints, per part,
whether the two are equal and the first differences. Run `dump` on a checkout of each version.
`dump OUT.json --onto DB.db [--first N] PATH...` ingests into a copy of a SQLite file instead
(e.g. a kept `ingest_scale` build), the first N paths in a process of their own and the rest in
a second one (which follows the ingest origin the first wrote), and writes the rows of the new
paths alone (their articles, summaries and copies, and the events and stories they are in).
`rows OUT.json DB.db PATH...` writes those rows of paths already ingested into a SQLite file
(e.g. `ingest_scale`'s `scale_N.db` after a run), without ingesting.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import text

from benchmarks import product
from summarizer.store.db import make_engine
from summarizer.store.snapshot import ingest_rows


def rows(url: str, new: set[str] | None = None) -> dict[str, Any]:
    """The database's results by location (see the module docstring); with `new`, those of
    these locations alone (and of the events and stories holding one)."""
    engine = make_engine(url)
    try:
        stored = ingest_rows(engine)
        with engine.connect() as connection:
            summaries = connection.execute(
                text("SELECT article_id, sentences_json FROM summary")
            ).all()
    finally:
        engine.dispose()
    where = {row.id: row.location for row in stored.articles}
    members: dict[int, list[str]] = {}
    for row in stored.articles:
        members.setdefault(row.event_id, []).append(row.location)
    story_events: dict[int, list[list[str]]] = {}
    for event in stored.events:
        story_events.setdefault(event.story_id, []).append(sorted(members.get(event.id, [])))
    if new is not None:
        return _of_new(rows(url), new)
    return {
        "articles": sorted(
            [
                row.location,
                row.title,
                row.source,
                "estimated" if row.published_estimated else str(row.published),
                row.language,
            ]
            for row in stored.articles
        ),
        "summaries": sorted([where[a], json.loads(s)] for a, s in summaries),
        "copies": sorted(
            [row.location, where[row.article_id], round(row.similarity, 4)] for row in stored.copies
        ),
        "events": sorted(
            [sorted(members.get(e.id, [])), e.title, e.article_count, e.source_count]
            for e in stored.events
        ),
        "stories": sorted(sorted(found) for found in story_events.values()),
    }


def _of_new(found: dict[str, Any], new: set[str]) -> dict[str, Any]:
    """The rows of `found` that hold one of the `new` locations."""

    def holds(value: Any) -> bool:
        if isinstance(value, list):
            return any(holds(part) for part in value)
        return value in new

    return {
        "articles": [row for row in found["articles"] if row[0] in new],
        "summaries": [row for row in found["summaries"] if row[0] in new],
        "copies": [row for row in found["copies"] if row[0] in new],
        "events": [row for row in found["events"] if holds(row[0])],
        "stories": [row for row in found["stories"] if holds(row)],
    }


def dump(
    out: Path, paths: Sequence[str], onto: Path | None = None, first: int | None = None
) -> None:
    """Ingest the paths into a fresh SQLite file (or a copy of `onto`) through the CLI, the
    first `first` of them in a process of their own, and write the rows (of the paths alone,
    `onto` given)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.db"
        if onto is not None:
            shutil.copyfile(onto, path)
        url = product.sqlite_url(path)
        split = len(paths) if first is None else first
        for part in (paths[:split], paths[split:]):
            if not part:
                continue
            result = product.briefing("ingest", "--json", "--db", url, *part)
            if result.code not in (0, 1):
                sys.exit(f"ingest failed ({result.code}): {result.stderr[-500:]}")
        found = rows(url, None if onto is None else {str(Path(p)) for p in paths})
    out.write_text(json.dumps(found, ensure_ascii=False, indent=0), encoding="utf-8")
    print({part: len(values) for part, values in found.items()})


def compare(first: Path, second: Path) -> int:
    """Print each part's comparison; return the number of differing rows."""
    a, b = (json.loads(path.read_text(encoding="utf-8")) for path in (first, second))
    total = 0
    for part in a:
        left = {json.dumps(row, sort_keys=True) for row in a[part]}
        right = {json.dumps(row, sort_keys=True) for row in b.get(part, [])}
        only_a, only_b = sorted(left - right), sorted(right - left)
        total += len(only_a) + len(only_b)
        state = "same" if not (only_a or only_b) else f"{len(only_a)} / {len(only_b)} differ"
        print(f"{part}: {len(left)} rows, {state}")
        for row in only_a[:3]:
            print(f"  only in {first.name}: {row[:300]}")
        for row in only_b[:3]:
            print(f"  only in {second.name}: {row[:300]}")
    return total


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the arguments and dump or compare."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dumping = sub.add_parser("dump", help="ingest paths and write their rows")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--onto", type=Path, help="ingest into a copy of this SQLite file")
    dumping.add_argument("--first", type=int, help="ingest this many paths in a process first")
    dumping.add_argument("paths", nargs="+")
    kept = sub.add_parser("rows", help="write the rows of paths a SQLite file holds")
    kept.add_argument("out", type=Path)
    kept.add_argument("db", type=Path)
    kept.add_argument("paths", nargs="+")
    comparing = sub.add_parser("compare", help="compare two dumps")
    comparing.add_argument("first", type=Path)
    comparing.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.out, args.paths, args.onto, args.first)
    elif args.command == "rows":
        found = rows(product.sqlite_url(args.db), {str(Path(p)) for p in args.paths})
        args.out.write_text(json.dumps(found, ensure_ascii=False, indent=0), encoding="utf-8")
        print({part: len(values) for part, values in found.items()})
    else:
        sys.exit(1 if compare(args.first, args.second) else 0)


if __name__ == "__main__":
    main()
