"""Scheduled briefings: a slot actually firing, what is new, restarts, missed slots, crashes."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.delivery import Outcome, deliver
from bot.jobs import job_name
from bot.ratelimit import PacingRateLimiter, is_routine
from bot.runtime import RUNTIME_KEY
from bot.schedule import slot_at
from bot.settings import BotSettings
from bot.store import chats, deliveries
from bot.store import tables as chat_tables
from bot.store.values import ChatInfo, DeliveryInfo
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from tests.bot.conftest import DATA, Harness, config
from tests.bot.fake_api import FakeBotApi

pytestmark = pytest.mark.clock

USER = 5151


def _subscribe(
    engine: Engine,
    chat_id: int,
    times: list[str],
    zone: str = "UTC",
    *,
    since: datetime | None = None,
    quiet: list[str] | None = None,
) -> None:
    with Session(engine) as session:
        chats.ensure_chat(
            session=session,
            chat_id=chat_id,
            kind="private" if chat_id > 0 else "supergroup",
            title="t",
            default_timezone=zone,
            default_times=times,
        )
        if quiet:
            chats.update_chat(session=session, chat_id=chat_id, quiet_days=quiet)
        chats.set_subscription(
            session=session,
            chat_id=chat_id,
            active=True,
            now=since or datetime.now(UTC) - timedelta(days=1),
        )


def _rows(engine: Engine, chat_id: int) -> list[DeliveryInfo]:
    with Session(engine) as session:
        return deliveries.deliveries(session=session, chat_id=chat_id)


def _slot_ahead(seconds: float, zone: str = "UTC") -> tuple[datetime, Callable[[], datetime]]:
    """A minute-boundary slot and a bot clock that reads `seconds` before it now.

    The slot's local time in `zone` names it alone: in the hour repeated when clocks fall back,
    the local time means its first occurrence (bot.schedule), so the slot moves on by an hour
    (the bot's clock is shifted anyway).
    """
    real = datetime.now(UTC)
    slot = (real + timedelta(minutes=2)).replace(second=0, microsecond=0)
    while slot_at(slot.astimezone(ZoneInfo(zone)).date(), _hhmm(slot, zone), zone) != slot:
        slot += timedelta(hours=1)
    offset = slot - timedelta(seconds=seconds) - real

    def clock() -> datetime:
        return datetime.now(UTC) + offset

    return slot, clock


def _hhmm(moment: datetime, zone: str = "UTC") -> str:
    return moment.astimezone(ZoneInfo(zone)).strftime("%H:%M")


async def test_scheduled_briefing_arrives_at_its_local_time(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    zone = "America/New_York"
    slot, clock = _slot_ahead(seconds=2, zone=zone)

    _subscribe(harness.engine, USER, [_hhmm(slot, zone)], zone)
    async with harness.running(clock=clock) as app:
        (job,) = app.job_queue.get_jobs_by_name(job_name(USER))
        assert job.data == slot
        (message,) = await fake_api.wait_sent(USER, 1, timeout=10)
        await asyncio.sleep(0.3)
        (next_job,) = app.job_queue.get_jobs_by_name(job_name(USER))
        assert next_job.data == slot + timedelta(days=1)
    assert message.text.startswith("Briefing")
    assert "Portvale" in message.text
    (row,) = _rows(harness.engine, USER)
    assert (row.slot, row.status) == (slot, chat_tables.SENT)


async def test_a_blocked_event_loop_delays_but_does_not_drop_a_briefing(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    slot, clock = _slot_ahead(seconds=1)

    _subscribe(harness.engine, USER, [_hhmm(slot)])
    async with harness.running(clock=clock):
        time.sleep(3)  # on purpose: a busy loop past the slot (APScheduler default grace: 1 s)
        (message,) = await fake_api.wait_sent(USER, 1, timeout=10)
    assert message.text.startswith("Briefing")


async def test_briefings_go_out_as_routine_sends_and_replies_do_not(
    harness: Harness, fake_api: FakeBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, object, bool]] = []
    original = PacingRateLimiter.process_request

    async def spy(self: PacingRateLimiter, **kwargs: Any) -> Any:
        seen.append((kwargs["endpoint"], kwargs["data"].get("chat_id"), is_routine()))
        return await original(self, **kwargs)

    monkeypatch.setattr(PacingRateLimiter, "process_request", spy)
    other = USER + 1
    fake_api.private_chat(USER)
    fake_api.private_chat(other)
    slot, clock = _slot_ahead(seconds=1)

    _subscribe(harness.engine, USER, [_hhmm(slot)])
    async with harness.running(clock=clock):
        await fake_api.wait_sent(USER, 1, timeout=10)
        await fake_api.reply_to(other, "/help")
    sends = {(chat, flag) for endpoint, chat, flag in seen if endpoint == "sendMessage"}
    assert sends == {(USER, True), (other, False)}


async def test_briefing_carries_only_what_is_new(harness: Harness, fake_api: FakeBotApi) -> None:
    fake_api.private_chat(USER)
    # A delivery time 12 hours away: neither the start-up catch-up (grace 2 hours) nor a job
    # sends a briefing of its own during the test, whatever the hour.
    _subscribe(harness.engine, USER, [_hhmm(datetime.now(UTC) + timedelta(hours=12))])
    day = datetime(2030, 1, 1, 6, tzinfo=UTC)  # slot keys only; the clock is real
    async with harness.running() as app:
        rt = app.bot_data[RUNTIME_KEY]
        chat = _chat(harness.engine, USER)
        assert await deliver(app.bot, rt, chat, day) is Outcome.SENT
        assert await deliver(app.bot, rt, chat, day) is Outcome.ALREADY
        assert await deliver(app.bot, rt, chat, day + timedelta(days=1)) is Outcome.SENT
        report = harness.service.ingest([str(DATA / "later" / "bridge_update_northwire.txt")])
        assert report.new == 1
        assert await deliver(app.bot, rt, chat, day + timedelta(days=2)) is Outcome.SENT
        first, second, third = await fake_api.wait_sent(USER, 3)
    assert "Meridian" in first.text and "Orchard" in first.text
    assert "Nothing new since your last briefing" in second.text
    assert "Engineers surveying the cracked Portvale harbour bridge" in third.text
    assert "Orchard" not in third.text and "Meridian" not in third.text


async def test_missed_slot_is_sent_once_across_restarts(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    missed = datetime.now(UTC) - timedelta(minutes=10)
    _subscribe(harness.engine, USER, [_hhmm(missed)])
    for _ in range(3):
        async with harness.running():
            await fake_api.wait_sent(USER, 1)
            await asyncio.sleep(1.0)
    assert len(fake_api.sent(USER)) == 1
    (row,) = _rows(harness.engine, USER)
    assert row.status == chat_tables.SENT and row.slot == missed.replace(second=0, microsecond=0)


async def test_two_bots_starting_together_send_one_briefing(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    _subscribe(harness.engine, USER, [_hhmm(datetime.now(UTC) - timedelta(minutes=5))])
    async with harness.running(), harness.running():
        await fake_api.wait_sent(USER, 1)
        await asyncio.sleep(1.5)
    assert len(fake_api.sent(USER)) == 1


async def test_two_bots_on_sqlite_and_postgresql_send_one_briefing(
    database_url: str, settings: BotSettings, fake_api: FakeBotApi
) -> None:
    engine = make_engine(database_url)
    create_schema(engine)
    try:
        service = BriefingService(engine, config())
        assert service.ingest([str(p) for p in sorted(DATA.glob("*.txt"))]).new >= 5
        harness = Harness(settings, service, engine)
        for chat_id in (USER, USER + 1, USER + 2):
            fake_api.private_chat(chat_id)
            _subscribe(engine, chat_id, [_hhmm(datetime.now(UTC) - timedelta(minutes=5))])
        async with harness.running(), harness.running():
            for chat_id in (USER, USER + 1, USER + 2):
                await fake_api.wait_sent(chat_id, 1)
            await asyncio.sleep(1.0)
        assert len(fake_api.sent()) == 3
        assert [r.status for r in _rows(engine, USER)] == [chat_tables.SENT]
    finally:
        engine.dispose()


async def test_slot_older_than_grace_and_quiet_days_are_not_sent(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    old_chat, quiet_chat = USER, USER + 1
    fake_api.private_chat(old_chat)
    fake_api.private_chat(quiet_chat)
    now = datetime.now(UTC)
    _subscribe(harness.engine, old_chat, [_hhmm(now - timedelta(hours=3))])
    missed = now - timedelta(minutes=5)
    weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[missed.weekday()]
    _subscribe(harness.engine, quiet_chat, [_hhmm(missed)], quiet=[weekday])
    async with harness.running():
        await asyncio.sleep(1.5)
    assert fake_api.sent() == []
    assert _rows(harness.engine, old_chat) == []
    assert [r.status for r in _rows(harness.engine, quiet_chat)] == [chat_tables.SKIPPED]


async def test_claim_left_by_a_crash_is_retried_but_a_live_one_is_not(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    crashed, live = USER, USER + 1
    fake_api.private_chat(crashed)
    fake_api.private_chat(live)
    now = datetime.now(UTC)
    missed = now - timedelta(minutes=5)
    for chat_id, claimed_at in ((crashed, now - timedelta(minutes=4)), (live, now)):
        _subscribe(harness.engine, chat_id, [_hhmm(missed)])
        with Session(harness.engine) as session:
            slot = missed.replace(second=0, microsecond=0)
            assert deliveries.claim_delivery(
                session=session, chat_id=chat_id, slot=slot, now=claimed_at
            )
    # The live claim must stay younger than the claim timeout while the test runs: with the
    # tests' 1 s, a start-up slowed by a busy machine made it look stale and retaken.
    patient = replace(harness.settings, claim_timeout=timedelta(seconds=30))
    async with harness.running(settings=patient):
        await fake_api.wait_sent(crashed, 1)
        await asyncio.sleep(0.5)
    assert fake_api.sent(live) == []
    (row,) = _rows(harness.engine, crashed)
    assert (row.status, row.attempts) == (chat_tables.SENT, 2)
    assert [r.status for r in _rows(harness.engine, live)] == [chat_tables.CLAIMED]


async def test_blocked_chat_is_unsubscribed(harness: Harness, fake_api: FakeBotApi) -> None:
    fake_api.private_chat(USER)
    fake_api.block(USER)
    _subscribe(harness.engine, USER, [_hhmm(datetime.now(UTC) - timedelta(minutes=5))])
    async with harness.running() as app:
        for _ in range(100):
            if not _chat(harness.engine, USER).subscribed:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.2)
        assert not app.job_queue.get_jobs_by_name(job_name(USER))
    assert not _chat(harness.engine, USER).subscribed
    assert [r.status for r in _rows(harness.engine, USER)] == [chat_tables.FAILED]
    assert len(fake_api.calls("sendMessage")) == 1  # 403 is never retried


def _chat(engine: Engine, chat_id: int) -> ChatInfo:
    with Session(engine) as session:
        info = chats.get_chat(session=session, chat_id=chat_id)
    assert info is not None
    return info


async def test_stale_claim_appearing_while_running_is_sent_once(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    missed = datetime.now(UTC) - timedelta(minutes=5)
    _subscribe(harness.engine, USER, [_hhmm(missed)])
    slot = missed.replace(second=0, microsecond=0)
    with Session(harness.engine) as session:  # another bot claims the slot first ...
        assert deliveries.claim_delivery(
            session=session, chat_id=USER, slot=slot, now=datetime.now(UTC)
        )
    async with harness.running():
        await asyncio.sleep(0.5)
        assert fake_api.sent(USER) == []  # ... and is alive: its claim is respected
        # ... then dies: the periodic sweep retakes the claim once it is stale.
        (message,) = await fake_api.wait_sent(USER, 1, timeout=10)
        await asyncio.sleep(1)
    assert message.text.startswith("Briefing")
    assert len(fake_api.sent(USER)) == 1
    (row,) = _rows(harness.engine, USER)
    assert (row.status, row.attempts) == (chat_tables.SENT, 2)


async def test_retake_resumes_after_the_parts_already_sent(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    missed = datetime.now(UTC) - timedelta(minutes=5)
    _subscribe(harness.engine, USER, [_hhmm(missed)])
    slot = missed.replace(second=0, microsecond=0)
    old = datetime.now(UTC) - timedelta(minutes=1)
    with Session(harness.engine) as session:  # a bot died after Telegram took part 1 of 1
        assert deliveries.claim_delivery(session=session, chat_id=USER, slot=slot, now=old)
        deliveries.mark_progress(session=session, chat_id=USER, slot=slot, sent_parts=1, now=old)
    async with harness.running():
        for _ in range(100):
            if _rows(harness.engine, USER)[0].status == chat_tables.SENT:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)
    assert fake_api.sent(USER) == []  # nothing is sent twice
    (row,) = _rows(harness.engine, USER)
    assert (row.status, row.attempts) == (chat_tables.SENT, 2)
