"""SQLModel tables of the domain: sources, articles, copies, summaries, events, stories, feeds."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel

from summarizer.store.types import UTCDateTime


def key_to(
    target: str,
    kind: type[Integer] | type[BigInteger] = Integer,
    *,
    primary: bool = False,
    index: bool = True,
) -> Column[int]:
    """A column that refers to `target` ("table.id"): its row goes with the row it names.

    Args:
        target: the referred column.
        kind: its type (BigInteger for Telegram's chat ids).
        primary: part of the row's primary key.
        index: indexed on its own (a primary key's first column needs no index of its own).
    """
    return Column(
        kind,
        ForeignKey(target, ondelete="CASCADE"),
        nullable=False,
        index=index,
        primary_key=primary,
        autoincrement=False,
    )


def utcnow() -> datetime:
    """Return the current time, UTC-aware."""
    return datetime.now(UTC)


class Source(SQLModel, table=True):
    """An outlet (name or host) articles come from."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=200)


class Story(SQLModel, table=True):
    """A thread of events that continue one another."""

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(sa_column=Column(Text, nullable=False))
    first_seen: datetime = Field(sa_type=UTCDateTime)
    last_seen: datetime = Field(sa_type=UTCDateTime)


class Event(SQLModel, table=True):
    """One happening reported by one or more outlets."""

    __table_args__ = (Index("ix_event_last_seen", "last_seen"),)

    id: int | None = Field(default=None, primary_key=True)
    story_id: int | None = Field(default=None, foreign_key="story.id", index=True)
    title: str = Field(sa_column=Column(Text, nullable=False))
    first_seen: datetime = Field(sa_type=UTCDateTime)
    last_seen: datetime = Field(sa_type=UTCDateTime)
    article_count: int = 0
    source_count: int = 0
    profile_json: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Article(SQLModel, table=True):
    """A cleaned article (one row per distinct story text)."""

    __table_args__ = (Index("ix_article_published", "published"),)

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(sa_column=Column(Text, nullable=False))
    body: str = Field(sa_column=Column(Text, nullable=False))
    source_id: int = Field(foreign_key="source.id", index=True)
    location: str = Field(sa_column=Column(Text, nullable=False))
    published: datetime = Field(sa_type=UTCDateTime)
    published_estimated: bool = False
    published_date_only: bool = False
    language: str = Field(default="", max_length=16)
    fingerprint: str = Field(index=True, unique=True, max_length=64)
    event_id: int | None = Field(default=None, foreign_key="event.id", index=True)
    ingested_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # Its event features as JSON (summarizer.store.features); None: stored before they were.
    features: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class ArticleCopy(SQLModel, table=True):
    """A near-duplicate (syndicated copy, other boilerplate) linked to its original."""

    __table_args__ = (UniqueConstraint("fingerprint", name="uq_articlecopy_fingerprint"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    source_id: int = Field(foreign_key="source.id")
    location: str = Field(sa_column=Column(Text, nullable=False))
    fingerprint: str = Field(max_length=64)
    similarity: float
    seen_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # The feed chats follow that brought the copy (None: the operator's feeds or files): its
    # outlet is named only to readers of the whole store (summarizer.store.ranking.copy_sources).
    feed_id: int | None = None


class Summary(SQLModel, table=True):
    """An extractive summary of one article for one method and length."""

    __table_args__ = (UniqueConstraint("article_id", "method", "length", name="uq_summary_spec"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    method: str = Field(max_length=32)
    length: str = Field(max_length=32)
    sentences_json: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Feed(SQLModel, table=True):
    """An operator's RSS/Atom feed: its polling schedule, lease and health.

    One process at a time polls a feed: it holds the lease (`lease_owner` until
    `leased_until`); a failing feed's `next_poll` backs off exponentially (summarizer.polling).
    Conditional-GET validators live in FetchCache like every fetched URL's (`etag` and
    `last_modified` here are unused and kept for old rows).
    """

    __table_args__ = (Index("ix_feed_due", "active", "next_poll"),)

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(index=True, unique=True, max_length=2000)
    etag: str | None = Field(default=None, max_length=500)
    last_modified: str | None = Field(default=None, max_length=100)
    last_polled: datetime | None = Field(default=None, sa_type=UTCDateTime)
    active: bool = True
    title: str | None = Field(default=None, max_length=200)
    interval_minutes: float | None = None  # None: the configured feeds.poll_minutes
    next_poll: datetime | None = Field(default=None, sa_type=UTCDateTime)  # None: due now
    leased_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    lease_owner: str | None = Field(default=None, max_length=200)
    failures: int = 0  # failed polls in a row
    last_error: str | None = Field(default=None, max_length=500)
    last_success: datetime | None = Field(default=None, sa_type=UTCDateTime)


class FetchCache(SQLModel, table=True):
    """Conditional-GET validators of fetched article URLs."""

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(index=True, unique=True, max_length=2000)
    etag: str | None = Field(default=None, max_length=500)
    last_modified: str | None = Field(default=None, max_length=100)
    fetched_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class SourceLine(SQLModel, table=True):
    """How many stored plain-text articles of a source carried a short line (page furniture)."""

    __table_args__ = (UniqueConstraint("source_id", "line_key", name="uq_sourceline_key"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    line_key: str = Field(max_length=16)
    articles: int = 0


class ArticleShingle(SQLModel, table=True):
    """One stored shingle hash of an article's text (see `fingerprint.stored_shingles`).

    Near-duplicate candidates of a new text are the articles sharing one of its shingles: an
    indexed lookup (the primary key starts with the shingle), whatever the number of articles.
    """

    __tablename__ = "article_shingle"

    shingle: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    article_id: int = Field(sa_column=key_to("article.id", primary=True))


class IngestState(SQLModel, table=True):
    """One row: a counter every ingest transaction raises (see summarizer.store.ingest_state).

    A process keeps its event and story indexes in memory between ingests; when the counter
    moved past what it wrote last (another process ingested meanwhile) it catches up.
    The origin the indexes grow from is in its own table (`IngestOrigin`): raising the counter
    then rewrites this small row alone, not the origin's megabytes with it.
    """

    __tablename__ = "ingest_state"

    id: int = Field(default=1, primary_key=True)
    version: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))
    # Raised by every write that can change which articles a chat's reading opens (a feed's
    # links to the articles it brought, an operator feed added or removed): with `version`,
    # what the bot keys the readings it shares on (bot.store.chat_feeds.reader).
    links: int = Field(
        default=0, sa_column=Column(BigInteger, nullable=False, default=0, server_default="0")
    )


class IngestOrigin(SQLModel, table=True):
    """At most one row: the ingest origin (see summarizer.store.ingest_state).

    The restore point every process's indexes grow from: the counter when it was written, the
    newest article it covers, and what the indexes were rebuilt from (a process joining
    replays the articles stored after it, so all hold the same indexes). No row: none stored.
    """

    __tablename__ = "ingest_origin"

    id: int = Field(default=1, primary_key=True)
    serial: int = Field(sa_column=Column(BigInteger, nullable=False))
    article: int = Field(sa_column=Column(BigInteger, nullable=False))
    state: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class StorySum(SQLModel, table=True):
    """A story's sums as a rebuild placed it, kept for the next rebuild (summarizer.store.
    story_sums): taken as they are while `digest` still matches what they were made from.

    No key to the story: a row is a cache, and a rebuild deletes those of stories no longer
    among the recent ones (pruned or merged stories included).
    """

    __tablename__ = "story_sum"

    story_id: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    digest: str = Field(sa_column=Column(Text, nullable=False))
    text: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    posted: str = Field(sa_column=Column(Text, nullable=False))
    held: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    checksum: int = Field(sa_column=Column(BigInteger, nullable=False))  # CRC-32 of the row


class PruneMark(SQLModel, table=True):
    """When a prune ran (in its own time) and the newest furniture line count then.

    Line counts have no time of their own: a later prune finds which ones were first seen
    before its cutoff from the mark of a prune run at or before that cutoff.
    """

    __tablename__ = "prune_mark"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=UTCDateTime, index=True)
    line_id: int = 0  # the largest sourceline.id at that moment


class FeedArticle(SQLModel, table=True):
    """An article a feed brought first (written for feeds chats follow: what those chats read)."""

    __tablename__ = "feed_article"

    feed_id: int = Field(sa_column=key_to("feed.id", primary=True, index=False))
    article_id: int = Field(sa_column=key_to("article.id", primary=True))
