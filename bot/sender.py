"""Send long HTML messages as several parts; pacing and retries are the rate limiter's job."""

from __future__ import annotations

import logging

from telegram import Bot, InlineKeyboardMarkup, Message

from bot.split import split_html

logger = logging.getLogger(__name__)


async def send_html(
    bot: Bot, chat_id: int, html: str, *, reply_markup: InlineKeyboardMarkup | None = None
) -> list[Message]:
    """Send HTML to a chat, split at paragraph or sentence boundaries when over 4,096 characters.

    Args:
        bot: the application's bot (its rate limiter paces the parts).
        chat_id: the chat.
        html: Telegram HTML, text already escaped.
        reply_markup: inline buttons, attached to the last part.

    Returns:
        The messages sent, in order.
    """
    parts = split_html(html)
    sent: list[Message] = []
    for index, part in enumerate(parts):
        markup = reply_markup if index == len(parts) - 1 else None
        sent.append(await bot.send_message(chat_id=chat_id, text=part, reply_markup=markup))
    if len(parts) > 1:
        logger.debug("sent %d parts to chat %s", len(parts), chat_id)
    return sent
