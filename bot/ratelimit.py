"""Pace every message within Telegram's flood limits and retry what can be retried.

PTB's AIORateLimiter retries nothing by default and lets ten messages to one private chat out in a
fraction of a second; this limiter paces each chat (1 message per interval, 20 per minute in a
group), all chats together (30/s), honours RetryAfter for the chat it names, and retries network
errors and 5xx with exponential backoff. 400 and 403 are raised at once: they never get better.
Once the bot is stopping (`stop()`, before the application stops its jobs) nothing waits for a
retry and no briefing goes out: a wait ends at once, and what it held back raises BotStopping,
which a delivery answers by leaving its briefing to the next run (bot.delivery). A request
abandoned outside the event loop gives its GeneratorExit back and is not retried either.
Sends made inside `routine()` (scheduled briefings) give way to replies waiting for the same
window and, while people are asking, leave a share of the overall limit free, so a command
during a broadcast is answered at once instead of after the broadcast's queue.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import math
import random
import warnings
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram import Bot
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from bot.gate import Gate

logger = logging.getLogger(__name__)

JSON = bool | dict[str, Any] | list[dict[str, Any]]

_ROUTINE: ContextVar[bool] = ContextVar("briefing_routine_send", default=False)
REPLY_MEMORY = 10.0  # seconds after a reply during which routine sends keep the reserve free


def is_routine() -> bool:
    """Return True inside `routine()`."""
    return _ROUTINE.get()


@contextmanager
def routine() -> Iterator[None]:
    """Mark the sends made inside as routine: they wait while a reply wants the same window."""
    token = _ROUTINE.set(True)
    try:
        yield
    finally:
        _ROUTINE.reset(token)


class SlidingWindow:
    """At most `limit` requests in any `period` seconds; replies before routine sends.

    A request counts from when it is let through until `period` seconds after its answer came
    back: the server may see it arrive any time in between, so this holds on the server's clock
    too, whatever the network and the event loop delay. Each kind is served first come, first
    served; routine requests (scheduled briefings) wait while any reply is waiting. While
    replies keep coming (one in the last REPLY_MEMORY seconds), routine requests also leave
    `reserve` places free, so the next reply finds room at once even while a broadcast fills
    the rest; when nobody asks, a broadcast has the whole window.
    """

    def __init__(self, limit: int, period: float, reserve: int = 0) -> None:
        """Create a window.

        Args:
            limit: requests allowed per period (0 or less: unlimited).
            period: the window length in seconds.
            reserve: places routine requests leave free for replies (at most limit - 1).
        """
        self.limit = limit
        self.period = period
        self.reserve = max(0, min(reserve, limit - 1))
        self._cells: list[list[float]] = []  # [answer time], math.inf while in flight
        self._reply_turns = asyncio.Lock()
        self._routine_turns = asyncio.Lock()
        self._changed = asyncio.Event()
        self._replies_waiting = 0
        self._last_reply = -math.inf

    async def acquire(self, *, routine: bool = False) -> list[float] | None:
        """Wait until one more request fits in the window; return its cell for release().

        Args:
            routine: a scheduled send: goes after every waiting reply, and while replies are
                coming uses at most limit - reserve places.
        """
        if self.limit <= 0 or self.period <= 0:
            return None
        if routine:
            async with self._routine_turns:
                return await self._take(routine=True)
        self._replies_waiting += 1
        try:
            async with self._reply_turns:
                cell = await self._take(routine=False)
                self._last_reply = asyncio.get_running_loop().time()
                return cell
        finally:
            self._replies_waiting -= 1
            self._changed.set()

    async def _take(self, *, routine: bool) -> list[float]:
        """Wait (first of its kind) until the window has room for this kind, then take a cell."""
        loop = asyncio.get_running_loop()
        while True:
            now = loop.time()
            self._cells = [c for c in self._cells if c[0] > now - self.period]
            asking = now - self._last_reply < REPLY_MEMORY
            room = self.limit - self.reserve if routine and asking else self.limit
            full = len(self._cells) >= room
            if not full and not (routine and self._replies_waiting):
                cell = [math.inf]
                self._cells.append(cell)
                return cell
            oldest = min((c[0] for c in self._cells), default=math.inf)
            self._changed.clear()
            if full and oldest != math.inf:
                await asyncio.sleep(oldest + self.period - now)
            else:  # all in flight, or a reply goes first: wait for an answer or that reply
                await self._changed.wait()

    def release(self, cell: list[float] | None) -> None:
        """Mark a request answered: it leaves the window `period` seconds from now."""
        if cell is not None:
            cell[0] = asyncio.get_running_loop().time()
            self._changed.set()

    def idle(self) -> bool:
        """Return True when no request is in flight or recent (the window can be dropped)."""
        horizon = asyncio.get_running_loop().time() - self.period
        return all(c[0] <= horizon for c in self._cells)


@dataclass(frozen=True, slots=True)
class Limits:
    """Flood limits and retry policy."""

    messages_per_second: float = 30.0
    chat_interval: float = 1.0
    group_per_minute: float = 20.0
    group_period: float = 60.0
    max_retries: int = 5
    backoff: float = 1.0
    backoff_cap: float = 30.0
    # Requests on the wire at once. httpcore's pool scans every request against every connection
    # on each one, so 64 concurrent replies over 64 connections cost more CPU than the replies.
    max_concurrent: int = 8
    # Share of the overall limit scheduled briefings leave to replies while people are asking
    # (at least one place; 0: none): a command during a broadcast finds room at once.
    reply_reserve: float = 0.03


class BotStopping(TelegramError):
    """A request not sent, or not sent again, because the bot is stopping.

    Raised for a briefing not yet on the wire, for a request that would wait for a retry or a
    flood limit, and for a failure that would have been retried (from that failure).
    """


def retry_after_seconds(exc: RetryAfter) -> float:
    """Return RetryAfter's wait in seconds (without PTB's int/timedelta deprecation warning)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class PacingRateLimiter(BaseRateLimiter[int]):
    """Rate limiter for PTB's ExtBot: per-chat pacing, global cap, RetryAfter and backoff."""

    def __init__(self, limits: Limits) -> None:
        """Create the limiter.

        Args:
            limits: flood limits and retry policy.
        """
        self.limits = limits
        overall = round(limits.messages_per_second)
        reserve = max(1, round(overall * limits.reply_reserve)) if limits.reply_reserve > 0 else 0
        self._global = SlidingWindow(overall, 1.0, reserve)
        self._chats: dict[str, SlidingWindow] = {}
        self._groups: dict[str, SlidingWindow] = {}
        self._blocked_until: dict[str, float] = {}
        self._wire = Gate(limits.max_concurrent)
        self._stopping = False
        self._naps: set[asyncio.Future[None]] = set()
        self.retries: collections.Counter[str] = collections.Counter()

    async def initialize(self) -> None:
        """Send and retry as usual (again, after a stop)."""
        self._stopping = False

    def stop(self) -> None:
        """The bot is stopping: end every wait for a retry or a flood limit now, and from now on
        retry nothing and send no briefing (BotStopping instead); replies still go out."""
        self._stopping = True
        for nap in self._naps:
            if not nap.done():
                nap.set_result(None)

    async def shutdown(self) -> None:
        """Stop (PTB calls this from Application.shutdown; bot.serve calls `stop` earlier)."""
        self.stop()

    @property
    def stopping(self) -> bool:
        """True from `stop` (or `shutdown`) until the next `initialize`."""
        return self._stopping

    async def _nap(self, seconds: float) -> bool:
        """Sleep, unless and until the bot stops; return False when the stop cut it short."""
        if self._stopping:
            return False
        if seconds <= 0:
            return True
        nap = asyncio.get_running_loop().create_future()
        self._naps.add(nap)
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(nap, seconds)
        finally:
            self._naps.discard(nap)
        return not self._stopping

    def _refuse_if_stopping(self, endpoint: str, failure: Exception | None) -> None:
        """Raise BotStopping, once the bot stops, for a retry or a briefing (routine send)."""
        if self._stopping and (failure is not None or is_routine()):
            what = "not sent again" if failure is not None else "not sent"
            raise BotStopping(f"{endpoint} {what}: the bot is stopping") from failure

    def _window(
        self, table: dict[str, SlidingWindow], key: str, limit: int, period: float
    ) -> SlidingWindow:
        if len(table) > 1024:
            for old in [k for k, w in table.items() if k != key and w.idle()]:
                del table[old]
        if key not in table:
            table[key] = SlidingWindow(limit, period)
        return table[key]

    async def _pace(self, chat: str) -> list[tuple[SlidingWindow, list[float] | None]]:
        loop = asyncio.get_running_loop()
        for key in (chat, ""):
            wait = self._blocked_until.get(key, 0.0) - loop.time()
            if wait > 0 and not await self._nap(wait):
                raise BotStopping("not sent: the bot is stopping during a flood-limit wait")
        if not chat:
            return []
        windows = []
        if self.limits.chat_interval > 0:
            windows.append(self._window(self._chats, chat, 1, self.limits.chat_interval))
        if chat.startswith(("-", "@")):
            per_window = round(self.limits.group_per_minute)
            windows.append(self._window(self._groups, chat, per_window, self.limits.group_period))
        windows.append(self._global)
        routine = is_routine()
        return [(window, await window.acquire(routine=routine)) for window in windows]

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSON:
        """Send one request within the limits, retrying 429, 5xx and network errors.

        Args:
            callback: PTB's coroutine that performs the request.
            args: its positional arguments.
            kwargs: its keyword arguments.
            endpoint: the Bot API method.
            data: the request parameters (chat_id decides the pacing).
            rate_limit_args: overrides the number of retries for this call.

        Returns:
            The result of the callback.
        """
        chat = str(data.get("chat_id", "") or "")
        retries = self.limits.max_retries if rate_limit_args is None else rate_limit_args
        failure: Exception | None = None
        for attempt in range(retries + 1):
            self._refuse_if_stopping(endpoint, failure)  # e.g. the bot stopped in the backoff
            held = await self._pace(chat)
            backoff = 0.0
            try:
                self._refuse_if_stopping(endpoint, failure)  # it stopped while this was paced
                async with self._wire:
                    return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt >= retries or not _in_loop():
                    raise
                self._refuse_if_stopping(endpoint, exc)
                failure = exc
                wait = retry_after_seconds(exc) + 0.1
                self.retries["retry_after"] += 1
                logger.info("%s: flood limit, retrying in %.1f s", endpoint, wait)
                self._blocked_until[chat] = asyncio.get_running_loop().time() + wait
            except BadRequest:
                raise
            except NetworkError as exc:
                closing = _abandoned(exc)
                if closing is not None:
                    raise closing from exc
                if attempt >= retries or not _in_loop():
                    raise
                self._refuse_if_stopping(endpoint, exc)
                failure = exc
                backoff = min(self.limits.backoff * 2**attempt, self.limits.backoff_cap)
                backoff *= random.uniform(0.75, 1.25)
                self.retries["network"] += 1
                logger.info("%s failed (%s), retrying in %.1f s", endpoint, exc, backoff)
            finally:
                if held and _in_loop():  # closed outside the loop: no clock, no next request
                    for window, cell in held:
                        window.release(cell)
            await self._nap(backoff)
        raise AssertionError("unreachable")  # pragma: no cover


def bot_stopping(bot: Bot) -> bool:
    """Tell whether the bot's rate limiter was told that the bot is stopping."""
    limiter = getattr(bot, "rate_limiter", None)  # an ExtBot's; a plain Bot has none
    return isinstance(limiter, PacingRateLimiter) and limiter.stopping


def _in_loop() -> bool:
    """Tell whether this code runs in an event loop (a coroutine closed from outside does not)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _abandoned(exc: BaseException) -> GeneratorExit | None:
    """The GeneratorExit behind a failed request, when its coroutine was closed outside the loop.

    Closing a coroutine outside the loop (as PTB's run_polling does with the updater's on a
    stop signal) makes httpcore's clean-up fail, which PTB reports as a NetworkError: the
    request was abandoned, not failed, and close() expects the GeneratorExit back. Inside the
    loop a GeneratorExit in the chain (an async generator closed in httpcore's clean-up) is
    part of an ordinary failure: raising it there would escape every `except Exception`.
    """
    if _in_loop():
        return None
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, GeneratorExit):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None
