"""bot.gate.Gate: at most N holders, the rest in order of arrival, cancelled waiters skipped."""

from __future__ import annotations

import asyncio

from bot.gate import Gate


async def test_at_most_the_places_hold_it_and_waiters_go_in_order() -> None:
    gate = Gate(2)
    holding: list[int] = []
    most = 0
    order: list[int] = []

    async def hold(number: int) -> None:
        nonlocal most
        async with gate:
            order.append(number)
            holding.append(number)
            most = max(most, len(holding))
            await asyncio.sleep(0.01)
            holding.remove(number)

    await asyncio.gather(*(hold(i) for i in range(10)))
    assert most == 2 and order == list(range(10))


async def test_a_cancelled_waiter_gives_its_turn_to_the_next() -> None:
    gate = Gate(1)
    release = asyncio.Event()
    entered: list[str] = []

    async def hold(name: str, *, wait: bool = False) -> None:
        async with gate:
            entered.append(name)
            if wait:
                await release.wait()

    first = asyncio.create_task(hold("first", wait=True))
    await asyncio.sleep(0)
    cancelled = asyncio.create_task(hold("cancelled"))
    last = asyncio.create_task(hold("last"))
    await asyncio.sleep(0)
    cancelled.cancel()
    release.set()
    await asyncio.wait_for(asyncio.gather(first, last), 2)
    assert cancelled.cancelled() and entered == ["first", "last"]
    async with gate:  # the place came back
        entered.append("again")
    assert entered[-1] == "again"


async def test_a_waiter_cancelled_as_its_turn_comes_passes_the_place_on() -> None:
    gate = Gate(1)
    entered: list[str] = []

    async def hold(name: str) -> None:
        async with gate:
            entered.append(name)

    async with gate:
        waiter = asyncio.create_task(hold("waiter"))
        later = asyncio.create_task(hold("later"))
        await asyncio.sleep(0)
    waiter.cancel()  # its turn was given on leaving the block; it never ran
    await asyncio.wait_for(later, 2)
    assert waiter.cancelled() and entered == ["later"]
