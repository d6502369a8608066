"""`briefing prune`: remove articles older than the retention period, with what hangs on them."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from summarizer.cli.commands import open_service, positive
from summarizer.cli.render import iso
from summarizer.views import PruneReport


def report_text(report: PruneReport) -> str:
    """One line saying what went (or would go) and the cutoff."""
    verb = "would remove" if report.dry_run else "removed"
    return (
        f"{verb} {report.articles} article(s) published before {iso(report.before)}, "
        f"{report.copies} copies, {report.summaries} summaries, {report.events} event(s), "
        f"{report.stories} story(ies), {report.furniture_lines} furniture line count(s), "
        f"{report.fetch_validators} fetch validator(s), {report.deliveries} delivery record(s)"
    )


def cmd_prune(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """Prune articles older than --days (default store.retention_days)."""
    report = open_service(args, config).prune(days=args.days, dry_run=args.dry_run)
    if args.json:
        values = asdict(report)
        values["before"] = iso(report.before)
        print(json.dumps(values))
    else:
        print(report_text(report))
    return 0


def add_prune_command(sub: Any, db_help: str) -> None:
    """Register `briefing prune` on an argparse subparsers object."""
    p = sub.add_parser(
        "prune", help="remove articles older than the retention period (store.retention_days)"
    )
    p.add_argument("--days", type=positive, help="keep this many days (default from the config)")
    p.add_argument("--dry-run", action="store_true", help="only count what would go")
    p.add_argument("--json", action="store_true")
    p.add_argument("--db", help=db_help)
    p.set_defaults(handler=cmd_prune)
