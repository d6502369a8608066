"""Benchmark: sending under Telegram's flood limits, PacingRateLimiter vs PTB's AIORateLimiter.

Runs a fake Bot API server on 127.0.0.1 that enforces Telegram's limits (1 message/s per chat,
20 per group window, 30/s in all) and answers 429 when they are broken. Three loads: a broadcast
to 150 private chats, a 5-part briefing to one chat, and 25 messages to one group (the group
window is scaled from 60 s to 6 s to keep the run short; both sides use the same window).

Run: .venv/bin/python -m benchmarks.bot_sender
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import math
import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telegram.error import TelegramError
from telegram.ext import AIORateLimiter, BaseRateLimiter, ExtBot

from bot.ratelimit import Limits, PacingRateLimiter
from bot.split import split_html
from tests.bot.fake_api import FakeBotApi
from tests.bot.fake_api import Limits as ServerLimits

RESULTS = Path(__file__).parent / "results" / "bot_sender.md"
GROUP_WINDOW = 6.0


@dataclass(frozen=True, slots=True)
class Row:
    """One measured run."""

    load: str
    limiter: str
    calls: int
    delivered: int
    seconds: float
    answered_429: int
    failed: int
    min_gap_same_chat: float


Send = Callable[[ExtBot[Any]], Awaitable[int]]


async def _broadcast(bot: ExtBot[Any]) -> int:
    results = await asyncio.gather(
        *(bot.send_message(chat_id=chat, text=f"briefing {chat}") for chat in range(1, 151)),
        return_exceptions=True,
    )
    return sum(isinstance(r, TelegramError) for r in results)


async def _multipart(bot: ExtBot[Any]) -> int:
    parts = split_html("\n\n".join(["A sentence of the digest. " * 150] * 5))
    failed = 0
    for part in parts:
        try:
            await bot.send_message(chat_id=1, text=part)
        except TelegramError:
            failed += 1
    return failed


async def _group(bot: ExtBot[Any]) -> int:
    failed = 0
    for i in range(25):
        try:
            await bot.send_message(chat_id=-100, text=f"group message {i}")
        except TelegramError:
            failed += 1
    return failed


def _min_gap(server: FakeBotApi) -> float:
    gaps = []
    by_chat: dict[int, list[float]] = {}
    for sent in server.sent():
        by_chat.setdefault(sent.chat_id, []).append(sent.at)
    for times in by_chat.values():
        gaps += [b - a for a, b in itertools.pairwise(times)]
    return min(gaps) if gaps else float("nan")


async def _run(load: str, send: Send, limiter_name: str, limiter: BaseRateLimiter[Any]) -> Row:
    server = FakeBotApi(
        limits=ServerLimits(chat_interval=1.0, group_per_minute=20, group_period=GROUP_WINDOW)
    ).start()
    for chat in range(1, 151):
        server.private_chat(chat)
    server.group_chat(-100)
    bot: ExtBot[Any] = ExtBot(
        server.token,
        base_url=f"{server.url}/bot",
        base_file_url=f"{server.url}/file/bot",
        rate_limiter=limiter,
    )
    try:
        async with bot:
            started = time.monotonic()
            failed = await send(bot)
            seconds = time.monotonic() - started
    finally:
        server.stop()
    calls = server.calls("sendMessage")
    return Row(
        load=load,
        limiter=limiter_name,
        calls=len(calls),
        delivered=len(server.sent()),
        seconds=seconds,
        answered_429=len(server.state.violations),
        failed=failed,
        min_gap_same_chat=_min_gap(server),
    )


async def main_async() -> list[Row]:
    """Run every load with both limiters."""
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    loads: list[tuple[str, Send]] = [
        ("broadcast 150 chats", _broadcast),
        ("5-part briefing, 1 chat", _multipart),
        ("25 messages, 1 group", _group),
    ]
    rows = []
    for load, send in loads:
        ours = PacingRateLimiter(Limits(group_period=GROUP_WINDOW, backoff=0.2))
        rows.append(await _run(load, send, "PacingRateLimiter", ours))
        ptb = AIORateLimiter(group_time_period=GROUP_WINDOW)
        rows.append(await _run(load, send, "AIORateLimiter (defaults)", ptb))
    return rows


def table(rows: list[Row]) -> str:
    """Render the rows as Markdown."""
    lines = [
        "| load | limiter | sendMessage calls | delivered | seconds | 429 answered | "
        "failed sends | min gap in one chat (s) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        gap = "–" if math.isnan(r.min_gap_same_chat) else f"{r.min_gap_same_chat:.2f}"
        lines.append(
            f"| {r.load} | {r.limiter} | {r.calls} | {r.delivered} | {r.seconds:.2f} | "
            f"{r.answered_429} | {r.failed} | {gap} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Run the benchmark, print the table and write it to benchmarks/results/bot_sender.md."""
    logging.getLogger("telegram.ext").setLevel(logging.CRITICAL)  # AIORateLimiter's 429 traces
    text = table(asyncio.run(main_async()))
    header = (
        "# bot_sender: flood limits (fake Bot API enforcing 1/s per chat, 20 per group window "
        f"of {GROUP_WINDOW:g} s, 30/s in all)\n\n"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(header + text + "\n", encoding="utf-8")
    print(header + text)


if __name__ == "__main__":
    main()
