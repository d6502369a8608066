"""Faults tests/bot does not cover: a locked database, dropped and stalled connections, bad feeds.

The bot runs in-process (tests/bot's Harness) against a fake Bot API on 127.0.0.1 that can break
connections at the TCP level; the feed servers are real sockets on 127.0.0.1 that hang, trickle
or answer garbage.
"""

from __future__ import annotations

import asyncio
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.jobs import job_name
from bot.polling import poll_feeds
from bot.runtime import RUNTIME_KEY
from bot.settings import BotSettings
from bot.store import deliveries
from bot.store import tables as chat_tables
from summarizer.polling import MIN_INTERVAL
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from tests.bot.conftest import DATA, TEST_SERVER_LIMITS, Harness, config
from tests.ingest.http_server import Route, Site, serve
from tests.reliability.fakes import ConnectionFault, FaultyBotApi
from tests.reliability.procs import subscribe

USER = 7171
FEED_TIMEOUT = 1.0  # ingest.timeout_seconds of the feed tests: the whole of each fetch
GOOD_FEED = Path(__file__).resolve().parents[2] / "summarizer" / "data" / "sample" / "feed.xml"
CHATS = list(range(7201, 7211))


@pytest.fixture(autouse=True)
def _timedelta_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opt in to PTB's timedelta RetryAfter (as run_bot does); the int form warns."""
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
def fake_api() -> Iterator[FaultyBotApi]:
    """The fake Bot API with connection faults."""
    server = FaultyBotApi(limits=replace(TEST_SERVER_LIMITS)).start()
    yield server
    server.stop()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the SQLite database lives."""
    return tmp_path / "bot.db"


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    """A fresh SQLite database (WAL, the bot's own engine settings) with the schema."""
    eng = make_engine(f"sqlite:///{db_path}")
    create_schema(eng)
    yield eng
    eng.dispose()


def _config(feeds: list[str] | None = None) -> dict[str, Any]:
    base = config()
    if feeds:
        base["feeds"] = {"urls": feeds, "poll_minutes": 0}
        base["ingest"] = {"timeout_seconds": FEED_TIMEOUT, "allow_private_addresses": True}
    return base


def _harness(engine: Engine, fake: FaultyBotApi, feeds: list[str] | None = None) -> Harness:
    cfg = _config(feeds)
    service = BriefingService(engine, cfg)
    assert service.ingest([str(p) for p in sorted(DATA.glob("*.txt"))]).new >= 5
    settings = BotSettings.from_env(
        cfg, {"TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": fake.url}
    )
    return Harness(replace(settings, claim_timeout=timedelta(seconds=1)), service, engine)


def _statuses(engine: Engine, chat_ids: list[int]) -> list[str]:
    with Session(engine) as session:
        return [
            r.status for c in chat_ids for r in deliveries.deliveries(session=session, chat_id=c)
        ]


def _hold_write_lock(path: Path, seconds: float, taken: threading.Event) -> threading.Thread:
    """Hold SQLite's write lock from another connection for `seconds` (in a thread)."""

    def hold() -> None:
        connection = sqlite3.connect(path, timeout=30, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("CREATE TABLE IF NOT EXISTS lock_holder (x INTEGER)")
            connection.execute("INSERT INTO lock_holder VALUES (1)")
            taken.set()
            time.sleep(seconds)
            connection.execute("COMMIT")
        finally:
            connection.close()

    thread = threading.Thread(target=hold, name="sqlite-lock", daemon=True)
    thread.start()
    return thread


# -- a locked database ---------------------------------------------------------------------------


@pytest.mark.clock
async def test_write_lock_shorter_than_the_busy_timeout_only_delays_a_broadcast(
    engine: Engine, db_path: Path, fake_api: FaultyBotApi
) -> None:
    harness = _harness(engine, fake_api)
    for chat_id in CHATS:
        fake_api.private_chat(chat_id)
    subscribe(engine, CHATS, (datetime.now(UTC) - timedelta(minutes=3)).strftime("%H:%M"))
    taken = threading.Event()
    holder = _hold_write_lock(db_path, 3.0, taken)
    assert await asyncio.to_thread(taken.wait, 5)
    started = time.monotonic()
    async with harness.running():
        for chat_id in CHATS:
            await fake_api.wait_sent(chat_id, 1, timeout=20)
        await asyncio.sleep(0.5)
    holder.join(5)
    assert time.monotonic() - started >= 2.5  # the claims really waited for the lock
    assert sorted(s.chat_id for s in fake_api.sent()) == CHATS
    assert _statuses(engine, CHATS) == [chat_tables.SENT] * len(CHATS)


@pytest.mark.clock
async def test_write_lock_longer_than_the_busy_timeout_retries_the_slot(
    engine: Engine, db_path: Path, fake_api: FaultyBotApi
) -> None:
    # A 1 s busy timeout stands for the real 15 s one, so the test takes seconds, not minutes.
    event.listen(engine, "connect", lambda conn, _rec: conn.execute("PRAGMA busy_timeout=1000"))
    engine.dispose()
    harness = _harness(engine, fake_api)
    fake_api.private_chat(USER)
    real = datetime.now(UTC)
    slot = (real + timedelta(minutes=2)).replace(second=0, microsecond=0)
    offset = slot - timedelta(seconds=2) - real  # the bot's clock reads 2 s before the slot

    def clock() -> datetime:
        return datetime.now(UTC) + offset

    subscribe(engine, [USER], slot.strftime("%H:%M"))
    async with harness.running(clock=clock) as app:
        taken = threading.Event()
        holder = _hold_write_lock(db_path, 4.0, taken)
        assert await asyncio.to_thread(taken.wait, 5)
        await asyncio.sleep(4.5)  # the slot fires at 2 s and its claim gives up at 3 s
        holder.join(5)
        jobs = app.job_queue.get_jobs_by_name(job_name(USER))
        slots = [job.data for job in jobs]
    # The failed slot is tried again (bot.jobs.RETRY_SECONDS later) rather than dropped.
    assert slots == [slot], f"jobs after the failed slot: {slots}"


# -- dropped and stalled connections to the Bot API ----------------------------------------------


@pytest.mark.clock
async def test_connection_dropped_before_the_send_is_retried_once(
    engine: Engine, fake_api: FaultyBotApi
) -> None:
    harness = _harness(engine, fake_api)
    fake_api.private_chat(USER)
    subscribe(engine, [USER], (datetime.now(UTC) - timedelta(minutes=3)).strftime("%H:%M"))
    fake_api.break_connection(ConnectionFault("drop-before", count=2))
    async with harness.running():
        (message,) = await fake_api.wait_sent(USER, 1, timeout=20)
        await asyncio.sleep(0.5)
        reply = await fake_api.reply_to(USER, "/help")
    assert message.text.startswith("Briefing") and "Commands" in reply.text
    assert len(fake_api.calls("sendMessage")) == 2  # the broken attempts never reached it
    assert fake_api.broken == [("drop-before", "sendMessage")] * 2
    assert _statuses(engine, [USER]) == [chat_tables.SENT]


@pytest.mark.clock
async def test_answer_lost_after_the_send_gives_at_most_one_extra_copy(
    engine: Engine, fake_api: FaultyBotApi
) -> None:
    # Telegram has no idempotency key: a message accepted whose answer is lost is sent again.
    harness = _harness(engine, fake_api)
    fake_api.private_chat(USER)
    subscribe(engine, [USER], (datetime.now(UTC) - timedelta(minutes=3)).strftime("%H:%M"))
    fake_api.break_connection(ConnectionFault("drop-after", count=1))
    async with harness.running():
        await fake_api.wait_sent(USER, 1, timeout=20)
        await asyncio.sleep(2.0)  # the retry's backoff
    copies = [s for s in fake_api.sent(USER) if s.text.startswith("Briefing")]
    assert len(copies) == 2
    assert _statuses(engine, [USER]) == [chat_tables.SENT]


async def test_stalled_send_times_out_and_other_chats_are_still_answered(
    engine: Engine, fake_api: FaultyBotApi
) -> None:
    harness = _harness(engine, fake_api)
    slow, quick = USER, USER + 1
    fake_api.private_chat(slow)
    fake_api.private_chat(quick)
    async with harness.running():
        # PTB's read timeout is 5 s: the stalled answer is given up and the send retried.
        fake_api.break_connection(ConnectionFault("stall", count=1, delay=7.0))
        fake_api.user_says(slow, "/help")
        await asyncio.sleep(0.3)
        started = time.monotonic()
        quick_reply = await fake_api.reply_to(quick, "/help", timeout=5)
        quick_seconds = time.monotonic() - started
        await fake_api.wait_sent(slow, 2, timeout=20)
    # A chat waiting behind the stalled send would wait out the 5 s read timeout; the bound
    # leaves a shared machine's stalls room without losing that.
    assert "Commands" in quick_reply.text and quick_seconds < 2.5
    assert len(fake_api.sent(slow)) == 2  # the stalled one was accepted, then sent again
    assert fake_api.broken == [("stall", "sendMessage")]


# -- feed servers that hang, trickle or answer garbage -------------------------------------------


class BadFeedServer:
    """A feed server on 127.0.0.1 that hangs, trickles its headers or answers garbage.

    'hang' reads the request and never answers; 'trickle' sends its status line and headers one
    byte every half second, forever (each read is quick, the whole never ends); 'garbage' answers
    200 with bytes that are no feed.
    """

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        """The feed's URL."""
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/feed.xml"

    def __enter__(self) -> BadFeedServer:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stopping.set()
        self.sock.close()
        self.thread.join(5)

    def _serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            conn.recv(65536)
            if self.mode == "garbage":
                body = bytes(range(256)) * 40 + b"<rss><channel><item><title>x"
                head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                conn.sendall(f"{head}Content-Length: {len(body)}\r\n\r\n".encode() + body)
                return
            reply = b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
            for index in range(1200):
                if self.stopping.wait(0.5):
                    return
                if self.mode == "trickle":
                    try:
                        conn.sendall(reply[index % len(reply) : index % len(reply) + 1])
                    except OSError:
                        return


@pytest.mark.parametrize("mode", ["hang", "trickle", "garbage"])
async def test_a_bad_feed_ends_its_poll_in_time_and_never_blocks_commands(
    engine: Engine, fake_api: FaultyBotApi, mode: str
) -> None:
    fake_api.private_chat(USER)
    good = {"/feed.xml": Route(body=GOOD_FEED.read_bytes(), content_type="application/rss+xml")}
    with BadFeedServer(mode) as feed, serve(Site(routes=good)) as site:
        # The bad feed first: the good one is only fetched once the bad fetch has ended.
        bad_url = feed.url
        harness = _harness(engine, fake_api, feeds=[bad_url, f"{site.base}/feed.xml"])
        async with harness.running() as app:
            rt = app.bot_data[RUNTIME_KEY]
            polled, polled_at = time.monotonic(), datetime.now(UTC)
            poll = asyncio.create_task(poll_feeds(rt))
            await asyncio.sleep(0.3)
            started = time.monotonic()
            reply = await fake_api.reply_to(USER, "/help", timeout=5)
            answered = time.monotonic() - started
            report = await asyncio.wait_for(poll, 30)  # a regression fails here, not hangs
            poll_seconds = time.monotonic() - polled
    assert "Commands" in reply.text and answered < 1.0
    # Generous: one timeout for the bad feed, the good feed and the ingest itself in the rest.
    assert poll_seconds < 5 * FEED_TIMEOUT, f"the poll took {poll_seconds:.1f} s"
    assert (report.new, report.failed) == (3, 1), report  # the good feed's three items
    (error,) = report.errors
    assert bad_url in error
    if mode != "garbage":
        assert f"timed out after {FEED_TIMEOUT:g} s" in error, error
    # Recorded on the feed and backed off like any other failure (poll_minutes 0: the minimum).
    (status,) = report.failing
    assert (status.url, status.failures, status.last_error) == (bad_url, 1, error)
    assert status.next_poll is not None and status.next_poll >= polled_at + MIN_INTERVAL
