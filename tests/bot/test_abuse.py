"""Abuse resistance (issue 14) through the real Application, over HTTP, against the fake Bot API:
edits run nothing, far pages cost one page, topics are capped, content never breaks a view,
echoes are escaped, odd button data expires, and bot admins are users, never groups."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import event, update
from sqlmodel import Session, select

from bot.settings import BotSettings
from bot.store import chats
from bot.store.tables import ChatTopic
from summarizer.store.models import Article
from summarizer.topics import MAX_TOPIC_CHARS
from tests.bot.conftest import ADMIN_ID, Harness, quiet_time
from tests.bot.fake_api import FakeBotApi, Sent
from tests.bot.telegram_html import utf16_len

USER = 7070
GROUP = -1007070
MEMBER = 7171
SETTLE = 0.5  # seconds to wait for a reply that must not come


async def _quiet_then(fake_api: FakeBotApi, chat_id: int, before: int) -> list[Sent]:
    """The messages a chat received after the first `before`, once the bot went quiet."""
    await asyncio.sleep(SETTLE)
    return fake_api.sent(chat_id)[before:]


# -- 1. edited messages ----------------------------------------------------------------------


async def test_ten_edits_of_help_get_no_answer(harness: Harness, fake_api: FakeBotApi) -> None:
    fake_api.private_chat(USER)
    limited = replace(harness.settings, commands_per_minute=1.0)
    async with harness.running(settings=limited):
        for _ in range(10):
            fake_api.user_edits(USER, 1, "/help")
        reply = await fake_api.reply_to(USER, "/help")  # handled after every edit before it
        assert "Commands" in reply.text
        assert len(await _quiet_then(fake_api, USER, 0)) == 1
        # The edits took nothing from the chat's allowance: seven more new commands run.
        for _ in range(7):
            assert "Commands" in (await fake_api.reply_to(USER, "/help")).text


async def test_editing_an_old_unsubscribe_does_not_run_it(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    async with harness.running():
        await fake_api.reply_to(USER, "/start")
        fake_api.user_edits(USER, 1, "/unsubscribe")
        fake_api.user_edits(USER, 1, "/nosuchcommand")
        settings = await fake_api.reply_to(USER, "/settings")
        assert "Subscribed: yes" in settings.text
        assert len(fake_api.sent(USER)) == 2  # /start and /settings only


# -- 2. far pages ----------------------------------------------------------------------------


def _count_views(harness: Harness, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the event views the service builds (digests are what a far page used to cost)."""
    built: list[int] = []
    original = harness.service._event_view

    def counted(*args: Any, **kwargs: Any) -> Any:
        built.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(harness.service, "_event_view", counted)
    return built


async def test_a_far_page_shows_the_last_page_and_builds_one_page(
    harness: Harness, fake_api: FakeBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_api.private_chat(USER)
    total = harness.service.event_count()
    assert total >= 3
    paged = replace(harness.settings, events_page_size=1)
    built = _count_views(harness, monkeypatch)
    async with harness.running(settings=paged):
        far = await fake_api.reply_to(USER, "/events 999999999999")
        assert len(built) <= 2  # the page's event and the one that tells a next page exists
        assert f"<b>{total}." in far.html
        assert "There is no page 999999999999: this is the last one." in far.text
        labels = [b["text"] for row in far.reply_markup["inline_keyboard"] for b in row]
        assert "« Prev" in labels and "Next »" not in labels

        last = await fake_api.reply_to(USER, f"/events {total}")
        assert "This is the last page." in last.text and "no page" not in last.text
        first = await fake_api.reply_to(USER, "/events")
        assert "last page" not in first.text

        before = len(built)
        fake_api.press(USER, first.message_id, "page:9223372036854775806")
        await fake_api.wait_sent(USER, 4)
        edited = await _edited(fake_api, USER, first.message_id)
        assert "this is the last one" in edited.text
        assert len(built) - before <= 2
    assert fake_api.state.rejected == []


def test_chats_asking_for_one_page_at_once_build_it_once(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = _count_views(harness, monkeypatch)
    harness.service._views.clear()
    with ThreadPoolExecutor(max_workers=8) as pool:
        pages = list(pool.map(lambda _: harness.service.top_events(limit=3, offset=1), range(8)))
    assert pages[0] and len(built) == len(pages[0])
    assert all([e.id for e in page] == [e.id for e in pages[0]] for page in pages)


async def _edited(fake_api: FakeBotApi, chat_id: int, message_id: int) -> Sent:
    for _ in range(200):
        found = [s for s in fake_api.sent(chat_id) if s.message_id == message_id and s.edited]
        if found:
            return found[-1]
        await asyncio.sleep(0.02)
    raise AssertionError("the message was not edited")


# -- 3. topics -------------------------------------------------------------------------------


async def test_topics_are_capped_per_chat_with_a_clear_reply(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    capped = replace(harness.settings, topics_per_chat=3)
    async with harness.running(settings=capped):
        added = await fake_api.reply_to(USER, "/topics add bridge rail orchard harbour comet")
        assert "A chat follows at most 3 topics: not added harbour, comet." in added.text
        assert "Topics: bridge, rail, orchard" in added.text
        again = await fake_api.reply_to(USER, "/subscribe tram")
        assert "not added tram" in again.text and "Subscribed" in again.text
        await fake_api.reply_to(USER, "/topics drop rail")
        room = await fake_api.reply_to(USER, "/topics add tram")
        assert "at most" not in room.text and "tram" in room.text
    with Session(harness.engine) as session:
        info = chats.get_chat(session=session, chat_id=USER)
    assert info is not None and info.topics == ("bridge", "orchard", "tram")


def test_the_topic_cap_comes_from_the_config() -> None:
    assert BotSettings.from_env({}, {}).topics_per_chat == 50
    assert BotSettings.from_env({"bot": {"topics_per_chat": 7}}, {}).topics_per_chat == 7


async def test_two_long_words_sharing_their_first_characters_are_one_topic(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    stem = "a" * MAX_TOPIC_CHARS  # words are cut to this before they are compared
    async with harness.running():
        first = await fake_api.reply_to(USER, f"/topics add {stem}x {stem}y")
        second = await fake_api.reply_to(USER, f"/topics add {stem}z")
        dropped = await fake_api.reply_to(USER, f"/topics drop {stem}q")
    assert not any("Sorry" in s.text for s in (first, second, dropped))
    assert f"Topics: {stem}" in first.text
    assert "No topics" in dropped.text


def test_a_chat_loads_in_three_queries_whatever_its_topics_and_times(harness: Harness) -> None:
    times = [f"{hour:02d}:00" for hour in range(12)]
    with Session(harness.engine) as session:
        chats.ensure_chat(
            session=session,
            chat_id=USER,
            kind="private",
            title="Ada",
            default_timezone="UTC",
            default_times=[quiet_time()],
        )
        chats.set_times(session=session, chat_id=USER, times=times)
        words = [f"topic{n}" for n in range(50)]
        assert chats.add_topics(session=session, chat_id=USER, keywords=words, limit=50) == []
        assert chats.add_topics(session=session, chat_id=USER, keywords=["one"], limit=50) == [
            "one"
        ]
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(harness.engine, "before_cursor_execute", record)
    try:
        with Session(harness.engine) as session:
            info = chats.get_chat(session=session, chat_id=USER)
    finally:
        event.remove(harness.engine, "before_cursor_execute", record)
    assert info is not None
    assert info.times == tuple(times) and info.topics == tuple(words)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 3
    with Session(harness.engine) as session:
        rows = session.exec(select(ChatTopic).where(ChatTopic.chat_id == USER)).all()
    assert len(rows) == 50


# -- 5. content that used to break a view ----------------------------------------------------


async def test_a_5000_character_link_breaks_no_view(harness: Harness, fake_api: FakeBotApi) -> None:
    fake_api.private_chat(USER)
    bridge = next(e for e in harness.service.top_events(limit=10) if "bridge" in e.title.lower())
    long_link = "https://example.org/news?" + "&q=x" * 1_250
    with Session(harness.engine) as session:  # stored before ingest capped links
        session.exec(
            update(Article).where(Article.event_id == bridge.id).values(location=long_link)
        )
        session.commit()
        article_id = session.exec(select(Article.id).where(Article.event_id == bridge.id)).first()
    harness.service._views.clear()
    async with harness.running():
        answers: list[Sent] = []
        for text in (f"/event {bridge.id}", f"/article {article_id}", "/search bridge"):
            before = len(fake_api.sent(USER))
            fake_api.user_says(USER, text)
            await fake_api.wait_sent(USER, before + 1)
            answers += await _quiet_then(fake_api, USER, before)
    assert fake_api.state.rejected == []
    assert answers and not any("Sorry" in s.text for s in answers)
    assert all(utf16_len(s.html) <= 4096 for s in answers)
    assert not any(long_link[:200] in s.html for s in answers)  # shown unlinked
    assert bridge.title in answers[0].text


# -- 6. echoes, buttons, admins --------------------------------------------------------------


@pytest.mark.parametrize("command", ["/x.<b>BOLD</b>", "/x<i>", "/y&amp;<a href='z'>"])
async def test_an_unknown_command_is_echoed_as_text(
    harness: Harness, fake_api: FakeBotApi, command: str
) -> None:
    fake_api.private_chat(USER)
    async with harness.running():
        reply = await fake_api.reply_to(USER, command)
    assert reply.text == f"Unknown command {command.split()[0]}. /help lists the commands."
    assert "<b>BOLD" not in reply.html
    assert fake_api.state.rejected == []


async def test_an_unknown_command_in_a_group_is_escaped_too(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    from tests.bot.fake_api import BOT_USERNAME

    fake_api.group_chat(GROUP)
    async with harness.running():
        reply = await fake_api.reply_to(GROUP, f"/x.<b>BOLD</b>@{BOT_USERNAME}", user_id=MEMBER)
    assert "<b>BOLD</b>" in reply.text and "<b>BOLD" not in reply.html


@pytest.mark.parametrize("data", ["more:²", "src:٣", "page:①", "more:-1", "page:", "more:1e3"])
async def test_button_data_that_is_not_ascii_digits_has_expired(
    harness: Harness, fake_api: FakeBotApi, data: str
) -> None:
    fake_api.private_chat(USER)
    async with harness.running():
        listing = await fake_api.reply_to(USER, "/events")
        fake_api.press(USER, listing.message_id, data)
        for _ in range(200):
            if fake_api.state.answers:
                break
            await asyncio.sleep(0.02)
        answers = list(fake_api.state.answers)
        assert len(await _quiet_then(fake_api, USER, 1)) == 0
    assert [a.get("text") for a in answers] == ["This button has expired."]


async def test_a_group_id_in_admin_chat_ids_makes_no_member_an_admin(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.group_chat(GROUP)
    admins = replace(harness.settings, admin_ids=frozenset({GROUP, ADMIN_ID}))
    async with harness.running(settings=admins):
        member = await fake_api.reply_to(GROUP, "/stats", user_id=MEMBER)
        sources = await fake_api.reply_to(
            GROUP, "/sources add https://example.org/rss", user_id=MEMBER
        )
        listed = await fake_api.reply_to(GROUP, "/help", user_id=MEMBER)
        admin = await fake_api.reply_to(GROUP, "/stats", user_id=ADMIN_ID)
    assert member.text == "Only admins can use /stats."
    assert sources.text == "Only admins can use /sources."
    assert "/sources" not in listed.text
    assert admin.text.startswith("Stats")
    assert "https://example.org/rss" not in harness.service.feeds()
