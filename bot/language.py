"""The translator of an update for the modules outside bot.handlers (bot.rights) and the
handlers of feeds, OPML and channels: the chat's language (bot.handlers.common.chat_language)."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import CallbackContext

from bot.i18n import Translator
from bot.runtime import runtime_of


async def translator_of(update: Update, context: CallbackContext[Any, Any, Any, Any]) -> Translator:
    """The chat's translator (its sender's language while the chat has none)."""
    # Imported here: the handlers package imports bot.rights, which imports this module.
    from bot.handlers.common import chat_language

    return await chat_language(update, runtime_of(context))


__all__ = ["translator_of"]
