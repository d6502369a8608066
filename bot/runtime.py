"""What every handler and job shares: settings, the domain service, the database and a clock."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ParamSpec, TypeVar

from sqlalchemy.engine import Engine
from sqlmodel import Session
from telegram.ext import CallbackContext

from bot.bookkeeper import Bookkeeper
from bot.chat_data import StoredChats
from bot.chat_languages import ChatLanguages
from bot.ports import Briefings, ChatData
from bot.schedule import Clock, utcnow
from bot.settings import BotSettings
from bot.shared import Shared

P = ParamSpec("P")
T = TypeVar("T")
RUNTIME_KEY = "briefing_runtime"
# How long the events a reading opens are reused: as long as the domain's ranking is
# (summarizer.service.VIEW_CACHE_SECONDS), and never past a change of what they depend on.
READING_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class Runtime:
    """Shared services; blocking calls go through `db` and `domain`, off the event loop."""

    settings: BotSettings
    service: Briefings
    engine: Engine
    clock: Clock = field(default=utcnow)
    # Delivery bookkeeping gets its own thread, so marking a part as sent never waits behind
    # briefing renders: the fewer sent-but-unrecorded parts, the fewer duplicates after a crash.
    bookkeeper: Bookkeeper = field(default_factory=Bookkeeper)
    # Rendered, split briefings shared by chats with the same settings in one broadcast.
    cache: dict[tuple[Any, ...], tuple[float, list[str], datetime]] = field(default_factory=dict)
    # Scheduled sends whose outcome is not yet recorded: the most a crash can duplicate.
    in_flight: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(1))
    # Deliveries between claim and finish: keeps claims young while a broadcast queues.
    deliveries: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(8))
    # (chat, slot) deliveries this process is handling; the stale-claim sweep leaves them alone.
    active: set[tuple[int, datetime]] = field(default_factory=set)
    # Each chat's stored language, so /help and the like answer without a database read.
    languages: ChatLanguages = field(default_factory=ChatLanguages)
    # Which ranked events a reading opens (bot.chatfeeds), shared by the chats that read alike.
    readings: Shared[tuple[Any, ...], Any] = field(default_factory=lambda: Shared(READING_SECONDS))

    @property
    def chats(self) -> ChatData:
        """The bot's own data: chats, topics, feeds per chat and channels."""
        return StoredChats(self.db)

    def now(self) -> datetime:
        """Return the current time of the runtime's clock (UTC-aware)."""
        return self.clock()

    async def db(self, fn: Callable[..., T], **kwargs: Any) -> T:
        """Run a keyword-only data-access function in a worker thread with a fresh session."""
        return await asyncio.to_thread(self._in_session, fn, kwargs)

    async def record(self, fn: Callable[..., T], **kwargs: Any) -> T:
        """Like `db`, on the delivery bookkeeping thread (never queued behind domain work)."""
        return await self.bookkeeper.run(functools.partial(self._in_session, fn, kwargs))

    async def record_sent(self, fn: Callable[..., T], **kwargs: Any) -> T:
        """Like `record`, ahead of every claim: the record of a part Telegram has accepted."""
        call = functools.partial(self._in_session, fn, kwargs)
        return await self.bookkeeper.run(call, urgent=True)

    def _in_session(self, fn: Callable[..., T], kwargs: dict[str, Any]) -> T:
        """Call a data-access function with a fresh session (runs in a worker thread)."""
        with Session(self.engine) as session:
            return fn(session=session, **kwargs)

    async def domain(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a blocking domain call in a worker thread."""
        return await asyncio.to_thread(functools.partial(fn, *args, **kwargs))


def runtime_of(context: CallbackContext[Any, Any, Any, Any]) -> Runtime:
    """Return the Runtime stored in the application's bot_data."""
    value = context.application.bot_data[RUNTIME_KEY]
    assert isinstance(value, Runtime)
    return value
