"""The domain commands behind `briefing`: article, ingest, search, events, digest, story, demo."""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tqdm import tqdm

from summarizer.cli import render
from summarizer.config import database_url, section
from summarizer.errors import InputError
from summarizer.ingest.fetch import FetchPolicy
from summarizer.ingest.pipeline import SummarySpec
from summarizer.ingest.runner import prepare
from summarizer.ingest.sources import Failure, expand
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.summarize.article import METHODS

logger = logging.getLogger(__name__)

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
DEMO_DB = Path(".demo") / "briefing.db"


def parse_time(value: str) -> datetime:
    """Parse an ISO 8601 time for --since (naive times are UTC)."""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except (ValueError, OverflowError) as exc:
        raise argparse.ArgumentTypeError(
            f"not an ISO time: {value[:60]!r} (e.g. 2026-03-12T08:00Z)"
        ) from exc


def positive(value: str) -> int:
    """Parse a positive integer argument."""
    try:
        number = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from exc
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {number}")
    return number


def open_service(args: argparse.Namespace, config: dict[str, Any]) -> BriefingService:
    """Open (and migrate) the database named by --db / DATABASE_URL / the config."""
    engine = make_engine(database_url(config, getattr(args, "db", None)))
    create_schema(engine)
    return BriefingService(engine, config)


def cmd_article(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """Clean and summarise files without a database; one JSON object (or block) per file."""
    spec = SummarySpec(method=args.method, sentences=args.sentences or 3, words=args.words)
    if args.sentences is None and args.words is None:
        spec = SummarySpec(
            method=args.method, sentences=int(section(config, "summaries").get("sentences", 3))
        )
    policy = FetchPolicy.from_config(config)
    now = datetime.now(UTC)
    failed = 0
    for location in args.files:
        try:
            is_dir = Path(location).is_dir()
        except OSError as exc:  # e.g. a name too long for the file system
            failed += _fail(f"{location[:200]}: cannot read ({exc.strerror or exc})")
            continue
        if is_dir:
            failed += _fail(f"{location}: is a directory (give files; `ingest` takes directories)")
            continue
        for item in expand([location], policy=policy):
            article = prepare(item, summary=spec, known_boilerplate=frozenset(), now=now)
            if isinstance(article, Failure):
                failed += _fail(article.message)
                continue
            print(render.article_json(article) if args.json else render.article_text(article))
    return 1 if failed else 0


def cmd_ingest(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """Add files, directories, URLs and feeds to the database."""
    service = open_service(args, config)
    bar: list[Any] = []

    def progress(total: int) -> Callable[[], None]:
        bar.append(tqdm(total=total, unit="article", disable=None if total > 20 else True))
        return lambda: bar[0].update(1)

    report = service.ingest(args.inputs, progress=progress)
    if bar:
        bar[0].close()
    for message in report.errors:
        print(f"briefing: {message}", file=sys.stderr)
    if args.json:
        print(json.dumps(render.report_dict(report), ensure_ascii=False))
    else:
        print(f"{report.new} new, {report.duplicate} duplicate, {report.failed} failed")
    return 1 if report.failed else 0


def cmd_search(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """Full-text search over stored articles."""
    hits = open_service(args, config).search(args.query, limit=args.limit)
    if args.json:
        print(json.dumps({"hits": [render.hit_dict(h) for h in hits]}, ensure_ascii=False))
    elif not hits:
        print("No matches.")
    else:
        for hit in hits:
            print(render.hit_text(hit))
    return 0


def cmd_events(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """Events ranked by importance, with digests."""
    events = open_service(args, config).top_events(
        limit=args.limit, since=args.since, words=args.words
    )
    if args.json:
        print(json.dumps({"events": [render.event_dict(e) for e in events]}, ensure_ascii=False))
    elif not events:
        print("No events yet: ingest some articles first (briefing ingest PATH).")
    else:
        for rank, event in enumerate(events, start=1):
            print(render.event_text(event, rank=rank))
    return 0


def cmd_digest(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """The digest of one event."""
    event = open_service(args, config).event(args.event_id, words=args.words, since=args.since)
    if args.json:
        print(json.dumps(render.event_dict(event), ensure_ascii=False))
    else:
        print(render.event_text(event))
    return 0


def cmd_story(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """The timeline of one story."""
    story = open_service(args, config).story(args.story_id)
    if args.json:
        payload = {
            "id": story.id,
            "title": story.title,
            "events": [render.event_dict(e) for e in story.events],
        }
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(f"Story {story.id}: {story.title}\n")
        for event in story.events:
            print(render.event_text(event))
    return 0


def cmd_demo(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """Ingest the bundled sample into a fresh SQLite file and print the briefing."""
    target = Path(args.db_path)
    if target.parent.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    args.db = f"sqlite:///{target}"
    service = open_service(args, config)
    report = service.ingest([str(SAMPLE)])
    width = min(100, shutil.get_terminal_size((100, 20)).columns)
    print("=" * width)
    print(
        f"Briefing demo: {report.new} articles stored, {report.duplicate} duplicates linked, "
        f"{report.failed} failed — database {target}"
    )
    for message in report.errors:
        print(f"  ! {message}")
    print("=" * width + "\n")
    for rank, event in enumerate(service.top_events(limit=args.limit), start=1):
        print(render.event_text(event, rank=rank))
    print("Try: .venv/bin/briefing search treaty --db " + args.db)
    print("     .venv/bin/briefing chat --db " + args.db + "   (talk to the bot offline)")
    return 0 if not report.failed else 1


def _fail(message: str) -> int:
    print(f"briefing: {message}", file=sys.stderr)
    return 1


def add_domain_commands(sub: Any) -> None:
    """Register the domain subcommands on an argparse subparsers object."""
    db_help = "SQLAlchemy database URL (default: DATABASE_URL, then config/briefing.toml)"

    p = sub.add_parser("article", help="clean and summarise files (no database)")
    p.add_argument("files", nargs="+", metavar="FILE", help=".txt (or no extension) or .html")
    p.add_argument("--json", action="store_true", help="one JSON object per file, one per line")
    length = p.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=positive, help="summary length in sentences")
    length.add_argument("--words", type=positive, help="summary length in words")
    p.add_argument("--method", choices=METHODS, default="default", help="summariser")
    p.set_defaults(handler=cmd_article)

    p = sub.add_parser("ingest", help="add files, directories, URLs and feeds to the database")
    p.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    p.add_argument("--db", help=db_help)
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(handler=cmd_ingest)

    p = sub.add_parser("search", help="full-text search over stored articles")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--db", help=db_help)
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=positive, default=10)
    p.set_defaults(handler=cmd_search)

    for name, helptext, handler in (
        ("events", "events ranked by importance, with digests", cmd_events),
        ("digest", "the digest of one event", cmd_digest),
    ):
        p = sub.add_parser(name, help=helptext)
        if name == "digest":
            p.add_argument("event_id", type=positive, metavar="EVENT_ID")
        else:
            p.add_argument("--limit", type=positive, default=10)
        p.add_argument("--db", help=db_help)
        p.add_argument("--json", action="store_true")
        p.add_argument("--words", type=positive, help="digest length in words")
        p.add_argument("--since", type=parse_time, metavar="ISO_TIME", help="only what is new")
        p.set_defaults(handler=handler)

    p = sub.add_parser("story", help="the timeline of one story")
    p.add_argument("story_id", type=positive, metavar="STORY_ID")
    p.add_argument("--db", help=db_help)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_story)

    p = sub.add_parser("demo", help="ingest the bundled sample into SQLite and print the briefing")
    p.add_argument("--db-path", default=str(DEMO_DB), help="SQLite file to (re)create")
    p.add_argument("--limit", type=positive, default=5)
    p.set_defaults(handler=cmd_demo)


__all__ = ["InputError", "add_domain_commands"]
