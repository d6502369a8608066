"""Python's cyclic garbage collector paused while a process decodes its stored indexes."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off (as it was after).

    Decoding the ingest origin at 100,000 articles makes about a million lists, dicts and
    items that the indexes keep; the collector, started every 700 of them, traverses the young
    ones each time and the whole heap now and then, which cost a third of a follower's
    catch-up (0.35 of 0.93 s CPU) and finds nothing to free: what is decoded is kept, and
    holds no cycle. Reference counting still frees what the block drops; a cycle made meanwhile
    waits for the next collection after the block.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
