"""Channels that receive a chat's scheduled briefings (bot.store.chat_feeds.route says
where each goes): dropping one that removed the bot; the chat is told and gets them again."""

from __future__ import annotations

import logging

from telegram import Bot
from telegram.error import TelegramError

from bot import texts
from bot.i18n import translator
from bot.runtime import Runtime
from bot.sender import send_html
from bot.store import channels as chat_channels
from bot.store import chats

logger = logging.getLogger(__name__)


async def channel_lost(bot: Bot, rt: Runtime, channel_id: int, reason: str) -> None:
    """Forget a channel that removed the bot and tell the chat whose briefings it received."""
    owner = await rt.db(chat_channels.drop_channel, channel_id=channel_id)
    if owner is None:
        return
    chat_id, name = owner
    logger.warning("channel %s dropped (%s); briefings go to chat %s", channel_id, reason, chat_id)
    try:
        language = await rt.db(chats.language_of, chat_id=chat_id)
        await send_html(bot, chat_id, translator(language).text(texts.CHANNEL_LOST, channel=name))
    except TelegramError as exc:
        logger.info("telling chat %s about channel %s failed: %s", chat_id, channel_id, exc)


__all__ = ["channel_lost"]
