"""Each Telegram update is answered by one bot process: a claimed update is dropped unanswered."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from telegram import Chat, Message, Update

from bot.store.tables import HandledUpdate
from bot.store.update_claims import KEEP_CLAIMS, claim_update, claim_updates, forget_old_claims
from bot.updates import CLAIM_WAIT_SECONDS, ClaimBatch, PerChatUpdateProcessor, bot_id_of
from tests.bot.conftest import Harness
from tests.bot.fake_api import FakeBotApi

USER = 7301
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def test_an_update_is_claimed_once_per_bot(engine: Engine) -> None:
    with Session(engine) as session:
        assert claim_update(session=session, bot_id=11, update_id=5, now=NOW)
        assert not claim_update(session=session, bot_id=11, update_id=5, now=NOW)
        assert claim_update(session=session, bot_id=12, update_id=5, now=NOW)  # another bot


def test_old_claims_are_forgotten(engine: Engine) -> None:
    with Session(engine) as session:
        claim_update(session=session, bot_id=11, update_id=1, now=NOW - KEEP_CLAIMS * 2)
        claim_update(session=session, bot_id=11, update_id=2, now=NOW - timedelta(hours=1))
        assert forget_old_claims(session=session, now=NOW) == 1
        kept = session.exec(select(HandledUpdate.update_id)).all()
    assert kept == [2]


def test_bot_id_is_the_tokens_number() -> None:
    assert bot_id_of("123456:ABC-def") == 123456
    assert bot_id_of("0:no-token") == 0
    assert bot_id_of("nonsense") == 0


async def test_an_update_another_process_took_gets_no_answer(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    bot_id = bot_id_of(fake_api.token)
    async with harness.running() as app:
        first = await fake_api.reply_to(USER, "/help")
        assert first.text.startswith("Commands")
        assert app.updater is not None
        await app.updater.stop()  # while nobody polls, another process takes the next update
        taken = fake_api.user_says(USER, "/help")
        with Session(harness.engine) as session:
            assert claim_update(session=session, bot_id=bot_id, update_id=taken, now=NOW)
        await app.updater.start_polling(poll_interval=0, timeout=1)
        third = await fake_api.reply_to(USER, "/timezone kyiv")
        await asyncio.sleep(0.2)
    texts = [s.text for s in fake_api.sent(USER)]
    assert len(texts) == 2 and texts[0] == first.text and texts[1] == third.text
    with Session(harness.engine) as session:
        rows = session.exec(
            select(HandledUpdate.update_id).where(col(HandledUpdate.bot_id) == bot_id)
        ).all()
    assert len(rows) == 3 and taken in rows


def test_a_batch_of_claims_takes_only_the_free_updates(engine: Engine) -> None:
    with Session(engine) as session:
        assert claim_update(session=session, bot_id=11, update_id=5, now=NOW)
        assert claim_updates(session=session, bot_id=11, update_ids=[6, 4, 5, 6], now=NOW) == {4, 6}
        assert claim_updates(session=session, bot_id=11, update_ids=[4, 5, 6], now=NOW) == set()
        assert claim_updates(session=session, bot_id=12, update_ids=[5], now=NOW) == {5}
        assert claim_updates(session=session, bot_id=11, update_ids=[], now=NOW) == set()


class _CountingRuntime:
    """The two things ClaimBatch uses of a Runtime: a clock and `db`, counting the writes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.batches: list[list[int]] = []

    def now(self) -> datetime:
        return NOW

    async def db(self, fn: Any, **kwargs: Any) -> Any:
        if fn is claim_updates:
            self.batches.append(sorted(kwargs["update_ids"]))
        await asyncio.sleep(0.01)  # a worker-thread hop: others ask meanwhile
        with Session(self.engine) as session:
            return fn(session=session, **kwargs)


async def test_claims_asked_together_go_in_one_write(engine: Engine) -> None:
    runtime = _CountingRuntime(engine)
    claim = ClaimBatch(runtime, bot_id=11).claim  # type: ignore[arg-type]
    with Session(engine) as session:
        claim_update(session=session, bot_id=11, update_id=3, now=NOW)
    updates = [Update(update_id=i) for i in range(1, 21)]
    first = await asyncio.gather(*(claim(u) for u in updates[:10]))
    later = await asyncio.gather(*(claim(u) for u in updates))
    assert first == [i != 3 for i in range(1, 11)]
    assert later == [False] * 10 + [True] * 10
    assert runtime.batches == [list(range(1, 11)), list(range(1, 21))]


async def test_a_command_is_answered_while_another_process_holds_the_write_lock(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    # A feed poll's ingest holds SQLite's single write lock while it stores a chunk: the claim
    # waits at most CLAIM_WAIT_SECONDS, then the command is handled unclaimed.
    fake_api.private_chat(USER)
    path = harness.engine.url.database
    assert path is not None
    async with harness.running():
        await fake_api.reply_to(USER, "/help")  # the bot is up and has claimed once
        writer = sqlite3.connect(path, isolation_level=None)
        try:
            writer.execute("BEGIN IMMEDIATE")
            started = time.monotonic()
            answer = await fake_api.reply_to(USER, "/help", timeout=CLAIM_WAIT_SECONDS + 8)
            waited = time.monotonic() - started
        finally:
            writer.execute("ROLLBACK")
            writer.close()
    assert answer.text.startswith("Commands")
    assert waited >= CLAIM_WAIT_SECONDS * 0.9  # it did wait for the claim, then went on


def _update(update_id: int, chat_id: int) -> Update:
    chat = Chat(chat_id, Chat.PRIVATE)
    message = Message(update_id, datetime(2026, 3, 10, tzinfo=UTC), chat, text="/help")
    return Update(update_id, message=message)


async def test_one_chats_updates_keep_their_order_whichever_claim_comes_back_first() -> None:
    processor = PerChatUpdateProcessor()

    async def claim(update: Update) -> bool:  # the first update's claim is the slow one
        await asyncio.sleep(0.2 if update.update_id == 1 else 0.0)
        return True

    processor.claim = claim
    handled: list[int] = []

    async def handle(update_id: int) -> None:
        handled.append(update_id)

    await asyncio.gather(
        processor.do_process_update(_update(1, USER), handle(1)),
        processor.do_process_update(_update(2, USER), handle(2)),
    )
    assert handled == [1, 2]
