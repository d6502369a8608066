"""Keyword-only data access for scheduled deliveries: claim, progress, outcome and history.

A delivery is one (chat, slot) row. It is claimed before anything is sent (the unique key makes
exactly one claimant win, across processes), renewed while its sender lives, and finished with its
outcome, so a crashed sender's rows can be told from a live one's and taken over. A sender that
stops cleanly releases what it could not finish, for the next run to take over at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, Update, func, insert, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.store.tables import CLAIMED, SENDING, SENT, ChatDelivery
from bot.store.values import DeliveryInfo

# The claim time of a released delivery: older than any claim timeout, so any run takes it over.
RELEASED = datetime(1970, 1, 1, tzinfo=UTC)
_UNFINISHED = col(ChatDelivery.status).in_((CLAIMED, SENDING))  # claimed, not yet finished


@dataclass(frozen=True, slots=True)
class Claim:
    """A delivery this run now owns: how far an earlier attempt got, and what is new since when."""

    sent_parts: int
    since: datetime | None


def begin_delivery(
    *,
    session: Session,
    chat_id: int,
    slot: datetime,
    now: datetime,
    stale_before: datetime | None = None,
) -> Claim | None:
    """Claim a delivery, or take over a stale one, and read what sending it needs.

    One call (one worker-thread hop) instead of claim, progress and last-content reads: the
    write comes first and is committed on its own, so no read transaction ever has to upgrade
    to a write (SQLite would answer that with "database is locked" rather than wait).

    Args:
        session: open database session.
        chat_id: the chat.
        slot: the scheduled instant; with the chat, the row's unique key.
        now: the claim time.
        stale_before: take over a row left 'claimed' or 'sending' before this (a dead
            sender's) instead of claiming a new one.

    Returns:
        The claim, or None when another run owns or finished the delivery.
    """
    if stale_before is None:
        if not claim_delivery(session=session, chat_id=chat_id, slot=slot, now=now):
            return None
        done = 0
    else:
        taken = reclaim_delivery(
            session=session, chat_id=chat_id, slot=slot, stale_before=stale_before, now=now
        )
        if not taken:
            return None
        done = delivery_progress(session=session, chat_id=chat_id, slot=slot)
    return Claim(sent_parts=done, since=last_content_time(session=session, chat_id=chat_id))


def claim_delivery(*, session: Session, chat_id: int, slot: datetime, now: datetime) -> bool:
    """Claim a (chat, slot) delivery; return False when it was already claimed by anyone."""
    row = {"chat_id": chat_id, "slot": slot, "status": CLAIMED, "claimed_at": now}
    row |= {"attempts": 1, "messages": 0, "error": ""}
    try:
        session.execute(insert(ChatDelivery).values(**row))
        session.commit()
    except IntegrityError:
        session.rollback()
        return False
    return True


def reclaim_delivery(
    *, session: Session, chat_id: int, slot: datetime, stale_before: datetime, now: datetime
) -> bool:
    """Take over a delivery left 'claimed' or 'sending' before stale_before (a crashed sender).

    Atomic: of several processes retaking one row, exactly one gets True.
    """
    result = session.exec(
        _one_delivery(
            chat_id, slot, _UNFINISHED, col(ChatDelivery.claimed_at) < stale_before
        ).values(claimed_at=now, attempts=ChatDelivery.attempts + 1)
    )
    session.commit()
    return bool(result.rowcount)


def mark_progress(
    *, session: Session, chat_id: int, slot: datetime, sent_parts: int, now: datetime
) -> None:
    """Record that a delivery is sending and how many of its parts Telegram has accepted.

    Written after each part but the last (whose record is the outcome); it also renews the
    claim (as does the sender's heartbeat, `renew_claims`).
    """
    session.exec(
        _one_delivery(chat_id, slot).values(status=SENDING, messages=sent_parts, claimed_at=now)
    )
    session.commit()


def release_delivery(*, session: Session, chat_id: int, slot: datetime) -> None:
    """Give up an unfinished claim (its sender is stopping): the next run takes it over at once.

    The row keeps its status and its count of accepted parts, so the run that takes it over
    resumes after the last part Telegram accepted, as after a crash, without waiting for the
    claim to time out.
    """
    session.exec(_one_delivery(chat_id, slot, _UNFINISHED).values(claimed_at=RELEASED))
    session.commit()


def renew_claims(*, session: Session, keys: Sequence[tuple[int, datetime]], now: datetime) -> int:
    """Renew this sender's unfinished claims: a live sender's rows must never look stale.

    A claimed chat may wait a long time for its turn (the flood limit, a RetryAfter), so the
    sender renews every claim it holds on a heartbeat, not only when a part goes out.

    Args:
        session: open database session.
        keys: the (chat id, slot) rows this sender is handling.
        now: the new claim time.

    Returns:
        How many rows were renewed (finished rows are left alone).
    """
    renewed = 0
    for chat_id, slot in keys:
        result = session.exec(
            _one_delivery(
                chat_id,
                slot,
                _UNFINISHED,
                col(ChatDelivery.claimed_at) > RELEASED,  # a heartbeat late for a release
            ).values(claimed_at=now)
        )
        renewed += result.rowcount
    session.commit()
    return renewed


def delivery_progress(*, session: Session, chat_id: int, slot: datetime) -> int:
    """How many parts of a delivery Telegram has accepted (0 when none or no row)."""
    value = session.exec(
        select(ChatDelivery.messages).where(
            col(ChatDelivery.chat_id) == chat_id, col(ChatDelivery.slot) == slot
        )
    ).first()
    return int(value or 0)


def last_content_time(*, session: Session, chat_id: int) -> datetime | None:
    """When the content of the chat's last sent briefing was computed (its sending time for
    rows written before that was recorded), or None before its first briefing."""
    row = session.exec(
        select(ChatDelivery.content_at, ChatDelivery.sent_at)
        .where(col(ChatDelivery.chat_id) == chat_id, col(ChatDelivery.status) == SENT)
        .order_by(col(ChatDelivery.sent_at).desc())
    ).first()
    if row is None:
        return None
    return _aware(row[0] or row[1])


def finish_delivery(
    *,
    session: Session,
    chat_id: int,
    slot: datetime,
    status: str,
    now: datetime,
    messages: int = 0,
    error: str = "",
    content_at: datetime | None = None,
) -> None:
    """Record how a claimed delivery ended: sent, failed or skipped."""
    session.exec(
        _one_delivery(chat_id, slot).values(
            status=status,
            sent_at=now if status == SENT else None,
            content_at=content_at,
            messages=messages,
            error=error[:500],
        )
    )
    session.commit()


def stale_claims(
    *, session: Session, claimed_before: datetime, slot_after: datetime
) -> list[DeliveryInfo]:
    """Deliveries still 'claimed' or 'sending' since before a time, for slots after another."""
    rows = session.exec(
        select(ChatDelivery).where(
            _UNFINISHED,
            col(ChatDelivery.claimed_at) < claimed_before,
            col(ChatDelivery.slot) > slot_after,
        )
    ).all()
    return [_delivery(row) for row in rows]


def deliveries(*, session: Session, chat_id: int) -> list[DeliveryInfo]:
    """Return a chat's delivery rows, oldest slot first."""
    rows = session.exec(
        select(ChatDelivery).where(ChatDelivery.chat_id == chat_id).order_by(col(ChatDelivery.slot))
    ).all()
    return [_delivery(row) for row in rows]


def last_sent(*, session: Session, chat_id: int) -> datetime | None:
    """Return when the chat's last briefing went out, or None before its first."""
    value = session.exec(
        select(func.max(ChatDelivery.sent_at)).where(
            col(ChatDelivery.chat_id) == chat_id, col(ChatDelivery.status) == SENT
        )
    ).first()
    return _aware(value)


def _one_delivery(chat_id: int, slot: datetime, *where: ColumnElement[bool]) -> Update:
    """An UPDATE of one chat's delivery of one slot, where `where` holds too."""
    return (
        update(ChatDelivery)
        .execution_options(synchronize_session=False)  # no loaded rows to keep in step
        .where(col(ChatDelivery.chat_id) == chat_id, col(ChatDelivery.slot) == slot, *where)
    )


def _aware(value: datetime | str | None) -> datetime | None:
    # func.max() bypasses the column type on SQLite and may hand back a naive value or a string.
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _delivery(row: ChatDelivery) -> DeliveryInfo:
    return DeliveryInfo(
        chat_id=row.chat_id,
        slot=row.slot,
        status=row.status,
        claimed_at=row.claimed_at,
        sent_at=row.sent_at,
        attempts=row.attempts,
    )
