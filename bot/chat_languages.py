"""Each chat's stored language, kept in memory so that commands that need only the language
(/help, usage lines, unknown commands) answer without a database read."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

MAX_KEPT = 200_000  # chats with a language kept in memory; beyond it, misses read the database


@dataclass
class ChatLanguages:
    """Chat id -> stored language, for chats that have one.

    `complete` says that every chat with a stored language was loaded (once, on the process's
    first update that needs one: bot.handlers.common.chat_language) and every change since
    went through `note`: a chat missing here then has none, with no need to ask the database.
    A language set by another bot process shows here once this process loads that chat
    (every command that reads its settings notes it).
    """

    known: dict[int, str] = field(default_factory=dict)
    complete: bool = False
    tried: bool = False  # the one load ran (complete or not)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def load(self, languages: dict[int, str]) -> None:
        """Take every stored language, read once (complete when they fit in MAX_KEPT)."""
        self.tried = True
        if len(languages) > MAX_KEPT:
            return
        self.known = {**languages, **self.known}  # what was noted meanwhile is newer
        self.complete = True

    def note(self, chat_id: int, language: str | None) -> None:
        """Note a chat's stored language as read or written (None: it has none)."""
        if not language:
            self.known.pop(chat_id, None)
            return
        if chat_id not in self.known and len(self.known) >= MAX_KEPT:
            self.known.clear()
            self.complete = False
        self.known[chat_id] = language

    def lookup(self, chat_id: int) -> tuple[bool, str | None]:
        """(True, language or None) when known here; (False, None) when the database must say."""
        if chat_id in self.known:
            return True, self.known[chat_id]
        return self.complete, None
