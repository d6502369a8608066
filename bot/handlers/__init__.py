"""Command and button handlers, and the function that registers them on an Application."""

from __future__ import annotations

from collections.abc import Sequence
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

from bot.handlers import (
    account,
    admin,
    channel,
    errors,
    feeds,
    membership,
    news,
    privacy,
    throttle,
)
from bot.rights import admins_only, with_arguments

__all__ = ["NEW_MESSAGES", "PRIVATE_COMMANDS", "register"]

# Commands run from new messages only: an edited message (Telegram resends it as an
# `edited_message` update) never runs a command again, nor escapes the per-chat limit.
NEW_MESSAGES = filters.UpdateType.MESSAGE

# Commands that only work in a private chat: left out of the group chats' command menu.
PRIVATE_COMMANDS = frozenset({"channel"})

# Documents that look like OPML (by name or type); other files are not the bot's business.
OPML_FILES = (
    filters.Document.FileExtension("opml")
    | filters.Document.FileExtension("xml")
    | (filters.Document.MimeType("text/x-opml") | filters.Document.MimeType("application/xml"))
)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Add every command, the button handler, the unknown-command fallback and the error handler."""
    callbacks = {
        "start": admins_only(account.start),
        "help": account.help_command,
        "brief": news.brief,
        "events": news.events,
        "event": news.event,
        "story": news.story,
        "article": news.article,
        "search": news.search,
        # Commands that change a group's settings: its administrators only (bot.rights).
        "subscribe": admins_only(account.subscribe),
        "unsubscribe": admins_only(account.unsubscribe),
        "topics": admins_only(account.topics, changes=_topics_change),
        "schedule": admins_only(account.schedule, changes=with_arguments),
        "timezone": admins_only(account.timezone, changes=with_arguments),
        "settings": admins_only(account.settings, changes=with_arguments),
        "feeds": admins_only(feeds.feeds, changes=feeds.feeds_change),
        "channel": channel.channel,
        "sources": admin.sources,
        "stats": admin.stats,
        "forget": admins_only(privacy.forget),
    }
    app.add_handler(TypeHandler(Update, privacy.gate), group=-2)
    app.add_handler(TypeHandler(Update, throttle.throttle), group=-1)
    for name, callback in callbacks.items():
        app.add_handler(CommandHandler(name, callback, filters=NEW_MESSAGES))
    app.add_handler(CallbackQueryHandler(news.button, pattern=r"^(more|src|page):"))
    app.add_handler(
        CallbackQueryHandler(
            admins_only(privacy.forget_button), pattern=rf"^{privacy.FORGET_DATA}$"
        )
    )
    app.add_handler(MessageHandler(NEW_MESSAGES & filters.COMMAND, errors.unknown))
    app.add_handler(MessageHandler(NEW_MESSAGES & OPML_FILES, feeds.opml_document))
    app.add_handler(
        MessageHandler(
            NEW_MESSAGES & filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE,
            news.plain_text,
        )
    )
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, membership.migrated))
    app.add_handler(ChatMemberHandler(membership.my_membership, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_error_handler(errors.on_error)


def _topics_change(args: Sequence[str]) -> bool:
    """/topics and /topics list only show; every other use changes the followed words."""
    return bool(args) and args[0].lower() != "list"
