"""Process updates of different chats concurrently, those of one chat in order, each once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.gate import Gate
from bot.runtime import Runtime
from bot.store.update_claims import claim_updates, forget_old_claims

logger = logging.getLogger(__name__)

# Whether this process may handle an update (False: another process has taken it).
Claim = Callable[[Update], Awaitable[bool]]
FORGET_EVERY = 100  # old claims are deleted at every hundredth update id
# How long a command may wait for its claim. On SQLite the claim waits for the single writer,
# which a feed poll's ingest holds while it stores a chunk: past this, the update is handled
# unclaimed (a second process might answer it too; a user waiting is worse).
CLAIM_WAIT_SECONDS = 2.0
# Updates past PTB's gate: claimed (a getUpdates batch holds at most 100) and waiting for their
# chat's turn or a place in the handlers.
CLAIM_AHEAD = 1024


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """One chat's paced multi-part reply must not hold up every other chat, nor be overtaken."""

    def __init__(self, max_concurrent_updates: int = 64) -> None:
        """Allow up to `max_concurrent_updates` updates in handlers, one per chat at a time.

        PTB's own limit is set to CLAIM_AHEAD: the updates of a getUpdates batch all take
        their claims together (one database write), then wait for a place among the
        `max_concurrent_updates` in the handlers.
        """
        super().__init__(max(CLAIM_AHEAD, max_concurrent_updates))
        self._handlers = Gate(max_concurrent_updates)
        # Set by the composition root once the database is known; None handles everything.
        self.claim: Claim | None = None
        self._locks: dict[int | None, asyncio.Lock] = {}
        self._waiting: dict[int | None, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Await the update's handlers after the chat's earlier updates are done.

        An update another process has claimed (two pollers both fetched it, or Telegram
        redelivered a webhook call) is dropped unanswered.
        """
        chat = update.effective_chat if isinstance(update, Update) else None
        key = chat.id if chat is not None else None
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:  # the claim too: a later update's claim may come back first
                if await self._mine(update):
                    async with self._handlers:
                        await coroutine
                elif hasattr(coroutine, "close"):
                    coroutine.close()  # never awaited: close it so Python does not warn
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:  # nobody else queued for this chat: forget its lock
                del self._waiting[key]
                del self._locks[key]

    async def _mine(self, update: object) -> bool:
        """Whether this process handles the update (False: another process claimed it)."""
        if self.claim is None or not isinstance(update, Update):
            return True
        try:
            mine = await self.claim(update)
        except TimeoutError:
            logger.warning("claiming update %s timed out; handling it", update.update_id)
            return True
        except Exception:  # the database is down: answering twice beats not answering
            logger.exception("could not claim update %s; handling it", update.update_id)
            return True
        if not mine:
            logger.info("update %s is handled by another process", update.update_id)
        return mine

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
    return ClaimBatch(runtime, bot_id).claim


class ClaimBatch:
    """Claims of updates in flight together go to the database in one transaction.

    A getUpdates batch starts up to 64 updates at once: each asks for its claim, and those that
    ask while a write is under way go together in the next one (one worker-thread hop and one
    commit for many commands, not one each).
    """

    def __init__(self, runtime: Runtime, bot_id: int) -> None:
        """Args: runtime: its database; bot_id: whose update ids these are."""
        self._runtime = runtime
        self._bot_id = bot_id
        self._pending: list[tuple[int, asyncio.Future[bool]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def claim(self, update: Update) -> bool:
        """True when this process took the update (False: another one has it)."""
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._pending.append((update.update_id, future))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write())
        return await future

    async def _write(self) -> None:
        """Claim what is pending, batch after batch, until nothing is left."""
        batch: list[tuple[int, asyncio.Future[bool]]] = []
        try:
            await asyncio.sleep(0)  # the rest of this batch of updates asks meanwhile
            while self._pending:
                batch, self._pending = self._pending, []
                await self._claim(batch)
        finally:  # cancelled at shutdown: nobody may wait for an answer that never comes
            for _, future in [*batch, *self._pending]:
                if not future.done():
                    future.set_exception(RuntimeError("update claims stopped"))

    async def _claim(self, batch: list[tuple[int, asyncio.Future[bool]]]) -> None:
        """Claim one batch in one transaction and answer each of its callers."""
        ids = [update_id for update_id, _ in batch]
        now = self._runtime.now()
        try:
            mine = await asyncio.wait_for(
                self._runtime.db(claim_updates, bot_id=self._bot_id, update_ids=ids, now=now),
                CLAIM_WAIT_SECONDS,
            )
        except Exception as exc:  # each caller decides (do_process_update handles it)
            for _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for update_id, future in batch:
            if not future.done():
                future.set_result(update_id in mine)
        if any(i % FORGET_EVERY == 0 for i in mine):
            try:
                await self._runtime.db(forget_old_claims, now=now)
            except Exception:  # the next hundredth update tries again
                logger.exception("forgetting old update claims failed")
