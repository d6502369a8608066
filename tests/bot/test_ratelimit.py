"""bot.ratelimit.PacingRateLimiter on its own: requests on the wire at once, replies first."""

from __future__ import annotations

import asyncio

from bot.ratelimit import Limits, PacingRateLimiter, routine


async def test_no_more_requests_on_the_wire_than_max_concurrent() -> None:
    limiter = PacingRateLimiter(Limits(messages_per_second=1000, max_concurrent=3))
    on_wire = peak = 0

    async def request(chat_id: int) -> dict[str, int]:
        nonlocal on_wire, peak
        on_wire += 1
        peak = max(peak, on_wire)
        await asyncio.sleep(0.01)
        on_wire -= 1
        return {"chat_id": chat_id}

    results = await asyncio.gather(
        *(
            limiter.process_request(
                request, (chat,), {}, "sendMessage", {"chat_id": chat}, rate_limit_args=None
            )
            for chat in range(1, 21)
        )
    )
    assert results == [{"chat_id": chat} for chat in range(1, 21)]
    assert peak == 3


async def test_a_reply_goes_ahead_of_routine_sends_already_waiting() -> None:
    limiter = PacingRateLimiter(Limits(messages_per_second=1, chat_interval=0))
    order: list[str] = []

    async def request(name: str) -> bool:
        order.append(name)
        return True

    async def send(name: str, *, is_routine: bool) -> None:
        data = {"chat_id": name}
        if is_routine:
            with routine():
                await limiter.process_request(request, (name,), {}, "sendMessage", data, None)
        else:
            await limiter.process_request(request, (name,), {}, "sendMessage", data, None)

    first = asyncio.create_task(send("briefing 1", is_routine=True))
    await asyncio.sleep(0.05)  # the window (1 a second) is now full until about 1 s from now
    queued = [asyncio.create_task(send(f"briefing {n}", is_routine=True)) for n in (2, 3)]
    await asyncio.sleep(0.05)
    reply = asyncio.create_task(send("reply", is_routine=False))
    await asyncio.gather(first, *queued, reply)
    assert order == ["briefing 1", "reply", "briefing 2", "briefing 3"]


async def test_routine_sends_keep_their_order_and_leave_the_reserve_free() -> None:
    # 5 a second with a 5% reserve: one place of the five is kept for replies.
    limiter = PacingRateLimiter(Limits(messages_per_second=5, chat_interval=0))
    loop = asyncio.get_running_loop()
    sent: list[tuple[int, float]] = []

    async def request(number: int) -> bool:
        sent.append((number, loop.time()))
        return True

    async def send(number: int) -> None:
        with routine():
            data = {"chat_id": number}
            await limiter.process_request(request, (number,), {}, "sendMessage", data, None)

    await asyncio.gather(*(send(n) for n in range(1, 11)))
    assert [n for n, _ in sent] == list(range(1, 11))
    times = [at for _, at in sent]
    assert all(later - earlier >= 0.99 for earlier, later in zip(times, times[4:], strict=False))


async def test_a_reply_during_a_broadcast_finds_the_reserved_place_at_once() -> None:
    limiter = PacingRateLimiter(Limits(messages_per_second=5, chat_interval=0))
    loop = asyncio.get_running_loop()
    sent: dict[str, float] = {}

    async def request(name: str) -> bool:
        sent[name] = loop.time()
        return True

    async def send(name: str, *, is_routine: bool) -> None:
        data = {"chat_id": name}
        if is_routine:
            with routine():
                await limiter.process_request(request, (name,), {}, "sendMessage", data, None)
        else:
            await limiter.process_request(request, (name,), {}, "sendMessage", data, None)

    broadcast = [asyncio.create_task(send(f"b{n}", is_routine=True)) for n in range(1, 9)]
    await asyncio.sleep(0.2)  # b1-b4 are out; the routine places of this second are used
    asked = loop.time()
    await send("reply", is_routine=False)
    assert sent["reply"] - asked < 0.05
    await asyncio.gather(*broadcast)
    assert sent["b5"] - sent["b1"] >= 0.99
