"""Scheduled briefings: claim the (chat, slot) row, send what is new, record the outcome."""

from __future__ import annotations

import logging
from datetime import datetime
from enum import Enum

from telegram import Bot
from telegram.error import ChatMigrated, Forbidden, TelegramError

from bot import format as fmt
from bot.runtime import Runtime
from bot.schedule import local_weekday
from bot.sender import send_html
from summarizer.store import chats
from summarizer.store.chats import ChatInfo

logger = logging.getLogger(__name__)


class Outcome(Enum):
    """How one delivery attempt ended."""

    SENT = "sent"
    ALREADY = "already"
    SKIPPED = "skipped"
    FAILED = "failed"
    BLOCKED = "blocked"


async def briefing_html(rt: Runtime, chat: ChatInfo, since: datetime | None) -> str:
    """Render a chat's briefing: only events new since `since`, or a nothing-new line.

    Args:
        rt: shared services.
        chat: the chat's settings (topics, length, zone).
        since: when the chat's last briefing went out (None: everything).

    Returns:
        Telegram HTML.
    """
    events = await rt.domain(
        rt.service.top_events,
        limit=rt.settings.events_per_briefing,
        since=since,
        words=chat.words or rt.settings.digest_words,
        topics=chat.topics,
    )
    fresh = [e for e in events if not e.nothing_new]
    return fmt.briefing(fresh, now=rt.now(), zone=chat.timezone, since=since)


async def deliver(
    bot: Bot, rt: Runtime, chat: ChatInfo, slot: datetime, *, retake: bool = False
) -> Outcome:
    """Deliver one chat's briefing for one slot at most once.

    Args:
        bot: the application's bot.
        rt: shared services.
        chat: the chat.
        slot: the scheduled instant (UTC); with the chat id, the delivery's unique key.
        retake: take over a row left 'claimed' by a crashed run instead of inserting one.

    Returns:
        What happened; ALREADY when another run owns or finished this slot.
    """
    now = rt.now()
    if retake:
        stale = now - rt.settings.claim_timeout
        claimed = await rt.db(
            chats.reclaim_delivery, chat_id=chat.id, slot=slot, stale_before=stale, now=now
        )
    else:
        claimed = await rt.db(chats.claim_delivery, chat_id=chat.id, slot=slot, now=now)
    if not claimed:
        return Outcome.ALREADY
    if local_weekday(slot, chat.timezone) in chat.quiet_days:
        await rt.db(
            chats.finish_delivery, chat_id=chat.id, slot=slot, status=chats.SKIPPED, now=now
        )
        return Outcome.SKIPPED
    target = chat.id
    try:
        since = await rt.db(chats.last_sent, chat_id=chat.id)
        html = await briefing_html(rt, chat, since)
        try:
            sent = await send_html(bot, target, html)
        except ChatMigrated as exc:  # the group became a supergroup: move the chat, send again
            await rt.db(chats.migrate_chat, old_id=target, new_id=exc.new_chat_id)
            target = exc.new_chat_id
            sent = await send_html(bot, target, html)
    except Forbidden as exc:
        logger.warning("chat %s blocked the bot: %s; unsubscribing", target, exc)
        await rt.db(chats.set_subscription, chat_id=target, active=False, reason=f"blocked: {exc}")
        await rt.db(
            chats.finish_delivery,
            chat_id=target,
            slot=slot,
            status=chats.FAILED,
            now=rt.now(),
            error=str(exc),
        )
        return Outcome.BLOCKED
    except TelegramError as exc:
        logger.warning("briefing for chat %s at %s failed: %s", chat.id, slot, exc)
        await rt.db(
            chats.finish_delivery,
            chat_id=target,
            slot=slot,
            status=chats.FAILED,
            now=rt.now(),
            error=str(exc),
        )
        return Outcome.FAILED
    except Exception as exc:  # the batch boundary: one chat's failure never stops the others
        logger.exception("briefing for chat %s at %s failed", chat.id, slot)
        await rt.db(
            chats.finish_delivery,
            chat_id=target,
            slot=slot,
            status=chats.FAILED,
            now=rt.now(),
            error=repr(exc),
        )
        return Outcome.FAILED
    await rt.db(
        chats.finish_delivery,
        chat_id=target,
        slot=slot,
        status=chats.SENT,
        now=rt.now(),
        messages=len(sent),
    )
    logger.info(
        "briefing for chat %s at %s sent in %d part(s)", target, slot.isoformat(), len(sent)
    )
    return Outcome.SENT
