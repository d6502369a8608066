"""`briefing feeds`: list, add, remove and poll the operator's feeds; import and export OPML."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from summarizer.cli.commands import open_service, positive
from summarizer.cli.render import iso
from summarizer.errors import InputError
from summarizer.ingest.opml import ImportStatus, OpmlFeed, parse_opml, plan_import, write_opml
from summarizer.ingest.urls import normalize_feed_url
from summarizer.views import FeedStatus


def minutes(value: str) -> float:
    """Parse a polling interval in minutes (at least 1)."""
    try:
        number = float(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number of minutes: {value!r}") from exc
    if not number >= 1:
        raise argparse.ArgumentTypeError(f"at least 1 minute: {value!r}")
    return number


def _status_dict(feed: FeedStatus) -> dict[str, Any]:
    def moment(value: datetime | None) -> str | None:
        return iso(value) if value is not None else None

    return {
        "url": feed.url,
        "title": feed.title,
        "active": feed.active,
        "interval_minutes": feed.interval_minutes,
        "last_polled": moment(feed.last_polled),
        "last_success": moment(feed.last_success),
        "next_poll": moment(feed.next_poll),
        "failures": feed.failures,
        "last_error": feed.last_error,
        "polling_by": feed.polling_by,
    }


def status_text(feed: FeedStatus) -> str:
    """One feed as `briefing feeds list` prints it: address, schedule, health."""
    head = f"{feed.url}" + (f"  ({feed.title})" if feed.title else "")
    if not feed.active:
        head += "  [removed]"
    every = f"every {feed.interval_minutes:g} min" if feed.interval_minutes else "default interval"
    polled = iso(feed.last_polled) if feed.last_polled else "never"
    upcoming = iso(feed.next_poll) if feed.next_poll else "now"
    lines = [head, f"  {every}; last polled {polled}; next {upcoming}"]
    if feed.failures:
        lines.append(f"  FAILING ({feed.failures} in a row): {feed.last_error}")
    if feed.polling_by:
        lines.append(f"  being polled by {feed.polling_by}")
    return "\n".join(lines)


def cmd_feeds(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """Run one `briefing feeds` action."""
    action: str = args.action
    handler = _ACTIONS[action]
    return handler(args, config)


def _list(args: argparse.Namespace, config: dict[str, Any]) -> int:
    feeds = open_service(args, config).feed_statuses(include_removed=args.all)
    if args.json:
        print(json.dumps({"feeds": [_status_dict(f) for f in feeds]}, ensure_ascii=False))
    elif not feeds:
        print("No feeds yet: add one with `briefing feeds add URL`.")
    else:
        print("\n".join(status_text(feed) for feed in feeds))
    return 0


def _add(args: argparse.Namespace, config: dict[str, Any]) -> int:
    added = open_service(args, config).add_feed(
        args.url, title=args.title, interval_minutes=args.every
    )
    print(f"{'added' if added else 'already polled (details updated)'}: {args.url}")
    return 0


def _remove(args: argparse.Namespace, config: dict[str, Any]) -> int:
    if not open_service(args, config).remove_feed(args.url):
        raise InputError(f"{args.url}: not a feed (see `briefing feeds list`)")
    print(f"removed: {args.url}")
    return 0


def _poll(args: argparse.Namespace, config: dict[str, Any]) -> int:
    report = open_service(args, config).poll_feeds(due_only=not args.all, limit=args.limit)
    for error in report.errors:
        print(f"briefing: {error}", file=sys.stderr)
    if args.json:
        print(
            json.dumps(
                {
                    "polled": report.polled,
                    "new": report.new,
                    "duplicate": report.duplicate,
                    "failed": report.failed,
                    "failing": [_status_dict(f) for f in report.failing],
                },
                ensure_ascii=False,
            )
        )
    else:
        print(
            f"polled {report.polled} feed(s): {report.new} new, {report.duplicate} duplicate, "
            f"{report.failed} failed"
        )
        for feed in report.failing:
            print(status_text(feed))
    return 1 if report.failing else 0


def _import(args: argparse.Namespace, config: dict[str, Any]) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{args.file}: cannot read ({exc.strerror or exc})") from exc
    document = parse_opml(data, location=args.file)
    service = open_service(args, config)
    allow_private = service.policy.allow_private_addresses
    existing = {_normal(url, allow_private) for url in service.feeds()}
    added = 0
    for line in plan_import(document.feeds, existing, allow_private=allow_private):
        if line.status is ImportStatus.ADDED:
            service.add_feed(line.url, title=line.title or None)
            added += 1
            print(f"added: {line.url}")
        elif line.status is ImportStatus.ALREADY:
            print(f"already there: {line.url}")
        else:
            print(f"briefing: refused {line.url}: {line.reason}", file=sys.stderr)
    if document.unread:
        print(
            f"briefing: {document.unread} outline(s) past the first ones not read", file=sys.stderr
        )
    print(f"{added} feed(s) added")
    return 0


def _normal(url: str, allow_private: bool) -> str:
    try:
        return normalize_feed_url(url, allow_private=allow_private)
    except InputError:
        return url


def _export(args: argparse.Namespace, config: dict[str, Any]) -> int:
    feeds = open_service(args, config).feed_statuses()
    document = write_opml(
        [OpmlFeed(feed.url, feed.title) for feed in feeds],
        title="Briefing feeds",
        created=datetime.now(UTC),
    )
    if args.output:
        Path(args.output).write_bytes(document)
        print(f"{len(feeds)} feed(s) written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(document.decode("utf-8"))
    return 0


_ACTIONS = {
    "list": _list,
    "add": _add,
    "remove": _remove,
    "poll": _poll,
    "import": _import,
    "export": _export,
}


def add_feed_commands(sub: Any, db_help: str) -> None:
    """Register `briefing feeds ACTION` on an argparse subparsers object."""
    feeds = sub.add_parser("feeds", help="list, add, remove and poll feeds; import/export OPML")
    actions = feeds.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser("list", help="feeds with their schedule, last error and next try")
    p.add_argument("--all", action="store_true", help="removed feeds too")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("add", help="add (or re-activate) a feed")
    p.add_argument("url", metavar="URL")
    p.add_argument("--every", type=minutes, metavar="MINUTES", help="its own polling interval")
    p.add_argument("--title", help="a name to list it under")
    p = actions.add_parser("remove", help="stop polling a feed")
    p.add_argument("url", metavar="URL")
    p = actions.add_parser(
        "poll", help="poll the feeds that are due (safe beside running bots: feeds are leased)"
    )
    p.add_argument("--all", action="store_true", help="every active feed now, due or not")
    p.add_argument("--limit", type=positive, help="the most feeds to poll in this run")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("import", help="add the feeds of an OPML file (Feedly, Inoreader...)")
    p.add_argument("file", metavar="FILE.opml")
    p = actions.add_parser("export", help="write the active feeds as OPML")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    for parser in actions.choices.values():
        parser.add_argument("--db", help=db_help)
        parser.set_defaults(handler=cmd_feeds)
