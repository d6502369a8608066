"""The daily prune job: scheduled at start when retention is on, run in a worker thread."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Engine

from bot import retention
from bot.runtime import Runtime
from bot.settings import BotSettings
from tests.bot.conftest import Harness


async def test_prune_job_is_daily_and_prunes_off_the_event_loop(
    engine: Engine, settings: BotSettings, service: Any
) -> None:
    loop_thread = threading.get_ident()
    seen: list[int] = []
    real_prune = service.prune

    def prune(**kwargs: Any) -> Any:
        seen.append(threading.get_ident())
        # A day's retention seen from 2100: every test article is older.
        return real_prune(days=1, now=datetime(2100, 1, 1, tzinfo=UTC), **kwargs)

    service.prune = prune
    rt = Runtime(settings, service, engine)
    report = await retention.prune_now(rt)
    assert seen and seen[0] != loop_thread  # a worker thread, not the loop
    assert report.articles >= 5 and service.stats()["articles"] == 0


async def test_prune_job_scheduled_only_when_retention_is_on(
    engine: Engine, settings: BotSettings, service: Any, fake_api: Any
) -> None:
    harness = Harness(settings, service, engine)
    async with harness.running() as app:
        assert app.job_queue is not None
        jobs = app.job_queue.get_jobs_by_name(retention.JOB_NAME)
        assert len(jobs) == 1 and settings.retention_days == 90
        trigger = jobs[0].job.trigger
        assert trigger.interval.total_seconds() == retention.EVERY_SECONDS
    async with harness.running(settings=replace(settings, retention_days=0)) as app:
        assert app.job_queue is not None
        assert app.job_queue.get_jobs_by_name(retention.JOB_NAME) == ()
