"""Values of event and story digests: the articles going in and the lines coming out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class DigestDoc:
    """One article as a digest sees it.

    Attributes:
        published: UTC-aware publication time.
        published_estimated: the time is a guess (no year in the dateline, or ingestion time).
        published_date_only: the source gave a day and no time of day.
        event_id: the event the article belongs to (story digests group lines by it).
    """

    article_id: int
    title: str
    body: str
    source: str
    published: datetime
    published_estimated: bool = False
    published_date_only: bool = False
    event_id: int | None = None


@dataclass(frozen=True, slots=True)
class DigestLine:
    """One digest line, from the digest to every view: its text, article, outlet and date.

    Attributes:
        text: the sentence (datelines removed).
        article_id: the article it was taken from.
        source: that article's outlet.
        published: that article's publication time (None only in hand-built views).
        event_id: the article's event, when the digest spans several events (a story's).
        published_estimated: the time is a guess.
        published_date_only: only the day is known.
    """

    text: str
    article_id: int
    source: str
    published: datetime | None = None
    event_id: int | None = None
    published_estimated: bool = False
    published_date_only: bool = False


@dataclass(frozen=True, slots=True)
class EventDigest:
    """The digest of one event (or of a story's events).

    Attributes:
        headline: the title of the most central article.
        lines: the chosen sentences: in an event's digest the best line that can open a text
            first, then the others by article time and position; in a story's, all by time.
        sources: distinct outlets of the articles, by first appearance in time.
        first_seen: time of the earliest article.
        last_seen: time of the latest article.
        nothing_new: True when asked for what is new and nothing is.
    """

    headline: str
    lines: tuple[DigestLine, ...]
    sources: tuple[str, ...]
    first_seen: datetime
    last_seen: datetime
    nothing_new: bool

    @property
    def text(self) -> str:
        """The lines joined as one paragraph."""
        return " ".join(line.text for line in self.lines)
