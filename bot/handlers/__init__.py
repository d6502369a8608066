"""Command and button handlers, and the function that registers them on an Application."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.handlers import account, admin, errors, membership, news, privacy, throttle

__all__ = ["NEW_MESSAGES", "register"]

# Commands run from new messages only: an edited message (Telegram resends it as an
# `edited_message` update) never runs a command again, nor escapes the per-chat limit.
NEW_MESSAGES = filters.UpdateType.MESSAGE


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Add every command, the button handler, the unknown-command fallback and the error handler."""
    callbacks = {
        "start": account.start,
        "help": account.help_command,
        "brief": news.brief,
        "events": news.events,
        "event": news.event,
        "story": news.story,
        "article": news.article,
        "search": news.search,
        "subscribe": account.subscribe,
        "unsubscribe": account.unsubscribe,
        "topics": account.topics,
        "schedule": account.schedule,
        "timezone": account.timezone,
        "settings": account.settings,
        "sources": admin.sources,
        "stats": admin.stats,
        "forget": privacy.forget,
    }
    app.add_handler(TypeHandler(Update, privacy.gate), group=-2)
    app.add_handler(TypeHandler(Update, throttle.throttle), group=-1)
    for name, callback in callbacks.items():
        app.add_handler(CommandHandler(name, callback, filters=NEW_MESSAGES))
    app.add_handler(CallbackQueryHandler(news.button, pattern=r"^(more|src|page):"))
    app.add_handler(
        CallbackQueryHandler(privacy.forget_button, pattern=rf"^{privacy.FORGET_DATA}$")
    )
    app.add_handler(MessageHandler(NEW_MESSAGES & filters.COMMAND, errors.unknown))
    app.add_handler(
        MessageHandler(
            NEW_MESSAGES & filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE,
            news.plain_text,
        )
    )
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, membership.migrated))
    app.add_handler(ChatMemberHandler(membership.my_membership, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_error_handler(errors.on_error)
