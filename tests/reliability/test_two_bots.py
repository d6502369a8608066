"""Two `briefing run` processes on one PostgreSQL database: every chat gets exactly one briefing.

The fake Bot API answers like Telegram when two processes long-poll with one token: the older
getUpdates call ends with 409 Conflict. Two deployments are tried: both processes polling (what
two plain `briefing run` do), and both in webhook mode behind one public URL (no getUpdates at
all, the way to run several processes; the bot has no "scheduler only" switch).
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import UTC, datetime
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
    free_port,
    ingest_sample,
    minute_slot,
    subscribe_chats,
    wait_until,
)

pytestmark = pytest.mark.postgres

CHATS = list(range(20_001, 20_101))
COMMANDS = 20


def _help_replies(fake: FaultyBotApi) -> list[int]:
    return [s.chat_id for s in fake.sent() if s.text.startswith("Commands")]


def _processes(
    work: Path, fake: FaultyBotApi, config: Path, *, webhook: bool
) -> tuple[BotProcess, BotProcess]:
    if not webhook:
        return (
            BotProcess(config, fake, work / "bot-a.log"),
            BotProcess(config, fake, work / "bot-b.log"),
        )
    public = f"http://127.0.0.1:{free_port()}/telegram"  # the load balancer's address
    bots = []
    for name in ("a", "b"):
        env = {"BRIEFING_WEBHOOK_LISTEN": "127.0.0.1", "BRIEFING_WEBHOOK_PORT": str(free_port())}
        bots.append(
            BotProcess(
                config,
                fake,
                work / f"bot-{name}.log",
                extra_env=env,
                args=["--webhook-url", public],
            )
        )
    return bots[0], bots[1]


def _run_two(
    work: Path,
    postgres_url: str,
    *,
    minutes_from_now: int,
    webhook: bool,
    rate: int = 30,
    claim_timeout: float = 300.0,
    stagger: float = 0.0,
) -> tuple[Counter[int], Counter[str], FaultyBotApi, list[str]]:
    fake = FaultyBotApi(
        token=TOKEN, limits=Limits(chat_interval=1.0, global_per_second=rate), conflict=True
    ).start()
    try:
        for chat_id in CHATS:
            fake.private_chat(chat_id)
        ingest_sample(postgres_url)
        slot, hhmm = minute_slot(minutes_from_now)
        subscribe_chats(postgres_url, CHATS, hhmm)
        config = BotConfig(
            db_url=postgres_url, messages_per_second=rate, claim_timeout=claim_timeout
        ).write(work / "bot.toml")
        first, second = _processes(work, fake, config, webhook=webhook)
        if minutes_from_now > 0:  # both running 8 s before the slot: their jobs race
            time.sleep(max(0.0, (slot - datetime.now(UTC)).total_seconds() - 8))
        first.start()
        if stagger:  # the second starts once the first is well into the broadcast
            wait_until(lambda: len(briefings_per_chat(fake)) > 0, 60, 0.05)
            time.sleep(stagger)
        second.start()
        try:
            served = wait_until(lambda: set(briefings_per_chat(fake)) >= set(CHATS), 60, 0.1)
            if not webhook:  # commands too: each update is handled by one process only
                for chat_id in CHATS[:COMMANDS]:
                    fake.user_says(chat_id, "/help")
                    time.sleep(0.05)
                wait_until(lambda: len(_help_replies(fake)) >= COMMANDS, 30, 0.1)
            time.sleep(3.0)  # room for a second copy to show up
            alive = [bot.alive() for bot in (first, second)]
        finally:
            for bot in (first, second):
                bot.stop()
        logs = [first.log_tail(20), second.log_tail(20)]
        assert served, f"not every chat was served\n{logs[0]}\n{logs[1]}"
        assert alive == [True, True], logs
        return briefings_per_chat(fake), delivery_statuses(postgres_url, CHATS), fake, logs
    finally:
        fake.stop()


@pytest.mark.parametrize(
    "webhook",
    [pytest.param(False, id="polling", marks=pytest.mark.clock), pytest.param(True, id="webhook")],
)
def test_two_bots_catch_up_a_missed_slot_once(
    tmp_path: Path, postgres_url: str, webhook: bool
) -> None:
    counts, statuses, fake, _logs = _run_two(
        tmp_path, postgres_url, minutes_from_now=-2, webhook=webhook
    )
    assert sorted(counts) == CHATS and set(counts.values()) == {1}, counts.most_common(3)
    assert statuses == Counter({"sent": len(CHATS)}), statuses
    if webhook:
        assert fake.conflicts == 0 and not fake.delivered  # nobody polled
    else:
        assert sorted(_help_replies(fake)) == CHATS[:COMMANDS]  # answered once, 409s or not


@pytest.mark.slow
def test_two_running_bots_fire_one_scheduled_slot_once(tmp_path: Path, postgres_url: str) -> None:
    # Waits for the next minute boundary (up to a minute): both processes' jobs fire together.
    now = datetime.now(UTC)
    minutes = 1 if now.second < 45 else 2
    counts, statuses, _fake, _logs = _run_two(
        tmp_path, postgres_url, minutes_from_now=minutes, webhook=False
    )
    assert sorted(counts) == CHATS and set(counts.values()) == {1}, counts.most_common(3)
    assert statuses == Counter({"sent": len(CHATS)}), statuses


def test_a_bot_starting_mid_broadcast_does_not_retake_live_claims(
    tmp_path: Path, postgres_url: str
) -> None:
    # A 10 s broadcast (100 chats at 10/s) and a 3 s claim timeout: the second bot's catch-up
    # and stale-claim sweep run while the first is still sending; live claims must look live.
    counts, statuses, _fake, _logs = _run_two(
        tmp_path,
        postgres_url,
        minutes_from_now=-2,
        webhook=True,
        rate=10,
        claim_timeout=3.0,
        stagger=4.0,
    )
    assert sorted(counts) == CHATS and set(counts.values()) == {1}, counts.most_common(3)
    assert statuses == Counter({"sent": len(CHATS)}), statuses
