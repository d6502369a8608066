"""Nothing stored can stop a command or a briefing: impossible dates, events that cannot render."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlmodel import Session

from bot import format as fmt
from bot.delivery import Outcome, deliver
from bot.runtime import RUNTIME_KEY
from bot.store import chats
from tests.bot.conftest import Harness, quiet_time
from tests.bot.fake_api import FakeBotApi

pytestmark = pytest.mark.clock

USER = 6161
ZONE = "America/New_York"  # west of UTC: 0001-01-01 00:00 UTC has no local time there
SLOT = datetime(2030, 1, 1, 11, tzinfo=UTC)  # a slot key only
FAILED = "Sorry, that failed"


def _subscribe(harness: Harness) -> Any:
    with Session(harness.engine) as session:
        chats.ensure_chat(
            session=session,
            chat_id=USER,
            kind="private",
            title="t",
            default_timezone=ZONE,
            default_times=[quiet_time(ZONE)],  # not caught up nor due during the test
        )
        chats.set_subscription(
            session=session, chat_id=USER, active=True, now=datetime(2026, 1, 1, tzinfo=UTC)
        )
        return chats.get_chat(session=session, chat_id=USER)


def _store_impossible_times(harness: Harness) -> tuple[int, int]:
    """Give the top event's articles, the event and its story the time 0001-01-01 (by SQL)."""
    event = harness.service.top_events(limit=1)[0]
    assert event.story_id is not None
    old = "'0001-01-01 00:00:00.000000'"
    with harness.engine.begin() as connection:
        connection.exec_driver_sql(
            f"UPDATE article SET published = {old} WHERE event_id = {event.id}"
        )
        connection.exec_driver_sql(
            f"UPDATE event SET first_seen = {old}, last_seen = {old} WHERE id = {event.id}"
        )
        connection.exec_driver_sql(
            f"UPDATE story SET first_seen = {old}, last_seen = {old} WHERE id = {event.story_id}"
        )
    harness.service._views.clear()  # the service caches lists for 30 s
    return event.id, event.story_id


async def test_every_command_and_a_briefing_with_0001_stored(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    chat = _subscribe(harness)
    event_id, story_id = _store_impossible_times(harness)
    article_id = harness.service.event(event_id).articles[0].id
    async with harness.running() as app:
        for command in (
            "/brief",
            "/events",
            f"/event {event_id}",
            f"/story {story_id}",
            f"/article {article_id}",
            "/search harbour",
        ):
            reply = await fake_api.reply_to(USER, command)
            assert FAILED not in reply.text, command
        assert "01 Jan" in (await fake_api.reply_to(USER, f"/event {event_id}")).text
        rt = app.bot_data[RUNTIME_KEY]
        assert await deliver(app.bot, rt, chat, SLOT) is Outcome.SENT
    briefing = fake_api.sent(USER)[-1]
    assert briefing.text.startswith("Briefing")
    assert all(FAILED not in message.text for message in fake_api.sent(USER))


@pytest.fixture
def one_event_breaks(harness: Harness, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """Make the rendering of the top event raise, wherever it is rendered."""
    broken, kept = harness.service.top_events(limit=2)
    digest_lines, event_line = fmt.digest_lines, fmt.event_line

    def bad_digest(event: Any, limit: int | None = None, **kwargs: Any) -> str:
        if event.id == broken.id:
            raise ValueError("cannot render")
        return digest_lines(event, limit, **kwargs)

    def bad_line(rank: int, event: Any, zone: str = "UTC", **kwargs: Any) -> str:
        if event.id == broken.id:
            raise ValueError("cannot render")
        return event_line(rank, event, zone, **kwargs)

    monkeypatch.setattr(fmt, "digest_lines", bad_digest)
    monkeypatch.setattr(fmt, "event_line", bad_line)
    return broken.title, kept.title


async def test_an_event_that_cannot_render_is_left_out(
    harness: Harness,
    fake_api: FakeBotApi,
    one_event_breaks: tuple[str, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    broken, kept = one_event_breaks
    fake_api.private_chat(USER)
    chat = _subscribe(harness)
    async with harness.running() as app:
        brief = await fake_api.reply_to(USER, "/brief")
        listing = await fake_api.reply_to(USER, "/events")
        rt = app.bot_data[RUNTIME_KEY]
        assert await deliver(app.bot, rt, chat, SLOT) is Outcome.SENT
    scheduled = fake_api.sent(USER)[-1]
    assert scheduled.text.startswith("Briefing")
    for reply in (brief, listing, scheduled):
        assert FAILED not in reply.text
        assert kept in reply.text and broken not in reply.text
    assert "cannot be rendered; left out" in caplog.text


def test_the_service_leaves_out_an_event_whose_view_fails(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    events = harness.service.top_events(limit=10)
    broken = events[0]
    original = harness.service._event_view

    def view(session: Any, event: Any, **kwargs: Any) -> Any:
        if event.id == broken.id:
            raise OverflowError("date value out of range")
        return original(session, event, **kwargs)

    monkeypatch.setattr(harness.service, "_event_view", view)
    harness.service._views.clear()
    shown = harness.service.top_events(limit=10)
    assert [e.id for e in shown] == [e.id for e in events[1:]]
    assert broken.story_id is not None
    story = harness.service.story(broken.story_id)
    assert broken.id not in [e.id for e in story.events]
    assert f"event {broken.id} cannot be shown" in caplog.text
