"""/channel over real HTTP: a private chat's scheduled briefings posted to a channel its user
administers (checked with getChatMember for the user and the bot), and dropped when the
channel removes the bot."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session

from bot.store import channels as chat_channels
from bot.store import chats
from tests.bot.conftest import Harness
from tests.bot.fake_api import BOT_ID, FakeBotApi
from tests.bot.test_delivery import _hhmm, _subscribe

pytestmark = pytest.mark.clock

USER, OTHER = 81, 82
CHANNEL, GROUP = -1008001, -1008002


def _channel_of(harness: Harness, chat_id: int) -> tuple[int, str] | None:
    with Session(harness.engine) as session:
        return chat_channels.channel_of(session=session, chat_id=chat_id)


def _due(harness: Harness, chat_id: int) -> None:
    """Subscribe a chat with a briefing due five minutes ago (caught up at start)."""
    due = _hhmm(datetime.now(UTC) - timedelta(minutes=5))
    _subscribe(harness.engine, chat_id, [due])
    with Session(harness.engine) as session:
        chats.set_times(session=session, chat_id=chat_id, times=[due])


def _setup(fake_api: FakeBotApi) -> None:
    fake_api.private_chat(USER)
    fake_api.private_chat(OTHER)
    fake_api.channel_chat(CHANNEL, "portvale_news", "Portvale News")
    fake_api.set_admins(CHANNEL, BOT_ID, owner=USER)
    fake_api.group_chat(GROUP)


async def test_channel_is_checked_then_receives_the_briefings(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    _setup(fake_api)
    async with harness.running():
        none = await fake_api.reply_to(USER, "/channel")
        assert none.text.startswith("Your scheduled briefings come here."), none.text
        for command, expected in (
            ("/channel @nobody_here", "I cannot see @nobody_here."),
            (f"/channel {GROUP}", "Newsroom is not a channel."),
            ("/channel a b", "Usage: /channel @name|ID, /channel off"),
            ("/channel --5", "I cannot see @--5."),
        ):
            answer = await fake_api.reply_to(USER, command)
            assert answer.text.startswith(expected), (command, answer.text)
        stranger = await fake_api.reply_to(OTHER, "/channel @portvale_news")
        assert stranger.text == "Only an administrator of @portvale_news can send briefings there."
        in_group = await fake_api.reply_to(GROUP, "/channel @portvale_news", user_id=USER)
        assert in_group.text == "Send /channel in a private chat with me."
        fake_api.set_admins(CHANNEL, owner=USER)  # the bot is a mere subscriber
        weak = await fake_api.reply_to(USER, "/channel https://t.me/portvale_news")
        assert weak.text.startswith("Make me an administrator of @portvale_news"), weak.text
        fake_api.set_admins(CHANNEL, BOT_ID, owner=USER)
        done = await fake_api.reply_to(USER, f"/channel {CHANNEL}")
        assert done.text.startswith("@portvale_news now receives your scheduled briefings"), done
        assert done.text.endswith("/subscribe to receive them.")
        shown = await fake_api.reply_to(USER, "/channel")
        assert shown.text.startswith("Your scheduled briefings go to @portvale_news."), shown.text
    assert _channel_of(harness, USER) == (CHANNEL, "@portvale_news")
    assert fake_api.sent(CHANNEL) == []
    # A briefing due five minutes ago is caught up at start: it goes to the channel.
    _due(harness, USER)
    before = len(fake_api.sent(USER))
    async with harness.running():
        (post,) = await fake_api.wait_sent(CHANNEL, 1)
        await asyncio.sleep(0.3)
        assert post.text.startswith("Briefing"), post.text
        assert len(fake_api.sent(USER)) == before  # not to the private chat as well
        off = await fake_api.reply_to(USER, "/channel off")
        assert off.text == "Your scheduled briefings come here again."
    assert _channel_of(harness, USER) is None


async def test_a_channel_that_refuses_the_bot_is_dropped(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    _setup(fake_api)
    async with harness.running():
        await fake_api.reply_to(USER, "/channel @portvale_news")
    assert _channel_of(harness, USER) is not None
    fake_api.block(CHANNEL)  # the channel removed the bot: sends answer 403
    _due(harness, USER)
    before = len(fake_api.sent(USER))
    async with harness.running():
        told = (await fake_api.wait_sent(USER, before + 1))[before]
    assert told.text.startswith("@portvale_news removed me or no longer lets me post"), told.text
    assert _channel_of(harness, USER) is None
    with Session(harness.engine) as session:
        chat = chats.get_chat(session=session, chat_id=USER)
    assert chat is not None and chat.subscribed  # the chat itself still gets its briefings


async def test_removing_the_bot_from_the_channel_drops_it(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    _setup(fake_api)
    async with harness.running():
        await fake_api.reply_to(USER, "/channel @portvale_news")
        before = len(fake_api.sent(USER))
        fake_api.bot_removed(CHANNEL)
        told = (await fake_api.wait_sent(USER, before + 1))[before]
    assert told.text.startswith("@portvale_news removed me"), told.text
    assert _channel_of(harness, USER) is None


async def test_the_command_menus_offer_channel_in_private_chats_only(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    async with harness.running():
        pass
    scopes = {
        json.loads(c.get("scope", '{"type": "default"}'))["type"]: {
            command["command"] for command in json.loads(c["commands"])
        }
        for c in fake_api.calls("setMyCommands")
    }
    assert {"feeds", "channel"} <= scopes["default"]
    assert "feeds" in scopes["all_group_chats"] and "channel" not in scopes["all_group_chats"]
