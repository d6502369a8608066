"""`briefing run` never shows the bot token: not in logs, not in errors, whatever the API does."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pytest

from tests.hostile.raw_server import Log, raw_server
from tests.hostile.runner import REPO, clean_env

SECRET = "SECRET-TOKEN-VALUE"
TOKEN = f"123456:{SECRET}"


def run_bot(tmp_path: Path, api_url: str | None, *, seconds: float) -> tuple[int, str, str]:
    """Run `briefing -v run` for at most `seconds`, then interrupt it; return code and output."""
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "PYTHONUNBUFFERED": "1"}
    if api_url is None:
        env = {}
    else:
        env["TELEGRAM_API_URL"] = api_url
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "-v", "run", "--db", f"sqlite:///{tmp_path / 'b.db'}"],
        cwd=REPO,
        env=clean_env(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGINT)
        try:
            out, err = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
    return process.returncode, out, err


def _answer(status: str, body: bytes, content_type: str) -> Callable[[str, BinaryIO, Log], None]:
    """A Bot API stand-in that gives every request the same answer (the body may echo the path)."""

    def respond(path: str, wfile: BinaryIO, log: Log) -> None:
        data = body.replace(b"{path}", path.encode())
        head = (
            f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(data)}\r\nConnection: close\r\n\r\n"
        )
        wfile.write(head.encode() + data)
        log.sent += len(data)

    return respond


@contextmanager
def api(respond: Callable[[str, BinaryIO, Log], None] | None) -> Iterator[str]:
    """The URL of a stand-in API, or of a port where nothing listens."""
    if respond is None:
        yield "http://127.0.0.1:9"
        return
    with raw_server(respond) as log:
        yield log.base


def _json_error(code: int, text: str) -> bytes:
    return json.dumps({"ok": False, "error_code": code, "description": text}).encode()


UNREACHABLE = None
ECHOING_502 = _answer("502 Bad Gateway", b"<html>Bad gateway for {path}</html>", "text/html")
REJECTED_401 = _answer("401 Unauthorized", _json_error(401, "Unauthorized"), "application/json")
REJECTED_404 = _answer("404 Not Found", _json_error(404, "Not Found: {path}"), "application/json")


@pytest.mark.parametrize("respond", [UNREACHABLE, ECHOING_502], ids=["unreachable", "echo-502"])
def test_token_stays_out_of_retry_logs(
    tmp_path: Path, respond: Callable[[str, BinaryIO, Log], None] | None
) -> None:
    with api(respond) as url:
        _code, out, err = run_bot(tmp_path, url, seconds=30)  # it exits by itself: one line
    assert err.strip(), "the verbose run logged nothing: the test saw no retries"
    assert SECRET not in out
    assert SECRET not in err


@pytest.mark.parametrize("respond", [REJECTED_401, REJECTED_404], ids=["401", "404"])
def test_a_rejected_token_is_not_printed(
    tmp_path: Path, respond: Callable[[str, BinaryIO, Log], None]
) -> None:
    with api(respond) as url:
        code, out, err = run_bot(tmp_path, url, seconds=20)
    assert code != 0
    assert SECRET not in out + err


def test_without_a_token_one_clear_line(tmp_path: Path) -> None:
    code, out, err = run_bot(tmp_path, None, seconds=30)
    assert code != 0
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert "TELEGRAM_BOT_TOKEN" in lines[0]
    assert out == ""
