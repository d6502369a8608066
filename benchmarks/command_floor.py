"""What one bot process needs per command when the network and the Bot API server cost nothing.

Run: .venv/bin/python -m benchmarks.command_floor [--commands 1000]

The real Application (handlers, rate limiter with the limits lifted, per-chat update processor,
the bundled sample in SQLite) answers `--commands` updates from as many chats, handed over at
once as getUpdates would (JSON, 100 a batch), with an in-process request object in place of HTTP
that answers sendMessage at once. Python-telegram-bot still builds every incoming Update and
every returned Message. The time from the hand-over to each reply is a lower bound for
benchmarks.bot_load (b), where the same replies also cross HTTP to a server: p95 here is the
least p95 one process on this machine can reach, whatever its network. The CPU time the process
used while answering (every thread: the database and domain work too) is shown per command; a
busy neighbour disturbs it less than the wall-clock figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from telegram import Update

from bot.app import AnyApp, build_application
from bot.inprocess import BOT, InProcessRequest
from bot.ratelimit import Limits
from bot.settings import SECTIONS, BotSettings
from summarizer.config import load_config
from summarizer.service import BriefingService
from summarizer.store.db import make_engine
from tests.reliability.procs import TOKEN, BotConfig, ingest_sample

RESULTS = Path(__file__).parent / "results" / "command_floor.md"
FIRST_CHAT = 100_000
BATCH = 100  # getUpdates' largest answer


class InstantRequest(InProcessRequest):
    """Answers every Bot API call at once and notes when each chat got its first message."""

    def __init__(self) -> None:
        """Start with no replies."""
        self.replied: dict[int, float] = {}
        self._next_id = 0

    def answer(self, name: str, params: dict[str, str]) -> Any:
        """Answer sendMessage with the message, noting the chat's first reply."""
        if name != "sendMessage" or not params:
            return True
        chat_id = int(params["chat_id"])
        self.replied.setdefault(chat_id, time.perf_counter())
        self._next_id += 1
        return {
            "message_id": self._next_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": f"user{chat_id}"},
            "from": BOT,
            "text": params.get("text", ""),
        }


def updates_json(count: int, mix: bool) -> tuple[list[bytes], list[tuple[int, str]]]:
    """getUpdates answers (JSON, BATCH updates each) with one command per chat, and the commands."""
    asked = [(FIRST_CHAT + i, "/help" if i % 2 or not mix else "/events") for i in range(count)]
    updates = []
    for number, (chat_id, text) in enumerate(asked, start=1):
        chat = {"id": chat_id, "type": "private", "first_name": f"user{chat_id}"}
        message = {
            "message_id": number,
            "date": int(time.time()),
            "chat": chat,
            "from": {"id": chat_id, "is_bot": False, "first_name": f"user{chat_id}"},
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(text)}],
        }
        updates.append({"update_id": number, "message": message})
    batches = [
        json.dumps({"ok": True, "result": updates[i : i + BATCH]}).encode()
        for i in range(0, len(updates), BATCH)
    ]
    return batches, asked


async def answer_all(
    app: AnyApp, request: InstantRequest, count: int, mix: bool
) -> tuple[list[float], float, float]:
    """Hand `count` commands to the application at once.

    Returns:
        Each reply's latency in ms, the ms PTB took to build the Update objects alone, and the
        CPU seconds the process used meanwhile (every thread: database and domain work too).
    """
    warm_batches, _ = updates_json(2, True)  # first calls pay for imports and caches
    for update in Update.de_list(json.loads(warm_batches[0])["result"], app.bot):
        await app.process_update(update)
    request.replied.clear()
    batches, asked = updates_json(count, mix)
    processor = app.update_processor
    tasks = []
    building = 0.0
    start, cpu = time.perf_counter(), time.process_time()
    for batch in batches:
        before = time.perf_counter()
        updates = Update.de_list(json.loads(batch)["result"], app.bot)
        building += time.perf_counter() - before
        for update in updates:
            work = processor.process_update(update, app.process_update(update))
            tasks.append(asyncio.create_task(work))
    await asyncio.gather(*tasks)
    cpu = time.process_time() - cpu
    return [1000 * (request.replied[chat_id] - start) for chat_id, _ in asked], 1000 * building, cpu


def measure(work: Path, count: int, mix: bool) -> dict[str, float]:
    """Answer `count` commands through the real application; return latency figures (ms)."""
    db_url = f"sqlite:///{work / f'floor-{mix}.db'}"
    ingest_sample(db_url)
    config = load_config(
        BotConfig(db_url=db_url).write(work / "floor.toml"), environ={}, sections=SECTIONS
    )
    settings = BotSettings.from_env(config, {"TELEGRAM_BOT_TOKEN": TOKEN})
    engine = make_engine(db_url)
    request = InstantRequest()
    app = build_application(
        settings,
        BriefingService(engine, config),
        engine,
        request=request,
        limits=Limits(messages_per_second=0, chat_interval=0),
    )

    async def run() -> tuple[list[float], float, float]:
        async with app:
            return await answer_all(app, request, count, mix)

    try:
        latencies, building, cpu = asyncio.run(run())
    finally:
        engine.dispose()
    latencies.sort()
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "answered": len(latencies),
        "p50": cuts[49],
        "p95": cuts[94],
        "last": latencies[-1],
        "per command": 1000 * latencies[-1] / count,
        "building": building,
        "cpu per command": 1e6 * cpu / count,
    }


def main() -> None:
    """Measure /help alone and /help with /events; print and save the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commands", type=int, default=1000)
    args = parser.parse_args()
    lines = [
        "# command_floor: one process, network and server free",
        "",
        "| commands | count | p50 (ms) | p95 (ms) | last reply (ms) | µs per command "
        "| of which PTB building the Updates (ms) | CPU µs per command |",
        "|---|---|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory(prefix="command-floor-") as folder:
        for mix in (False, True):
            row = measure(Path(folder), args.commands, mix)
            kinds = "/help + /events" if mix else "/help only"
            lines.append(
                f"| {kinds} | {row['answered']:.0f} | {row['p50']:.0f} | {row['p95']:.0f} "
                f"| {row['last']:.0f} | {row['per command']:.0f} | {row['building']:.0f} "
                f"| {row['cpu per command']:.0f} |"
            )
            print(lines[-1], flush=True)
    command = f".venv/bin/python -m benchmarks.command_floor --commands {args.commands}"
    lines += ["", f"Command: `{command}`"]
    table = "\n".join(lines)
    print(table)
    RESULTS.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
