"""Helpers shared by the command handlers: replies, usage lines, chat settings, admin check."""

from __future__ import annotations

import re

from telegram import Chat, InlineKeyboardMarkup, Message, Update
from telegram.ext import ContextTypes

from bot import texts
from bot.chat_languages import MAX_KEPT
from bot.i18n import Translator, translator
from bot.ports import ChatInfo, Reader
from bot.runtime import Runtime, runtime_of
from bot.sender import send_html

Context = ContextTypes.DEFAULT_TYPE


async def reply(
    update: Update, context: Context, html: str, markup: InlineKeyboardMarkup | None = None
) -> list[Message]:
    """Answer in the update's chat (split into parts when long)."""
    chat = update.effective_chat
    assert chat is not None
    return await send_html(context.bot, chat.id, html, reply_markup=markup)


async def usage(
    update: Update,
    context: Context,
    command: str,
    problem: str = "",
    *,
    tr: Translator | None = None,
) -> None:
    """Answer with the command's usage line, after what was wrong (HTML) if given.

    Args:
        update: the update being answered.
        context: its context.
        command: a key of texts.USAGE.
        problem: what was wrong, already translated and escaped.
        tr: the chat's translator (read from the chat when not given).
    """
    if tr is None:
        tr = await chat_language(update, runtime_of(context))
    prefix = f"{problem}\n" if problem else ""
    line = tr.text(texts.USAGE_LINE, usage=tr.text(texts.USAGE[command]))
    await reply(update, context, prefix + line)


def translator_for(update: Update, chat: ChatInfo) -> Translator:
    """The update's translator: the chat's language, or its sender's until the chat has one."""
    if chat.language:
        return translator(chat.language)
    user = update.effective_user
    return translator(user.language_code if user else None)


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
    info = await rt.chats.ensure_chat(
        chat_id=chat.id,
        kind=chat.type,
        title=_title(chat),
        default_timezone=rt.settings.default_timezone,
        default_times=rt.settings.default_times,
    )
    remember_language(rt, info.id, info.language)
    return info


async def chat_view(update: Update, rt: Runtime) -> ChatInfo:
    """Return the update's chat settings for a reading command, without writing anything.

    A chat the bot has not met gets the defaults (not subscribed); it is registered when it
    subscribes or changes a setting. Reading commands stay one SELECT each, so a crowd of new
    users asking at once never queues on the database's write lock.
    """
    chat = update.effective_chat
    assert chat is not None
    return _known_or_default(update, rt, await rt.chats.get_chat(chat_id=chat.id))


async def chat_reading_view(update: Update, rt: Runtime) -> tuple[ChatInfo, Reader | None]:
    """`chat_view` and how the chat reads (bot.chatfeeds), read together in one session."""
    chat = update.effective_chat
    assert chat is not None
    known, reader = await rt.chats.get_chat_reading(chat_id=chat.id)
    return _known_or_default(update, rt, known), reader


def _known_or_default(update: Update, rt: Runtime, known: ChatInfo | None) -> ChatInfo:
    """The stored settings of the update's chat, or the defaults for a chat not met yet."""
    chat = update.effective_chat
    assert chat is not None
    remember_if_met(rt, chat.id, known.language if known else None, met=known is not None)
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


def remember_language(rt: Runtime, chat_id: int, language: str | None) -> None:
    """Note a chat's stored language as read or written (see `chat_language`)."""
    rt.languages.note(chat_id, language)


def remember_if_met(rt: Runtime, chat_id: int, language: str | None, *, met: bool) -> None:
    """Note a chat's stored language as read, when the bot has met the chat.

    A chat not met has nothing stored: nothing is noted, so a language another command wrote
    for it meanwhile stays noted.
    """
    if met:
        remember_language(rt, chat_id, language)


async def chat_language(update: Update, rt: Runtime) -> Translator:
    """The update's translator, without a database read when the language is known here.

    Args:
        update: the update being answered.
        rt: shared services (their ChatLanguages).

    Returns:
        The chat's stored language, or its sender's while the chat has none.
    """
    chat = update.effective_chat
    assert chat is not None
    if not rt.languages.tried:  # the first update of the process reads them all, once
        async with rt.languages.lock:
            if not rt.languages.tried:
                stored = await rt.chats.chat_languages(limit=MAX_KEPT)
                rt.languages.load(stored)
    known, language = rt.languages.lookup(chat.id)
    if not known:
        language = await rt.chats.language_of(chat_id=chat.id)
        remember_language(rt, chat.id, language)
    if language:
        return translator(language)
    user = update.effective_user
    return translator(user.language_code if user else None)


def _title(chat: Chat) -> str:
    """A chat's name for /stats and logs: its title, its user's name, or its id."""
    return chat.title or chat.full_name or chat.username or str(chat.id)


def is_admin(update: Update, context: Context) -> bool:
    """Return True when the user who sent the update is listed in ADMIN_CHAT_IDS.

    The sender counts, not the chat: in a group listed there, any member could otherwise
    run admin commands. (A private chat's id is its user's.)
    """
    admins = runtime_of(context).settings.admin_ids
    user = update.effective_user
    return bool(user and user.id in admins)
