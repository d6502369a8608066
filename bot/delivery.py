"""Scheduled briefings: claim the (chat, slot) row, send what is new, record the outcome.

A delivery the bot's stop interrupts is released, not failed: the next run resumes it.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from enum import Enum

from telegram import Bot
from telegram.error import ChatMigrated, Forbidden, TelegramError

from bot import format as fmt
from bot.channels import channel_lost
from bot.chatfeeds import chat_events, reader_of
from bot.i18n import translator
from bot.ratelimit import BotStopping, bot_stopping, routine
from bot.runtime import Runtime
from bot.schedule import local_weekday
from bot.split import split_html
from bot.store import chat_feeds, chats, deliveries
from bot.store import tables as chat_tables
from bot.store.chat_feeds import Reader, Route
from bot.store.values import ChatInfo

logger = logging.getLogger(__name__)


class Outcome(Enum):
    """How one delivery attempt ended."""

    SENT = "sent"
    ALREADY = "already"
    SKIPPED = "skipped"
    FAILED = "failed"
    BLOCKED = "blocked"
    STOPPED = "stopped"  # the bot is stopping: left (released) for the next run


BRIEFING_CACHE_SECONDS = 60.0


async def briefing_parts(
    rt: Runtime, chat: ChatInfo, since: datetime | None, *, route: Route | None = None
) -> tuple[list[str], datetime]:
    """Render a chat's briefing split into messages: what is new since `since`, or a line saying so.

    Chats with the same settings and the same last slot share one rendering (and its split) for
    a minute, so a broadcast renders once per kind of chat, not once per chat.

    Args:
        rt: shared services.
        chat: the chat's settings (topics, length, zone, language).
        since: when the content of the chat's last briefing was computed (None: everything).
        route: the chat's route read already by the delivery (what it reads); looked up when
            not given.

    Returns:
        The messages (Telegram HTML, each within the length limit), and when their content was
        computed (the next briefing's `since`).
    """
    words = chat.words or rt.settings.digest_words
    reader = route.reader if route is not None else await reader_of(rt, chat.id)
    tr = translator(chat.language)
    key = (
        since,
        words,
        tuple(chat.topics),
        chat.timezone,
        tr.language,
        rt.settings.events_per_briefing,
        _audience(chat.id, reader),
    )
    cached = rt.cache.get(key)
    if cached is not None and cached[0] > time.monotonic():
        return cached[1], cached[2]
    computed = rt.now()
    events = await chat_events(
        rt,
        reader,
        limit=rt.settings.events_per_briefing,
        since=since,
        words=words,
        topics=chat.topics,
    )
    fresh = [e for e in events if not e.nothing_new]
    parts = split_html(fmt.briefing(fresh, now=rt.now(), zone=chat.timezone, since=since, tr=tr))
    if len(rt.cache) > 1_000:
        rt.cache.clear()
    rt.cache[key] = (time.monotonic() + BRIEFING_CACHE_SECONDS, parts, computed)
    return parts, computed


def _audience(chat_id: int, reader: Reader | None) -> str:
    """Who shares a chat's briefing: every chat (no chat feeds anywhere), the chats without
    feeds of their own, or this chat alone."""
    if reader is None:
        return "all"
    return f"chat {chat_id}" if reader.personal else "without own feeds"


async def deliver(
    bot: Bot, rt: Runtime, chat: ChatInfo, slot: datetime, *, retake: bool = False
) -> Outcome:
    """Deliver one chat's briefing for one slot at most once per part.

    The (chat, slot) row is claimed before anything is sent, marked 'sending' with the number
    of parts Telegram has accepted after each part, and finished as 'sent'. A run that retakes
    a stale row resumes after the last recorded part, so a crash can repeat only a part whose
    send was in flight (at most `max_in_flight` of them across the process).

    Args:
        bot: the application's bot.
        rt: shared services.
        chat: the chat.
        slot: the scheduled instant (UTC); with the chat id, the delivery's unique key.
        retake: take over a row left 'claimed' or 'sending' by a crashed run.

    Returns:
        What happened; ALREADY when another run owns or finished this slot, STOPPED when the
        bot is stopping (nothing claimed, or the claim released for the next run).
    """
    if bot_stopping(bot):  # a broadcast's queue ends at once, without touching the database
        return Outcome.STOPPED
    async with rt.deliveries:
        key = (chat.id, slot)
        if key in rt.active:
            return Outcome.ALREADY
        rt.active.add(key)
        try:
            return await _deliver(bot, rt, chat, slot, retake=retake)
        finally:
            rt.active.discard(key)


async def _deliver(
    bot: Bot, rt: Runtime, chat: ChatInfo, slot: datetime, *, retake: bool
) -> Outcome:
    """Claim, render, send part by part and record; see `deliver`."""
    now = rt.now()
    stale_before = now - rt.settings.claim_timeout if retake else None
    claim = await rt.record(
        deliveries.begin_delivery, chat_id=chat.id, slot=slot, now=now, stale_before=stale_before
    )
    if claim is None:
        return Outcome.ALREADY
    if local_weekday(slot, chat.timezone) in chat.quiet_days:
        await _finish(rt, chat.id, slot, chat_tables.SKIPPED)
        return Outcome.SKIPPED
    target = chat.id
    # The chat's channel when it has one (bot.channels); records stay under the chat.
    way = await rt.db(chat_feeds.route, chat_id=chat.id)
    send_to, to_channel = way.send_to, way.to_channel
    try:
        parts, computed = await briefing_parts(rt, chat, claim.since, route=way)
        for index in range(claim.sent_parts, len(parts)):
            async with rt.in_flight:
                with routine():  # replies to people's commands go ahead of briefings
                    try:
                        await bot.send_message(chat_id=send_to, text=parts[index])
                    except ChatMigrated as exc:  # the group became a supergroup: move, resend
                        if to_channel:
                            raise
                        await rt.db(chats.migrate_chat, old_id=target, new_id=exc.new_chat_id)
                        target = send_to = exc.new_chat_id
                        await bot.send_message(chat_id=target, text=parts[index])
                if index + 1 == len(parts):  # the last part: its record is the outcome
                    await _finish(
                        rt,
                        target,
                        slot,
                        chat_tables.SENT,
                        messages=len(parts),
                        content_at=computed,
                        urgent=True,
                    )
                else:
                    await rt.record_sent(
                        deliveries.mark_progress,
                        chat_id=target,
                        slot=slot,
                        sent_parts=index + 1,
                        now=rt.now(),
                    )
    except Forbidden as exc:
        if to_channel:  # the channel removed the bot: drop it, the chat gets its briefings
            await channel_lost(bot, rt, send_to, f"403: {exc}")
            await _finish(rt, target, slot, chat_tables.FAILED, error=f"channel: {exc}")
            return Outcome.BLOCKED
        logger.warning("chat %s blocked the bot: %s; unsubscribing", target, exc)
        await rt.db(chats.set_subscription, chat_id=target, active=False, reason=f"blocked: {exc}")
        await _finish(rt, target, slot, chat_tables.FAILED, error=str(exc))
        return Outcome.BLOCKED
    except BotStopping:  # not a failure: what Telegram accepted is recorded, the rest waits
        logger.info("briefing for chat %s at %s left for the next run: stopping", target, slot)
        await rt.record(deliveries.release_delivery, chat_id=target, slot=slot)
        return Outcome.STOPPED
    except TelegramError as exc:
        logger.warning("briefing for chat %s at %s failed: %s", chat.id, slot, exc)
        await _finish(rt, target, slot, chat_tables.FAILED, error=str(exc))
        return Outcome.FAILED
    except Exception as exc:  # the batch boundary: one chat's failure never stops the others
        logger.exception("briefing for chat %s at %s failed", chat.id, slot)
        await _finish(rt, target, slot, chat_tables.FAILED, error=repr(exc))
        return Outcome.FAILED
    if claim.sent_parts >= len(parts):  # an earlier run sent every part, then died
        await _finish(rt, target, slot, chat_tables.SENT, messages=len(parts), content_at=computed)
    logger.info(
        "briefing for chat %s at %s sent in %d part(s)", target, slot.isoformat(), len(parts)
    )
    return Outcome.SENT


async def _finish(
    rt: Runtime,
    chat_id: int,
    slot: datetime,
    status: str,
    *,
    messages: int = 0,
    error: str = "",
    content_at: datetime | None = None,
    urgent: bool = False,
) -> None:
    """Record how a delivery ended (`urgent`: right after its last part went out)."""
    record = rt.record_sent if urgent else rt.record
    await record(
        deliveries.finish_delivery,
        chat_id=chat_id,
        slot=slot,
        status=status,
        now=rt.now(),
        messages=messages,
        error=error,
        content_at=content_at,
    )
