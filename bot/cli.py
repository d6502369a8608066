"""The `briefing` command: domain subcommands plus `run` (the bot) and `chat` (offline REPL)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any

from bot.settings import SECTIONS
from summarizer.cli.printable import printable_stream
from summarizer.config import load_config
from summarizer.errors import BriefingError

logger = logging.getLogger(__name__)


def cmd_run(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """Run the Telegram bot (long polling, or a webhook with --webhook-url)."""
    from bot.entry import run_bot

    return run_bot(config, db_url=args.db, webhook_url=args.webhook_url)


def cmd_chat(args: argparse.Namespace, config: dict[str, Any]) -> int:
    """Talk to the bot's handlers in the terminal: no token, no network."""
    from bot.entry import run_chat

    return run_chat(config, db_url=args.db)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    # Imported here, not above: `ingest`'s worker processes (multiprocessing's spawn) import
    # this module again, and the commands' modules (the database layer) would cost each 40 MB.
    from summarizer.cli.commands import add_domain_commands
    from summarizer.cli.feeds import add_feed_commands
    from summarizer.cli.prune import add_prune_command

    parser = argparse.ArgumentParser(
        prog="briefing", description="News briefings: ingest, summarise, cluster, deliver."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_domain_commands(sub)
    db_help = "SQLAlchemy database URL (default: DATABASE_URL, then config/briefing.toml)"
    add_feed_commands(sub, db_help)
    add_prune_command(sub, db_help)
    p = sub.add_parser("run", help="run the Telegram bot (needs TELEGRAM_BOT_TOKEN)")
    p.add_argument("--db", help=db_help)
    p.add_argument("--webhook-url", help="serve a webhook at this public URL instead of polling")
    p.set_defaults(handler=cmd_run)
    p = sub.add_parser("chat", help="talk to the bot in the terminal (no token, no network)")
    p.add_argument("--db", help=db_help)
    p.set_defaults(handler=cmd_chat)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `briefing`; returns the exit code."""
    args = build_parser().parse_args(argv)
    # Titles and addresses come from the web: nothing they carry may drive the terminal.
    with (
        contextlib.redirect_stdout(printable_stream(sys.stdout)),
        contextlib.redirect_stderr(printable_stream(sys.stderr)),
    ):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Run the chosen subcommand; errors become one line on stderr and an exit code."""
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        config = load_config(sections=SECTIONS)
        code = int(args.handler(args, config))
        sys.stdout.flush()  # a closed pipe shows here, inside the handling below
        return code
    except BrokenPipeError:
        # The reader went away (`briefing events | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit cannot fail again
        return 128 + signal.SIGPIPE
    except BriefingError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the entry point: one line, the traceback only with -v
        logger.info("unexpected error", exc_info=True)
        detail = (str(exc).splitlines() or [""])[0]
        print(
            f"briefing: internal error: {type(exc).__name__}: {detail} "
            "(run with -v for the traceback, and please report it)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
