"""Telegram's rules under load and failure: 429, 5xx, 400, 403, pacing per chat, group, in all."""

from __future__ import annotations

import asyncio
import itertools
import time

import pytest
from sqlmodel import Session
from telegram.error import BadRequest

from bot.ratelimit import Limits
from bot.sender import send_html
from bot.store import chats
from tests.bot.conftest import Harness
from tests.bot.fake_api import FakeBotApi

USER = 6161
GROUP = -100777


async def test_retry_after_is_honoured(harness: Harness, fake_api: FakeBotApi) -> None:
    fake_api.private_chat(USER)
    async with harness.running():
        fake_api.fail(429, method="sendMessage", retry_after=1)
        started = time.monotonic()
        reply = await fake_api.reply_to(USER, "/help")
        elapsed = time.monotonic() - started
    assert "Commands" in reply.text
    assert elapsed >= 1.0
    assert len(fake_api.calls("sendMessage")) == 2


async def test_server_errors_are_retried_with_backoff(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    async with harness.running():
        fake_api.fail(502, method="sendMessage", count=1)
        fake_api.fail(500, method="sendMessage", count=2)
        reply = await fake_api.reply_to(USER, "/help")
    assert "Commands" in reply.text
    assert len(fake_api.calls("sendMessage")) == 4


async def test_bad_request_is_not_retried_and_the_chat_is_told(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    async with harness.running():
        fake_api.fail(400, method="sendMessage", description="Bad Request: test")
        reply = await fake_api.reply_to(USER, "/help")
    assert reply.text == "Sorry, that failed. Please try again later."
    assert len(fake_api.calls("sendMessage")) == 2


@pytest.mark.clock
async def test_forbidden_reply_unsubscribes_the_chat(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    async with harness.running():
        await fake_api.reply_to(USER, "/start")
        fake_api.block(USER)
        fake_api.user_says(USER, "/help")
        for _ in range(100):
            with Session(harness.engine) as session:
                info = chats.get_chat(session=session, chat_id=USER)
            if info is not None and not info.subscribed:
                break
            await asyncio.sleep(0.05)
    assert info is not None and not info.subscribed


async def test_long_message_is_split_and_paced_in_one_private_chat(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    fake_api.limits.chat_interval = 1.0
    paragraph = "A sentence about the harbour &amp; its bridge. " * 40
    html = "\n\n".join(f"<b>Part {i}</b>\n{paragraph}" for i in range(8))
    async with harness.running(limits=Limits(chat_interval=1.0, backoff=0.05)) as app:
        sent = await send_html(app.bot, USER, html)
    received = fake_api.sent(USER)
    assert len(sent) == len(received) >= 3
    gaps = [b.at - a.at for a, b in itertools.pairwise(received)]
    assert min(gaps) >= 0.95
    assert fake_api.state.violations == [] and fake_api.state.rejected == []
    assert all(len(m.text) <= 4096 for m in received)


async def test_group_and_global_limits_are_kept(harness: Harness, fake_api: FakeBotApi) -> None:
    fake_api.limits.chat_interval = 0.0
    fake_api.limits.group_per_minute = 3
    fake_api.limits.group_period = 1.5
    fake_api.limits.global_per_second = 10
    fake_api.group_chat(GROUP)
    for user in range(1, 21):
        fake_api.private_chat(user)
    limits = Limits(messages_per_second=10, chat_interval=0.0, group_per_minute=3, group_period=1.5)
    async with harness.running(limits=limits) as app:
        started = time.monotonic()
        await asyncio.gather(
            *(send_html(app.bot, GROUP, f"group {i}") for i in range(6)),
            *(send_html(app.bot, user, f"hello {user}") for user in range(1, 21)),
        )
        elapsed = time.monotonic() - started
    assert len(fake_api.sent()) == 26
    assert fake_api.state.violations == []
    assert elapsed >= 1.5  # 26 messages at 10/s, and a second group window


async def test_rules_checked_by_the_fake_server(harness: Harness, fake_api: FakeBotApi) -> None:
    fake_api.private_chat(USER)
    async with harness.running() as app:
        for bad in ("<b>unclosed", "a < b", "<script>x</script>", "x" * 4097):
            with pytest.raises(BadRequest):
                await app.bot.send_message(chat_id=USER, text=bad)
        with pytest.raises(BadRequest, match=r"(?i)chat not found"):
            await app.bot.send_message(chat_id=999, text="hi")
    assert len(fake_api.state.rejected) == 5
    assert len(fake_api.calls("sendMessage")) == 5  # a 400 is never retried


async def test_a_slow_chat_does_not_hold_up_others_and_keeps_its_order(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    slow, quick = USER, USER + 1
    fake_api.private_chat(slow)
    fake_api.private_chat(quick)
    async with harness.running():
        fake_api.fail(429, method="sendMessage", chat_id=slow, retry_after=2)
        started = time.monotonic()
        fake_api.user_says(slow, "/help")
        fake_api.user_says(slow, "/event")
        await asyncio.sleep(0.2)
        quick_reply = await fake_api.reply_to(quick, "/help")
        quick_at = time.monotonic() - started
        first, second = await fake_api.wait_sent(slow, 2)
    assert "Commands" in quick_reply.text and quick_at < 1.5
    assert "Commands" in first.text and "Usage: /event ID" in second.text
    assert first.at - started >= 2.0
