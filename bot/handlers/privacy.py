"""Private deployments and forgetting: `bot.allowed_chat_ids` and /forget."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ApplicationHandlerStop

from bot import texts
from bot.handlers.common import Context, chat_language, reply, usage
from bot.i18n import translator
from bot.jobs import drop_chat_job
from bot.runtime import runtime_of

logger = logging.getLogger(__name__)

REFUSED_KEY = "briefing_refused_chats"
MAX_REMEMBERED = 100_000
FORGET_DATA = "forget:yes"


async def gate(update: Update, context: Context) -> None:
    """Stop every update from a chat outside `bot.allowed_chat_ids` (when the list is set).

    The chat is told once per process, politely, in its sender's language; nothing about
    it is written anywhere (the ids told are kept in memory only, to stay silent after).
    """
    rt = runtime_of(context)
    allowed = rt.settings.allowed_chat_ids
    chat = update.effective_chat
    if not allowed or chat is None:
        return
    user = update.effective_user
    if chat.id in allowed or (
        chat.type == chat.PRIVATE and user is not None and user.id in allowed
    ):
        return
    refused: set[int] = context.application.bot_data.setdefault(REFUSED_KEY, set())
    if chat.id not in refused and _asks(update):
        if len(refused) >= MAX_REMEMBERED:
            refused.clear()
        refused.add(chat.id)
        notice = translator(user.language_code if user else None).text(texts.NOT_ALLOWED)
        if update.callback_query is not None:
            await update.callback_query.answer(notice[:200])
        elif update.effective_message is not None:
            await reply(update, context, notice)
    raise ApplicationHandlerStop


def _asks(update: Update) -> bool:
    """Whether the update asks the bot something: a button, a command, a private message (not
    a group's chatter, a channel post or a membership change)."""
    if update.callback_query is not None:
        return True
    message = update.message
    if message is None:
        return False
    return message.chat.type == message.chat.PRIVATE or (message.text or "").startswith("/")


async def forget(update: Update, context: Context) -> None:
    """Delete everything stored about this chat, after a confirmation (button or /forget yes)."""
    args = [a.lower() for a in context.args or []]
    if args == ["yes"]:
        await _forget(update, context)
        return
    tr = await chat_language(update, runtime_of(context))
    if args:
        await usage(update, context, "forget", tr=tr)
        return
    button = InlineKeyboardButton(tr.text(texts.FORGET_BUTTON), callback_data=FORGET_DATA)
    await reply(update, context, tr.text(texts.FORGET_ASK), InlineKeyboardMarkup([[button]]))


async def forget_button(update: Update, context: Context) -> None:
    """The confirmation button of /forget."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    await _forget(update, context)


async def _forget(update: Update, context: Context) -> None:
    rt = runtime_of(context)
    chat = update.effective_chat
    assert chat is not None
    tr = await chat_language(update, rt)  # before the language goes too
    drop_chat_job(context.application, chat.id)
    await rt.chats.forget_chat(chat_id=chat.id)
    rt.languages.note(chat.id, None)
    logger.info("chat %s forgotten at its request", chat.id)
    await reply(update, context, tr.text(texts.FORGOTTEN))
