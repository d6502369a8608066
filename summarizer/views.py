"""Read-only views the service hands to the CLI and the bot (no ORM objects leave storage)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from summarizer.events.values import DigestLine
from summarizer.outlets import outlet_key

__all__ = [
    "UNKNOWN_OUTLET",
    "ArticleRef",
    "ArticleView",
    "DigestLine",
    "EventView",
    "FeedStatus",
    "IngestReport",
    "PollReport",
    "PruneReport",
    "RankedEvent",
    "SearchHit",
    "StoryView",
    "distinct_outlets",
    "names_outlet",
    "shown_outlet",
]

#: The source name stored for an article whose input named no outlet; readers are shown
#: "outlet unknown" in their language instead (summarizer.cli.render, bot.format).
UNKNOWN_OUTLET = "unknown"


def names_outlet(name: str) -> bool:
    """Whether a stored source name is an outlet's (not UNKNOWN_OUTLET: no input named one)."""
    return bool(name) and name != UNKNOWN_OUTLET


def shown_outlet(name: str, unknown: str = "outlet unknown") -> str:
    """An outlet's name as a reader sees it: `unknown` (a text in the reader's language) when
    no input named the outlet."""
    return name if names_outlet(name) else unknown


def distinct_outlets(texts: Iterable[tuple[str, Sequence[str]]]) -> tuple[str, ...]:
    """An event's outlets for its readers, first seen first: each outlet once, however the
    inputs spelled it (summarizer.outlets.outlet_key: "Wired" and "WIRED"), and no
    outlet for an unnamed copy of a text: a text's outlets are those its article's and its
    copies' inputs named, UNKNOWN_OUTLET only when none did (whichever of them came first).

    The store counts an event's sources by the same rule (summarizer.store.events).

    Args:
        texts: the event's articles in time order, each as its outlet (UNKNOWN_OUTLET for one
            whose input named none) and the outlets of the copies linked to it.

    Returns:
        The names as first written: the articles' outlets, then their copies'.
    """
    originals: list[str] = []
    named_copies: list[str] = []
    for original, copies in texts:
        named = [name for name in copies if names_outlet(name)]
        if names_outlet(original) or not named:
            originals.append(original)
        named_copies += named
    shown: dict[str, str] = {}
    for name in [*originals, *named_copies]:
        shown.setdefault(outlet_key(name), name)
    return tuple(shown.values())


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article as listed under an event or a search hit.

    Attributes:
        published_estimated: the time is a guess (no year in the dateline, or ingestion time).
        published_date_only: the source gave a day and no time of day.
    """

    id: int
    title: str
    source: str
    location: str
    published: datetime
    published_estimated: bool = False
    published_date_only: bool = False


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
    published_date_only: bool = False


@dataclass(frozen=True, slots=True)
class EventView:
    """An event: headline, sources, time span, importance and digest.

    Attributes:
        importance: the one score that ranks events (summarizer.events.rank), the same in every
            command and in the bot.
        first_seen_estimated: the earliest time is a guess; first_seen_date_only: only its
            day is known (the same for last_seen).
    """

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
    first_seen_estimated: bool = False
    first_seen_date_only: bool = False
    last_seen_estimated: bool = False
    last_seen_date_only: bool = False


@dataclass(frozen=True, slots=True)
class RankedEvent:
    """An event's place in the ranking without its digest: its id and its articles' ids."""

    id: int
    article_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class StoryView:
    """A story: a digest of all its events ("catch me up"), then its events in time order."""

    id: int
    title: str
    events: tuple[EventView, ...] = field(default=())
    digest: tuple[DigestLine, ...] = field(default=())


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
    # The stored articles the duplicates are (exactly, or as near-duplicates linked as copies).
    duplicate_of: tuple[int, ...] = field(default=())
    # The address (or path) of each duplicate, in duplicate_of's order.
    duplicate_locations: tuple[str, ...] = field(default=())
    # The fingerprints of the near-duplicates linked as copies in this call.
    copies: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class FeedStatus:
    """One operator feed as listed: its schedule and health.

    Attributes:
        interval_minutes: its own polling interval (the configured default when None).
        next_poll: when it is due next (None: now); after failures, the backed-off retry.
        failures: failed polls in a row (0 when the last poll worked).
        last_error: the one-line error of the last failed poll ("" when it worked).
        polling_by: the process holding its lease now ("" when none).
    """

    url: str
    title: str = ""
    active: bool = True
    interval_minutes: float | None = None
    last_polled: datetime | None = None
    last_success: datetime | None = None
    next_poll: datetime | None = None
    failures: int = 0
    last_error: str = ""
    polling_by: str = ""


@dataclass(frozen=True, slots=True)
class PollReport:
    """What one polling run did: the feeds it polled and what their ingest gave."""

    polled: int = 0
    new: int = 0
    duplicate: int = 0
    failed: int = 0  # inputs that failed (a feed that could not be fetched counts one)
    errors: tuple[str, ...] = field(default=())
    failing: tuple[FeedStatus, ...] = field(default=())  # feeds whose poll failed, after it


@dataclass(frozen=True, slots=True)
class PruneReport:
    """What pruning removed (or, on a dry run, would remove) before `before`."""

    before: datetime
    articles: int = 0
    copies: int = 0
    summaries: int = 0
    events: int = 0
    stories: int = 0
    furniture_lines: int = 0
    fetch_validators: int = 0
    deliveries: int = 0  # chats' delivery records of old slots
    dry_run: bool = False
