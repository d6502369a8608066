"""Hostile command arguments through the real bot against the fake Bot API (which checks HTML)."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from typing import Any

import pytest

from bot.handlers.news import MAX_QUERY_CHARS
from tests.bot.conftest import ADMIN_ID, Harness
from tests.bot.fake_api import FakeBotApi, Sent
from tests.bot.telegram_html import utf16_len
from tests.hostile.corpus import HTML_TITLE, TRAM, TRAM_MORE

USER = 5151
LONG = "x" * 10_000
MARKUP = '<b>bold</b> & <a href="x">link</a> *md* _it_ `code` &amp; </i> ' * 150
COMMANDS = [
    "start",
    "help",
    "brief",
    "events",
    "event",
    "story",
    "article",
    "search",
    "subscribe",
    "unsubscribe",
    "topics",
    "schedule",
    "timezone",
    "settings",
    "sources",
    "stats",
    "nosuchcommand",
]


async def replies_to(fake_api: FakeBotApi, chat_id: int, text: str) -> list[Sent]:
    """Send one message and return every message the bot answers with (all its parts)."""
    before = len(fake_api.sent(chat_id))
    await fake_api.reply_to(chat_id, text, timeout=20)
    # A long answer arrives in several paced parts: wait until no more come.
    count = -1
    while count != len(fake_api.sent(chat_id)):
        count = len(fake_api.sent(chat_id))
        try:
            await fake_api.wait_sent(chat_id, count + 1, timeout=0.7)
        except AssertionError:
            break
    return fake_api.sent(chat_id)[before:]


@pytest.mark.parametrize("argument", [LONG, MARKUP], ids=["10000-chars", "markup"])
async def test_every_command_answers_a_huge_argument_with_valid_messages(
    harness: Harness, fake_api: FakeBotApi, argument: str
) -> None:
    fake_api.private_chat(USER)
    feeds_before = harness.service.feeds()
    failed: list[str] = []
    async with harness.running():
        for command in COMMANDS:
            if command == "timezone":
                continue  # a known bug: see test_a_10000_character_timezone_gets_the_usage_line
            sent = await replies_to(fake_api, USER, f"/{command} {argument}")
            assert sent, command
            assert all(utf16_len(s.html) <= 4096 for s in sent), command
            if any("Sorry, that failed" in s.text for s in sent):
                failed.append(command)
    assert failed == []
    assert fake_api.state.rejected == []
    assert harness.service.feeds() == feeds_before  # /sources from a non-admin changed nothing


async def test_a_long_search_is_cut_and_answered_in_one_message(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    query = "zeppelin " + "<&>" * 2_000
    async with harness.running():
        sent = await replies_to(fake_api, USER, f"/search {query}")
    assert fake_api.state.rejected == []
    assert len(sent) == 1
    assert query[:MAX_QUERY_CHARS] in sent[0].text


async def test_admin_commands_with_hostile_arguments(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(ADMIN_ID)
    long_url = "https://example.org/" + "a" * 10_000
    async with harness.running():
        for text in (
            f"/sources add {long_url}",
            "/sources",
            f"/sources remove {long_url}",
            "/sources add javascript:alert(1)",
            '/sources add https://example.org/"><b>x</b>',
            "/sources",
        ):
            sent = await replies_to(fake_api, ADMIN_ID, text)
            assert sent and not any("Sorry, that failed" in s.text for s in sent), text
    assert fake_api.state.rejected == []
    assert long_url not in harness.service.feeds()
    assert not [url for url in harness.service.feeds() if url.startswith("javascript")]


async def test_a_title_with_markup_is_shown_as_text(harness: Harness, fake_api: FakeBotApi) -> None:
    fake_api.private_chat(USER)
    path = harness.engine.url.database
    assert path is not None
    article = f"{HTML_TITLE}\n\n{TRAM * 3}\n\n{TRAM_MORE * 2}\n"
    source = _write(path, "markup-title.txt", article)
    report = harness.service.ingest([source])
    assert report.new == 1, report.errors
    async with harness.running():
        found = await replies_to(fake_api, USER, "/search tram harbour")
        events = await replies_to(fake_api, USER, "/events")
    assert fake_api.state.rejected == []
    assert HTML_TITLE in "".join(s.text for s in found)
    assert HTML_TITLE in "".join(s.text for s in events)


async def test_a_10000_character_timezone_gets_the_usage_line(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    async with harness.running():
        sent = await replies_to(fake_api, USER, f"/timezone {LONG}")
    assert "Usage: /timezone" in sent[0].text


def _write(database: str, name: str, text: str) -> str:
    from pathlib import Path

    path = Path(database).parent / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("argument", [str(10**30), "²", "①"])
async def test_odd_numbers_get_a_usage_line_or_not_found(
    harness: Harness, fake_api: FakeBotApi, argument: str
) -> None:
    fake_api.private_chat(USER)
    async with harness.running():
        answers: list[Any] = []
        for command in ("event", "story", "article"):
            answers += await replies_to(fake_api, USER, f"/{command} {argument}")
    assert not any("Sorry, that failed" in s.text for s in answers)


async def test_a_burst_of_commands_from_one_chat_is_rate_limited(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    limited = replace(harness.settings, commands_per_minute=20.0)
    async with harness.running(settings=limited):
        for _ in range(30):
            fake_api.user_says(USER, "/search bridge harbour")
        with suppress(AssertionError):
            await fake_api.wait_sent(USER, 30, timeout=8)
    results = [s for s in fake_api.sent(USER) if s.text.startswith("Results for")]
    assert 8 <= len(results) < 30
    notices = [s for s in fake_api.sent(USER) if s.text.startswith("Too many commands")]
    assert len(notices) == 1  # told once, not once per dropped command
