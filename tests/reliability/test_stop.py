"""SIGTERM `briefing run` while its briefings wait to retry: a quick stop, nothing lost.

The Bot API answers every sendMessage with 502 (or a 30 s RetryAfter), so the catch-up's first
briefing waits in the rate limiter's backoff when the stop comes. PTB's stop waits for running
jobs; the stop must end that wait at once (Docker kills after 10 s), send nothing more, and
leave every briefing for the next run, which sends each once as soon as it starts, long before
the claim timeout (5 minutes) would let it take over a crashed run's claims.
"""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from tests.bot.fake_api import Limits
from tests.reliability.fakes import FaultyBotApi
from tests.reliability.procs import (
    TOKEN,
    BotConfig,
    BotProcess,
    briefings_per_chat,
    delivery_statuses,
    ingest_sample,
    minute_slot,
    subscribe_chats,
    wait_until,
)

CHATS = list(range(30_001, 30_021))
WAIT = 120.0  # generous: a loaded machine may take long to import and start the bot


@pytest.mark.parametrize("fault", ["502", "429"])
def test_sigterm_during_a_retry_wait_stops_at_once_and_the_restart_sends_every_briefing(
    tmp_path: Path, fault: str
) -> None:
    fake = FaultyBotApi(token=TOKEN, limits=Limits(chat_interval=1.0, global_per_second=30))
    fake.start()
    try:
        db_url = f"sqlite:///{tmp_path / 'stop.db'}"
        ingest_sample(db_url)
        subscribe_chats(db_url, CHATS, minute_slot(-2)[1])  # missed: the catch-up sends it
        for chat_id in CHATS:
            fake.private_chat(chat_id)
        if fault == "502":
            fake.fail(502, method="sendMessage", count=10_000)
        else:
            fake.fail(429, method="sendMessage", retry_after=30, count=10_000)
        config = BotConfig(db_url=db_url, claim_timeout=300.0).write(tmp_path / "bot.toml")
        first = BotProcess(config, fake, tmp_path / "bot-1.log").start()
        try:
            assert wait_until(lambda: bool(fake.calls("sendMessage")), WAIT), first.log_tail()
            time.sleep(0.5)  # well into the first retry wait
            attempts = len(fake.calls("sendMessage"))
            started = time.monotonic()
            code = first.stop(timeout=WAIT, sig=signal.SIGTERM)
            took = time.monotonic() - started
        finally:
            first.kill()
        assert code == 0, first.log_tail()
        assert took < 5.0, f"the stop took {took:.1f} s\n{first.log_tail()}"
        assert len(fake.calls("sendMessage")) == attempts, first.log_tail()
        statuses = delivery_statuses(db_url, CHATS)
        assert "failed" not in statuses, statuses

        fake.state.faults.clear()
        second = BotProcess(config, fake, tmp_path / "bot-2.log").start()
        try:
            served = wait_until(lambda: len(briefings_per_chat(fake)) == len(CHATS), WAIT)
            time.sleep(1.0)  # room for a duplicate to show
        finally:
            second.stop()
        counts = briefings_per_chat(fake)
        assert served, f"{len(counts)} of {len(CHATS)} chats served\n{second.log_tail()}"
        assert all(counts[chat_id] == 1 for chat_id in CHATS), counts
        assert delivery_statuses(db_url, CHATS) == {"sent": len(CHATS)}
    finally:
        fake.stop()
