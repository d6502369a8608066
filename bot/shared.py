"""Results shared for a short time by every caller with the same key, each built once however
many ask at the same moment (the others wait for the one build)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Shared(Generic[K, V]):
    """Recent results by key, kept `seconds` (and at most `most` keys: all go past that).

    The key must say everything the result depends on: a result is never checked again
    before it expires. A build that fails is not kept (its callers get its error).
    """

    def __init__(self, seconds: float, most: int = 1_000) -> None:
        """Args: seconds: how long a result is reused; most: keys kept before all are dropped."""
        self.seconds = seconds
        self.most = most
        self._items: dict[K, tuple[float, asyncio.Future[V]]] = {}

    async def get(self, key: K, build: Callable[[], Awaitable[V]]) -> V:
        """The result for `key`: a recent one, one being built, or `build()`'s."""
        now = time.monotonic()
        hit = self._items.get(key)
        if hit is None or hit[0] <= now or _failed(hit[1]):
            if len(self._items) >= self.most:
                self._items.clear()
            hit = (now + self.seconds, asyncio.ensure_future(build()))
            self._items[key] = hit
        # shielded: a caller that is cancelled never cancels the build the others wait for
        return await asyncio.shield(hit[1])

    def __len__(self) -> int:
        """How many keys are kept."""
        return len(self._items)


def _failed(future: asyncio.Future[V]) -> bool:
    return future.done() and (future.cancelled() or future.exception() is not None)


__all__ = ["Shared"]
