"""`briefing run` and its stop signals: a clean stop while it starts, a second one cuts a hang."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bot.conftest import REPO_ROOT
from tests.bot.fake_api import FakeBotApi
from tests.bot.fake_methods import JSONDict

WAIT = 120.0  # generous: a loaded machine may take long to import and start the bot


class HangingBotApi(FakeBotApi):
    """A fake whose n-th call of one method never gets an answer; `arrived` says it came."""

    def __init__(self, method: str, nth: int) -> None:
        super().__init__()
        self.method = method
        self.nth = nth
        self.arrived = threading.Event()

    async def _dispatch(
        self, target: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, JSONDict]:
        answer = await super()._dispatch(target, headers, body)
        if len(self.calls(self.method)) == self.nth and not self.arrived.is_set():
            self.arrived.set()
            await asyncio.Event().wait()  # until the bot hangs up or the fake stops
        return answer


@pytest.fixture
def hanging(request: pytest.FixtureRequest) -> Iterator[HangingBotApi]:
    method, nth = request.param
    fake = HangingBotApi(method, nth).start()
    fake.private_chat(77)
    try:
        yield fake
    finally:
        fake.stop()


# getMe: the second (the first is the check at start) is PTB's initialize; setMyCommands: our
# post_init; deleteWebhook: the updater's start_polling, the moment PTB closes a running coroutine.
STARTING = [("getMe", 2), ("setMyCommands", 1), ("deleteWebhook", 1)]


@pytest.mark.parametrize(
    ("hanging", "stop"),
    [(step, signal.SIGINT) for step in STARTING] + [(("deleteWebhook", 1), signal.SIGTERM)],
    indirect=["hanging"],
    ids=[f"{method}-SIGINT" for method, _ in STARTING] + ["deleteWebhook-SIGTERM"],
)
def test_a_stop_while_the_bot_starts_is_a_clean_stop(
    hanging: HangingBotApi, stop: signal.Signals, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": hanging.token,
        "TELEGRAM_API_URL": hanging.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'run.db'}",
        "BRIEFING_POLL_MINUTES": "0",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "-v", "run"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert hanging.arrived.wait(WAIT), "the bot never made the call the fake holds"
        calls = len(hanging.calls())
        process.send_signal(stop)
        output, _ = process.communicate(timeout=WAIT)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, output
    assert "internal error" not in output and "Traceback" not in output, output
    assert "retrying" not in output, output  # nothing the stop interrupted is tried again
    assert len(hanging.calls()) == calls, hanging.calls()[calls:]  # nor anything new sent
    assert "bot stopped" in output, output  # the shut-down ran to its end


class HangingStopApi(FakeBotApi):
    """A fake that never answers the updater's last getUpdates (timeout 0, sent on a stop)."""

    def __init__(self) -> None:
        super().__init__()
        self.stopping = threading.Event()
        self.polled = threading.Event()

    async def _get_updates(self, params: JSONDict) -> tuple[int, JSONDict]:
        if float(params.get("timeout") or 0) > 0:
            self.polled.set()
            return await super()._get_updates(params)
        self.stopping.set()
        await asyncio.Event().wait()  # until the bot hangs up or the fake stops
        raise AssertionError("unreachable")


@pytest.mark.parametrize(
    ("stop", "code"),
    [(signal.SIGINT, 130), (signal.SIGTERM, -signal.SIGTERM)],
    ids=["SIGINT-130", "SIGTERM-killed"],
)
def test_a_second_stop_signal_ends_a_shut_down_that_hangs(
    stop: signal.Signals, code: int, tmp_path: Path
) -> None:
    # README: a second SIGINT interrupts the shut-down (130); a second SIGTERM has its default
    # action, the end of the process by that signal (143 in a shell), as supervisors expect.
    fake = HangingStopApi().start()
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": fake.token,
        "TELEGRAM_API_URL": fake.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'run.db'}",
        "BRIEFING_POLL_MINUTES": "0",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "-v", "run"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert fake.polled.wait(WAIT), "the bot never polled"
        process.send_signal(stop)
        assert fake.stopping.wait(WAIT), "the shut-down never asked for the last updates"
        process.send_signal(stop)
        output, _ = process.communicate(timeout=WAIT)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
        fake.stop()
    assert process.returncode == code, output
    assert "bot stopped" not in output, output  # the shut-down was cut short


class _SwallowingApp:
    """Just what `serve` calls of an application: its updater's stop swallows the second
    Ctrl-C that arrives while it runs, as PTB's last get_updates does with whatever interrupts
    it (a KeyboardInterrupt raised inside anyio's cancel scope comes out as a NetworkError)."""

    post_init = post_stop = post_shutdown = None

    def __init__(self) -> None:
        self.bot = self
        self.rate_limiter = None
        self.updater = self
        self.running = False
        self.swallowed = False

    async def initialize(self) -> None:
        return None

    async def start(self) -> None:
        self.running = True
        os.kill(os.getpid(), signal.SIGINT)  # the first Ctrl-C, once the bot runs

    async def stop(self) -> None:
        if self.running:  # the updater's stop: the second Ctrl-C lands in it, swallowed
            self.running = False
            try:
                os.kill(os.getpid(), signal.SIGINT)
                await asyncio.sleep(0.05)
            except KeyboardInterrupt:
                self.swallowed = True

    async def shutdown(self) -> None:
        return None


def test_a_second_ctrl_c_ends_with_130_even_where_the_shut_down_swallowed_it() -> None:
    # Seen in CI: the second SIGINT landed in PTB's last get_updates, which logged it as an
    # error and went on; the bot then stopped cleanly with 0 instead of 130.
    from bot.serve import serve

    app = _SwallowingApp()

    async def start_updater() -> None:
        return None

    former = signal.getsignal(signal.SIGINT)
    try:
        with pytest.raises(KeyboardInterrupt):
            serve(app, start_updater)  # type: ignore[arg-type]
        left = signal.getsignal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGINT, former)
    assert app.swallowed
    assert left == signal.default_int_handler  # Ctrl-C as Python's default again
