"""Values of event digests: the articles going in and the digest coming out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class DigestDoc:
    """One article of an event, as the digest sees it (`published` is UTC-aware)."""

    article_id: int
    title: str
    body: str
    source: str
    published: datetime


@dataclass(frozen=True, slots=True)
class DigestSentence:
    """One digest line with the article and outlet it was taken from."""

    text: str
    article_id: int
    source: str


@dataclass(frozen=True, slots=True)
class EventDigest:
    """The digest of one event.

    Attributes:
        headline: the title of the most central article.
        lines: the chosen sentences, ordered by article time, then position.
        sources: distinct outlets of the event, by first appearance in time.
        first_seen: time of the earliest article.
        last_seen: time of the latest article.
        nothing_new: True when asked for what is new and nothing is.
    """

    headline: str
    lines: tuple[DigestSentence, ...]
    sources: tuple[str, ...]
    first_seen: datetime
    last_seen: datetime
    nothing_new: bool

    @property
    def text(self) -> str:
        """The lines joined as one paragraph."""
        return " ".join(line.text for line in self.lines)
