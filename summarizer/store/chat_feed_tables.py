"""Tables of feeds per chat: which chat follows which feed, the articles each feed brought,
whether a chat reads only its own feeds, and the channel it posts to.

Chat feeds reference the `feed` rows (one row per address, `active` only for the operator's
global feeds), so an address followed by many chats is stored once and polled once, with the
operator's feeds, under their leases and backoff (summarizer.polling).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import BigInteger, Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from summarizer.store.chat_tables import utcnow
from summarizer.store.types import UTCDateTime


def _chat_fk(*, primary: bool = False) -> Column[int]:
    return Column(
        BigInteger,
        ForeignKey("chat.id", ondelete="CASCADE"),
        nullable=False,
        index=not primary,
        primary_key=primary,
        autoincrement=False,
    )


def _feed_fk(*, primary: bool = False) -> Column[int]:
    return Column(
        Integer,
        ForeignKey("feed.id", ondelete="CASCADE"),
        nullable=False,
        index=not primary,
        primary_key=primary,
        autoincrement=False,
    )


class ChatFeed(SQLModel, table=True):
    """A feed a chat follows, with the title it was given (from the feed or an OPML file)."""

    __tablename__ = "chat_feed"
    __table_args__ = (UniqueConstraint("chat_id", "feed_id", name="uq_chat_feed"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=_chat_fk())
    feed_id: int = Field(sa_column=_feed_fk())
    title: str = Field(default="", max_length=200)
    added_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class FeedArticle(SQLModel, table=True):
    """An article a feed brought first: which chats' feeds an article belongs to."""

    __tablename__ = "feed_article"

    feed_id: int = Field(sa_column=_feed_fk(primary=True))
    article_id: int = Field(
        sa_column=Column(
            Integer,
            ForeignKey("article.id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
            index=True,
        )
    )


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


@dataclass(frozen=True, slots=True)
class ChatFeedInfo:
    """A chat's feed as /feeds lists it: its number in the list, address, title and state."""

    number: int
    url: str
    title: str
    polled_at: datetime | None
    succeeded_at: datetime | None
    error: str
    operator_feed: bool  # also one of the operator's global feeds (polled with those)


__all__ = [
    "ChatChannel",
    "ChatFeed",
    "ChatFeedInfo",
    "ChatReading",
    "FeedArticle",
]
