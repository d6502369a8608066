"""bot.store.chats on SQLite and PostgreSQL: settings, claims that hold under races."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.store import chats, deliveries
from bot.store import tables as chat_tables
from bot.store.values import ChatInfo
from summarizer.store.db import create_schema, make_engine

pytestmark = pytest.mark.clock

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


@pytest.fixture
def db(database_url: str) -> Iterator[Engine]:
    """A migrated database of each kind."""
    engine = make_engine(database_url)
    create_schema(engine)
    yield engine
    engine.dispose()


def _new_chat(session: Session, chat_id: int = 42) -> ChatInfo:
    return chats.ensure_chat(
        session=session,
        chat_id=chat_id,
        kind="private",
        title="Ada",
        default_timezone="Europe/Paris",
        default_times=["08:00", "08:00", "18:30"],
    )


def test_settings_topics_times_and_subscription(db: Engine) -> None:
    with Session(db) as session:
        info = _new_chat(session)
        assert (info.times, info.timezone, info.subscribed) == (
            ("08:00", "18:30"),
            "Europe/Paris",
            False,
        )
        assert _new_chat(session).times == ("08:00", "18:30")  # existing chats keep theirs
        chats.add_topics(session=session, chat_id=42, keywords=["Rail", "bridge", "rail"])
        assert chats.remove_topics(session=session, chat_id=42, keywords=["BRIDGE"]) == 1
        chats.set_times(session=session, chat_id=42, times=["07:15"])
        chats.update_chat(
            session=session, chat_id=42, timezone="Asia/Tokyo", words=60, quiet_days=["sat"]
        )
        chats.set_subscription(session=session, chat_id=42, active=True, now=NOW)
        assert chats.get_chat(session=session, chat_id=42) == ChatInfo(
            id=42,
            kind="private",
            title="Ada",
            timezone="Asia/Tokyo",
            times=("07:15",),
            topics=("rail",),
            words=60,
            quiet_days=("sat",),
            subscribed=True,
            subscribed_at=NOW,
        )
        assert [c.id for c in chats.subscribed_chats(session=session)] == [42]
        chats.set_subscription(session=session, chat_id=42, active=False, reason="blocked")
        assert chats.subscribed_chats(session=session) == []
        assert chats.get_chat(session=session, chat_id=7) is None
        with pytest.raises(LookupError):
            chats.update_chat(session=session, chat_id=7, words=1)


def test_delivery_claims_once_and_remembers_the_last_briefing(db: Engine) -> None:
    slot = NOW
    with Session(db) as session:
        _new_chat(session)
        assert deliveries.last_sent(session=session, chat_id=42) is None
        assert deliveries.claim_delivery(session=session, chat_id=42, slot=slot, now=NOW)
        assert not deliveries.claim_delivery(session=session, chat_id=42, slot=slot, now=NOW)
        stale = deliveries.stale_claims(
            session=session,
            claimed_before=NOW + timedelta(minutes=10),
            slot_after=NOW - timedelta(hours=2),
        )
        assert [(d.chat_id, d.slot) for d in stale] == [(42, slot)]
        # a live claim is not taken over; a stale one is, by exactly one taker
        assert not deliveries.reclaim_delivery(
            session=session, chat_id=42, slot=slot, stale_before=NOW, now=NOW
        )
        later = NOW + timedelta(minutes=10)
        assert deliveries.reclaim_delivery(
            session=session, chat_id=42, slot=slot, stale_before=later, now=later
        )
        assert not deliveries.reclaim_delivery(
            session=session, chat_id=42, slot=slot, stale_before=later, now=later
        )
        deliveries.finish_delivery(
            session=session, chat_id=42, slot=slot, status=chat_tables.SENT, now=later, messages=2
        )
        assert deliveries.last_sent(session=session, chat_id=42) == later
        (row,) = deliveries.deliveries(session=session, chat_id=42)
        assert (row.status, row.attempts, row.sent_at) == (chat_tables.SENT, 2, later)
        assert chats.chat_counts(session=session)["deliveries_sent"] == 1


def test_concurrent_claims_of_one_slot_have_one_winner(db: Engine) -> None:
    with Session(db) as session:
        _new_chat(session)
    wins: list[bool] = []
    start = threading.Barrier(6)

    def claim() -> None:
        with Session(db) as session:
            start.wait()
            wins.append(deliveries.claim_delivery(session=session, chat_id=42, slot=NOW, now=NOW))

    threads = [threading.Thread(target=claim) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(wins) == [False] * 5 + [True]


def test_group_migration_moves_everything(db: Engine) -> None:
    with Session(db) as session:
        chats.ensure_chat(
            session=session,
            chat_id=-5,
            kind="group",
            title="Desk",
            default_timezone="UTC",
            default_times=["09:00"],
        )
        chats.add_topics(session=session, chat_id=-5, keywords=["port"])
        chats.set_subscription(session=session, chat_id=-5, active=True, now=NOW)
        deliveries.claim_delivery(session=session, chat_id=-5, slot=NOW, now=NOW)
        assert chats.migrate_chat(session=session, old_id=-5, new_id=-1005)
        assert not chats.migrate_chat(session=session, old_id=-5, new_id=-1005)
        assert chats.get_chat(session=session, chat_id=-5) is None
        moved = chats.get_chat(session=session, chat_id=-1005)
        assert moved is not None
        assert (moved.kind, moved.title, moved.times, moved.topics, moved.subscribed) == (
            "supergroup",
            "Desk",
            ("09:00",),
            ("port",),
            True,
        )
        assert [d.slot for d in deliveries.deliveries(session=session, chat_id=-1005)] == [NOW]


def test_renewed_claims_are_not_taken_over_and_finished_rows_stay_finished(db: Engine) -> None:
    first, second = NOW, NOW + timedelta(hours=1)
    later = NOW + timedelta(minutes=10)
    with Session(db) as session:
        _new_chat(session)
        assert deliveries.begin_delivery(session=session, chat_id=42, slot=first, now=NOW)
        assert deliveries.begin_delivery(session=session, chat_id=42, slot=second, now=NOW)
        deliveries.finish_delivery(
            session=session, chat_id=42, slot=second, status=chat_tables.SENT, now=NOW
        )
        keys = [(42, first), (42, second)]
        assert deliveries.renew_claims(session=session, keys=keys, now=later) == 1
        # ten minutes on, the renewed claim is a live one: nobody may take it over
        assert not deliveries.begin_delivery(
            session=session, chat_id=42, slot=first, now=later, stale_before=later
        )
        rows = {d.slot: d for d in deliveries.deliveries(session=session, chat_id=42)}
        assert rows[first].claimed_at == later and rows[first].status == chat_tables.CLAIMED
        assert rows[second].claimed_at == NOW and rows[second].status == chat_tables.SENT


def test_a_released_claim_is_taken_over_at_once_and_keeps_its_progress(db: Engine) -> None:
    later = NOW + timedelta(seconds=5)  # far younger than any claim timeout
    with Session(db) as session:
        _new_chat(session)
        assert deliveries.begin_delivery(session=session, chat_id=42, slot=NOW, now=NOW)
        deliveries.mark_progress(session=session, chat_id=42, slot=NOW, sent_parts=1, now=NOW)
        deliveries.release_delivery(session=session, chat_id=42, slot=NOW)
        # a heartbeat that read the claim before the release does not take it back
        assert deliveries.renew_claims(session=session, keys=[(42, NOW)], now=later) == 0
        stale_before = later - timedelta(minutes=5)
        (row,) = deliveries.stale_claims(
            session=session, claimed_before=stale_before, slot_after=NOW - timedelta(hours=2)
        )
        assert (row.slot, row.status) == (NOW, chat_tables.SENDING)
        claim = deliveries.begin_delivery(
            session=session, chat_id=42, slot=NOW, now=later, stale_before=stale_before
        )
        assert claim is not None and claim.sent_parts == 1


def test_begin_delivery_reads_progress_and_what_is_new_since(db: Engine) -> None:
    first, second = NOW, NOW + timedelta(days=1)
    with Session(db) as session:
        _new_chat(session)
        claim = deliveries.begin_delivery(session=session, chat_id=42, slot=first, now=NOW)
        assert claim == deliveries.Claim(sent_parts=0, since=None)
        computed = NOW + timedelta(seconds=5)
        deliveries.finish_delivery(
            session=session,
            chat_id=42,
            slot=first,
            status=chat_tables.SENT,
            now=NOW,
            messages=1,
            content_at=computed,
        )
        assert not deliveries.begin_delivery(session=session, chat_id=42, slot=first, now=NOW)
        # a crashed sender got two parts out of the second slot; the retake resumes after them
        assert deliveries.begin_delivery(session=session, chat_id=42, slot=second, now=second)
        deliveries.mark_progress(session=session, chat_id=42, slot=second, sent_parts=2, now=second)
        later = second + timedelta(minutes=10)
        retake = deliveries.begin_delivery(
            session=session, chat_id=42, slot=second, now=later, stale_before=later
        )
        assert retake == deliveries.Claim(sent_parts=2, since=computed)


def test_language_is_kept_moved_with_a_group_and_forget_deletes_everything(db: Engine) -> None:
    with Session(db) as session:
        assert _new_chat(session).language is None
        chats.update_chat(session=session, chat_id=42, language="uk")
        chats.add_topics(session=session, chat_id=42, keywords=["rail", "-strike"])
        chats.set_subscription(session=session, chat_id=42, active=True, now=NOW)
        deliveries.begin_delivery(session=session, chat_id=42, slot=NOW, now=NOW)
        assert chats.migrate_chat(session=session, old_id=42, new_id=-10042)
        moved = chats.get_chat(session=session, chat_id=-10042)
        assert moved is not None and moved.language == "uk"
        _new_chat(session, chat_id=7)
        assert chats.forget_chat(session=session, chat_id=-10042)
        assert chats.get_chat(session=session, chat_id=-10042) is None
        assert chats.chat_counts(session=session) == {"chats": 1, "subscribed": 0}
        assert not chats.forget_chat(session=session, chat_id=-10042)
        assert chats.get_chat(session=session, chat_id=7) is not None
