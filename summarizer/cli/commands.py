"""The domain commands behind `briefing`: article, ingest, search, events, digest, story, stats."""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from tqdm import tqdm

from summarizer.cli import render
from summarizer.config import SummariesSection, database_url, read_section
from summarizer.errors import InputError, NotFoundError, StorageError
from summarizer.ingest.fetch import FetchPolicy
from summarizer.ingest.pipeline import SummarySpec
from summarizer.ingest.prepare import prepare_article
from summarizer.ingest.sources import Failure, Skipped, expand
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.summarize.article import METHODS

logger = logging.getLogger(__name__)

#: Worker processes `ingest` prepares a large batch in by default, on two cores or more: one
#: prepares as fast as this process stores, and each holds its own copy of the code (70 MB).
_DEFAULT_WORKERS = 1

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


def non_negative(value: str) -> int:
    """Parse a non-negative integer argument."""
    try:
        number = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from exc
    if number < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {number}")
    return number


def open_service(
    args: argparse.Namespace, config: dict[str, Any], *, reading: bool = False
) -> BriefingService:
    """Open (and migrate) the database named by --db / DATABASE_URL / the config.

    Args:
        args: the parsed command line (its --db, when the command has one).
        config: the loaded configuration.
        reading: the command only reads: a missing SQLite file is an error, never created.

    Raises:
        StorageError: `reading` and the SQLite database file does not exist.
    """
    url = database_url(config, getattr(args, "db", None))
    if reading:
        path = sqlite_file(url)
        if path is not None and not path.exists():
            raise StorageError(
                f"no database at {path}: ingest articles first (briefing ingest PATH --db {url}) "
                "or name another with --db or DATABASE_URL"
            )
    engine = make_engine(url)
    create_schema(engine)
    return BriefingService(engine, config)


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases, in-memory SQLite or a bad URL)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None  # make_engine says what is wrong with it
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(str(parsed.database)).expanduser()


def _summary_spec(args: argparse.Namespace, configured: SummariesSection) -> SummarySpec:
    """The summary `article` writes: the flags given, else the configured method and length."""
    method = args.method or configured.method
    if args.words is not None:
        return SummarySpec(method=method, sentences=None, words=args.words)
    return SummarySpec(method=method, sentences=args.sentences or configured.sentences)


def cmd_article(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """Clean and summarise files without a database, or show stored articles by --id."""
    if args.ids:
        if args.files:
            raise InputError("give FILEs or --id, not both")
        return _stored_articles(args, config)
    if not args.files:
        raise InputError("give one or more FILEs (or --id ID to show a stored article)")
    spec = _summary_spec(args, read_section(config, "summaries", SummariesSection))
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
            if isinstance(item, Skipped):
                continue  # directories are refused above
            article = prepare_article(item, summary=spec, known_boilerplate=frozenset(), now=now)
            if isinstance(article, Failure):
                failed += _fail(article.message)
                continue
            print(render.article_json(article) if args.json else render.article_text(article))
    return 1 if failed else 0


def _stored_articles(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """Print stored articles by id; an unknown id is one line on stderr."""
    service = open_service(args, config, reading=True)
    failed = 0
    for article_id in args.ids:
        try:
            view = service.article(article_id)
        except NotFoundError as exc:
            failed += _fail(str(exc))
            continue
        print(render.stored_json(view) if args.json else render.stored_text(view))
    return 1 if failed else 0


def cmd_ingest(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """Add files, directories, URLs and feeds to the database."""
    service = open_service(args, config)
    bar: list[Any] = []

    def progress(total: int) -> Callable[[], None]:
        bar.append(tqdm(total=total, unit="article", disable=None if total > 20 else True))
        return lambda: bar[0].update(1)

    workers = args.workers
    if workers is None:
        workers = _DEFAULT_WORKERS if (os.cpu_count() or 1) > 1 else 0
    report = service.ingest(args.inputs, progress=progress, workers=workers)
    if bar:
        bar[0].close()
    for message in report.errors:
        print(f"briefing: {message}", file=sys.stderr)
    for location in report.skipped:
        print(f"briefing: {location}: skipped (not a text, HTML or feed file)", file=sys.stderr)
    if args.json:
        print(json.dumps(render.report_dict(report), ensure_ascii=False))
    else:
        skipped = f", {len(report.skipped)} skipped" if report.skipped else ""
        print(f"{report.new} new, {report.duplicate} duplicate, {report.failed} failed{skipped}")
    return 1 if report.failed else 0


def cmd_search(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """Full-text search over stored articles."""
    hits = open_service(args, config, reading=True).search(args.query, limit=args.limit)
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
    events = open_service(args, config, reading=True).top_events(
        limit=args.limit, offset=args.offset, since=args.since, words=args.words
    )
    if args.json:
        print(json.dumps({"events": [render.event_dict(e) for e in events]}, ensure_ascii=False))
    elif not events:
        print(_no_events(args))
    else:
        for rank, event in enumerate(events, start=args.offset + 1):
            print(render.event_text(event, rank=rank))
    return 0


def _no_events(args: argparse.Namespace) -> str:
    """Why `events` lists nothing: no event newer than --since, none past --offset, or none."""
    if args.since is not None:
        return f"No events with articles after {args.since.isoformat().replace('+00:00', 'Z')}."
    if args.offset:
        return f"No events past the first {args.offset}."
    return "No events yet: ingest some articles first (briefing ingest PATH)."


def cmd_stats(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """Counts of articles, events, stories, sources and feeds."""
    counts = open_service(args, config, reading=True).stats()
    if args.json:
        print(json.dumps(counts))
    else:
        for name, count in counts.items():
            print(f"{name}: {count}")
    return 0


def cmd_digest(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """The digest of one event."""
    service = open_service(args, config, reading=True)
    event = service.event(args.event_id, words=args.words, since=args.since)
    if args.json:
        print(json.dumps(render.event_dict(event), ensure_ascii=False))
    else:
        print(render.event_text(event))
    return 0


def cmd_story(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """A story: the digest of all its events, then its timeline."""
    story = open_service(args, config, reading=True).story(args.story_id, words=args.words)
    if args.json:
        print(json.dumps(render.story_dict(story), ensure_ascii=False))
    else:
        print(render.story_text(story))
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

    p = sub.add_parser(
        "article", help="clean and summarise files (no database), or show stored ones by --id"
    )
    p.add_argument("files", nargs="*", metavar="FILE", help=".txt (or no extension) or .html")
    p.add_argument(
        "--id",
        dest="ids",
        type=positive,
        action="append",
        default=[],
        metavar="ID",
        help="show the stored article with this id (repeatable; reads --db)",
    )
    p.add_argument("--db", help=db_help + "; only with --id")
    p.add_argument("--json", action="store_true", help="one JSON object per file, one per line")
    length = p.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=positive, help="summary length in sentences")
    length.add_argument("--words", type=positive, help="summary length in words")
    p.add_argument("--method", choices=METHODS, help="summariser (default: [summaries] method)")
    p.set_defaults(handler=cmd_article)

    p = sub.add_parser("ingest", help="add files, directories, URLs and feeds to the database")
    p.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    p.add_argument("--db", help=db_help)
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.add_argument(
        "--workers",
        type=non_negative,
        help="worker processes preparing a batch of 200 inputs or more (default: "
        f"{_DEFAULT_WORKERS} on two cores or more, else 0; the stored rows are the same "
        "for any number)",
    )
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
            p.add_argument(
                "--limit",
                type=positive,
                default=10,
                help="how many events (default 10; every one asked for is listed, none capped)",
            )
            p.add_argument(
                "--offset",
                type=non_negative,
                default=0,
                help="skip this many of the best-ranked events first: page with --offset "
                "and --limit (e.g. --offset 100 --limit 100 for the second hundred)",
            )
        p.add_argument("--db", help=db_help)
        p.add_argument("--json", action="store_true")
        p.add_argument("--words", type=positive, help="digest length in words")
        p.add_argument("--since", type=parse_time, metavar="ISO_TIME", help="only what is new")
        p.set_defaults(handler=handler)

    p = sub.add_parser("story", help="a story: the digest of all its events, then its timeline")
    p.add_argument("story_id", type=positive, metavar="STORY_ID")
    p.add_argument("--db", help=db_help)
    p.add_argument("--json", action="store_true")
    p.add_argument("--words", type=positive, help="length of the story's digest in words")
    p.set_defaults(handler=cmd_story)

    p = sub.add_parser("stats", help="counts of articles, events, stories, sources and feeds")
    p.add_argument("--db", help=db_help)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("demo", help="ingest the bundled sample into SQLite and print the briefing")
    p.add_argument("--db-path", default=str(DEMO_DB), help="SQLite file to (re)create")
    p.add_argument("--limit", type=positive, default=5)
    p.set_defaults(handler=cmd_demo)


__all__ = ["InputError", "add_domain_commands"]
