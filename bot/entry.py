"""Entry points the `briefing` CLI calls: `run` (the Telegram bot) and `chat` (the terminal)."""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import os
import secrets
import sys
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, TextIO
from urllib.parse import urlsplit

from telegram import Update
from telegram.error import InvalidToken

from bot.app import build_application
from bot.logsafe import protect_token
from bot.ratelimit import Limits
from bot.settings import BotSettings
from bot.terminal import CHAT_ID, TerminalRequest, chat_session
from summarizer.config import database_url
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine

logger = logging.getLogger(__name__)

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
    protect_token(settings.token)
    os.environ.setdefault("PTB_TIMEDELTA", "true")  # RetryAfter as timedelta, without warnings
    engine = make_engine(database_url(config, db_url))
    create_schema(engine)
    app = build_application(settings, BriefingService(engine, config), engine)
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
    finally:
        engine.dispose()
    return 0


def _serve(app: Any, settings: BotSettings, webhook_url: str | None) -> None:
    """Run the application: a webhook when a URL is given, else long polling."""
    if webhook_url:
        app.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlsplit(webhook_url).path.lstrip("/"),
            webhook_url=webhook_url,
            secret_token=secrets.token_urlsafe(32),
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)


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
    engine = make_engine(database_url(config, db_url))
    create_schema(engine)
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
