"""The delivery bookkeeping thread: the record of a sent part goes ahead of every claim."""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import itertools
import queue
import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
URGENT, ROUTINE = 0, 1
# Queued behind every call: the thread ends once the calls before it have run.
_STOP = 2
_Item = tuple[
    int,
    int,
    Callable[[], Any] | None,
    asyncio.AbstractEventLoop | None,
    "asyncio.Future[Any] | None",
]
# Every bookkeeper with a running thread, drained at interpreter exit (see _drain_all).
_RUNNING: weakref.WeakSet[Bookkeeper] = weakref.WeakSet()


class Bookkeeper:
    """One thread running delivery writes in priority order, oldest first within a priority.

    One thread, so this process never contends with itself for SQLite's write lock (a waiting
    writer sleeps a millisecond or more). Two priorities, because while a sent part is not yet
    recorded no other scheduled send may start (`max_in_flight`): that record must not queue
    behind the claims of the chats waiting for their turn, or the whole broadcast slows down.
    """

    def __init__(self, name: str = "briefing-deliveries") -> None:
        """Prepare the queue; the thread starts with the first call."""
        self._name = name
        self._queue: queue.PriorityQueue[_Item] = queue.PriorityQueue()
        self._order = itertools.count()
        self._thread: threading.Thread | None = None
        self._stopping = False  # a stop is queued for the running thread
        self._lock = threading.Lock()

    async def run(self, fn: Callable[[], T], *, urgent: bool = False) -> T:
        """Run `fn` on the bookkeeping thread and return its result (or raise its error).

        Args:
            fn: a blocking call, typically one data-access function with its session.
            urgent: put it ahead of every routine call still waiting.
        """
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        item = (URGENT if urgent else ROUTINE, next(self._order), fn, loop, future)
        with self._lock:  # with the thread's start, so the thread cannot end between the two
            self._start()
            self._queue.put(item)
        return await future

    def drain(self) -> None:
        """Run every call still queued, then end the thread (at interpreter exit, see _drain_all).

        A part Telegram accepted is still recorded when the bot stops cleanly. The wait has no
        timeout and the thread never polls: a timed wait would read the monotonic clock, which
        a faked clock (libfaketime) may hold still.
        """
        with self._lock:
            thread = self._thread
            if thread is None or not thread.is_alive():
                return
            if thread is threading.current_thread():
                raise RuntimeError("a bookkeeper cannot be drained from its own thread")
            if not self._stopping:  # one stop however many drain at once
                self._stopping = True
                self._queue.put((_STOP, next(self._order), None, None, None))
        thread.join()

    def _start(self) -> None:
        """Start the thread unless it runs (the caller holds the lock)."""
        if self._thread is None or not self._thread.is_alive():
            # A daemon, so the interpreter's exit does not wait on its queue; the exit handler
            # drains the queue first instead.
            self._thread = threading.Thread(target=self._work, name=self._name, daemon=True)
            self._stopping = False
            self._thread.start()
            _RUNNING.add(self)

    def _work(self) -> None:
        while True:
            _priority, _order, fn, loop, future = self._queue.get()
            if fn is None or loop is None or future is None:
                with self._lock:
                    if self._queue.empty():
                        self._thread, self._stopping = None, False
                        return
                    # Calls queued after the stop was taken: run them, then stop again.
                    self._queue.put((_STOP, next(self._order), None, None, None))
                continue
            try:
                result = fn()
            except BaseException as exc:  # handed to the awaiting coroutine, not lost here
                _settle(loop, future, None, exc)
            else:
                _settle(loop, future, result, None)


@atexit.register
def _drain_all() -> None:
    """At interpreter exit, run what every bookkeeper still holds before the process ends."""
    for bookkeeper in list(_RUNNING):
        bookkeeper.drain()


def _settle(
    loop: asyncio.AbstractEventLoop,
    future: asyncio.Future[Any],
    result: Any,
    error: BaseException | None,
) -> None:
    """Complete a future from the bookkeeping thread (ignored when its loop has closed)."""

    def settle() -> None:
        if future.done():  # the awaiting coroutine was cancelled
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    with contextlib.suppress(RuntimeError):  # a closed loop: nobody is waiting any more
        loop.call_soon_threadsafe(settle)
