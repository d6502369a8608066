"""Tables and keyword-only data access for bot chats: settings, subscriptions, topics, schedules.

Deliveries carry a unique (chat_id, slot) key: claiming the row before sending is what keeps a
scheduled briefing from going out twice, across restarts and concurrent bot processes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import BigInteger, Column, ForeignKey, UniqueConstraint, func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, col, select

from summarizer.store.types import UTCDateTime

CLAIMED = "claimed"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"
SKIPPED = "skipped"


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _chat_fk() -> Column[int]:
    return Column(BigInteger, ForeignKey("chat.id", ondelete="CASCADE"), nullable=False, index=True)


class Chat(SQLModel, table=True):
    """A Telegram chat (private, group, supergroup or channel) and its briefing settings."""

    __tablename__ = "chat"

    id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    kind: str = Field(default="private", max_length=20)
    title: str = Field(default="", max_length=200)
    timezone: str = Field(default="UTC", max_length=64)
    words: int | None = None
    quiet_days: str = Field(default="", max_length=40)
    created_at: datetime = Field(default_factory=_utcnow, sa_type=UTCDateTime)


class ChatSubscription(SQLModel, table=True):
    """Whether a chat receives scheduled briefings, and why that last changed."""

    __tablename__ = "chat_subscription"

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=_chat_fk())
    active: bool = True
    changed_at: datetime = Field(default_factory=_utcnow, sa_type=UTCDateTime)
    reason: str = Field(default="", max_length=300)

    __table_args__ = (UniqueConstraint("chat_id", name="uq_chat_subscription_chat"),)


class ChatTopic(SQLModel, table=True):
    """A keyword a chat follows: briefings favour events that mention it."""

    __tablename__ = "chat_topic"

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=_chat_fk())
    keyword: str = Field(max_length=100)

    __table_args__ = (UniqueConstraint("chat_id", "keyword", name="uq_chat_topic"),)


class ChatSchedule(SQLModel, table=True):
    """One local delivery time (HH:MM) of a chat, read in the chat's timezone."""

    __tablename__ = "chat_schedule"

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=_chat_fk())
    local_time: str = Field(max_length=5)

    __table_args__ = (UniqueConstraint("chat_id", "local_time", name="uq_chat_schedule"),)


class ChatDelivery(SQLModel, table=True):
    """One scheduled briefing of one chat: claimed, then sent, failed or skipped."""

    __tablename__ = "chat_delivery"

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=_chat_fk())
    slot: datetime = Field(sa_type=UTCDateTime)
    status: str = Field(default=CLAIMED, max_length=20)
    claimed_at: datetime = Field(default_factory=_utcnow, sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # When the briefing's content was computed: the next one carries what is new since then.
    content_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    attempts: int = 1
    messages: int = 0
    error: str = Field(default="", max_length=500)

    __table_args__ = (UniqueConstraint("chat_id", "slot", name="uq_chat_delivery_slot"),)


@dataclass(frozen=True, slots=True)
class ChatInfo:
    """A chat's settings as the bot reads them."""

    id: int
    kind: str
    title: str
    timezone: str
    times: tuple[str, ...]
    topics: tuple[str, ...]
    words: int | None
    quiet_days: tuple[str, ...]
    subscribed: bool
    subscribed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class DeliveryInfo:
    """One delivery row as the bot reads it."""

    chat_id: int
    slot: datetime
    status: str
    claimed_at: datetime
    sent_at: datetime | None
    attempts: int


def _info(session: Session, chat: Chat) -> ChatInfo:
    times = session.exec(
        select(ChatSchedule.local_time)
        .where(ChatSchedule.chat_id == chat.id)
        .order_by(col(ChatSchedule.local_time))
    ).all()
    topics = session.exec(
        select(ChatTopic.keyword).where(ChatTopic.chat_id == chat.id).order_by(col(ChatTopic.id))
    ).all()
    sub = session.exec(select(ChatSubscription).where(ChatSubscription.chat_id == chat.id)).first()
    return ChatInfo(
        id=chat.id,
        kind=chat.kind,
        title=chat.title,
        timezone=chat.timezone,
        times=tuple(times),
        topics=tuple(topics),
        words=chat.words,
        quiet_days=tuple(d for d in chat.quiet_days.split(",") if d),
        subscribed=bool(sub and sub.active),
        subscribed_at=sub.changed_at if sub and sub.active else None,
    )


def ensure_chat(
    *,
    session: Session,
    chat_id: int,
    kind: str,
    title: str,
    default_timezone: str,
    default_times: Sequence[str],
) -> ChatInfo:
    """Return a chat's settings, creating the chat with the default schedule when it is new.

    Args:
        session: open database session.
        chat_id: Telegram chat id.
        kind: private, group, supergroup or channel.
        title: chat title or user name, for /stats and logs.
        default_timezone: IANA zone for a new chat.
        default_times: HH:MM delivery times for a new chat.

    Returns:
        The chat's settings.
    """
    chat = session.get(Chat, chat_id)
    if chat is None:
        chat = Chat(id=chat_id, kind=kind, title=title[:200], timezone=default_timezone)
        session.add(chat)
        session.flush()
        for value in dict.fromkeys(default_times):
            session.add(ChatSchedule(chat_id=chat_id, local_time=value))
        try:
            session.commit()
        except IntegrityError:  # created concurrently by another handler or process
            session.rollback()
            chat = session.get(Chat, chat_id)
            assert chat is not None
    return _info(session, chat)


def get_chat(*, session: Session, chat_id: int) -> ChatInfo | None:
    """Return a chat's settings, or None for a chat the bot has never seen."""
    chat = session.get(Chat, chat_id)
    return None if chat is None else _info(session, chat)


def subscribed_chats(*, session: Session) -> list[ChatInfo]:
    """Return every chat with an active subscription, by id."""
    rows = session.exec(
        select(Chat)
        .join(ChatSubscription, col(ChatSubscription.chat_id) == col(Chat.id))
        .where(col(ChatSubscription.active).is_(True))
        .order_by(col(Chat.id))
    ).all()
    return [_info(session, chat) for chat in rows]


def set_subscription(
    *,
    session: Session,
    chat_id: int,
    active: bool,
    reason: str = "",
    now: datetime | None = None,
) -> None:
    """Turn a chat's subscription on or off, recording why (e.g. "blocked: Forbidden") and when."""
    sub = session.exec(select(ChatSubscription).where(ChatSubscription.chat_id == chat_id)).first()
    if sub is None:
        sub = ChatSubscription(chat_id=chat_id)
    sub.active = active
    sub.reason = reason[:300]
    sub.changed_at = now or _utcnow()
    session.add(sub)
    session.commit()


def add_topics(*, session: Session, chat_id: int, keywords: Sequence[str]) -> None:
    """Follow keywords (lower-cased; ones already followed are kept once)."""
    known = set(session.exec(select(ChatTopic.keyword).where(ChatTopic.chat_id == chat_id)).all())
    for word in dict.fromkeys(k.lower() for k in keywords):
        if word and word not in known:
            session.add(ChatTopic(chat_id=chat_id, keyword=word[:100]))
    session.commit()


def remove_topics(*, session: Session, chat_id: int, keywords: Sequence[str] = ()) -> int:
    """Drop followed keywords (all of them when none are given); return how many were dropped."""
    query = select(ChatTopic).where(ChatTopic.chat_id == chat_id)
    if keywords:
        query = query.where(col(ChatTopic.keyword).in_([k.lower() for k in keywords]))
    rows = session.exec(query).all()
    for row in rows:
        session.delete(row)
    session.commit()
    return len(rows)


def set_times(*, session: Session, chat_id: int, times: Sequence[str]) -> None:
    """Replace a chat's local delivery times (HH:MM strings, already validated)."""
    for row in session.exec(select(ChatSchedule).where(ChatSchedule.chat_id == chat_id)).all():
        session.delete(row)
    session.flush()
    for value in dict.fromkeys(times):
        session.add(ChatSchedule(chat_id=chat_id, local_time=value))
    session.commit()


def update_chat(
    *,
    session: Session,
    chat_id: int,
    timezone: str | None = None,
    words: int | None = None,
    quiet_days: Sequence[str] | None = None,
) -> None:
    """Change a chat's timezone, digest length or quiet days (None leaves a field as it is)."""
    chat = session.get(Chat, chat_id)
    if chat is None:
        raise LookupError(f"chat {chat_id} is not known; send /start first")
    if timezone is not None:
        chat.timezone = timezone
    if words is not None:
        chat.words = words
    if quiet_days is not None:
        chat.quiet_days = ",".join(quiet_days)
    session.add(chat)
    session.commit()


def migrate_chat(*, session: Session, old_id: int, new_id: int) -> bool:
    """Move a group's settings, topics, times and deliveries to its new supergroup id.

    Args:
        session: open database session.
        old_id: the group's id before Telegram upgraded it.
        new_id: the supergroup's id.

    Returns:
        True when something moved; False when the old chat is unknown or the new one exists.
    """
    old = session.get(Chat, old_id)
    if old is None or session.get(Chat, new_id) is not None:
        return False
    session.add(
        Chat(
            id=new_id,
            kind="supergroup",
            title=old.title,
            timezone=old.timezone,
            words=old.words,
            quiet_days=old.quiet_days,
            created_at=old.created_at,
        )
    )
    session.flush()
    for model in (ChatSubscription, ChatTopic, ChatSchedule, ChatDelivery):
        session.exec(update(model).where(col(model.chat_id) == old_id).values(chat_id=new_id))
    session.flush()
    session.expire_all()
    session.delete(session.get(Chat, old_id))
    session.commit()
    return True


def claim_delivery(*, session: Session, chat_id: int, slot: datetime, now: datetime) -> bool:
    """Claim a (chat, slot) delivery; return False when it was already claimed by anyone."""
    session.add(ChatDelivery(chat_id=chat_id, slot=slot, claimed_at=now))
    try:
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
        update(ChatDelivery)
        .where(
            col(ChatDelivery.chat_id) == chat_id,
            col(ChatDelivery.slot) == slot,
            col(ChatDelivery.status).in_((CLAIMED, SENDING)),
            col(ChatDelivery.claimed_at) < stale_before,
        )
        .values(claimed_at=now, attempts=ChatDelivery.attempts + 1)
    )
    session.commit()
    return bool(result.rowcount)


def mark_progress(
    *, session: Session, chat_id: int, slot: datetime, sent_parts: int, now: datetime
) -> None:
    """Record that a delivery is sending and how many of its parts Telegram has accepted.

    Written before the first part and after each one; it also renews the claim, so a live
    sender's row never looks stale however long pacing or a RetryAfter makes it wait.
    """
    session.exec(
        update(ChatDelivery)
        .where(col(ChatDelivery.chat_id) == chat_id, col(ChatDelivery.slot) == slot)
        .values(status=SENDING, messages=sent_parts, claimed_at=now)
    )
    session.commit()


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
        update(ChatDelivery)
        .where(col(ChatDelivery.chat_id) == chat_id, col(ChatDelivery.slot) == slot)
        .values(
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
            col(ChatDelivery.status).in_((CLAIMED, SENDING)),
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


def chat_counts(*, session: Session) -> dict[str, int]:
    """Return counts for /stats: chats, subscribed chats and deliveries by status."""
    counts = {
        "chats": session.exec(select(func.count()).select_from(Chat)).one(),
        "subscribed": session.exec(
            select(func.count())
            .select_from(ChatSubscription)
            .where(col(ChatSubscription.active).is_(True))
        ).one(),
    }
    for status, number in session.exec(
        select(ChatDelivery.status, func.count()).group_by(col(ChatDelivery.status))
    ).all():
        counts[f"deliveries_{status}"] = number
    return counts


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
