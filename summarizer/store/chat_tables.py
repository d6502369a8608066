"""Tables and values of bot chats: settings, subscriptions, topics, schedules and deliveries.

Deliveries carry a unique (chat_id, slot) key: claiming the row before sending is what keeps a
scheduled briefing from going out twice, across restarts and concurrent bot processes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import BigInteger, Column, ForeignKey, UniqueConstraint
from sqlmodel import Field, SQLModel

from summarizer.store.types import UTCDateTime

CLAIMED = "claimed"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"
SKIPPED = "skipped"


def utcnow() -> datetime:
    """Return the current time, UTC-aware."""
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
    # The catalogue of bot.i18n its messages are shown in; None until /start or /settings.
    language: str | None = Field(default=None, max_length=8)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ChatSubscription(SQLModel, table=True):
    """Whether a chat receives scheduled briefings, and why that last changed."""

    __tablename__ = "chat_subscription"

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=_chat_fk())
    active: bool = True
    changed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
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
    claimed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # When the briefing's content was computed: the next one carries what is new since then.
    content_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    attempts: int = 1
    messages: int = 0
    error: str = Field(default="", max_length=500)

    __table_args__ = (UniqueConstraint("chat_id", "slot", name="uq_chat_delivery_slot"),)


class HandledUpdate(SQLModel, table=True):
    """A Telegram update one bot process took on: the key stops a second process answering it.

    Two processes polling with one token can both receive an update (the second fetches it
    before the first confirms it), and Telegram redelivers a webhook call it saw fail.
    """

    __tablename__ = "handled_update"

    bot_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    update_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    claimed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


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
    language: str | None = None


@dataclass(frozen=True, slots=True)
class DeliveryInfo:
    """One delivery row as the bot reads it."""

    chat_id: int
    slot: datetime
    status: str
    claimed_at: datetime
    sent_at: datetime | None
    attempts: int
