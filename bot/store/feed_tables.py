"""Tables of feeds per chat: which chat follows which feed, whether a chat reads only its own
feeds, and the channel it posts to.

Chat feeds reference the `feed` rows (one row per address, `active` only for the operator's
global feeds), so an address followed by many chats is stored once and polled once, with the
operator's feeds, under their leases and backoff (summarizer.polling, which finds the feeds
chats follow through summarizer.store.seam); the articles each feed brought are the domain's
(summarizer.store.models.FeedArticle).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.store.tables import utcnow
from summarizer.store.models import key_to
from summarizer.store.types import UTCDateTime


def _chat_fk(*, primary: bool = False) -> Column[int]:
    return key_to("chat.id", BigInteger, primary=primary, index=not primary)


def _feed_fk(*, primary: bool = False) -> Column[int]:
    return key_to("feed.id", primary=primary, index=not primary)


class ChatFeed(SQLModel, table=True):
    """A feed a chat follows, with the title it was given (from the feed or an OPML file)."""

    __tablename__ = "chat_feed"
    __table_args__ = (UniqueConstraint("chat_id", "feed_id", name="uq_chat_feed"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=_chat_fk())
    feed_id: int = Field(sa_column=_feed_fk())
    title: str = Field(default="", max_length=200)
    added_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ChatReading(SQLModel, table=True):
    """What a chat's briefings draw on: its own feeds only, or those plus the operator's."""

    __tablename__ = "chat_reading"

    chat_id: int = Field(sa_column=_chat_fk(primary=True))
    own_feeds_only: bool = False


class ChatChannel(SQLModel, table=True):
    """The channel that receives a chat's scheduled briefings instead of the chat itself."""

    __tablename__ = "chat_channel"

    chat_id: int = Field(sa_column=_chat_fk(primary=True))
    channel_id: int = Field(sa_column=Column(BigInteger, nullable=False, unique=True))
    title: str = Field(default="", max_length=200)
    set_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


__all__ = [
    "ChatChannel",
    "ChatFeed",
    "ChatReading",
]
