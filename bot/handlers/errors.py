"""Unknown commands get a usage line; the error handler logs first, then tells the chat."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden

from bot import texts
from bot.handlers.common import Context, chat_language, reply
from bot.jobs import refresh_chat_job
from bot.runtime import runtime_of

logger = logging.getLogger(__name__)


async def unknown(update: Update, context: Context) -> None:
    """Answer an unknown command addressed to this bot with a pointer to /help."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None or not message.text:
        return
    command = message.text.split()[0]
    name, _, target = command.partition("@")
    ours = (context.bot.username or "").lower()
    if target and target.lower() != ours:
        return  # addressed to another bot (/help@otherbot): not ours to answer
    if chat.type != chat.PRIVATE and not target:
        return  # in groups, commands without our name may be meant for other bots
    tr = await chat_language(update, runtime_of(context))
    await reply(update, context, tr.text(texts.UNKNOWN_COMMAND, command=name[:40]))


async def on_error(update: object, context: Context) -> None:
    """Log the exception; unsubscribe chats that blocked the bot; apologise to the chat."""
    logger.error("update %s failed", update, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    chat_id = update.effective_chat.id
    if isinstance(context.error, Forbidden):
        rt = runtime_of(context)
        reason = f"blocked: {context.error}"
        await rt.chats.set_subscription(chat_id=chat_id, active=False, reason=reason)
        await refresh_chat_job(context.application, rt, chat_id)
        return
    try:
        tr = await chat_language(update, runtime_of(context))
        await reply(update, context, tr.text(texts.FAILED))
    except Exception:
        logger.warning("could not tell chat %s about the failure", chat_id, exc_info=True)
