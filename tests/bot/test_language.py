"""The bot in the user's language, over HTTP: /start in Telegram's language, /settings language,
a translated /help and command menu, and a scheduled briefing in the chat's language."""

from __future__ import annotations

import json

from sqlmodel import Session

from bot import texts
from bot.delivery import briefing_parts
from bot.i18n import translator
from bot.runtime import RUNTIME_KEY
from bot.store import chats
from tests.bot.conftest import Harness
from tests.bot.fake_api import FakeBotApi

USER = 5151
RU = translator("ru")
UK = translator("uk")


def _language(harness: Harness, chat_id: int) -> str | None:
    with Session(harness.engine) as session:
        info = chats.get_chat(session=session, chat_id=chat_id)
    assert info is not None
    return info.language


async def test_a_russian_user_gets_start_and_help_in_russian(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER, language_code="ru")
    async with harness.running():
        welcome = await fake_api.reply_to(USER, "/start")
        assert "Добро пожаловать" in welcome.text, welcome.text
        assert _language(harness, USER) == "ru"
        help_reply = await fake_api.reply_to(USER, "/help")
    assert help_reply.html.startswith(RU.text(texts.COMMANDS_TITLE))
    brief = dict(texts.COMMANDS)["brief"]
    assert f"/brief — {RU.text(brief)}" in help_reply.text
    assert RU.text(brief) != brief
    assert "/sources" not in help_reply.text


async def test_settings_language_switches_every_message_and_refuses_unknown_codes(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER, language_code="en-GB")
    async with harness.running():
        await fake_api.reply_to(USER, "/start")
        assert _language(harness, USER) == "en"
        switched = await fake_api.reply_to(USER, "/settings language uk")
        assert switched.text == UK.text(texts.LANGUAGE_SET, language="Українська")
        assert _language(harness, USER) == "uk"
        help_reply = await fake_api.reply_to(USER, "/help")
        assert help_reply.html.startswith(UK.text(texts.COMMANDS_TITLE))
        shown = await fake_api.reply_to(USER, "/settings")
        assert UK.text(texts.SETTINGS_LANGUAGE, language="Українська") in shown.text
        unknown = await fake_api.reply_to(USER, "/settings language xx")
        assert "xx" in unknown.text and "ru (Русский)" in unknown.text
        assert _language(harness, USER) == "uk"
        bad = await fake_api.reply_to(USER, "/schedule 25:00")
        assert bad.text.startswith(UK.text(texts.NOT_A_TIME, value="25:00"))
        restart = await fake_api.reply_to(USER, "/start")  # a chosen language stays
        assert _language(harness, USER) == "uk" and "Ласкаво просимо" in restart.text


async def test_the_command_menu_is_set_per_language_and_scope(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    async with harness.running():
        pass
    menus = {
        (
            json.loads(call.get("scope", '{"type": "default"}'))["type"],
            call.get("language_code"),
        ): {c["command"]: c["description"] for c in json.loads(call["commands"])}
        for call in fake_api.calls("setMyCommands")
    }
    assert {("default", None), ("default", "ru"), ("default", "uk")} <= set(menus)
    assert {("chat", None), ("chat", "ru"), ("chat", "uk")} <= set(menus)
    assert menus[("default", "ru")]["help"] == RU.text("List the commands") != "List the commands"
    assert "forget" in menus[("default", None)] and "sources" not in menus[("default", "uk")]
    assert "sources" in menus[("chat", "uk")]


async def test_a_scheduled_briefing_is_rendered_in_the_chats_language(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER, language_code="uk")
    async with harness.running() as app:
        await fake_api.reply_to(USER, "/start")
        rt = app.bot_data[RUNTIME_KEY]
        with Session(harness.engine) as session:
            chat = chats.get_chat(session=session, chat_id=USER)
        assert chat is not None
        parts, _ = await briefing_parts(rt, chat, None)
        assert parts[0].startswith(UK.text(texts.BRIEFING_TITLE, when="")[:12])
        with Session(harness.engine) as session:
            chats.update_chat(session=session, chat_id=USER, language="en")
            english = chats.get_chat(session=session, chat_id=USER)
        assert english is not None
        parts_en, _ = await briefing_parts(rt, english, None)  # not the cached Ukrainian one
        assert parts_en[0].startswith("<b>Briefing ·")


async def test_a_chosen_language_holds_after_a_restart_and_a_change_elsewhere(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER, language_code="en")
    async with harness.running():
        await fake_api.reply_to(USER, "/settings language uk")
    async with harness.running():  # a new process: the language is read at start
        help_reply = await fake_api.reply_to(USER, "/help")
        assert help_reply.html.startswith(UK.text(texts.COMMANDS_TITLE))
        with Session(harness.engine) as session:  # another process switches it to Russian
            chats.update_chat(session=session, chat_id=USER, language="ru")
        await fake_api.reply_to(USER, "/settings")  # a command that reads the chat
        again = await fake_api.reply_to(USER, "/help")
        assert again.html.startswith(RU.text(texts.COMMANDS_TITLE))
        await fake_api.reply_to(USER, "/forget yes")
        english = await fake_api.reply_to(USER, "/help")
        assert english.html.startswith("<b>Commands</b>")
