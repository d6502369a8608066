"""Row-by-row results of an ingest, to compare two versions of the code on the same files.

Run: `.venv/bin/python -m benchmarks.ingest_rows dump OUT.json PATH...` ingests the paths through
the `briefing` CLI into a fresh SQLite file and writes its articles (title, source, date unless
estimated, language), summaries, copies, events (their articles, title, counts) and stories (their
events), every id replaced by article locations; `... compare A.json B.json` prints, per part,
whether the two are equal and the first differences. Run `dump` on a checkout of each version.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import text

from benchmarks import product
from summarizer.store.db import make_engine


def rows(url: str) -> dict[str, Any]:
    """The database's results by location (see the module docstring)."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            articles = connection.execute(
                text(
                    "SELECT a.id, a.location, a.title, s.name, a.published, "
                    "a.published_estimated, a.language, a.event_id "
                    "FROM article a JOIN source s ON s.id = a.source_id"
                )
            ).all()
            summaries = connection.execute(
                text("SELECT article_id, sentences_json FROM summary")
            ).all()
            copies = connection.execute(
                text("SELECT location, article_id, similarity FROM articlecopy")
            ).all()
            events = connection.execute(
                text("SELECT id, story_id, title, article_count, source_count FROM event")
            ).all()
    finally:
        engine.dispose()
    where = {row[0]: row[1] for row in articles}
    members: dict[int, list[str]] = {}
    for row in articles:
        members.setdefault(row[7], []).append(row[1])
    story_events: dict[int, list[list[str]]] = {}
    for event_id, story_id, *_ in events:
        story_events.setdefault(story_id, []).append(sorted(members.get(event_id, [])))
    return {
        "articles": sorted(
            [row[1], row[2], row[3], "estimated" if row[5] else str(row[4]), row[6]]
            for row in articles
        ),
        "summaries": sorted([where[a], json.loads(s)] for a, s in summaries),
        "copies": sorted([location, where[a], round(s, 4)] for location, a, s in copies),
        "events": sorted(
            [sorted(members.get(e, [])), title, count, sources]
            for e, _, title, count, sources in events
        ),
        "stories": sorted(sorted(found) for found in story_events.values()),
    }


def dump(out: Path, paths: Sequence[str]) -> None:
    """Ingest the paths into a fresh SQLite file through the CLI and write its rows."""
    with tempfile.TemporaryDirectory() as folder:
        url = product.sqlite_url(Path(folder) / "rows.db")
        result = product.briefing("ingest", "--json", "--db", url, *paths)
        if result.code not in (0, 1):
            sys.exit(f"ingest failed ({result.code}): {result.stderr[-500:]}")
        found = rows(url)
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
    dumping.add_argument("paths", nargs="+")
    comparing = sub.add_parser("compare", help="compare two dumps")
    comparing.add_argument("first", type=Path)
    comparing.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.out, args.paths)
    else:
        sys.exit(1 if compare(args.first, args.second) else 0)


if __name__ == "__main__":
    main()
