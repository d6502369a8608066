"""Incremental event clustering: each new article joins the best open event or opens a new one."""

from __future__ import annotations

import heapq
import logging
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from summarizer.events.cosines import TOLERANCE, Cosines
from summarizer.events.features import (
    ENTITY,
    FEATURES_VERSION,
    KIND_WEIGHTS,
    MENTION_LETTERS,
    TERM,
    WEEKDAY_KEYS,
    ArticleFeatures,
    DocumentFrequencies,
    Vector,
    article_features,
    cosine,
    normalise,
    story_counts,
    top,
    weigh,
)
from summarizer.events.index import (
    CentroidIndex,
    Item,
    aware_time,
    item_state,
    json_object,
    load_item,
)
from summarizer.timemath import shift

logger = logging.getLogger(__name__)

#: Lowest score that joins an event: the article's mean similarity with the event's articles
#: (the mean of the terms' and the names' TF-IDF cosines), time-discounted.
DEFAULT_THRESHOLD = 0.2
#: Factor on the score when each side names someone or somewhere central that the other never
#: mentions (Magadan against Cherepovets, Putin against Lukashenko): same subject, another
#: happening. When the two sides' titles open with different people, neither named in the
#: other's titles (McCririck out, Stallone evicted), no score joins them (see `_actors_differ`).
#: The factor is also taken when the two titles open with different subjects, people or not,
#: that the other side never uses (bookmakers' tips against critics' picks, see
#: `_subjects_differ`).
CONFLICT_FACTOR = 1 / 3
#: Fewest particulars (see `features.particulars`) the two sides' openings must share when each
#: gives more than that; sharing fewer, they share the subject and not the happening, and
#: the score takes CONFLICT_FACTOR. One shared rare word is the subject's name ("Arsenal", "Lib
#: Dems") as often as the happening's; two already tell one happening (its actor and the deed,
#: "Roddick" and "Gilbert", "MCI" and "takeover").
SHARED_PARTICULARS = 2
#: Factor on the score when both sides date what they tell (a day and month of the article's
#: year, in the title or lead) and share no such day, or both name weekdays (in the title or
#: the first `LEAD_WORDS` words) and share none: the same subject on another day (a city's
#: self-isolation index on 4 May against 9 May; a trial's witness on Monday against the
#: directors' settlement on Thursday), so another happening. An event's days are those at
#: least half of its articles name (see `_weekdays_differ`).
DATE_CONFLICT_FACTOR = CONFLICT_FACTOR
#: Largest share of the score that time takes off within the window.
TIME_DISCOUNT = 0.3
#: Lowest headline support that joins an event (see `Item.headline_support`): each side's
#: headline must be told by the other side, so two reports that share a subject but say
#: different things happened (a protest's turnout, a ministry's warning) stay apart.
HEADLINE_SUPPORT = 0.55
#: Score at which an article joins whatever the headlines say: the two texts share most of
#: their weighted words and names (one report rewritten under another headline), and their
#: openings tell one happening (see `_openings_differ`).
CLOSE_SCORE = 0.55

_QUERY_FEATURES = 25  # a new article looks up events by its heaviest features only
_INDEX_FEATURES = 60  # an event is findable by its heaviest centroid features
_CENTROID_FEATURES = 300  # centroids are pruned to bound memory and time per event
#: The version of how the index sums what it holds (`EventIndex.state`): raise it whenever a
#: change would make other sums, postings or queues from the same articles, so that a stored
#: state of another version is refused and the index is rebuilt from the articles.
STATE_VERSION = 4


@dataclass(frozen=True, slots=True)
class EventDoc:
    """One article as event clustering sees it.

    Attributes:
        published: UTC-aware time of publication.
        language: ISO 639-1 code.
        features: `article_features(title, body, language, year=published.year)` when
            already read (an ingest worker reads them); None: read when the article is added.
    """

    article_id: int
    title: str
    body: str
    source: str
    published: datetime
    language: str = "en"
    features: ArticleFeatures | None = None


def stored_features(doc: EventDoc) -> ArticleFeatures | None:
    """A stored article's features for a rebuild: its own, else computed from its text.

    An article whose features cannot be computed (a bug met by a text stored before it could
    be caught) is left out of the rebuild with a warning, so one such row never stops every
    later ingest: the rebuild reads every stored article of the window on each one.

    Args:
        doc: a stored article.

    Returns:
        Its features, or None when computing them raised.
    """
    if doc.features is not None:
        return doc.features
    try:
        return article_features(doc.title, doc.body, doc.language, year=doc.published.year)
    except Exception as exc:  # any bug: one bad row is skipped, never fatal to the rebuild
        logger.warning("skipping article %s in the rebuild: %r", doc.article_id, exc)
        return None


@dataclass(frozen=True, slots=True)
class EventAssignment:
    """Where an article went.

    Attributes:
        event_key: the event the article belongs to now.
        is_new: True when the article opened this event.
        score: the article's score with the event it joined (0.0 for a new event).
        merged: keys of one-article events folded into `event_key` by this call (their article
            now belongs to `event_key`; the keys are gone).
    """

    event_key: int
    is_new: bool
    score: float
    merged: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """How well an article fits an event, part by part.

    Attributes:
        similarity: mean dot product of the article's vector with the event's articles' vectors
            (the mean of the terms' and the names' cosines).
        terms: cosine of the terms alone with the event's centroid (what happened).
        names: cosine of the names and numbers alone (who, where, how many).
        conflict: each side names someone or somewhere central that the other never mentions.
        discount: time factor, 1.0 within the event's span, down to 1 - TIME_DISCOUNT at the
            window's edge, 0.0 beyond it.
        support: how well the article's headline and the event's headlines are told by the
            other side (see `Item.headline_support`).
        dates_differ: both sides name days of their year and share none.
        weekdays_differ: both sides name weekdays and share none.
        first_fits: the article passes both tests with the event's first article too (always
            True for an event of one article).
        actors_differ: the two sides' titles open with different people, neither named in
            the other side's titles (see `_actors_differ`): the score is 0.
        particulars_differ: each side's opening gives more than SHARED_PARTICULARS particulars
            and they share fewer (see `_particulars_differ`).
        openings_differ: as `particulars_differ`, with a two-word name both give counted
            once (see `_openings_differ`): a close score then does not join without the
            headlines.
        headlines_differ: each side's headlines give a rare word the other side's headlines
            lack and its titles and leads never use (see `_headlines_differ`): the headlines
            do not support the join, whatever their support.
        subjects_differ: the two sides' titles open with different words that the other
            side's titles and leads never use (see `_subjects_differ`).
    """

    similarity: float
    terms: float
    names: float
    conflict: bool
    discount: float
    support: float
    dates_differ: bool = False
    weekdays_differ: bool = False
    first_fits: bool = True
    actors_differ: bool = False
    particulars_differ: bool = False
    openings_differ: bool = False
    headlines_differ: bool = False
    subjects_differ: bool = False

    @property
    def score(self) -> float:
        """The score compared with the threshold (0.0 when the actors differ)."""
        if self.actors_differ:
            return 0.0
        return (
            self.similarity
            * self.discount
            * (
                CONFLICT_FACTOR
                if self.conflict or self.particulars_differ or self.subjects_differ
                else 1.0
            )
            * (DATE_CONFLICT_FACTOR if self.dates_differ or self.weekdays_differ else 1.0)
        )

    @property
    def headlines_agree(self) -> bool:
        """Whether the headlines support the join: each is told by the other side, and not
        both give rare words the other side never tells (see `_headlines_differ`)."""
        return self.support >= HEADLINE_SUPPORT and not self.headlines_differ

    def joins(self, threshold: float = DEFAULT_THRESHOLD) -> bool:
        """Whether the article joins the event: a close score of openings that tell one
        happening, or a score and headlines that agree; and it fits the event's first
        article."""
        score = self.score
        return self.first_fits and (
            (score >= CLOSE_SCORE and not self.openings_differ)
            or (score >= threshold and self.headlines_agree)
        )


class EventIndex:
    """Groups articles into events as they arrive, comparing each only with recent open events.

    An article joins the event it fits best when two tests pass. The score: the article's mean
    similarity with the event's articles (average link: the dot product with the sum of their
    vectors over their number), where a vector is sublinear TF-IDF of two equal halves, terms
    and names (see `features.weigh`); document frequencies grow with every article. A mean,
    unlike the cosine with a normalised centroid, drops as an event's articles drift apart, so
    an event cannot grow into a whole subject. The score is cut to a third when each side has
    a central name (title, or named twice in the lead) that the other never mentions, or when
    the two sides' openings share too few particulars (rare words and numbers), or when their
    titles open with subjects that the other side never uses (`_subjects_differ`), to nothing
    when the two sides' titles are headed by different people (`_actors_differ`), and discounted
    linearly by up to 30% as the article's time moves away from the event's span, zero beyond
    the window. The headlines: each side's headlines must be told by the other
    side's articles (`Item.headline_support`; an article tells its title and the first
    `LEAD_WORDS` words of its body), so reports that share a subject but say that different
    things happened stay apart. The score with the event's first article alone must pass too
    (`_fits_first`), so one close member cannot carry a newcomer into an event on a subject.

    When the article also passes both tests with an open event of one article, and that lone
    article passes them with the event the newcomer joined, it moves in (its own event is
    gone): the outcome then depends less on the order in which articles arrive.

    Events whose last article is older than the window before the newest time seen are closed
    and forgotten, so the cost per article depends on recent traffic, not on history. Articles
    may arrive in any order: an event also stays open while it has gained an article within the
    last `grace_adds` additions, so a late article (older than the window before the newest)
    can still join an event near its own time, and late articles of one happening that arrive
    together still meet. Open events are thus bounded by the window's traffic plus `grace_adds`.
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
        self._window_seconds = window.total_seconds()
        self.threshold = threshold
        self.next_key = next_key
        self.grace_adds = grace_adds
        self.frequencies = DocumentFrequencies()
        self._index = CentroidIndex(
            query_features=_QUERY_FEATURES,
            index_features=_INDEX_FEATURES,
            centroid_features=_CENTROID_FEATURES,
        )
        self._cosines = Cosines()
        self._touched: dict[int, int] = {}  # event -> the add count when it last gained
        # event -> sum of its articles' story vectors (see `profile`), pruned like centroids
        self._stories: dict[int, Vector] = {}
        self._firsts: dict[int, Item] = {}  # event -> its first article (see `_first`)
        self._expiry: list[tuple[datetime, int]] = []
        self._grace: deque[tuple[int, int]] = deque()
        self._adds = 0
        self._newest: datetime | None = None

    @property
    def open_events(self) -> int:
        """How many events are still open (within the window of the newest article)."""
        return len(self._index)

    def keys(self) -> list[int]:
        """The keys of the open events, ascending."""
        return [item.key for item in self._index.items()]

    def profile(self, event_key: int) -> Vector:
        """Return an open event's story profile, e.g. for `StoryLinker`.

        The unit-length sum of its articles' story vectors: weighed as the event's centroid,
        but from `features.story_counts`, where names count as the full names the articles
        give them ("michell obama"), which tells apart stories that events need not.

        Args:
            event_key: the key of an open event.

        Returns:
            The feature vector; empty when the event is closed or unknown.
        """
        return normalise(self._stories.get(event_key, {}))

    def event(self, event_key: int) -> Item | None:
        """An open event as the index keeps it (size, span, centroid), or None."""
        return self._index.get(event_key)

    def add(self, doc: EventDoc) -> EventAssignment:
        """Assign one article to an event.

        Args:
            doc: the article; its `published` must be timezone-aware.

        Returns:
            The event it joined or opened, its score (0.0 for a new event) and the events
            merged into it.
        """
        article, story = self._read(doc)
        matches = self._matches(article)
        if matches:
            score, key = matches[0]
            is_new = False
        else:
            score, key, is_new = 0.0, self.next_key, True
            self.next_key += 1
        self._adds += 1
        self._join(key, article, story)
        key, merged = self._merge_fitting(key, [other for _, other in matches[1:]])
        self._see(doc.published)
        return EventAssignment(
            event_key=key, is_new=is_new, score=round(score, 6), merged=tuple(merged)
        )

    def evidence(self, doc: EventDoc, event_key: int) -> Evidence:
        """How an article fits an open event, part by part, without adding it.

        The article's features count in the document frequencies, as when it is added.

        Raises:
            KeyError: the event is not open.
        """
        event = self._index.get(event_key)
        if event is None:
            raise KeyError(f"event {event_key} is not open")
        article, _ = self._read(doc)
        return Evidence(
            similarity=event.average_link(article),
            terms=_half_cosine(article.centroid, event.centroid, TERM),
            names=_half_cosine(article.centroid, event.centroid, ENTITY),
            conflict=_conflict(article, event),
            actors_differ=_actors_differ(article, event),
            particulars_differ=_particulars_differ(article, event),
            openings_differ=_openings_differ(article, event),
            headlines_differ=_headlines_differ(article, event),
            subjects_differ=_subjects_differ(article, event),
            discount=self._discount(event, article),
            support=event.headline_support(article),
            dates_differ=_dates_differ(article, event),
            weekdays_differ=_weekdays_differ(article, event),
            first_fits=self._fits_first(event, article),
        )

    def restore(self, events: Iterable[tuple[int, Sequence[EventDoc]]], next_key: int) -> None:
        """Rebuild the state from stored recent events, replacing the current state.

        Args:
            events: (event key, its articles) pairs, for example the events of the last window.
            next_key: the key the next new event gets (above every stored key).
        """
        self.frequencies = DocumentFrequencies()
        self._index.clear()
        self._touched.clear()
        self._stories.clear()
        self._firsts.clear()
        self._expiry.clear()
        self._grace.clear()
        self._newest = None
        for key, docs in sorted(events, key=lambda pair: pair[0]):
            for doc in sorted(docs, key=lambda d: (d.published, d.article_id)):
                features = stored_features(doc)
                if features is None:
                    continue
                self._join(key, *self._read(doc, features))
                self._see(doc.published)
        self.next_key = max([next_key, *(item.key + 1 for item in self._index.items())])

    def state(self) -> dict[str, Any]:
        """The index's whole state as JSON values (see `load`): its events with their sums,
        story vectors, first articles, expiry heap, grace queue, counts and frequencies. Some
        values are the index's own (its centroids): serialise them before the next `add`. The
        frequencies are written sorted: they are only looked up, and counted from sets of
        strings, in the per-process hash order (the same index, the same bytes anywhere)."""
        documents, counts = self.frequencies.state()
        return {
            "settings": self._settings(),
            "next_key": self.next_key,
            "documents": documents,
            "frequencies": {feature: counts[feature] for feature in sorted(counts)},
            "index": self._index.state(),
            "touched": list(self._touched.items()),
            "stories": list(self._stories.items()),
            "firsts": [[key, item_state(item)] for key, item in self._firsts.items()],
            "expiry": [[time.isoformat(), key] for time, key in self._expiry],
            "grace": [list(pair) for pair in self._grace],
            "adds": self._adds,
            "newest": None if self._newest is None else self._newest.isoformat(),
        }

    def load(self, state: Mapping[str, Any]) -> None:
        """Replace the state by one `state` gave (of an index with the same settings): every
        part equal, in the same order, so the index decides as that one would.

        Raises:
            ValueError, KeyError or TypeError: `state` is not one `state` gives, or one of an
                index with other settings or of another version of this code (the index is
                left as it was).
        """
        if state["settings"] != self._settings():
            raise ValueError("the stored event index has other settings or another version")
        index = CentroidIndex(
            query_features=_QUERY_FEATURES,
            index_features=_INDEX_FEATURES,
            centroid_features=_CENTROID_FEATURES,
        )
        index.load(state["index"])
        firsts = {int(key): load_item(value) for key, value in state["firsts"]}
        touched = {int(key): int(adds) for key, adds in state["touched"]}
        stories = {int(key): json_object(vector) for key, vector in state["stories"]}
        keys = {item.key for item in index.items()}
        if not touched.keys() == firsts.keys() == keys >= stories.keys():
            raise ValueError("the stored event index's parts name different events")
        frequencies = DocumentFrequencies.of(
            int(state["documents"]), json_object(state["frequencies"])
        )
        next_key = int(state["next_key"])
        expiry = [(aware_time(time), int(key)) for time, key in state["expiry"]]
        grace = deque((int(adds), int(key)) for adds, key in state["grace"])
        adds = int(state["adds"])
        newest = None if state["newest"] is None else aware_time(state["newest"])
        # every part read: only now does the index change
        self.frequencies, self.next_key, self._index = frequencies, next_key, index
        self._cosines = Cosines()
        self._touched, self._stories, self._firsts = touched, stories, firsts
        self._expiry, self._grace, self._adds, self._newest = expiry, grace, adds, newest

    def _settings(self) -> dict[str, Any]:
        """What a stored state was made with (as JSON values): a state of other settings, other
        features or another version of the sums would make this index decide otherwise."""
        return {
            "version": STATE_VERSION,
            "features": FEATURES_VERSION,
            "window": self._window_seconds,
            "threshold": self.threshold,
            "grace_adds": self.grace_adds,
            "sizes": self._index.settings(),
            "weights": dict(sorted(KIND_WEIGHTS.items())),
        }

    def _read(self, doc: EventDoc, features: ArticleFeatures | None = None) -> tuple[Item, Vector]:
        """The article as a one-member item and its story vector (its features count in the
        frequencies); `features` are the article's when already read."""
        if doc.published.tzinfo is None:
            raise ValueError(f"article {doc.article_id}: published must be timezone-aware (UTC)")
        if features is None:
            features = doc.features
        if features is None:
            features = article_features(doc.title, doc.body, doc.language, year=doc.published.year)
        for_story = story_counts(features, doc.language)
        self.frequencies.observe(features.counts.keys() | for_story.keys())
        item = Item.of(
            weigh(features.counts, self.frequencies, language=doc.language),
            time=doc.published,
            names=features.names,
            used=features.tells(),
            opening=features.names_at_once(),
            headline=features.headline,
            dates=features.dates,
            actor=features.actor,
            particulars=features.particulars,
            name_firsts=features.name_firsts,
            subject=features.subject,
            key=doc.article_id,
        )
        return item, weigh(for_story, self.frequencies, language=doc.language)

    def _discount(self, event: Item, other: Item) -> float:
        """Time factor for two items: 1.0 when their spans meet, 0.0 beyond the window."""
        assert event.first is not None and event.last is not None  # every member has a time
        assert other.first is not None and other.last is not None
        if other.last < event.first:
            distance = (event.first - other.last).total_seconds()
        elif other.first > event.last:
            distance = (other.first - event.last).total_seconds()
        else:
            return 1.0  # the spans meet
        window = self._window_seconds
        if distance > window:
            return 0.0
        return 1.0 - TIME_DISCOUNT * distance / window

    def _fit(self, event: Item, other: Item) -> float | None:
        """The score of two items when both tests pass (score and headlines), with the event
        and with its first article (see `_fits_first`), else None."""
        discount = self._discount(event, other)
        if discount == 0.0:
            return None
        score = self._tests(event, other, discount)
        if score is None or not self._fits_first(event, other):
            return None
        return score

    def _fits_first(self, event: Item, other: Item) -> bool:
        """Whether the item's score with the event's first article passes (time aside).

        The mean over an event's articles can pass when the newcomer is close to one member
        and near none of the others: three reports on one subject (a party leader's speech,
        his tour, his tax plans) then chain into one event. The first article is the report
        the event was opened by, so a newcomer must also be close to it: the score (with its
        name and date conflicts) must reach the threshold. The headlines are left to the
        event's test, where every member's words count (two reports of one meeting can word
        their headlines apart, and a third report tells both), and so is time: the event's
        span may have moved on from the first report.
        """
        if event.size < 2:
            return True  # the event is its first article
        first = self._firsts.get(event.key)
        return first is None or self._tests(first, other, 1.0, headlines=False) is not None

    def _tests(
        self, event: Item, other: Item, discount: float, *, headlines: bool = True
    ) -> float | None:
        """The score of two items when both tests pass at this time factor (the score's
        alone without `headlines`), else None."""
        score = event.average_link(other) * discount
        if score < self.threshold:
            return None
        if _actors_differ(other, event):
            return None
        if (
            _conflict(other, event)
            or _particulars_differ(other, event)
            or _subjects_differ(other, event)
        ):
            score *= CONFLICT_FACTOR
            if score < self.threshold:
                return None
        if _dates_differ(other, event) or _weekdays_differ(other, event):
            score *= DATE_CONFLICT_FACTOR
            if score < self.threshold:
                return None
        if (
            headlines
            and (score < CLOSE_SCORE or _openings_differ(other, event))
            and (
                event.headline_support(other) < HEADLINE_SUPPORT or _headlines_differ(other, event)
            )
        ):
            return None
        return score

    def _matches(self, article: Item) -> list[tuple[float, int]]:
        """(score, key) of the open events the article fits, best first (ties: lower key).

        The score is at most the average link (the dot product over the sizes), so an event
        whose estimated cosine (see `Cosines.estimate`), raised by `TOLERANCE`, gives an
        average link below the threshold is not tested: its exact score is below it too.
        """
        found: list[tuple[float, int]] = []
        events = []
        for key in self._index.candidates(article.centroid):
            event = self._index.get(key)
            assert event is not None
            events.append(event)
        estimates = self._cosines.estimate(article.centroid, article.norm, events).tolist()
        for event, estimate in zip(events, estimates, strict=True):
            sizes = event.size * article.size
            ceiling = (estimate + TOLERANCE) * event.norm * article.norm
            if sizes > 0 and ceiling < self.threshold * sizes:
                continue
            score = self._fit(event, article)
            if score is not None:
                found.append((score, event.key))
        found.sort(key=lambda pair: (-pair[0], pair[1]))
        return found

    def _merge_fitting(self, key: int, others: Sequence[int]) -> tuple[int, list[int]]:
        """Move into the article's event each lone article it also matched that fits it whole.

        A report left alone because the one before it told its happening in other words gets
        a second look when the event grows: it moves in when it fits the grown event (both
        tests, against every article there). Events of several articles never merge, so one
        bridging article cannot chain two happenings.
        """
        moved: list[int] = []
        for other_key in others:
            event, other = self._index.get(key), self._index.get(other_key)
            if event is None or other is None or other.size != 1:
                continue
            if self._fit(event, other) is None:
                continue
            self._index.merge(key, other_key)
            self._add_story(key, self._stories.pop(other_key, {}))
            del self._touched[other_key]
            self._first(key, self._firsts.pop(other_key))
            self._touched[key] = self._adds
            kept = self._index.get(key)
            assert kept is not None and kept.last is not None
            heapq.heappush(self._expiry, (kept.last, key))
            moved.append(other_key)
        return key, moved

    def _join(self, key: int, article: Item, story: Vector) -> None:
        event = self._index.absorb(key, article)
        self._add_story(key, story)
        self._touched[key] = self._adds
        self._first(key, article)
        assert event.last is not None
        heapq.heappush(self._expiry, (event.last, key))

    def _first(self, key: int, article: Item) -> None:
        """Keep the event's first article: the earliest published (then the lowest id).

        By time rather than by arrival, so an index restored from stored events (which reads
        them in time order) keeps the same first articles as the index that grouped them.
        """
        first = self._firsts.get(key)
        if first is None or (article.first, article.key) < (first.first, first.key):
            self._firsts[key] = article

    def _see(self, time: datetime) -> None:
        if self._newest is None or time > self._newest:
            self._newest = time
        cutoff = shift(self._newest, -self.window)
        recent = self._adds - self.grace_adds
        while self._expiry and self._expiry[0][0] < cutoff:
            last, key = heapq.heappop(self._expiry)
            event = self._index.get(key)
            if event is None or event.last != last:
                continue  # already closed, or a newer entry for the same event is in the heap
            touched = self._touched[key]
            if touched > recent:
                self._grace.append((touched, key))  # close once the grace has passed
            else:
                self._close(key)
        while self._grace and self._grace[0][0] <= recent:
            touched, key = self._grace.popleft()
            event = self._index.get(key)
            if event is not None and self._touched[key] == touched:
                assert event.last is not None
                if event.last < cutoff:
                    self._close(key)

    def _add_story(self, key: int, vector: Mapping[str, float]) -> None:
        """Add a story vector to an event's sum (pruned like the centroids)."""
        total = self._stories.setdefault(key, {})
        for feature, value in vector.items():
            total[feature] = total.get(feature, 0.0) + value
        if len(total) > 2 * _CENTROID_FEATURES:
            self._stories[key] = top(total, _CENTROID_FEATURES)

    def _close(self, key: int) -> None:
        self._index.remove(key)
        self._stories.pop(key, None)
        del self._touched[key]
        del self._firsts[key]


def _conflict(article: Item, event: Item) -> bool:
    """Each side has a central name that the other does not name at its opening.

    A report names the actors of its happening in its title or first words
    (`features.OPENING_WORDS`); a name it gives only further down is background (the
    housemate evicted last week, the rival who replied), so two reports whose titles name
    people the other keeps for later tell of two happenings.
    """
    ours, theirs = article.central_names(), event.central_names()
    if not ours or not theirs:
        return False
    if all(name[2 : 2 + MENTION_LETTERS] in article.opened for name in theirs):
        return False
    return any(name[2 : 2 + MENTION_LETTERS] not in event.opened for name in ours)


def _actors_differ(article: Item, event: Item) -> bool:
    """Both sides' titles open with a person (`features.title_actor`), they share none, and
    neither side's titles name the other's.

    A headline opens with who acted. Two reports headed by different people, where neither
    headline names the other's, tell what two people did (one housemate evicted, then
    another), even when each report names the other's person in its opening, so no name
    conflict tells them apart. Reports of one happening headed by different people name both
    in at least one title ("Corbyn attacks Johnson's pledge"). An event's actors are those at
    least half of its articles' titles open with.

    No score joins such reports (a name conflict only cuts it): two reports from one show, one
    week and one cast share nearly every word and name, so a third of their similarity still
    passes (two evictions a few days apart, each report telling the other as background); yet
    the headlines say two people did two things. The rule holds rarely, and then surely: a
    family name heads each title (`features.title_actor`), and neither title names the other's.
    """
    ours, theirs = article.central_actors(), event.central_actors()
    if not ours or not theirs or not ours.isdisjoint(theirs):
        return False
    return ours.isdisjoint(event.headlines) and theirs.isdisjoint(article.headlines)


def _subjects_differ(article: Item, event: Item) -> bool:
    """Both sides' titles open with a subject (`features.title_subject`), they share none, and
    neither side's titles and leads ever use the other's.

    A headline opens with who or what acted, a person or not: "Bookmakers back Aviator" and
    "Critics back Aviator" tell two verdicts on one film, each by its own judges. A report of
    the same happening under another subject still tells the first report's subject, in its
    headline or its lead ("Terror detainees win Lords appeal" tells the Lords that "Lords
    wrong on detainees" opens with; "MCI shares climb" tells Verizon's interest); a report of
    another happening of the subject need never use it. Both must hold, each way: a title that
    opens with a word of the subject the other report also uses gives no evidence. An event's
    subjects are those at least half of its titles open with; it uses what any of its
    articles tells (see `_headlines_differ` on the kept counts). Unlike different people at
    the head of two titles (`_actors_differ`), this only cuts the score: a subject that is no
    name can be a common word ("First", "New") that another report of the happening happens
    not to use.
    """
    ours, theirs = article.central_subjects(), event.central_subjects()
    if not ours or not theirs or not ours.isdisjoint(theirs):
        return False
    return ours.isdisjoint(event.mentioned) and theirs.isdisjoint(article.mentioned)


def _particulars_differ(article: Item, event: Item) -> bool:
    """Each side's opening gives more than SHARED_PARTICULARS particulars; they share fewer.

    Reports of one happening repeat each other's particulars at once (the bidder and the
    target, the console and its price); two reports that share only the subject's name and
    its everyday words ("Microsoft" hunting a trojan, "Microsoft" launching security tools)
    tell of two happenings. An event's particulars are those at least half of its articles
    give. A side that gives no more particulars than the pair must share (a short opening of
    common words, a language without a table of common words) gives no evidence: a rewrite
    under a new headline can add one particular to the one its text gives, and share one.
    """
    return _share_too_few(article, event, names_once=False)


def _openings_differ(article: Item, event: Item) -> bool:
    """The openings share too few particulars (see `_particulars_differ`), a two-word name
    both sides give counted once ("Lib Dems", "Sri Lanka": the first word, which both use only
    in that name, is not counted as shared; see `features.name_firsts`).

    A close score alone joins one report rewritten under another headline, whose opening
    repeats the first's particulars. Two reports of one outlet can also be close because they
    share a paragraph further down (the party leader's tour told again under a spokesman's
    debt plan): their openings share the subject's name and nothing else, and the headlines
    must then decide.
    """
    return _share_too_few(article, event, names_once=True)


def _share_too_few(article: Item, event: Item, *, names_once: bool) -> bool:
    """Each side's opening gives more than SHARED_PARTICULARS particulars and they share
    fewer (with `names_once`, a two-word name both sides give counts once)."""
    ours = _central(article.particulars, article.size)
    if len(ours) <= SHARED_PARTICULARS:
        return False
    theirs = _central(event.particulars, event.size)
    if len(theirs) <= SHARED_PARTICULARS:
        return False
    shared = ours & theirs
    if names_once and len(shared) >= SHARED_PARTICULARS:
        shared -= _central(article.name_firsts, article.size) & _central(
            event.name_firsts, event.size
        )
    return len(shared) < SHARED_PARTICULARS


def _headlines_differ(article: Item, event: Item) -> bool:
    """Each side's headlines give a particular that the other side's headlines lack, and
    the other side's titles and leads use none of them.

    A headline says what happened; its rare words (see `features.particulars`) other than
    its names tell what exactly ("women's manifesto" against "election slogan" under one "Lib
    Dems unveil"). A report of the same happening tells those words, in its own headline or
    its lead; a report of another happening on the subject shares the subject's words and
    never uses the other's rare ones. Both sides must give such words: a headline of common
    words only ("Connors boost for British tennis") says too little to tell another
    happening. Only the headlines' support is denied: a close score still joins one report
    rewritten under another headline (see `CLOSE_SCORE`), whose title words the other may
    tell in another form. An event's headline particulars are its headline words that at
    least half of its articles give as particulars; an event tells what any of its articles
    tells, as far as it keeps count: once its table of mentioned words holds twice the
    centroid's features it is cut back to the most used (`index.CentroidIndex._prune_counts`),
    so in a large event a word only a few of its articles used may be gone and "never uses"
    reads "uses too rarely to be kept". The rule then denies headline support it should not;
    a close score still joins. Keeping every word would make an event's state grow without
    bound with its size.
    """
    ours = _headline_particulars(article) - event.headlines.keys()
    if not ours or not ours.isdisjoint(event.mentioned):
        return False
    theirs = _headline_particulars(event) - article.headlines.keys()
    return bool(theirs) and theirs.isdisjoint(article.mentioned)


def _headline_particulars(item: Item) -> set[str]:
    """The mention keys of an item's headline words that are particulars of at least half of
    its members, its central names left out: what the headlines say happened, not who or
    where (the name and actor conflicts weigh those; a local paper need not name its town)."""
    names = {name[2 : 2 + MENTION_LETTERS] for name in item.central_names()}
    return (_central(item.particulars, item.size) & item.headlines.keys()) - names


def _central(counts: Mapping[str, int], size: int) -> set[str]:
    """The keys at least half of an item's `size` members give."""
    return {key for key, count in counts.items() if 2 * count >= size}


def _dates_differ(article: Item, event: Item) -> bool:
    """Both sides name days of their year, and none of the article's days is the event's (the
    days at least half of its articles name, see `_weekdays_differ`)."""
    return _days_differ(article, event, weekdays=False)


def _weekdays_differ(article: Item, event: Item) -> bool:
    """Both sides name weekdays, and none of the article's weekdays is the event's.

    An event's weekdays are those at least half of its articles name: a report that also
    gives the day of an earlier step (Saturday's defection, Monday's details) does not make
    every day the event's. Weekdays are compared only with weekdays: "on 9 November" and "on
    Monday" may be one day.
    """
    return _days_differ(article, event, weekdays=True)


def _days_differ(article: Item, event: Item, *, weekdays: bool) -> bool:
    """Both sides name days of one kind (weekdays, or days of the year) that at least half of
    their members name, and share none."""
    if not article.dates or not event.dates:
        return False  # most articles name no day: nothing to build
    ours = _central_days(article, weekdays)
    if not ours:
        return False
    theirs = _central_days(event, weekdays)
    return bool(theirs) and ours.isdisjoint(theirs)


def _central_days(item: Item, weekdays: bool) -> set[str]:
    """The days of one kind at least half of the item's members name."""
    return {
        day
        for day, count in item.dates.items()
        if 2 * count >= item.size and (day in WEEKDAY_KEYS) == weekdays
    }


def _half_cosine(vector: Mapping[str, float], centroid: Mapping[str, float], kind: str) -> float:
    """Cosine of the terms (kind TERM) or of the names and numbers (otherwise) alone."""

    def half(v: Mapping[str, float]) -> dict[str, float]:
        return {k: w for k, w in v.items() if (k[:2] == TERM) == (kind == TERM)}

    a, b = half(vector), half(centroid)
    norms = (cosine(a, a) * cosine(b, b)) ** 0.5
    return cosine(a, b) / norms if norms else 0.0


def pair_evidence(first: EventDoc, second: EventDoc) -> Evidence:
    """How the second article fits an event made of the first alone, in a fresh index."""
    index = EventIndex()
    key = index.add(first).event_key
    return index.evidence(second, key)
