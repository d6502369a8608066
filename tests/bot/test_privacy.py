"""Private deployments and forgetting, over HTTP: bot.allowed_chat_ids refuses others once and
stores nothing about them; /forget deletes everything stored about a chat after a confirmation."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from sqlalchemy import func
from sqlmodel import Session, select

from bot.settings import BotSettings
from bot.store import chats
from bot.store import tables as chat_tables
from tests.bot.conftest import ADMIN_ID, Harness
from tests.bot.fake_api import FakeBotApi

OWNER = 8181
STRANGER = 8282
GROUP = -100555
QUIET_GROUP = -100556


def _rows(harness: Harness, chat_id: int) -> int:
    """Every row stored about a chat, in every table of the bot."""
    models = (
        chat_tables.Chat,
        chat_tables.ChatSubscription,
        chat_tables.ChatTopic,
        chat_tables.ChatSchedule,
        chat_tables.ChatDelivery,
    )
    total = 0
    with Session(harness.engine) as session:
        for model in models:
            key = model.id if model is chat_tables.Chat else model.chat_id  # type: ignore[attr-defined]
            total += session.exec(
                select(func.count()).select_from(model).where(key == chat_id)
            ).one()
    return total


async def test_only_allowed_chats_are_served_and_others_are_refused_once(
    harness: Harness, fake_api: FakeBotApi, settings: BotSettings
) -> None:
    fake_api.private_chat(OWNER)
    fake_api.private_chat(STRANGER, language_code="ru")
    fake_api.group_chat(GROUP)
    fake_api.group_chat(QUIET_GROUP)
    private = replace(settings, allowed_chat_ids=frozenset({OWNER}))
    async with harness.running(settings=private):
        assert "Welcome" in (await fake_api.reply_to(OWNER, "/start")).text
        refusal = await fake_api.reply_to(STRANGER, "/start")
        assert "частный бот" in refusal.text
        fake_api.user_says(STRANGER, "/help")
        fake_api.user_says(STRANGER, "bridge")
        fake_api.user_says(QUIET_GROUP, "hello all", user_id=OWNER)  # chatter: no refusal
        fake_api.user_says(GROUP, "/start@briefing_test_bot", user_id=OWNER)
        await fake_api.wait_sent(GROUP, 1)
        await fake_api.reply_to(OWNER, "/help")  # the owner's answer comes after the others
        await asyncio.sleep(0.2)
    assert len(fake_api.sent(STRANGER)) == 1
    assert len(fake_api.sent(GROUP)) == 1  # a group the owner is in is not the owner's chat
    assert fake_api.sent(QUIET_GROUP) == [] and _rows(harness, QUIET_GROUP) == 0
    assert _rows(harness, STRANGER) == 0 and _rows(harness, GROUP) == 0
    assert _rows(harness, OWNER) > 0


def test_allowed_chat_ids_are_read_from_the_config_and_the_environment() -> None:
    config = {"bot": {"allowed_chat_ids": [1, 2]}}
    assert BotSettings.from_env(config, {}).allowed_chat_ids == {1, 2}
    assert BotSettings.from_env(config, {"ALLOWED_CHAT_IDS": "3, 4"}).allowed_chat_ids == {3, 4}
    assert BotSettings.from_env({}, {}).allowed_chat_ids == frozenset()


async def test_forget_asks_then_deletes_everything_about_the_chat(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(OWNER)
    fake_api.private_chat(STRANGER)
    async with harness.running():
        await fake_api.reply_to(OWNER, "/start")
        await fake_api.reply_to(OWNER, "/topics add harbour -strike")
        await fake_api.reply_to(STRANGER, "/start")
        asked = await fake_api.reply_to(OWNER, "/forget")
        assert "deletes everything" in asked.text and _rows(harness, OWNER) > 0
        assert asked.reply_markup is not None
        button = asked.reply_markup["inline_keyboard"][0][0]
        before = len(fake_api.sent(OWNER))
        fake_api.press(OWNER, asked.message_id, button["callback_data"])
        done = (await fake_api.wait_sent(OWNER, before + 1))[before]
        assert "nothing about this chat is stored" in done.text
        assert _rows(harness, OWNER) == 0
        with Session(harness.engine) as session:
            assert chats.get_chat(session=session, chat_id=STRANGER) is not None
        await fake_api.reply_to(STRANGER, "/topics add rail")
        gone = await fake_api.reply_to(STRANGER, "/forget yes")
        assert "nothing about this chat is stored" in gone.text
        assert _rows(harness, STRANGER) == 0
        assert "Usage" in (await fake_api.reply_to(STRANGER, "/forget maybe")).text


async def test_admin_commands_check_the_sender_not_the_chat(
    harness: Harness, fake_api: FakeBotApi, settings: BotSettings
) -> None:
    fake_api.group_chat(GROUP)
    admin_group = replace(settings, admin_ids=frozenset({ADMIN_ID, GROUP}))
    async with harness.running(settings=admin_group):
        member = await fake_api.reply_to(GROUP, "/stats@briefing_test_bot", user_id=OWNER)
        assert "Only admins" in member.text
        admin = await fake_api.reply_to(GROUP, "/stats@briefing_test_bot", user_id=ADMIN_ID)
        assert "Stats" in admin.text
