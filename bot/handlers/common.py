"""Helpers shared by the command handlers: replies, usage lines, chat settings, admin check."""

from __future__ import annotations

import re

from telegram import Chat, InlineKeyboardMarkup, Message, Update
from telegram.ext import ContextTypes

from bot.runtime import Runtime, runtime_of
from bot.sender import send_html
from summarizer.store import chats
from summarizer.store.chat_tables import ChatInfo

Context = ContextTypes.DEFAULT_TYPE

USAGE = {
    "event": "/event ID — e.g. /event 12",
    "story": "/story ID — e.g. /story 3",
    "article": "/article ID — e.g. /article 40",
    "search": "/search WORDS — e.g. /search election results",
    "schedule": "/schedule HH:MM [HH:MM...] — e.g. /schedule 07:30 18:00",
    "timezone": "/timezone Area/City — e.g. /timezone Europe/Paris",
    "topics": "/topics, /topics add WORD..., /topics drop WORD..., /topics clear",
    "settings": "/settings, /settings length short|medium|long, /settings quiet sat sun|none",
    "sources": "/sources, /sources add URL, /sources remove URL, /sources poll",
    "events": "/events [PAGE] — e.g. /events 2",
}


async def reply(
    update: Update, context: Context, html: str, markup: InlineKeyboardMarkup | None = None
) -> list[Message]:
    """Answer in the update's chat (split into parts when long)."""
    chat = update.effective_chat
    assert chat is not None
    return await send_html(context.bot, chat.id, html, reply_markup=markup)


async def usage(update: Update, context: Context, command: str, problem: str = "") -> None:
    """Answer with the command's usage line, after what was wrong if given."""
    prefix = f"{problem}\n" if problem else ""
    await reply(update, context, f"{prefix}Usage: {USAGE[command]}")


_ID = re.compile(r"[0-9]{1,19}")


def parse_id(text: str) -> int | None:
    """Return a positive 64-bit id written in ASCII digits, or None for anything else.

    ASCII only: "²".isdigit() and "٣".isdigit() are True, but int() fails on the first and
    reads the second as 3.
    """
    if not _ID.fullmatch(text):
        return None
    number = int(text)
    return number if 0 < number < 2**63 else None


def int_arg(context: Context) -> int | None:
    """Return the single integer argument of a command, or None when absent or malformed."""
    args = context.args or []
    if len(args) != 1:
        return None
    return parse_id(args[0].lstrip("#"))


async def chat_settings(update: Update, rt: Runtime) -> ChatInfo:
    """Return the update's chat settings, registering the chat (not subscribed) if new."""
    chat = update.effective_chat
    assert chat is not None
    return await rt.db(
        chats.ensure_chat,
        chat_id=chat.id,
        kind=chat.type,
        title=_title(chat),
        default_timezone=rt.settings.default_timezone,
        default_times=rt.settings.default_times,
    )


async def chat_view(update: Update, rt: Runtime) -> ChatInfo:
    """Return the update's chat settings for a reading command, without writing anything.

    A chat the bot has not met gets the defaults (not subscribed); it is registered when it
    subscribes or changes a setting. Reading commands stay one SELECT each, so a crowd of new
    users asking at once never queues on the database's write lock.
    """
    chat = update.effective_chat
    assert chat is not None
    known = await rt.db(chats.get_chat, chat_id=chat.id)
    if known is not None:
        return known
    return ChatInfo(
        id=chat.id,
        kind=chat.type,
        title=_title(chat),
        timezone=rt.settings.default_timezone,
        times=tuple(rt.settings.default_times),
        topics=(),
        words=None,
        quiet_days=(),
        subscribed=False,
    )


def _title(chat: Chat) -> str:
    """A chat's name for /stats and logs: its title, its user's name, or its id."""
    return chat.title or chat.full_name or chat.username or str(chat.id)


def is_admin(update: Update, context: Context) -> bool:
    """Return True when the sender's user id is listed in ADMIN_CHAT_IDS.

    Only the user counts: a group id listed there makes no member of that group a bot admin
    (in a private chat the chat id is the user id, so listing a person works either way).
    """
    admins = runtime_of(context).settings.admin_ids
    user = update.effective_user
    return user is not None and user.id in admins
