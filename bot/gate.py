"""A limit on how many tasks hold something at once, first come first served at O(1) a turn.

asyncio.Semaphore checks every waiter on each acquire (`locked()` scans its queue), so a
thousand commands queued behind 64 places cost a thousand steps each; this gate does not.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
from types import TracebackType


class Gate:
    """At most `places` holders at once (`async with gate:`); the others wait in order."""

    def __init__(self, places: int) -> None:
        """Args: places: how many may hold the gate at once (at least one)."""
        self._free = max(1, places)
        self._queue: collections.deque[asyncio.Future[None]] = collections.deque()

    async def __aenter__(self) -> None:
        """Take a place, waiting for one after everybody who came earlier."""
        if self._free and not self._queue:
            self._free -= 1
            return
        turn = asyncio.get_running_loop().create_future()
        self._queue.append(turn)
        try:
            await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():  # given a place just as it was cancelled
                self._pass_on()
            else:
                with contextlib.suppress(ValueError):  # passed over already
                    self._queue.remove(turn)
            raise

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Give the place to the next waiter, or free it."""
        self._pass_on()

    def _pass_on(self) -> None:
        while self._queue:
            turn = self._queue.popleft()
            if not turn.done():
                turn.set_result(None)
                return
        self._free += 1


__all__ = ["Gate"]
