"""A stop while a briefing waits to retry: a quick stop, and the next run sends the briefing."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session

from bot.app import build_application
from bot.ratelimit import Limits, PacingRateLimiter
from bot.serve import _wind_down
from bot.settings import BotSettings
from bot.store import chats, deliveries
from bot.store import tables as chat_tables
from tests.bot.conftest import Harness
from tests.bot.fake_api import FakeBotApi

pytestmark = pytest.mark.clock

USER = 8181
# The production retry policy: a 502 waits 1, 2, 4... seconds, a 429 what Telegram says.
LIMITS = Limits(messages_per_second=30, chat_interval=0.2, backoff=1.0, backoff_cap=30.0)


def _subscribe_missed(harness: Harness) -> datetime:
    """Subscribe USER to a slot three minutes ago: the start-up catch-up sends it."""
    slot = (datetime.now(UTC) - timedelta(minutes=3)).replace(second=0, microsecond=0)
    with Session(harness.engine) as session:
        chats.ensure_chat(
            session=session,
            chat_id=USER,
            kind="private",
            title="t",
            default_timezone="UTC",
            default_times=[slot.strftime("%H:%M")],
        )
        since = datetime.now(UTC) - timedelta(days=1)
        chats.set_subscription(session=session, chat_id=USER, active=True, now=since)
    return slot


@pytest.mark.parametrize("fault", ["502", "429"])
async def test_a_stop_during_a_briefings_retry_wait_is_quick_and_the_restart_sends_it(
    harness: Harness, fake_api: FakeBotApi, fault: str
) -> None:
    fake_api.private_chat(USER)
    slot = _subscribe_missed(harness)
    if fault == "502":
        fake_api.fail(502, method="sendMessage", count=1000)
    else:
        fake_api.fail(429, method="sendMessage", retry_after=30, count=1000)
    # A claim timeout of minutes: only a released claim is taken over at once on the restart.
    settings: BotSettings = replace(harness.settings, claim_timeout=timedelta(minutes=5))
    app = build_application(settings, harness.service, harness.engine, limits=LIMITS)
    limiter = app.bot.rate_limiter
    assert isinstance(limiter, PacingRateLimiter)
    await app.initialize()
    assert app.post_init is not None and app.updater is not None
    await app.post_init(app)
    await app.start()
    await app.updater.start_polling(poll_interval=0, timeout=1)
    deadline = time.monotonic() + 20
    while not limiter.retries and time.monotonic() < deadline:  # the catch-up's send failed
        await asyncio.sleep(0.01)
    assert limiter.retries, "the briefing was never sent"
    attempts = len(fake_api.calls("sendMessage"))
    started = time.monotonic()
    await _wind_down(app)  # what bot.serve does after SIGTERM
    assert time.monotonic() - started < 3.0
    assert len(fake_api.calls("sendMessage")) == attempts  # nothing sent after the stop
    with Session(harness.engine) as session:
        (row,) = deliveries.deliveries(session=session, chat_id=USER)
    assert (row.slot, row.status) == (slot, chat_tables.CLAIMED)  # released, not failed

    fake_api.state.faults.clear()
    async with harness.running(settings=settings):
        (message,) = await fake_api.wait_sent(USER, 1, timeout=15)
        await asyncio.sleep(0.3)
    assert message.text.startswith("Briefing")
    assert len(fake_api.sent(USER)) == 1
    with Session(harness.engine) as session:
        (row,) = deliveries.deliveries(session=session, chat_id=USER)
    assert (row.slot, row.status) == (slot, chat_tables.SENT)
