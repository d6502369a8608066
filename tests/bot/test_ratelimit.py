"""bot.ratelimit.PacingRateLimiter on its own: how many requests it lets onto the wire at once."""

from __future__ import annotations

import asyncio

from bot.ratelimit import Limits, PacingRateLimiter


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
