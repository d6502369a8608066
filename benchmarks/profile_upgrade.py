"""One-time cost of remaking stored story profiles whose articles' features are of an older version.

Run: `.venv/bin/python -m benchmarks.profile_upgrade [--shared PATH] [--rounds 2]`. The WikiRef
articles and the extraction dev texts go to `briefing ingest` on a fresh SQLite database (the
product). Two copies of it are then measured, each with its stored ingest origin dropped (as
migration 0018 does), so the next ingest rebuilds the indexes from the rows: "current" as
stored, and "older" with every article's features marked as of the version before
`events.features.PROFILES_SINCE` and every event profile without its `s:` names (as a version
before them stored them). One BBC article then goes to `briefing ingest` on each copy,
alternately, `--rounds` times; the table gives that child's CPU seconds (user and system), the
events whose features were older before it, and after it. Prints a Markdown table and writes
benchmarks/results/profile_upgrade.md. `--age BUILT COPY` only writes such an "older" copy of a
SQLite file (e.g. a kept `ingest_scale` build), for measuring the first ingest after an upgrade
at scale.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from sqlmodel import Session

from benchmarks import product
from summarizer.events.features import FEATURES_VERSION, PROFILES_SINCE, SPECIFIC
from summarizer.store import profiles
from summarizer.store.db import make_engine
from summarizer.store.ingest_state import forget_origin

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "profile_upgrade.md"


def drop_origin(path: Path) -> None:
    """Drop the stored ingest origin (the store's `forget_origin`, as migration 0018 does)."""
    engine = make_engine(product.sqlite_url(path))
    try:
        with Session(engine) as session:
            forget_origin(session=session)
            session.commit()
    finally:
        engine.dispose()


def age(path: Path) -> None:
    """Mark every article's features as of the version before `PROFILES_SINCE` and take the
    `s:` names out of every event profile."""
    current, previous = f'"v":{FEATURES_VERSION},', f'"v":{PROFILES_SINCE - 1},'
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT id, features FROM article").fetchall()
        connection.executemany(
            "UPDATE article SET features = ? WHERE id = ?",
            [(text.replace(current, previous, 1), key) for key, text in rows if text],
        )
        rows = connection.execute("SELECT id, profile_json FROM event").fetchall()
        connection.executemany(
            "UPDATE event SET profile_json = ? WHERE id = ?",
            [
                (json.dumps({k: v for k, v in json.loads(p).items() if k[:2] != SPECIFIC}), key)
                for key, p in rows
            ],
        )


def aged_copy(built: Path, copy: Path) -> None:
    """Copy a SQLite file as a version before `PROFILES_SINCE` left it: its origin dropped, its
    features and profiles aged (`age`); the copy must not exist yet (no journal of another)."""
    if copy.exists():
        raise SystemExit(f"{copy} exists: give a new file")
    shutil.copyfile(built, copy)
    drop_origin(copy)
    age(copy)


def stale(path: Path) -> int:
    """How many events of every story have an article whose features make profiles again."""
    engine = make_engine(product.sqlite_url(path))
    try:
        with sqlite3.connect(path) as connection:
            stories = [row[0] for row in connection.execute("SELECT id FROM story")]
        with Session(engine) as session:
            return len(profiles.stale_events(session=session, story_ids=stories))
    finally:
        engine.dispose()


def timed_ingest(path: Path, article: Path) -> float:
    """CPU seconds (user and system) of `briefing ingest` of one file into the database."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    report, result = product.ingest([article], product.sqlite_url(path))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.code != 0 or report.get("new") != 1:
        raise SystemExit(f"ingest failed: {report} {result.stderr[-500:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run(shared: Path, rounds: int) -> str:
    """Measure both copies `rounds` times and return the Markdown table."""
    folders = [shared / "eval" / "wikiref" / "articles", shared / "eval" / "extraction" / "text"]
    article = sorted((shared / "eval" / "bbc" / "articles").glob("*.txt"))[0]
    rows: dict[str, list[tuple[int, float, int]]] = {"current": [], "older": []}
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "built.db"
        report, result = product.ingest(folders, product.sqlite_url(built))
        if result.code != 0:
            raise SystemExit(f"ingest failed: {result.stderr[-500:]}")
        stored = int(report.get("new", 0))
        for round_ in range(rounds):
            for name in rows:
                copy = Path(tmp) / f"{name}{round_}.db"  # a new file: no journal of another
                if name == "older":
                    aged_copy(built, copy)
                else:
                    shutil.copyfile(built, copy)
                    drop_origin(copy)
                before = stale(copy)
                seconds = timed_ingest(copy, article)
                rows[name].append((before, seconds, stale(copy)))
    lines = [
        f"# Remaking older story profiles ({stored} articles stored, then one more ingested)",
        "",
        "| database | events with older features before | CPU s of `briefing ingest` of one "
        "file (each round) | median CPU s | events with older features after |",
        "|---|---|---|---|---|",
    ]
    for name, found in rows.items():
        each = ", ".join(f"{s:.2f}" for _, s, _ in found)
        median = statistics.median(s for _, s, _ in found)
        lines.append(f"| {name} | {found[0][0]} | {each} | {median:.2f} | {found[-1][2]} |")
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines += ["", f"Measured {stamp}; one BBC article ingested into each copy in turn."]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark, print the table and save it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=product.default_shared())
    parser.add_argument("--rounds", type=int, default=2, help="alternate measurements of each")
    parser.add_argument(
        "--age",
        nargs=2,
        type=Path,
        metavar=("BUILT", "COPY"),
        help="only copy a SQLite file as an older version left it (origin dropped) and exit",
    )
    args = parser.parse_args(argv)
    if args.age:
        aged_copy(*args.age)
        return
    table = run(args.shared, args.rounds)
    print(table)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(table)


if __name__ == "__main__":
    main()
