"""Fixtures for the bot: a fake Bot API on 127.0.0.1, a real database, the real service and bot."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.engine import Engine

from bot.app import build_application
from bot.ratelimit import Limits
from bot.schedule import utcnow
from bot.settings import BotSettings
from summarizer.store.db import create_schema, make_engine
from tests.bot.fake_api import FakeBotApi
from tests.bot.fake_api import Limits as ServerLimits

if TYPE_CHECKING:
    from tests.bot.feedsite import FeedSite

DATA = Path(__file__).parent / "data"
REPO_ROOT = Path(__file__).resolve().parents[2]
ADMIN_ID = 900
AnyApp = Any

# Short intervals keep the tests quick; the server enforces the same ones, so pacing is checked.
TEST_LIMITS = Limits(
    messages_per_second=30, chat_interval=0.2, group_per_minute=20, max_retries=4, backoff=0.05
)
TEST_SERVER_LIMITS = ServerLimits(chat_interval=0.2, group_per_minute=20, global_per_second=30)


def quiet_time(zone: str = "UTC") -> str:
    """A delivery time (HH:MM in `zone`) 12 hours from now: a chat subscribed at it gets no
    briefing while a test runs, whatever the hour (a fixed time such as 08:00 is caught up at
    start for two hours after it, and fires in a test that subscribes a few seconds before)."""
    return (utcnow() + timedelta(hours=12)).astimezone(ZoneInfo(zone)).strftime("%H:%M")


def config() -> dict[str, Any]:
    """The configuration the tests use: defaults of config/briefing.toml, polling off, and a
    default delivery time that does not come up during the test (quiet_time)."""
    return {
        "summaries": {"digest_words": 80},
        "feeds": {"urls": [], "poll_minutes": 0},
        "bot": {"default_times": [quiet_time()], "default_timezone": "UTC", "grace_minutes": 120},
    }


def clock_at(hhmm: str) -> Callable[[], datetime]:
    """A bot clock that reads HH:MM UTC today now and ticks on with the real one.

    Delivery times a test sets by command then lie hours ahead of the bot's clock (at 03:00,
    06:45 and 18:00 do), so no briefing fires while the test runs, whatever the hour.
    """
    hour, minute = (int(part) for part in hhmm.split(":"))
    real = utcnow()
    offset = real.replace(hour=hour, minute=minute, second=0, microsecond=0) - real

    def clock() -> datetime:
        return utcnow() + offset

    return clock


@pytest.fixture(autouse=True)
def _timedelta_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opt in to PTB's timedelta RetryAfter (as run_bot does); the int form warns."""
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
def fake_api() -> Iterator[FakeBotApi]:
    """A fake Bot API server, started and stopped around the test."""
    server = FakeBotApi(limits=TEST_SERVER_LIMITS).start()
    yield server
    server.stop()


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """A fresh SQLite database file with the full schema."""
    eng = make_engine(f"sqlite:///{tmp_path / 'bot.db'}")
    create_schema(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def service(engine: Engine) -> Any:
    """The real BriefingService with the test articles ingested."""
    from summarizer.service import BriefingService

    svc = BriefingService(engine, config())
    report = svc.ingest([str(p) for p in sorted(DATA.glob("*.txt"))])
    assert report.new >= 5, report
    return svc


@pytest.fixture
def settings(fake_api: FakeBotApi) -> BotSettings:
    """Settings pointing at the fake server, with one admin."""
    base = BotSettings.from_env(
        config(),
        {
            "TELEGRAM_BOT_TOKEN": fake_api.token,
            "TELEGRAM_API_URL": fake_api.url,
            "ADMIN_CHAT_IDS": str(ADMIN_ID),
        },
    )
    # Tests drive many commands from one chat: no command rate limit unless a test sets one.
    return replace(base, claim_timeout=timedelta(seconds=1), commands_per_minute=float("inf"))


class Harness:
    """Builds and runs the real Application against the fake server."""

    def __init__(self, settings: BotSettings, service: Any, engine: Engine) -> None:
        self.settings = settings
        self.service = service
        self.engine = engine

    @asynccontextmanager
    async def running(
        self,
        *,
        clock: Callable[[], datetime] = utcnow,
        settings: BotSettings | None = None,
        limits: Limits = TEST_LIMITS,
    ) -> AsyncIterator[AnyApp]:
        """Run the bot (post_init, job queue, long polling) for the body of a with-block."""
        app = build_application(
            settings or self.settings, self.service, self.engine, clock=clock, limits=limits
        )
        await app.initialize()
        try:
            assert app.post_init is not None
            await app.post_init(app)
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0, timeout=1)
            try:
                yield app
            finally:
                if app.updater.running:
                    await app.updater.stop()
                await app.stop()
        finally:
            await app.shutdown()


@pytest.fixture
def harness(settings: BotSettings, service: Any, engine: Engine) -> Harness:
    """The bot harness with the real service."""
    return Harness(settings, service, engine)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[FeedSite]:
    """A local HTTP site serving feeds and pages written into its folder."""
    from tests.bot.feedsite import feed_site  # it reads this module's DATA

    root = tmp_path / "site"
    root.mkdir()
    with feed_site(root) as served:
        yield served
