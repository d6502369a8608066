"""Incremental event clustering: each new article joins the best open event or opens a new one."""

from __future__ import annotations

import heapq
import logging
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from summarizer.events.features import (
    DocumentFrequencies,
    Vector,
    cosine,
    doc_features,
    squared_length,
    top,
    weigh,
)
from summarizer.timemath import shift

logger = logging.getLogger(__name__)

#: Default similarity an article needs to join an event (cosine of TF-IDF, time-discounted).
DEFAULT_THRESHOLD = 0.2

_QUERY_FEATURES = 25  # a new article looks up events by its heaviest features only
_INDEX_FEATURES = 60  # an event is findable by its heaviest centroid features
_CENTROID_FEATURES = 300  # centroids are pruned to bound memory and time per event


@dataclass(frozen=True, slots=True)
class EventDoc:
    """One article as event clustering sees it.

    Attributes:
        published: UTC-aware time of publication.
        language: ISO 639-1 code.
    """

    article_id: int
    title: str
    body: str
    source: str
    published: datetime
    language: str = "en"


@dataclass(frozen=True, slots=True)
class EventAssignment:
    """Where an article went: its event's key, whether that event is new, and the match score."""

    event_key: int
    is_new: bool
    score: float


class _Event:
    """Mutable state of one open event (internal)."""

    __slots__ = ("centroid", "first", "indexed", "key", "last", "norm", "size", "touched")

    def __init__(self, key: int, time: datetime) -> None:
        self.key = key
        self.centroid: Vector = {}
        self.norm = 0.0
        self.size = 0
        self.first = time
        self.last = time
        self.indexed: frozenset[str] = frozenset()
        self.touched = 0  # the index's add count when an article last joined

    def add(self, vector: Vector, time: datetime) -> None:
        centroid = self.centroid
        for feature, weight in vector.items():
            centroid[feature] = centroid.get(feature, 0.0) + weight
        if len(centroid) > 2 * _CENTROID_FEATURES:
            self.centroid = centroid = top(centroid, _CENTROID_FEATURES)
        self.norm = squared_length(centroid) ** 0.5
        self.size += 1
        self.first = min(self.first, time)
        self.last = max(self.last, time)

    def similarity(self, vector: Vector) -> float:
        if self.norm == 0.0:
            return 0.0
        return cosine(vector, self.centroid) / self.norm


class EventIndex:
    """Groups articles into events as they arrive, comparing each only with recent open events.

    An article's score against an event is the cosine between its TF-IDF vector (terms, entities,
    numbers; document frequencies grow with every article) and the event's centroid, discounted
    linearly by up to 30% as the article's time moves away from the event's span, and zero beyond
    the window. Events whose last article is older than the window before the newest time seen are
    closed and forgotten, so the cost per article depends on recent traffic, not on history.
    Articles may arrive in any order: an event also stays open while it has gained an article
    within the last `grace_adds` additions, so a late article (older than the window before the
    newest) can still join an event near its own time, and late articles of one happening that
    arrive together still meet. Open events are thus bounded by the window's traffic plus
    `grace_adds`.
    """

    def __init__(
        self,
        *,
        window: timedelta = timedelta(days=3),
        threshold: float = DEFAULT_THRESHOLD,
        next_key: int = 1,
        grace_adds: int = 500,
    ) -> None:
        """Create an empty index.

        Args:
            window: how far in time an article may be from an event's span and still join it.
            threshold: the lowest score that joins an event; below it a new event opens.
            next_key: the key the next new event gets.
            grace_adds: an event gaining an article stays open for at least this many additions.
        """
        if window <= timedelta(0):
            raise ValueError("window must be positive, e.g. timedelta(days=3)")
        self.window = window
        self.threshold = threshold
        self.next_key = next_key
        self.grace_adds = grace_adds
        self.frequencies = DocumentFrequencies()
        self._events: dict[int, _Event] = {}
        self._postings: dict[str, set[int]] = {}
        self._expiry: list[tuple[datetime, int]] = []
        self._grace: deque[tuple[int, int]] = deque()
        self._adds = 0
        self._newest: datetime | None = None

    @property
    def open_events(self) -> int:
        """How many events are still open (within the window of the newest article)."""
        return len(self._events)

    def profile(self, event_key: int) -> Vector:
        """Return an open event's profile (its unit-length centroid), e.g. for `StoryLinker`.

        Args:
            event_key: the key of an open event.

        Returns:
            The feature vector; empty when the event is closed or unknown.
        """
        event = self._events.get(event_key)
        if event is None or event.norm == 0.0:
            return {}
        return {k: v / event.norm for k, v in event.centroid.items()}

    def add(self, doc: EventDoc) -> EventAssignment:
        """Assign one article to an event.

        Args:
            doc: the article; its `published` must be timezone-aware.

        Returns:
            The event it joined or opened, and its score (0.0 for a new event with no match).
        """
        vector = self._vector(doc)
        best_key, best_score = self._best_match(vector, doc.published)
        if best_key is not None and best_score >= self.threshold:
            event = self._events[best_key]
            is_new = False
        else:
            event = self._open(doc.published)
            is_new = True
        self._adds += 1
        self._join(event, vector, doc.published)
        self._see(doc.published)
        return EventAssignment(event_key=event.key, is_new=is_new, score=round(best_score, 6))

    def restore(self, events: Iterable[tuple[int, Sequence[EventDoc]]], next_key: int) -> None:
        """Rebuild the state from stored recent events, replacing the current state.

        Args:
            events: (event key, its articles) pairs, for example the events of the last window.
            next_key: the key the next new event gets (above every stored key).
        """
        self.frequencies = DocumentFrequencies()
        self._events.clear()
        self._postings.clear()
        self._expiry.clear()
        self._grace.clear()
        self._newest = None
        for key, docs in sorted(events, key=lambda pair: pair[0]):
            ordered = sorted(docs, key=lambda d: (d.published, d.article_id))
            if not ordered:
                continue
            event = _Event(key, ordered[0].published)
            self._events[key] = event
            for doc in ordered:
                self._join(event, self._vector(doc), doc.published)
                self._see(doc.published)
        self.next_key = max([next_key, *(key + 1 for key in self._events)])

    def _vector(self, doc: EventDoc) -> Vector:
        if doc.published.tzinfo is None:
            raise ValueError(f"article {doc.article_id}: published must be timezone-aware (UTC)")
        counts = doc_features(doc.title, doc.body, doc.language)
        self.frequencies.observe(counts)
        return weigh(counts, self.frequencies)

    def _best_match(self, vector: Vector, time: datetime) -> tuple[int | None, float]:
        candidates: set[int] = set()
        for feature in top(vector, _QUERY_FEATURES):
            candidates.update(self._postings.get(feature, ()))
        best_key: int | None = None
        best_score = 0.0
        window = self.window.total_seconds()
        for key in sorted(candidates):
            event = self._events[key]
            distance = max(0.0, (event.first - time).total_seconds())
            distance = max(distance, (time - event.last).total_seconds())
            if distance > window:
                continue
            score = event.similarity(vector) * (1.0 - 0.3 * distance / window)
            if score > best_score:
                best_key, best_score = key, score
        return best_key, best_score

    def _open(self, time: datetime) -> _Event:
        event = _Event(self.next_key, time)
        self.next_key += 1
        self._events[event.key] = event
        return event

    def _join(self, event: _Event, vector: Vector, time: datetime) -> None:
        event.add(vector, time)
        event.touched = self._adds
        indexed = frozenset(top(event.centroid, _INDEX_FEATURES))
        for feature in event.indexed - indexed:
            postings = self._postings[feature]
            postings.discard(event.key)
            if not postings:
                del self._postings[feature]
        for feature in indexed - event.indexed:
            self._postings.setdefault(feature, set()).add(event.key)
        event.indexed = indexed
        heapq.heappush(self._expiry, (event.last, event.key))

    def _see(self, time: datetime) -> None:
        if self._newest is None or time > self._newest:
            self._newest = time
        cutoff = shift(self._newest, -self.window)
        recent = self._adds - self.grace_adds
        while self._expiry and self._expiry[0][0] < cutoff:
            last, key = heapq.heappop(self._expiry)
            event = self._events.get(key)
            if event is None or event.last != last:
                continue  # already closed, or a newer entry for the same event is in the heap
            if event.touched > recent:
                self._grace.append((event.touched, key))  # close once the grace has passed
            else:
                self._close(event)
        while self._grace and self._grace[0][0] <= recent:
            touched, key = self._grace.popleft()
            event = self._events.get(key)
            if event is not None and event.touched == touched and event.last < cutoff:
                self._close(event)

    def _close(self, event: _Event) -> None:
        for feature in event.indexed:
            postings = self._postings[feature]
            postings.discard(event.key)
            if not postings:
                del self._postings[feature]
        del self._events[event.key]
