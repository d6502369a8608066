"""The bot's one composition root: builds the Application with its limiter, handlers and jobs."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC
from typing import Any

from sqlalchemy.engine import Engine
from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    LinkPreviewOptions,
)
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Application, Defaults
from telegram.request import BaseRequest

from bot import retention, texts
from bot.handlers import PRIVATE_COMMANDS, register
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, translator
from bot.jobs import start_scheduling
from bot.polling import JOB_NAME, poll_job, tick_seconds
from bot.ports import Briefings
from bot.ratelimit import Limits, PacingRateLimiter
from bot.request import LaneRequest
from bot.runtime import RUNTIME_KEY, Runtime
from bot.schedule import Clock, utcnow
from bot.settings import BotSettings
from bot.updates import PerChatUpdateProcessor, bot_id_of, update_claimer

logger = logging.getLogger(__name__)

AnyApp = Application[Any, Any, Any, Any, Any, Any]
PLACEHOLDER_TOKEN = "0:no-token"
BOT_CONNECTIONS = 256  # PTB's default pool size (bot.ratelimit keeps `max_concurrent` in use)


def limits_of(settings: BotSettings) -> Limits:
    """Return the rate limiter's limits from the settings."""
    return Limits(
        messages_per_second=settings.messages_per_second,
        chat_interval=settings.chat_interval_seconds,
        group_per_minute=settings.group_messages_per_minute,
        max_retries=settings.max_retries,
        reply_reserve=settings.reply_reserve,
    )


def build_application(
    settings: BotSettings,
    service: Briefings,
    engine: Engine,
    *,
    clock: Clock = utcnow,
    request: BaseRequest | None = None,
    limits: Limits | None = None,
) -> AnyApp:
    """Build the bot: HTML defaults, no link previews, paced sending, handlers and start-up jobs.

    Args:
        settings: bot settings (token, API URL, admins, schedule defaults, limits).
        service: the domain facade (summarizer.service.BriefingService).
        engine: the database holding chats, schedules and deliveries.
        clock: the time source of schedules (tests shift it).
        request: a request object replacing HTTP (the terminal chat); disables the updater.
        limits: rate limits overriding the settings' (tests use short intervals).

    Returns:
        The Application; run it with bot.serve.serve (or run_polling), which call post_init.
    """
    updates = PerChatUpdateProcessor()
    builder = (
        Application.builder()
        .token(settings.token or PLACEHOLDER_TOKEN)
        .base_url(f"{settings.api_url}/bot")
        .base_file_url(f"{settings.api_url}/file/bot")
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                tzinfo=UTC,
            )
        )
        .rate_limiter(PacingRateLimiter(limits or limits_of(settings)))
        .post_init(on_start)
        .concurrent_updates(updates)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request).updater(None)
    else:  # getUpdates keeps PTB's own request: its few small parameters gain nothing
        builder = builder.request(LaneRequest(BOT_CONNECTIONS))
    app = builder.build()
    runtime = Runtime(
        settings,
        service,
        engine,
        clock,
        in_flight=asyncio.Semaphore(settings.max_in_flight),
    )
    app.bot_data[RUNTIME_KEY] = runtime
    if request is None:  # Telegram's updates (the terminal chat numbers its own from 1)
        updates.claim = update_claimer(runtime, bot_id_of(settings.token or PLACEHOLDER_TOKEN))
    register(app)
    return app


async def on_start(app: AnyApp) -> None:
    """Register the commands, rebuild briefing jobs, catch up, start feed polling and pruning."""
    rt: Runtime = app.bot_data[RUNTIME_KEY]
    await register_commands(app, rt.settings)
    await start_scheduling(app, rt)
    if app.job_queue is not None and rt.settings.poll_minutes > 0:
        every = tick_seconds(rt.settings.poll_minutes)
        app.job_queue.run_repeating(
            poll_job,
            interval=every,
            first=10,
            name=JOB_NAME,
            job_kwargs={"misfire_grace_time": int(every), "coalesce": True},
        )
    if app.job_queue is not None and rt.settings.retention_days > 0:
        app.job_queue.run_repeating(
            retention.prune_job,
            interval=retention.EVERY_SECONDS,
            first=retention.FIRST_SECONDS,
            name=retention.JOB_NAME,
            job_kwargs={"misfire_grace_time": None, "coalesce": True},
        )


async def register_commands(app: AnyApp, settings: BotSettings) -> None:
    """Call setMyCommands per language: public commands for everyone (group chats without the
    private-chat ones), admin ones too in admin chats; each language's menu for users whose
    Telegram speaks it, English by default."""
    for language in LANGUAGES:
        tr = translator(language)
        code = None if language == DEFAULT_LANGUAGE else language
        public = [BotCommand(name, tr.text(text)) for name, text in texts.COMMANDS]
        await app.bot.set_my_commands(public, scope=BotCommandScopeDefault(), language_code=code)
        groups = [command for command in public if command.command not in PRIVATE_COMMANDS]
        await app.bot.set_my_commands(
            groups, scope=BotCommandScopeAllGroupChats(), language_code=code
        )
        admin = public + [BotCommand(name, tr.text(text)) for name, text in texts.ADMIN_COMMANDS]
        for chat_id in sorted(settings.admin_ids):
            try:
                await app.bot.set_my_commands(
                    admin, scope=BotCommandScopeChat(chat_id), language_code=code
                )
            except TelegramError as exc:  # an admin who never talked to the bot
                logger.warning("admin commands for chat %s not set: %s", chat_id, exc)


__all__ = ["build_application", "limits_of", "on_start", "register_commands"]
