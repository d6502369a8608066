"""bot.ratelimit.PacingRateLimiter on its own: requests on the wire at once, replies first, stop."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from telegram.error import NetworkError, RetryAfter

from bot.ratelimit import BotStopping, Limits, PacingRateLimiter, routine


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


async def _send(limiter: PacingRateLimiter, name: str, *, is_routine: bool) -> None:
    async def request() -> bool:
        return True

    data = {"chat_id": name}
    if is_routine:
        with routine():
            await limiter.process_request(request, (), {}, "sendMessage", data, None)
    else:
        await limiter.process_request(request, (), {}, "sendMessage", data, None)


class _Clocked(PacingRateLimiter):
    """Notes when each chat's request went out."""

    def __init__(self, limits: Limits) -> None:
        super().__init__(limits)
        self.sent: dict[str, float] = {}

    async def process_request(self, callback: Any, *args: Any) -> Any:
        async def clocked(*inner: Any, **kwargs: Any) -> Any:
            chat = str(args[3]["chat_id"])
            self.sent[chat] = asyncio.get_running_loop().time()
            return await callback(*inner, **kwargs)

        return await super().process_request(clocked, *args)


async def test_with_nobody_asking_a_broadcast_has_the_whole_window() -> None:
    limiter = _Clocked(Limits(messages_per_second=5, chat_interval=0))
    await asyncio.gather(*(_send(limiter, f"b{n}", is_routine=True) for n in range(1, 11)))
    times = [limiter.sent[f"b{n}"] for n in range(1, 11)]
    assert times == sorted(times)
    assert times[4] - times[0] < 0.2  # five in the first second, reserve unused
    assert all(later - earlier >= 0.99 for earlier, later in zip(times, times[5:], strict=False))


async def test_while_people_ask_a_broadcast_leaves_the_reserve_to_replies() -> None:
    # 5 a second with a 3% reserve: one place of the five is kept while replies are coming.
    limiter = _Clocked(Limits(messages_per_second=5, chat_interval=0))
    loop = asyncio.get_running_loop()
    await _send(limiter, "r0", is_routine=False)  # someone asked: the reserve is held
    broadcast = [asyncio.create_task(_send(limiter, f"b{n}", is_routine=True)) for n in range(1, 9)]
    await asyncio.sleep(0.2)  # r0 and b1-b3 fill the four places routine sends may use
    asked = loop.time()
    await _send(limiter, "r1", is_routine=False)
    assert limiter.sent["r1"] - asked < 0.05
    await asyncio.gather(*broadcast)
    assert limiter.sent["b4"] - limiter.sent["b1"] >= 0.99


async def test_after_shutdown_a_failed_request_is_not_sent_again() -> None:
    limiter = PacingRateLimiter(Limits(messages_per_second=1000, backoff=0.01))
    calls = 0

    async def request() -> bool:
        nonlocal calls
        calls += 1
        raise NetworkError("connection reset")

    await limiter.shutdown()
    with pytest.raises(BotStopping) as raised:
        await limiter.process_request(request, (), {}, "setMyCommands", {}, None)
    assert isinstance(raised.value.__cause__, NetworkError)
    assert calls == 1 and not limiter.retries


@pytest.mark.parametrize("kind", ["network-backoff", "retry-after"])
async def test_a_request_waiting_to_retry_when_the_bot_stops_ends_at_once(kind: str) -> None:
    # A 30 s backoff (or RetryAfter): stop() must end the wait, not let it run out.
    limiter = PacingRateLimiter(Limits(messages_per_second=1000, backoff=30.0, backoff_cap=30.0))
    failure = NetworkError("Bad Gateway") if kind == "network-backoff" else RetryAfter(30)
    calls = 0

    async def request() -> bool:
        nonlocal calls
        calls += 1
        raise failure

    sending = asyncio.create_task(
        limiter.process_request(request, (), {}, "sendMessage", {"chat_id": 5}, None)
    )
    while not limiter.retries:  # the first attempt failed: its wait has begun
        await asyncio.sleep(0.001)
    limiter.stop()
    with pytest.raises(BotStopping):
        await asyncio.wait_for(sending, 1.0)
    assert calls == 1


async def test_once_the_bot_stops_replies_go_out_and_briefings_do_not() -> None:
    limiter = PacingRateLimiter(Limits(messages_per_second=1000))
    sent: list[str] = []

    async def request(name: str) -> bool:
        sent.append(name)
        return True

    limiter.stop()
    assert limiter.stopping
    await limiter.process_request(request, ("reply",), {}, "sendMessage", {"chat_id": 5}, None)
    with routine(), pytest.raises(BotStopping):
        await limiter.process_request(
            request, ("briefing",), {}, "sendMessage", {"chat_id": 6}, None
        )
    await limiter.initialize()  # a restarted application sends briefings again
    with routine():
        await limiter.process_request(
            request, ("briefing",), {}, "sendMessage", {"chat_id": 6}, None
        )
    assert sent == ["reply", "briefing"]


async def test_a_generator_exit_behind_a_failure_in_the_loop_is_an_ordinary_failure() -> None:
    # An async generator closed inside httpcore's clean-up: the request failed, it was not
    # abandoned; a GeneratorExit raised here would escape PTB's `except Exception` handlers.
    limiter = PacingRateLimiter(Limits(messages_per_second=1000, backoff=0.001, max_retries=2))
    calls = 0

    async def request() -> bool:
        nonlocal calls
        calls += 1
        try:
            raise GeneratorExit
        except GeneratorExit:
            raise NetworkError("Unknown error in HTTP implementation") from None

    with pytest.raises(NetworkError):
        await limiter.process_request(request, (), {}, "sendMessage", {"chat_id": 5}, None)
    assert calls == 3 and limiter.retries["network"] == 2


def test_a_request_closed_outside_its_loop_is_abandoned_not_retried() -> None:
    # PTB's run_polling closes the updater's coroutine outside the loop on a stop signal;
    # httpcore's clean-up then fails and PTB reports a NetworkError.
    limiter = PacingRateLimiter(Limits(messages_per_second=1000))
    calls = 0

    async def request() -> bool:
        nonlocal calls
        calls += 1
        try:
            await asyncio.Event().wait()
        except GeneratorExit:
            raise NetworkError("Unknown error in HTTP implementation") from None
        return True

    loop = asyncio.new_event_loop()
    try:
        sending = limiter.process_request(request, (), {}, "deleteWebhook", {"chat_id": 5}, None)
        task = loop.create_task(sending)
        loop.run_until_complete(asyncio.sleep(0.05))  # the request is on the wire
        sending.close()  # GeneratorExit comes back: no "no running event loop", no retry
        assert calls == 1 and not limiter.retries
        task.cancel()
    finally:
        loop.close()
