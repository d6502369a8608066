"""Keyword-only data access for handled Telegram updates: claim one, forget old claims."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from summarizer.store.chat_tables import HandledUpdate

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


def forget_old_claims(*, session: Session, now: datetime) -> int:
    """Delete claims older than KEEP_CLAIMS; return how many went."""
    result = session.exec(
        delete(HandledUpdate).where(col(HandledUpdate.claimed_at) < now - KEEP_CLAIMS)
    )
    session.commit()
    return int(result.rowcount)
