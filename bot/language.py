"""The language the bot answers an update in: the sender's Telegram language_code, for now.

Handlers of this branch's commands (feeds, OPML, channels, group rights) call `translator_of`;
when chats store their own language (docs/i18n.md, phase 2) this is the one place to read it.
"""

from __future__ import annotations

from telegram import Update

from bot.i18n import Translator, translator


def translator_of(update: Update) -> Translator:
    """The translator for the sender of an update (English when unknown)."""
    user = update.effective_user
    return translator(user.language_code if user is not None else None)


__all__ = ["translator_of"]
