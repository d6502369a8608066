"""Group chats: removal of the bot, and a group upgraded to a supergroup (new chat id)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session

from bot.jobs import job_name
from bot.store import chats
from bot.store import tables as chat_tables
from bot.store.values import ChatInfo
from tests.bot.conftest import Harness, clock_at
from tests.bot.fake_api import BOT_USERNAME, FakeBotApi
from tests.bot.test_delivery import _hhmm, _rows, _subscribe

pytestmark = pytest.mark.clock

GROUP, SUPERGROUP = -4001, -1004001


def _get(harness: Harness, chat_id: int) -> ChatInfo | None:
    with Session(harness.engine) as session:
        return chats.get_chat(session=session, chat_id=chat_id)


async def _until(predicate: object, timeout: float = 5.0) -> None:
    assert callable(predicate)
    for _ in range(int(timeout / 0.05)):
        if predicate():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition not reached")


async def test_removed_from_group_unsubscribes(harness: Harness, fake_api: FakeBotApi) -> None:
    fake_api.group_chat(GROUP, kind="group")
    async with harness.running() as app:
        await fake_api.reply_to(GROUP, f"/subscribe@{BOT_USERNAME}", user_id=11)
        assert app.job_queue.get_jobs_by_name(job_name(GROUP))
        fake_api.bot_removed(GROUP)
        await _until(lambda: not _get(harness, GROUP).subscribed)  # type: ignore[union-attr]
        await asyncio.sleep(0.1)
        assert not app.job_queue.get_jobs_by_name(job_name(GROUP))


async def test_group_upgraded_to_supergroup_keeps_its_settings(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.group_chat(GROUP, kind="group")
    async with harness.running(clock=clock_at("03:00")) as app:  # 06:45 is hours ahead
        await fake_api.reply_to(GROUP, f"/subscribe@{BOT_USERNAME} harbour", user_id=11)
        await fake_api.reply_to(GROUP, f"/schedule@{BOT_USERNAME} 06:45", user_id=11)
        fake_api.group_migrates(GROUP, SUPERGROUP)
        await _until(lambda: _get(harness, SUPERGROUP) is not None)
        await asyncio.sleep(0.1)
        moved = _get(harness, SUPERGROUP)
        assert _get(harness, GROUP) is None
        assert moved is not None and moved.subscribed and moved.kind == "supergroup"
        assert (moved.times, moved.topics) == (("06:45",), ("harbour",))
        assert not app.job_queue.get_jobs_by_name(job_name(GROUP))
        assert app.job_queue.get_jobs_by_name(job_name(SUPERGROUP))


async def test_migration_found_while_sending_a_briefing(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.group_chat(GROUP, kind="group")
    fake_api.group_migrates(GROUP, SUPERGROUP, announce=False)
    _subscribe(harness.engine, GROUP, [_hhmm(datetime.now(UTC) - timedelta(minutes=5))])
    async with harness.running() as app:
        (message,) = await fake_api.wait_sent(SUPERGROUP, 1)
        await asyncio.sleep(0.2)
        assert app.job_queue.get_jobs_by_name(job_name(SUPERGROUP))
        assert not app.job_queue.get_jobs_by_name(job_name(GROUP))
    assert message.text.startswith("Briefing")
    assert _get(harness, GROUP) is None
    assert [r.status for r in _rows(harness.engine, SUPERGROUP)] == [chat_tables.SENT]
