"""Benchmark: missed briefings caught up at start by two bot processes sharing one database.

Every chat has a slot 5 minutes ago; one, then two Applications start at once on one SQLite file
against a fake Bot API enforcing Telegram's limits (1/s per chat, 30/s in all). Measured: time
until every chat has its briefing, chats that got more than one, 429 answers, delivery rows.

Run: .venv/bin/python -m benchmarks.bot_delivery [CHATS]
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import Session, func, select

from bot.ratelimit import Limits
from bot.settings import BotSettings
from bot.store import tables as chat_tables
from bot.store.tables import ChatDelivery
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from tests.bot.conftest import DATA, Harness, config
from tests.bot.fake_api import FakeBotApi
from tests.reliability.procs import subscribe

RESULTS = Path(__file__).parent / "results" / "bot_delivery.md"


async def run(chat_count: int, bots: int, folder: Path) -> dict[str, float]:
    """Start `bots` bots at once on one database and return the catch-up measurements."""
    engine = make_engine(f"sqlite:///{folder / 'bench.db'}")
    create_schema(engine)
    service = BriefingService(engine, config())
    service.ingest([str(p) for p in sorted(DATA.glob("*.txt"))])
    slot = (datetime.now(UTC) - timedelta(minutes=5)).strftime("%H:%M")
    server = FakeBotApi().start()
    ids = range(1, chat_count + 1)
    for chat_id in ids:
        server.private_chat(chat_id)
    subscribe(engine, ids, slot)
    env = {"TELEGRAM_BOT_TOKEN": server.token, "TELEGRAM_API_URL": server.url}
    settings = BotSettings.from_env(config(), env)
    harness = Harness(settings, service, engine)
    started = time.monotonic()
    try:
        async with contextlib.AsyncExitStack() as stack:
            for _ in range(bots):
                await stack.enter_async_context(harness.running(limits=Limits()))
            while len({s.chat_id for s in server.sent()}) < chat_count:
                if time.monotonic() - started > 600:
                    break
                await asyncio.sleep(0.05)
            seconds = time.monotonic() - started
            await asyncio.sleep(2.0)  # room for a duplicate to show up
    finally:
        server.stop()
    per_chat = collections.Counter(s.chat_id for s in server.sent())
    with Session(engine) as session:
        statuses = dict(
            session.exec(
                select(ChatDelivery.status, func.count()).group_by(ChatDelivery.status)
            ).all()
        )
    engine.dispose()
    return {
        "bots": bots,
        "chats": chat_count,
        "seconds": seconds,
        "briefed": len(per_chat),
        "duplicates": sum(1 for n in per_chat.values() if n > 1),
        "answered_429": len(server.state.violations),
        "rows_sent": statuses.get(chat_tables.SENT, 0),
        "rows_other": sum(v for k, v in statuses.items() if k != chat_tables.SENT),
    }


def main() -> None:
    """Run, print the Markdown table and write it to benchmarks/results/bot_delivery.md."""
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    chat_count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rows = []
    for bots in (1, 2):
        with tempfile.TemporaryDirectory() as folder:
            rows.append(asyncio.run(run(chat_count, bots, Path(folder))))
    text = (
        "# bot_delivery: catch-up of a missed slot at start, bots sharing one SQLite database\n\n"
        "| bots | chats | seconds until all briefed | chats briefed | chats briefed twice | "
        "429 answered | delivery rows sent | other rows |\n"
        "|---|---|---|---|---|---|---|---|\n"
    )
    for r in rows:
        text += (
            f"| {r['bots']:.0f} | {r['chats']:.0f} | {r['seconds']:.2f} | {r['briefed']:.0f} | "
            f"{r['duplicates']:.0f} | {r['answered_429']:.0f} | {r['rows_sent']:.0f} | "
            f"{r['rows_other']:.0f} |\n"
        )
    text += (
        "\nEach bot paces itself to 30 messages/s; two processes with one token together exceed "
        "the bot-wide limit, so the server answers 429 and the senders wait and retry.\n"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
