"""Immutable values that move through the pipeline (ingest -> clean -> summarise -> store)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class RawInput:
    """One input as read from disk, a feed or the web, before cleaning.

    Attributes:
        location: the path or URL exactly as the user gave it (or the feed entry's link).
        content: decoded text of the file or page.
        kind: "text", "html" or "feed".
        source: outlet name or host when known ("" when not).
        title: title given by a feed entry ("" when not).
        published: time given by metadata or the feed, UTC-aware, or None.
        written: when the copy itself was last written (a file's modification time, a server's
            Last-Modified), UTC-aware, or None: no published time, only a bound on one.
        masthead: the site's name a plain text's title line gives
            (summarizer.ingest.outlet.masthead_in_title) once read, so that a batch reads it
            once; None when not read yet.
    """

    location: str
    content: str
    kind: str
    source: str = ""
    title: str = ""
    published: datetime | None = None
    written: datetime | None = None
    masthead: str | None = None


@dataclass(frozen=True, slots=True)
class CleanedText:
    """Output of a cleaner: the title and the article body as paragraphs."""

    title: str
    paragraphs: tuple[str, ...]

    @property
    def body(self) -> str:
        """The body text, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article, ready to summarise and store.

    Attributes:
        published: UTC-aware time of publication.
        published_estimated: True when the time is a guess: ingestion time stands in for a
            missing cue, or a dateline gave no year.
        published_date_only: True when the cue gave a day and no time of day (the time is
            midnight UTC of that day, and views show the day alone).
        fingerprint: hex digest of the normalised body (exact duplicates share it).
    """

    title: str
    body: str
    source: str
    location: str
    published: datetime
    published_estimated: bool
    language: str
    fingerprint: str
    summary: tuple[str, ...] = field(default=())
    published_date_only: bool = False


@dataclass(frozen=True, slots=True)
class Validators:
    """Conditional-GET validators remembered from the last fetch of a URL."""

    etag: str | None = None
    last_modified: str | None = None
