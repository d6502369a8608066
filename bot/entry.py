"""Entry points the `briefing` CLI calls: `run` (the Telegram bot) and `chat` (the terminal)."""

from __future__ import annotations

import asyncio
import functools
import gc
import importlib.util
import logging
import os
import re
import secrets
import sys
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, TextIO
from urllib.parse import urlsplit

from telegram import Bot, Update
from telegram.error import InvalidToken, NetworkError, TelegramError, TimedOut
from telegram.request import HTTPXRequest

from bot.app import build_application
from bot.logsafe import protect_token
from bot.ratelimit import Limits
from bot.serve import StartUpdater, StoppedStarting, serve, stop_unwinds
from bot.settings import DEFAULT_API_URL, BotSettings
from bot.store.db import open_database
from bot.terminal import CHAT_ID, TerminalRequest, chat_session
from summarizer.config import database_url
from summarizer.service import BriefingService

logger = logging.getLogger(__name__)

_TOKEN = re.compile(r"\d+:(?P<secret>[A-Za-z0-9_-]+)")
_OFFICIAL_SECRET = 30  # @BotFather's secrets have 35 characters; a little slack for the future
_API_CHECK_SECONDS = 4.0  # getMe at start: the whole check, connect included

NO_TOKEN = (
    "briefing run: TELEGRAM_BOT_TOKEN is not set. Set it to the token @BotFather gave you "
    "(TELEGRAM_API_URL picks another Bot API server), or try `briefing chat`, which needs none."
)


def run_bot(
    config: Mapping[str, Any], *, db_url: str | None, webhook_url: str | None = None
) -> int:
    """Run the Telegram bot until interrupted: long polling, or a webhook when a URL is given.

    Args:
        config: the loaded configuration (summarizer.config.load_config).
        db_url: --db override of the database URL.
        webhook_url: public HTTPS URL Telegram should post updates to (webhook mode).

    Returns:
        The exit code: 0 after a clean stop, 2 when TELEGRAM_BOT_TOKEN is missing or webhook
        mode cannot run.
    """
    settings = BotSettings.from_env(config, os.environ)
    if not settings.token:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    if webhook_url and importlib.util.find_spec("tornado") is None:
        print(
            "briefing run: webhook mode needs tornado: pip install "
            '"python-telegram-bot[webhooks]" (or run without --webhook-url to poll).',
            file=sys.stderr,
        )
        return 2
    protect_token(settings.token)  # before the first request: httpx logs URLs, token included
    problem = token_problem(settings.token, official=settings.api_url == DEFAULT_API_URL)
    if problem is None:
        problem = asyncio.run(api_problem(settings))
    if problem is not None:
        print(f"briefing run: {problem}", file=sys.stderr)
        return 2
    os.environ.setdefault("PTB_TIMEDELTA", "true")  # RetryAfter as timedelta, without warnings
    engine = None
    try:
        with stop_unwinds():  # a stop while migrating rolls the migration run back whole
            engine = open_database(database_url(config, db_url))
            app = build_application(settings, BriefingService(engine, config), engine)
    except StoppedStarting as stop:
        logger.info("stop signal while opening the database (%s): stopped before serving", stop)
        if engine is not None:
            engine.dispose()
        return 0
    logger.info("bot starting against %s", settings.api_url)
    try:
        _serve(app, settings, webhook_url)
    except InvalidToken:
        # PTB's message quotes the token: say what happened without it.
        print(
            "briefing run: the Bot API server rejected TELEGRAM_BOT_TOKEN; "
            "check the token (@BotFather) and TELEGRAM_API_URL.",
            file=sys.stderr,
        )
        return 2
    except (NetworkError, TimedOut) as exc:  # the server went away after the check at start
        reason = _without(exc.message, settings.token)
        print(
            f"briefing run: lost the Bot API at {settings.api_url} ({reason}): "
            "check TELEGRAM_API_URL and the network.",
            file=sys.stderr,
        )
        return 2
    finally:
        engine.dispose()
    return 0


def token_problem(token: str, *, official: bool) -> str | None:
    """Say what is wrong with a token's shape (never quoting it), or None when it looks right.

    A token is the bot's id (digits), a colon and a secret of URL-safe characters; @BotFather's
    secrets are 35 characters long, so for Telegram's own server a short one is a typo.
    """
    match = _TOKEN.fullmatch(token)
    if match is None or (official and len(match.group("secret")) < _OFFICIAL_SECRET):
        return (
            "TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then about 35 "
            "letters, digits, - or _ as @BotFather gives it): check for quotes, spaces or a "
            "missing part."
        )
    return None


async def api_problem(settings: BotSettings) -> str | None:
    """Ask the Bot API who the bot is (getMe), within seconds; say what to fix when it fails."""
    assert settings.token is not None
    timeout = _API_CHECK_SECONDS / 3
    request = HTTPXRequest(
        connect_timeout=timeout, read_timeout=timeout, write_timeout=timeout, pool_timeout=timeout
    )
    bot = Bot(
        settings.token,
        base_url=f"{settings.api_url}/bot",
        base_file_url=f"{settings.api_url}/file/bot",
        request=request,
        get_updates_request=request,
    )
    where = settings.api_url
    quiet = logging.getLogger("telegram")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # PTB logs a traceback per failed request: one line says it
    try:
        async with asyncio.timeout(_API_CHECK_SECONDS):
            await bot.get_me()
    except InvalidToken:
        return (
            f"the Bot API at {where} rejected TELEGRAM_BOT_TOKEN: check the token (@BotFather) "
            "and TELEGRAM_API_URL."
        )
    except (TimeoutError, TimedOut, NetworkError) as exc:
        reason = "no answer in time" if not isinstance(exc, NetworkError) else exc.message
        return (
            f"cannot reach the Bot API at {where} ({_without(reason, settings.token)}): "
            "check TELEGRAM_API_URL and the network."
        )
    except TelegramError as exc:
        return (
            f"the Bot API at {where} refused getMe ({_without(exc.message, settings.token)}): "
            "check TELEGRAM_API_URL and TELEGRAM_BOT_TOKEN."
        )
    finally:
        quiet.setLevel(level)
        await request.shutdown()
    return None


def _without(text: str, secret: str) -> str:
    """A message with the token cut out (PTB quotes URLs that hold it)."""
    return " ".join(text.replace(secret, "<token>").split())


def _serve(app: Any, settings: BotSettings, webhook_url: str | None) -> None:
    """Run the application: a webhook when a URL is given, else long polling."""
    # What start-up built (PTB, SQLAlchemy, the summariser's modules: some 150,000 objects)
    # lives as long as the process: frozen, the garbage collector stops walking it, which
    # cost about 5% of the CPU of answering a burst of /help (benchmarks.bot_commands).
    gc.freeze()
    updater = app.updater
    assert updater is not None  # build_application gives one whenever it uses the network
    start: StartUpdater
    if webhook_url:
        start = functools.partial(
            updater.start_webhook,
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlsplit(webhook_url).path.lstrip("/"),
            webhook_url=webhook_url,
            secret_token=secrets.token_urlsafe(32),
            allowed_updates=Update.ALL_TYPES,
        )
    else:

        def polling_error(exc: TelegramError) -> None:  # to the error handlers, as run_polling
            app.create_task(app.process_error(error=exc, update=None))

        start = functools.partial(
            updater.start_polling, allowed_updates=Update.ALL_TYPES, error_callback=polling_error
        )
    serve(app, start)


def run_chat(
    config: Mapping[str, Any],
    *,
    db_url: str | None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """Talk to the bot's handlers in the terminal; no token, no network.

    Args:
        config: the loaded configuration.
        db_url: --db override of the database URL.
        stdin: where lines are read (default sys.stdin).
        stdout: where the bot's messages are printed (default sys.stdout).

    Returns:
        The exit code (0).
    """
    source = stdin or sys.stdin
    out = stdout or sys.stdout
    base = BotSettings.from_env(config, {})  # never a token, never a remote API
    # One person at a keyboard (or a script piping commands): no command rate limit.
    settings = replace(
        base,
        admin_ids=base.admin_ids | {CHAT_ID},
        poll_minutes=0,
        commands_per_minute=float("inf"),
    )
    engine = open_database(database_url(config, db_url))
    request = TerminalRequest(out)
    app = build_application(
        settings,
        BriefingService(engine, config),
        engine,
        request=request,
        limits=Limits(chat_interval=0, max_retries=0),
    )

    def read_line() -> str | None:
        if source.isatty():
            out.write("> ")
            out.flush()
        line = source.readline()
        return line if line else None

    try:
        asyncio.run(chat_session(app, request, read_line, out))
    finally:
        engine.dispose()
    return 0
