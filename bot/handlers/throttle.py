"""Per-chat command rate limit: a token bucket in front of every command and button."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot import texts
from bot.handlers.common import Context
from bot.i18n import translator
from bot.runtime import runtime_of

BURST = 8  # commands a chat may send at once


@dataclass
class Buckets:
    """Token buckets by chat id; `noticed` remembers chats told to slow down."""

    per_minute: float
    level: dict[int, tuple[float, float]] = field(default_factory=dict)
    noticed: set[int] = field(default_factory=set)

    def allow(self, chat_id: int, now: float) -> bool:
        """Take one token for the chat; False when its bucket is empty."""
        tokens, since = self.level.get(chat_id, (float(BURST), now))
        tokens = min(float(BURST), tokens + (now - since) * self.per_minute / 60.0)
        if tokens < 1.0:
            self.level[chat_id] = (tokens, now)
            return False
        self.level[chat_id] = (tokens - 1.0, now)
        self.noticed.discard(chat_id)
        if len(self.level) > 100_000:  # forget idle chats rather than grow without end
            self.level.clear()
        return True


BUCKETS_KEY = "briefing_command_buckets"


async def throttle(update: Update, context: Context) -> None:
    """Stop a chat's command or button press when it comes too fast (told once per burst)."""
    chat = update.effective_chat
    if chat is None:
        return
    # Only new messages count: an edited one (update.edited_message) runs nothing either
    # (bot.handlers.NEW_MESSAGES), so the limit counts exactly what runs.
    text = (update.message.text or "") if update.message else ""
    # A command, or plain text in a private chat (a search); a group's chatter is not for us.
    asks = text.startswith("/") or bool(text and chat.type == chat.PRIVATE)
    if not asks and update.callback_query is None:
        return
    rt = runtime_of(context)
    buckets = context.application.bot_data.get(BUCKETS_KEY)
    if not isinstance(buckets, Buckets):
        buckets = Buckets(per_minute=rt.settings.commands_per_minute)
        context.application.bot_data[BUCKETS_KEY] = buckets
    if buckets.allow(chat.id, time.monotonic()):
        return
    if chat.id not in buckets.noticed:
        buckets.noticed.add(chat.id)
        user = update.effective_user
        notice = translator(user.language_code if user else None).text(texts.TOO_MANY)
        if update.callback_query is not None:
            await update.callback_query.answer(notice)
        elif update.message is not None:
            await update.message.reply_text(notice)
    raise ApplicationHandlerStop
