"""Database size under a steady feed, with and without retention (simulated weeks, no real time).

Run: .venv/bin/python -m benchmarks.retention_steady [--weeks 26] [--days 30] [--no-prune]

Each simulated week, 10 plain-text articles a day from 5 outlets (benchmarks.steady_feed) are
ingested into a fresh SQLite file with that week's end as "now", then pruned to `--days`
(`BriefingService.prune`); the file is measured after a WAL checkpoint. Prints one JSON line
per week: articles, events, furniture line counts, file bytes, articles pruned.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.steady_feed import SteadyFeed
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine


def main() -> None:
    """Run the simulated weeks and print a line per week."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weeks", type=int, default=26)
    parser.add_argument("--days", type=int, default=30, help="retention in days")
    parser.add_argument("--no-prune", action="store_true", help="never prune (the baseline)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="retention-"))
    database = work / "steady.db"
    engine = make_engine(f"sqlite:///{database}")
    create_schema(engine)
    service = BriefingService(engine, {"store": {"retention_days": args.days}})
    feed = SteadyFeed()
    start = datetime(2026, 1, 5, tzinfo=UTC)
    try:
        for week in range(args.weeks):
            folder = work / f"week{week}"
            for day in range(7):
                feed.day(folder, start + timedelta(days=7 * week + day))
            now = start + timedelta(days=7 * week + 7)
            began = time.perf_counter()
            report = service.ingest([str(folder)], now=now)
            pruned = 0 if args.no_prune else service.prune(now=now).articles
            seconds = time.perf_counter() - began
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                lines = connection.exec_driver_sql("SELECT count(*) FROM sourceline").scalar()
            shutil.rmtree(folder)
            counts = service.stats()
            print(
                json.dumps(
                    {
                        "week": week + 1,
                        "new": report.new,
                        "articles": counts["articles"],
                        "events": counts["events"],
                        "line_counts": lines,
                        "bytes": database.stat().st_size,
                        "pruned": pruned,
                        "seconds": round(seconds, 2),
                    }
                ),
                flush=True,
            )
    finally:
        engine.dispose()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
