"""Stories: link events that continue one another (same key entities and terms) over weeks."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from summarizer.events.features import Vector, cosine, normalise, squared_length, top
from summarizer.timemath import shift

logger = logging.getLogger(__name__)

#: Cosine between an event profile and a story centroid needed to join the story.
DEFAULT_THRESHOLD = 0.12
#: Cosine between two story centroids at which the two stories become one.
DEFAULT_MERGE_THRESHOLD = 0.22

_QUERY_FEATURES = 30
_INDEX_FEATURES = 80
_CENTROID_FEATURES = 400


@dataclass(frozen=True, slots=True)
class StoryLink:
    """Where an event went.

    Attributes:
        story_key: the story the event belongs to now.
        is_new: True when the event opened this story.
        score: cosine with the story it joined (0.0 for a new story).
        merged: keys of stories that were merged into `story_key` by this call (their events now
            belong to `story_key`).
    """

    story_key: int
    is_new: bool
    score: float
    merged: tuple[int, ...] = ()


class _Story:
    """Mutable state of one open story (internal)."""

    __slots__ = ("centroid", "events", "first", "indexed", "key", "last", "norm")

    def __init__(self, key: int, time: datetime | None) -> None:
        self.key = key
        self.centroid: Vector = {}
        self.norm = 0.0
        self.events: dict[int, Vector] = {}
        self.first = time
        self.last = time
        self.indexed: frozenset[str] = frozenset()

    def change(self, vector: Mapping[str, float], sign: float) -> None:
        centroid = self.centroid
        for feature, weight in vector.items():
            centroid[feature] = centroid.get(feature, 0.0) + sign * weight
        if len(centroid) > 2 * _CENTROID_FEATURES:
            self.centroid = centroid = top(centroid, _CENTROID_FEATURES)
        self.norm = squared_length(centroid) ** 0.5

    def stretch(self, time: datetime | None) -> None:
        if time is None:
            return
        self.first = time if self.first is None else min(self.first, time)
        self.last = time if self.last is None else max(self.last, time)

    def similarity(self, vector: Mapping[str, float], norm: float = 1.0) -> float:
        if self.norm == 0.0 or norm == 0.0:
            return 0.0
        return cosine(vector, self.centroid) / (self.norm * norm)


class StoryLinker:
    """Links events into stories incrementally: centroid cosine, then merges of close stories.

    Each event is described by a profile (a sparse TF-IDF vector such as `EventIndex.profile`).
    An event joins the open story whose centroid (sum of its events' unit profiles) is most
    similar, if the cosine reaches `threshold`; then, if that story's centroid has become as close
    as `merge_threshold` to another open story, the two merge under the older (smaller) key, which
    makes the result depend less on arrival order. Stories whose last event is older than
    `horizon` before the newest time seen are closed and forgotten (bounded state); with
    `horizon=None` or events without time, time plays no part.
    """

    def __init__(
        self,
        *,
        horizon: timedelta | None = timedelta(days=30),
        threshold: float = DEFAULT_THRESHOLD,
        merge_threshold: float = DEFAULT_MERGE_THRESHOLD,
        next_key: int = 1,
    ) -> None:
        """Create a linker with no stories.

        Args:
            horizon: how far apart in time events of one story may be (None: no limit).
            threshold: lowest event-to-story cosine that joins a story.
            merge_threshold: lowest story-to-story cosine that merges two stories.
            next_key: the key the next new story gets.
        """
        self.horizon = horizon
        self.threshold = threshold
        self.merge_threshold = merge_threshold
        self.next_key = next_key
        self._stories: dict[int, _Story] = {}
        self._event_story: dict[int, int] = {}
        self._postings: dict[str, set[int]] = {}
        self._newest: datetime | None = None

    @property
    def open_stories(self) -> int:
        """How many stories are open."""
        return len(self._stories)

    def story_of(self, event_key: int) -> int | None:
        """Return the open story an event belongs to, or None."""
        return self._event_story.get(event_key)

    def link(
        self, event_key: int, profile: Mapping[str, float], time: datetime | None = None
    ) -> StoryLink:
        """Link a new or grown event to a story.

        An event already linked stays in its story; its profile there is replaced.

        Args:
            event_key: the event's key.
            profile: the event's feature vector (normalised here).
            time: the event's latest article time (UTC-aware), or None to ignore time.

        Returns:
            The story it belongs to and the stories merged into it.
        """
        vector = normalise(profile)
        known = self._event_story.get(event_key)
        score = 0.0
        if known is not None:
            story = self._stories[known]
            story.change(story.events[event_key], -1.0)
            is_new = False
        else:
            best_key, score = self._best_story(vector, time)
            if best_key is not None and score >= self.threshold:
                story = self._stories[best_key]
                is_new = False
            else:
                story = self._open(time)
                is_new = True
        story.events[event_key] = vector
        self._event_story[event_key] = story.key
        story.change(vector, 1.0)
        story.stretch(time)
        self._reindex(story)
        story, merged = self._merge_close(story)
        self._see(time)
        return StoryLink(story.key, is_new and not merged, round(score, 6), tuple(merged))

    def restore(
        self,
        stories: Iterable[tuple[int, Sequence[tuple[int, Mapping[str, float], datetime | None]]]],
        next_key: int,
    ) -> None:
        """Rebuild the state from stored open stories, replacing the current state.

        Args:
            stories: (story key, [(event key, profile, time), ...]) pairs.
            next_key: the key the next new story gets.
        """
        self._stories.clear()
        self._event_story.clear()
        self._postings.clear()
        self._newest = None
        for key, events in sorted(stories, key=lambda pair: pair[0]):
            story = _Story(key, None)
            self._stories[key] = story
            for event_key, profile, time in events:
                vector = normalise(profile)
                story.events[event_key] = vector
                self._event_story[event_key] = key
                story.change(vector, 1.0)
                story.stretch(time)
                if time is not None and (self._newest is None or time > self._newest):
                    self._newest = time
            self._reindex(story)
        self.next_key = max([next_key, *(key + 1 for key in self._stories)])
        self._see(None)

    def _in_horizon(self, story: _Story, time: datetime | None) -> bool:
        if self.horizon is None or time is None or story.first is None or story.last is None:
            return True
        return shift(story.first, -self.horizon) <= time <= shift(story.last, self.horizon)

    def _candidates(self, vector: Mapping[str, float]) -> list[int]:
        found: set[int] = set()
        for feature in top(vector, _QUERY_FEATURES):
            found.update(self._postings.get(feature, ()))
        return sorted(found)

    def _best_story(self, vector: Vector, time: datetime | None) -> tuple[int | None, float]:
        best_key: int | None = None
        best = 0.0
        for key in self._candidates(vector):
            story = self._stories[key]
            if not self._in_horizon(story, time):
                continue
            score = story.similarity(vector)
            if score > best:
                best_key, best = key, score
        return best_key, best

    def _merge_close(self, story: _Story) -> tuple[_Story, list[int]]:
        merged: list[int] = []
        while True:
            other_key: int | None = None
            best = 0.0
            for key in self._candidates(story.centroid):
                other = self._stories[key]
                if key == story.key or not (
                    self._in_horizon(other, story.first) or self._in_horizon(other, story.last)
                ):
                    continue
                score = other.similarity(story.centroid, story.norm)
                if score > best:
                    other_key, best = key, score
            if other_key is None or best < self.merge_threshold:
                return story, merged
            keep, drop = sorted((story, self._stories[other_key]), key=lambda s: s.key)
            for event_key, vector in drop.events.items():
                keep.events[event_key] = vector
                self._event_story[event_key] = keep.key
                keep.change(vector, 1.0)
            keep.stretch(drop.first)
            keep.stretch(drop.last)
            self._close(drop, forget_events=False)
            self._reindex(keep)
            merged.append(drop.key)
            story = keep

    def _open(self, time: datetime | None) -> _Story:
        story = _Story(self.next_key, time)
        self.next_key += 1
        self._stories[story.key] = story
        return story

    def _reindex(self, story: _Story) -> None:
        indexed = frozenset(top(story.centroid, _INDEX_FEATURES))
        self._unindex(story, story.indexed - indexed)
        for feature in indexed - story.indexed:
            self._postings.setdefault(feature, set()).add(story.key)
        story.indexed = indexed

    def _unindex(self, story: _Story, features: Iterable[str]) -> None:
        for feature in features:
            postings = self._postings[feature]
            postings.discard(story.key)
            if not postings:
                del self._postings[feature]

    def _see(self, time: datetime | None) -> None:
        if time is not None and (self._newest is None or time > self._newest):
            self._newest = time
        if self.horizon is None or self._newest is None:
            return
        cutoff = shift(self._newest, -self.horizon)
        stale = [s for s in self._stories.values() if s.last is not None and s.last < cutoff]
        for story in stale:
            self._close(story, forget_events=True)

    def _close(self, story: _Story, *, forget_events: bool) -> None:
        self._unindex(story, story.indexed)
        del self._stories[story.key]
        if forget_events:
            for event_key in story.events:
                self._event_story.pop(event_key, None)
