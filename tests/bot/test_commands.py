"""Every command through the real Application, over HTTP, against the fake Bot API."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from typing import Any

import pytest
from sqlmodel import Session

from bot.format import when
from bot.jobs import job_name
from bot.settings import BotSettings
from bot.store import chats
from bot.store.values import ChatInfo
from tests.bot.conftest import ADMIN_ID, Harness, clock_at
from tests.bot.fake_api import BOT_USERNAME, FakeBotApi, Sent

USER = 4242
GROUP = -1001234


def _chat(harness: Harness, chat_id: int) -> ChatInfo:
    with Session(harness.engine) as session:
        info = chats.get_chat(session=session, chat_id=chat_id)
    assert info is not None
    return info


def _buttons(sent: Sent) -> list[dict[str, Any]]:
    assert sent.reply_markup is not None
    return [b for row in sent.reply_markup["inline_keyboard"] for b in row]


async def test_commands_are_registered_for_everyone_and_admins(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    async with harness.running():
        pass
    scopes = {
        json.loads(c.get("scope", '{"type": "default"}'))["type"]: json.loads(c["commands"])
        for c in fake_api.calls("setMyCommands")
    }
    public = {c["command"] for c in scopes["default"]}
    assert {"start", "help", "brief", "events", "event", "story", "article", "search"} <= public
    assert {"subscribe", "unsubscribe", "topics", "schedule", "timezone", "settings"} <= public
    assert "sources" not in public
    assert {"sources", "stats"} <= {c["command"] for c in scopes["chat"]}


@pytest.mark.clock
async def test_start_subscribes_and_schedules(harness: Harness, fake_api: FakeBotApi) -> None:
    fake_api.private_chat(USER)
    async with harness.running() as app:
        reply = await fake_api.reply_to(USER, "/start")
        default_time = harness.settings.default_times[0]
        assert "Welcome to Briefing" in reply.text and f"{default_time} (UTC)" in reply.text
        assert reply.no_preview
        assert _chat(harness, USER).subscribed
        assert app.job_queue.get_jobs_by_name(job_name(USER))
        help_reply = await fake_api.reply_to(USER, "/help")
        assert "/brief" in help_reply.text and "/sources" not in help_reply.text


async def test_brief_events_event_story_article_search(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    top = harness.service.top_events(limit=10)
    bridge = next(e for e in top if "bridge" in e.title.lower())
    async with harness.running():
        brief = await fake_api.reply_to(USER, "/brief")
        assert brief.html.startswith("<b>Briefing")
        assert bridge.title in brief.text and f"/event {bridge.id}" in brief.text

        listing = await fake_api.reply_to(USER, "/events")
        assert "Top events" in listing.text
        assert {b["callback_data"] for b in _buttons(listing)} >= {
            f"more:{bridge.id}",
            f"src:{bridge.id}",
        }

        full = await fake_api.reply_to(USER, f"/event {bridge.id}")
        assert bridge.title in full.text and "Sources" in full.text
        for source in bridge.sources:
            assert source in full.text

        if bridge.story_id is not None:
            timeline = await fake_api.reply_to(USER, f"/story {bridge.story_id}")
            assert timeline.text.startswith("Story:") and f"/event {bridge.id}" in timeline.text

        article_id = bridge.articles[0].id
        article = await fake_api.reply_to(USER, f"/article {article_id}")
        assert bridge.articles[0].title in article.text

        found = await fake_api.reply_to(USER, "/search harbour bridge")
        assert "Results for harbour bridge" in found.text and "/article" in found.text
        nothing = await fake_api.reply_to(USER, "/search zeppelin")
        assert "Nothing found" in nothing.text
    # reading commands write nothing: the chat is registered only when it subscribes or sets
    with Session(harness.engine) as session:
        assert chats.get_chat(session=session, chat_id=USER) is None


async def test_reading_commands_use_a_known_chats_settings(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    async with harness.running():
        await fake_api.reply_to(USER, "/timezone Asia/Tokyo")
        listing = await fake_api.reply_to(USER, "/events")
        first = harness.service.top_events(limit=1)[0]
        assert when(first.last_seen, "Asia/Tokyo") in listing.text
        assert when(first.last_seen, "Asia/Tokyo") != when(first.last_seen, "UTC")


async def test_bad_arguments_get_usage_lines(harness: Harness, fake_api: FakeBotApi) -> None:
    fake_api.private_chat(USER)
    cases = {
        "/event": "Usage: /event ID",
        "/event abc": "Usage: /event ID",
        "/event 1 2": "Usage: /event ID",
        "/story": "Usage: /story ID",
        "/article x": "Usage: /article ID",
        "/search": "Usage: /search WORDS",
        "/schedule 25:00": "Usage: /schedule HH:MM",
        "/timezone Mars/Olympus": "Usage: /timezone Area/City",
        "/timezone": "Usage: /timezone Area/City",
        "/topics juggle": "Usage: /topics",
        "/settings length huge": "Usage: /settings",
        "/settings quiet funday": "Usage: /settings",
        "/events zero": "Usage: /events",
        "/frobnicate": "Unknown command /frobnicate",
        "/event 99999": "No event 99999",
        "/story 99999": "No story 99999",
        "/article 99999": "No article 99999",
    }
    async with harness.running():
        for command, expected in cases.items():
            reply = await fake_api.reply_to(USER, command)
            assert expected in reply.text, (command, reply.text)
    assert fake_api.state.rejected == []


@pytest.mark.clock
async def test_subscribe_topics_schedule_timezone_settings(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    # At 03:00 the times set below (07:30 and 18:00, UTC then New York) are hours ahead.
    async with harness.running(clock=clock_at("03:00")) as app:
        reply = await fake_api.reply_to(USER, "/subscribe Bridge rail")
        assert "bridge, rail" in reply.text
        assert _chat(harness, USER).topics == ("bridge", "rail")

        await fake_api.reply_to(USER, "/topics drop rail")
        await fake_api.reply_to(USER, "/topics add harvest")
        listed = await fake_api.reply_to(USER, "/topics")
        assert "Topics: bridge, harvest" in listed.text
        await fake_api.reply_to(USER, "/topics clear")
        assert _chat(harness, USER).topics == ()

        reply = await fake_api.reply_to(USER, "/schedule 18:00 7:30")
        assert "07:30, 18:00" in reply.text
        reply = await fake_api.reply_to(USER, "/timezone America/New_York")
        assert "America/New_York" in reply.text
        info = _chat(harness, USER)
        assert (info.times, info.timezone) == (("07:30", "18:00"), "America/New_York")
        (job,) = app.job_queue.get_jobs_by_name(job_name(USER))
        assert job.next_t is not None
        # The slot the job delivers (its firing time is on the real clock, the bot's is shifted).
        local = job.data.astimezone(__import__("zoneinfo").ZoneInfo("America/New_York"))
        assert local.strftime("%H:%M") in {"07:30", "18:00"}

        await fake_api.reply_to(USER, "/settings length short")
        reply = await fake_api.reply_to(USER, "/settings quiet Saturday sun")
        assert "Length: short" in reply.text and "Quiet days: sat, sun" in reply.text
        assert _chat(harness, USER).quiet_days == ("sat", "sun")

        reply = await fake_api.reply_to(USER, "/unsubscribe")
        assert "Unsubscribed" in reply.text
        assert not _chat(harness, USER).subscribed
        assert not app.job_queue.get_jobs_by_name(job_name(USER))


async def test_buttons_more_sources_and_paging(
    harness: Harness, fake_api: FakeBotApi, settings: BotSettings
) -> None:
    fake_api.private_chat(USER)
    paged = replace(settings, events_page_size=2)
    async with harness.running(settings=paged):
        listing = await fake_api.reply_to(USER, "/events")
        data = [b["callback_data"] for b in _buttons(listing)]
        assert data[-1] == "page:1" and len(data) == 5  # 2 events x 2 buttons + Next

        before = len(fake_api.sent(USER))
        fake_api.press(USER, listing.message_id, data[0])  # more
        more = (await fake_api.wait_sent(USER, before + 1))[before]
        assert "Sources" in more.text and "–" in more.text

        fake_api.press(USER, listing.message_id, data[1])  # sources
        sources = (await fake_api.wait_sent(USER, before + 2))[before + 1]
        assert sources.text.startswith("Sources of")

        fake_api.press(USER, listing.message_id, "page:1")
        edited = (await fake_api.wait_sent(USER, before + 3))[before + 2]
        assert edited.edited and edited.message_id == listing.message_id
        assert edited.text.startswith("Top events\n\n3.")
        assert [b["callback_data"] for b in _buttons(edited)][-1] == "page:0"

        fake_api.press(USER, listing.message_id, "page:0")
        back = (await fake_api.wait_sent(USER, before + 4))[before + 3]
        assert back.edited and back.text == listing.text
        fake_api.press(USER, listing.message_id, "page:0")  # identical edit: Telegram says 400
        fake_api.press(USER, listing.message_id, "more:notanumber")
        await asyncio.sleep(0.5)
        assert len(fake_api.sent(USER)) == before + 4  # and no apology for the refused edit
    assert len(fake_api.state.answers) == 6
    assert fake_api.state.answers[-1]["text"] == "This button has expired."


async def test_admin_commands(harness: Harness, fake_api: FakeBotApi) -> None:
    fake_api.private_chat(USER)
    fake_api.private_chat(ADMIN_ID)
    async with harness.running():
        assert "Only admins" in (await fake_api.reply_to(USER, "/sources")).text
        assert "Only admins" in (await fake_api.reply_to(USER, "/stats")).text
        feed = "https://news.example.org/feed.xml"
        assert "Added" in (await fake_api.reply_to(ADMIN_ID, f"/sources add {feed}")).text
        assert feed in (await fake_api.reply_to(ADMIN_ID, "/sources")).text
        assert "Removed" in (await fake_api.reply_to(ADMIN_ID, f"/sources remove {feed}")).text
        assert (
            "Not a configured feed"
            in (await fake_api.reply_to(ADMIN_ID, f"/sources remove {feed}")).text
        )
        assert "Usage: /sources" in (await fake_api.reply_to(ADMIN_ID, "/sources add ftp://x")).text
        stats = await fake_api.reply_to(ADMIN_ID, "/stats")
        assert "articles: 6" in stats.text and "chats:" in stats.text
        help_text = (await fake_api.reply_to(ADMIN_ID, "/help")).text
        assert "/sources" in help_text


@pytest.mark.clock
async def test_group_chat_commands_addressed_to_the_bot(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.group_chat(GROUP)
    async with harness.running():
        reply = await fake_api.reply_to(GROUP, f"/start@{BOT_USERNAME}", user_id=USER)
        assert "Welcome" in reply.text
        info = _chat(harness, GROUP)
        assert info.kind == "supergroup" and info.subscribed
        brief = await fake_api.reply_to(GROUP, f"/brief@{BOT_USERNAME}", user_id=USER)
        assert brief.text.startswith("Briefing")
        plain = await fake_api.reply_to(GROUP, "/events", user_id=USER)
        assert "Top events" in plain.text
        unknown = await fake_api.reply_to(GROUP, f"/nope@{BOT_USERNAME}", user_id=USER)
        assert "Unknown command /nope" in unknown.text

        before = len(fake_api.sent(GROUP))
        fake_api.user_says(GROUP, "/brief@some_other_bot", user_id=USER)
        fake_api.user_says(GROUP, "/nope", user_id=USER)
        fake_api.user_says(GROUP, "just chatting", user_id=USER)
        await asyncio.sleep(1.0)
        assert len(fake_api.sent(GROUP)) == before
