"""Read-only views the service hands to the CLI and the bot (no ORM objects leave storage)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article as listed under an event or a search hit."""

    id: int
    title: str
    source: str
    location: str
    published: datetime


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One stored article with its summary."""

    id: int
    title: str
    source: str
    location: str
    published: datetime
    published_estimated: bool
    language: str
    body: str
    summary: tuple[str, ...]
    event_id: int | None
    duplicate_of: int | None = None


@dataclass(frozen=True, slots=True)
class DigestLine:
    """One digest sentence with the article and outlet it comes from."""

    text: str
    article_id: int
    source: str


@dataclass(frozen=True, slots=True)
class EventView:
    """An event: headline, sources, time span, importance and digest."""

    id: int
    story_id: int | None
    title: str
    first_seen: datetime
    last_seen: datetime
    importance: float
    sources: tuple[str, ...]
    articles: tuple[ArticleRef, ...]
    digest: tuple[DigestLine, ...]
    nothing_new: bool = False


@dataclass(frozen=True, slots=True)
class StoryView:
    """A story: its events in time order."""

    id: int
    title: str
    events: tuple[EventView, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A full-text search hit with a highlighted snippet."""

    article: ArticleRef
    snippet: str
    rank: float


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """One input that failed: where, the kind of failure (summarizer.errors), the one-line error."""

    location: str
    kind: str
    message: str


@dataclass(frozen=True, slots=True)
class IngestReport:
    """Counts of one ingest run, the failed inputs and the files skipped as unsupported."""

    new: int = 0
    duplicate: int = 0
    failed: int = 0
    errors: tuple[str, ...] = field(default=())
    article_ids: tuple[int, ...] = field(default=())
    failures: tuple[IngestFailure, ...] = field(default=())
    skipped: tuple[str, ...] = field(default=())
