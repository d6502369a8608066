"""Each Telegram update is answered by one bot process: a claimed update is dropped unanswered."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.updates import bot_id_of
from summarizer.store.chat_tables import HandledUpdate
from summarizer.store.update_claims import KEEP_CLAIMS, claim_update, forget_old_claims
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
