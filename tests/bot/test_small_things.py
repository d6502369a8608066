"""Smaller things seen when trying the bot (issue 13 item 8), over HTTP: plain text searches,
commands for other bots are ignored, /timezone by city in any case, /sources poll says why
feeds failed, and the terminal chat shows links as "text (url)"."""

from __future__ import annotations

import asyncio
import io
import json
from contextlib import suppress
from dataclasses import replace

from sqlmodel import Session

from bot.store import chats
from bot.terminal import TerminalRequest, to_plain
from tests.bot.conftest import ADMIN_ID, Harness
from tests.bot.fake_api import FakeBotApi

USER = 9191
GROUP = -100777


async def test_plain_text_searches_in_private_chats_and_says_how_otherwise(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    fake_api.group_chat(GROUP)
    async with harness.running():
        found = await fake_api.reply_to(USER, "harbour bridge")
        assert "Results for harbour bridge" in found.text and "/article" in found.text
        nothing = await fake_api.reply_to(USER, "zeppelin")
        assert "Nothing found for zeppelin" in nothing.text and "/search WORDS" in nothing.text
        long = await fake_api.reply_to(USER, "word " * 60)
        assert long.text.startswith("Send me words to search the news")
        fake_api.user_says(GROUP, "harbour bridge", user_id=USER)  # group chatter is not for us
        fake_api.user_says(GROUP, "/help@otherbot", user_id=USER)
        fake_api.user_says(GROUP, "/nonsense@otherbot", user_id=USER)
        fake_api.user_says(USER, "/help@otherbot")
        marker = await fake_api.reply_to(GROUP, "/help@briefing_test_bot", user_id=USER)
        assert "Commands" in marker.text
        await asyncio.sleep(0.2)
    assert len(fake_api.sent(GROUP)) == 1
    assert not any("Unknown command" in s.text for s in fake_api.sent(USER))


async def test_timezone_in_any_case_and_by_city(harness: Harness, fake_api: FakeBotApi) -> None:
    fake_api.private_chat(USER)
    async with harness.running():
        for typed, zone in [
            ("kyiv", "Europe/Kyiv"),
            ("EUROPE/PARIS", "Europe/Paris"),
            ("new york", "America/New_York"),
            ("Asia/Kolkata", "Asia/Kolkata"),
        ]:
            answer = await fake_api.reply_to(USER, f"/timezone {typed}")
            assert f"({zone})" in answer.text, (typed, answer.text)
            with Session(harness.engine) as session:
                chat = chats.get_chat(session=session, chat_id=USER)
            assert chat is not None and chat.timezone == zone
        bad = await fake_api.reply_to(USER, "/timezone Atlantis")
        assert "Atlantis is not an IANA timezone" in bad.text and "Usage:" in bad.text


async def test_sources_poll_says_why_each_failed_feed_failed(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(ADMIN_ID)
    async with harness.running():
        await fake_api.reply_to(ADMIN_ID, "/sources add http://127.0.0.1:9/feed.xml")
        await fake_api.reply_to(ADMIN_ID, "/sources add https://localhost/rss")
        polled = await fake_api.reply_to(ADMIN_ID, "/sources poll", timeout=30)
    assert "2 failed" in polled.text, polled.text
    assert "127.0.0.1:9/feed.xml" in polled.text and "localhost/rss" in polled.text
    assert polled.text.count("failed 1× in a row") == 2
    assert polled.text.count("non-public address") == 2  # why, not only that


def test_the_terminal_chat_shows_links_as_text_and_address() -> None:
    html = 'See <a href="https://a.example/?x=1&amp;y=2">Tom &amp; Jerry</a> &lt;b&gt;'
    assert to_plain(html) == "See Tom & Jerry (https://a.example/?x=1&y=2) <b>"
    out = io.StringIO()
    request = TerminalRequest(out)
    markup = {"inline_keyboard": [[{"text": "Ledger ↗", "url": "https://l.example/1"}]]}
    request._show("sendMessage", {"text": "x", "reply_markup": json.dumps(markup)})
    assert "Ledger ↗ (https://l.example/1)" in out.getvalue()
    assert request.buttons == {}


async def test_plain_text_is_rate_limited_in_private_chats_and_group_chatter_is_not(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    fake_api.group_chat(GROUP)
    limited = replace(harness.settings, commands_per_minute=20.0)
    async with harness.running(settings=limited):
        for _ in range(30):
            fake_api.user_says(GROUP, "lovely weather today", user_id=USER)
        answer = await fake_api.reply_to(GROUP, "/help@briefing_test_bot", user_id=USER)
        assert "Commands" in answer.text
        for _ in range(30):
            fake_api.user_says(USER, "harbour")
        with suppress(AssertionError):
            await fake_api.wait_sent(USER, 30, timeout=6)
    notices = [s for s in fake_api.sent(USER) if s.text.startswith("Too many commands")]
    assert len(notices) == 1 and len(fake_api.sent(GROUP)) == 1
