"""Process updates of different chats concurrently, those of one chat in order, each once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.runtime import Runtime
from summarizer.store.update_claims import claim_update, forget_old_claims

logger = logging.getLogger(__name__)

# Whether this process may handle an update (False: another process has taken it).
Claim = Callable[[Update], Awaitable[bool]]
FORGET_EVERY = 100  # old claims are deleted at every hundredth update id


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """One chat's paced multi-part reply must not hold up every other chat, nor be overtaken."""

    def __init__(self, max_concurrent_updates: int = 64) -> None:
        """Allow up to `max_concurrent_updates` updates in flight, one per chat at a time."""
        super().__init__(max_concurrent_updates)
        # Set by the composition root once the database is known; None handles everything.
        self.claim: Claim | None = None
        self._locks: dict[int | None, asyncio.Lock] = {}
        self._waiting: dict[int | None, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Await the update's handlers after the chat's earlier updates are done.

        An update another process has claimed (two pollers both fetched it, or Telegram
        redelivered a webhook call) is dropped unanswered.
        """
        if self.claim is not None and isinstance(update, Update):
            try:
                mine = await self.claim(update)
            except Exception:  # the database is down: answering twice beats not answering
                logger.exception("could not claim update %s; handling it", update.update_id)
                mine = True
            if not mine:
                logger.info("update %s is handled by another process", update.update_id)
                if hasattr(coroutine, "close"):
                    coroutine.close()  # never awaited: close it so Python does not warn
                return
        chat = update.effective_chat if isinstance(update, Update) else None
        key = chat.id if chat is not None else None
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:  # nobody else queued for this chat: forget its lock
                del self._waiting[key]
                del self._locks[key]

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""


def bot_id_of(token: str) -> int:
    """Return the bot's id: the number before the token's colon (update ids are per bot)."""
    head = token.split(":", 1)[0]
    return int(head) if head.isdigit() else 0


def update_claimer(runtime: Runtime, bot_id: int) -> Claim:
    """Return a claim that records each update in the database before it is handled."""

    async def claim(update: Update) -> bool:
        now = runtime.now()
        mine = await runtime.db(claim_update, bot_id=bot_id, update_id=update.update_id, now=now)
        if mine and update.update_id % FORGET_EVERY == 0:
            await runtime.db(forget_old_claims, now=now)
        return mine

    return claim
