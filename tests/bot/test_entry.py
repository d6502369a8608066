"""Entry points and settings: `briefing run` as a process, `briefing chat`, the token."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from bot.app import limits_of
from bot.entry import run_bot, run_chat
from bot.logsafe import REDACTED, protect_token
from bot.settings import BotSettings
from summarizer.errors import InputError
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from tests.bot.conftest import DATA, REPO_ROOT, Harness, config
from tests.bot.fake_api import FakeBotApi


def test_settings_from_env_override_config_and_hide_the_token() -> None:
    settings = BotSettings.from_env(
        {"bot": {"admin_chat_ids": [1], "default_times": ["7:05"], "grace_minutes": 30}},
        {
            "TELEGRAM_BOT_TOKEN": "123:secret-token",
            "TELEGRAM_API_URL": "http://127.0.0.1:9/",
            "ADMIN_CHAT_IDS": "5, 6",
        },
    )
    assert settings.token == "123:secret-token"
    assert settings.api_url == "http://127.0.0.1:9"
    assert settings.admin_ids == frozenset({5, 6})
    assert settings.default_times == ("07:05",)
    assert settings.grace.total_seconds() == 1800
    assert "secret" not in repr(settings) and "secret" not in str(settings)
    default = BotSettings.from_env({}, {})
    assert (default.token, default.api_url) == (None, "https://api.telegram.org")
    with pytest.raises(InputError, match="IANA"):
        BotSettings.from_env({"bot": {"default_timezone": "Nowhere/Place"}}, {})
    with pytest.raises(InputError, match="ADMIN_CHAT_IDS"):
        BotSettings.from_env({}, {"ADMIN_CHAT_IDS": "alice"})


def test_reply_reserve_reaches_the_limiter_and_stays_within_bounds() -> None:
    assert limits_of(BotSettings.from_env({}, {})).reply_reserve == 0.03
    chosen = BotSettings.from_env({"bot": {"reply_reserve": 0.1}}, {})
    assert limits_of(chosen).reply_reserve == 0.1
    assert BotSettings.from_env({"bot": {"reply_reserve": 0}}, {}).reply_reserve == 0.0
    assert BotSettings.from_env({"bot": {"reply_reserve": 2}}, {}).reply_reserve == 0.5
    assert BotSettings.from_env({"bot": {"reply_reserve": -1}}, {}).reply_reserve == 0.0


def test_run_without_token_says_what_to_set(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert run_bot(config(), db_url="sqlite:///unused.db") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "TELEGRAM_BOT_TOKEN is not set" in err


def test_chat_talks_to_the_real_handlers_offline(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'chat.db'}"
    engine = make_engine(url)
    create_schema(engine)
    BriefingService(engine, config()).ingest([str(p) for p in sorted(DATA.glob("*.txt"))])
    engine.dispose()
    out = io.StringIO()
    lines = "/start\n/events\n1\n/event 424242\n/stats\n/schedule 7:30\n/nonsense\n/quit\n/help\n"
    assert run_chat(config(), db_url=url, stdin=io.StringIO(lines), stdout=out) == 0
    text = out.getvalue()
    assert "Welcome to Briefing" in text and "Top events" in text
    assert "[1] More 1" in text and "Part of story /story" in text  # button 1 pressed
    assert "No event 424242" in text and "articles: 6" in text
    assert "Briefings at 07:30 (UTC)" in text and "Unknown command /nonsense" in text
    assert "<b>" not in text and "Commands" not in text  # rendered; nothing after /quit


def test_token_is_redacted_from_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    protect_token("123:very-secret")
    logging.getLogger("httpx").warning("POST %s", "https://api/bot123:very-secret/getMe")
    assert "very-secret" not in caplog.text and REDACTED in caplog.text


async def test_bot_logs_never_show_the_token(
    harness: Harness, fake_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    protect_token(fake_api.token)
    logging.getLogger("httpx").setLevel(logging.DEBUG)  # the worst case: URL lines on
    fake_api.private_chat(1)
    async with harness.running():
        await fake_api.reply_to(1, "/start")
    assert "/getUpdates" in caplog.text
    assert fake_api.token not in caplog.text


async def test_briefing_run_process_against_the_fake_api(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": fake_api.token,
        "TELEGRAM_API_URL": fake_api.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'run.db'}",
        "BRIEFING_POLL_MINUTES": "0",
    }
    fake_api.private_chat(77)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "-v", "run"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        reply = await fake_api.reply_to(77, "/start", timeout=60)
        assert "Welcome to Briefing" in reply.text
        assert fake_api.calls("setMyCommands")  # post_init ran under bot.serve
    finally:
        process.send_signal(signal.SIGINT)
        _, err = await asyncio.to_thread(process.communicate, timeout=30)
    assert process.returncode == 0, err
    assert fake_api.token not in err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_briefing_run_webhook_mode(fake_api: FakeBotApi, tmp_path: Path) -> None:
    port = _free_port()
    hook = f"http://127.0.0.1:{port}/telegram-hook"
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": fake_api.token,
        "TELEGRAM_API_URL": fake_api.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'hook.db'}",
        "BRIEFING_POLL_MINUTES": "0",
        "BRIEFING_WEBHOOK_LISTEN": "127.0.0.1",
        "BRIEFING_WEBHOOK_PORT": str(port),
    }
    chat = fake_api.private_chat(78)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run", "--webhook-url", hook],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(600):
            if fake_api.webhook is not None:
                break
            await asyncio.sleep(0.05)
        assert fake_api.webhook is not None and fake_api.webhook["url"] == hook
        secret = fake_api.webhook["secret_token"]
        update = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": chat,
                "from": {"id": 78, "is_bot": False, "first_name": "Ada"},
                "text": "/help",
                "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
            },
        }
        async with httpx.AsyncClient() as client:
            for _ in range(100):  # the listener opens just after setWebhook
                try:
                    wrong = await client.post(hook, json=update, headers={_SECRET: "wrong"})
                    break
                except httpx.ConnectError:
                    await asyncio.sleep(0.05)
            assert wrong.status_code == 403
            answer = await client.post(hook, json=update, headers={_SECRET: secret})
            assert answer.status_code == 200
        (reply,) = await fake_api.wait_sent(78, 1, timeout=30)
        assert "Commands" in reply.text
    finally:
        process.send_signal(signal.SIGINT)
        _, err = await asyncio.to_thread(process.communicate, timeout=30)
    assert process.returncode == 0, err


_SECRET = "X-Telegram-Bot-Api-Secret-Token"
