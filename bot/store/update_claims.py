"""Keyword-only data access for handled Telegram updates: claim them, forget old claims."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import delete, insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.store.tables import HandledUpdate
from summarizer.store.db import begin_write

# Telegram keeps an unconfirmed update for 24 hours; a claim older than two days can never
# meet its update again, and an idle bot's update ids restart at random after a week.
KEEP_CLAIMS = timedelta(days=2)


def claim_update(*, session: Session, bot_id: int, update_id: int, now: datetime) -> bool:
    """Claim an update for this process; return False when another process already took it."""
    try:
        session.execute(
            insert(HandledUpdate).values(bot_id=bot_id, update_id=update_id, claimed_at=now)
        )
        session.commit()
    except IntegrityError:
        session.rollback()
        return False
    return True


def claim_updates(
    *, session: Session, bot_id: int, update_ids: Iterable[int], now: datetime
) -> set[int]:
    """Claim several updates in one transaction; return those this process took.

    One commit for a whole getUpdates batch instead of one per update. On SQLite the write lock
    is taken first, so no other process claims between the read and the insert; elsewhere a
    concurrent claim shows as a key conflict, and the updates are then claimed one by one.
    """
    wanted = sorted(set(update_ids))
    if not wanted:
        return set()
    try:
        begin_write(session)
        taken = set(
            session.exec(
                select(HandledUpdate.update_id).where(
                    HandledUpdate.bot_id == bot_id, col(HandledUpdate.update_id).in_(wanted)
                )
            )
        )
        fresh = [update_id for update_id in wanted if update_id not in taken]
        if fresh:
            session.execute(
                insert(HandledUpdate),
                [{"bot_id": bot_id, "update_id": i, "claimed_at": now} for i in fresh],
            )
        session.commit()
        return set(fresh)
    except IntegrityError:
        session.rollback()
        return {
            update_id
            for update_id in wanted
            if claim_update(session=session, bot_id=bot_id, update_id=update_id, now=now)
        }


def forget_old_claims(*, session: Session, now: datetime) -> int:
    """Delete claims older than KEEP_CLAIMS; return how many went."""
    result = session.exec(
        delete(HandledUpdate).where(col(HandledUpdate.claimed_at) < now - KEEP_CLAIMS)
    )
    session.commit()
    return int(result.rowcount)
