"""Stories: link events that continue one another (same specific names and terms), however long."""

from __future__ import annotations

import heapq
import logging
import math
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from summarizer.events.cosines import TOLERANCE, Cosines
from summarizer.events.features import (
    FULL_NAME,
    SPECIFIC,
    TERM,
    TITLE_WORD,
    Vector,
    cosine,
    normalise,
    squared_length,
)
from summarizer.events.held import HELD, HeldFeatures, held_hashes
from summarizer.events.index import CentroidIndex, Item
from summarizer.events.postings import StoredPostings

logger = logging.getLogger(__name__)

#: Cosine between an event profile and a story centroid needed to join the story.
DEFAULT_THRESHOLD = 0.12
#: Cosine between two story centroids at which the two stories become one.
DEFAULT_MERGE_THRESHOLD = 0.22
#: The version of how a story is summed from its events' profiles, pruned, posted and its held
#: features hashed (`summed`, `placed_story`, `held.held_hashes`): raise it with any change that
#: would place a story otherwise from the same profiles, so that the stories' stored sums
#: (summarizer.store.story_sums, whose digests hold it) are summed again, not taken as they are.
SUMS_VERSION = 1
#: Stories kept findable: the most recently active ones (bounds memory and lookup cost).
DEFAULT_CAPACITY = 5_000
#: Most stories compared with an event or a story per lookup, found through their rarest
#: shared features (see `CentroidIndex.candidates`): the cost of a link stays bounded however
#: many stories share a common vocabulary.
CANDIDATES = 200

#: Stories whose latest merge check is remembered (`_Check`), the most recently checked.
_CHECKS = 128
#: A story that turned by more than this angle (radians) since its remembered check is
#: compared with every candidate afresh.
_DRIFT = 0.2
#: Allowance for rounding in the bounds of `_merge_close` (exact cosines and angles are exact
#: to about 1e-13 here; remembered cosines are estimates, raised by `cosines.TOLERANCE` first):
#: a bound only skips a story that is further below than this.
_MARGIN = 1e-6

_QUERY_FEATURES = 30
_INDEX_FEATURES = 80
_CENTROID_FEATURES = 400


class UnreadableStory(ValueError):
    """A story placed from the ingest origin whose text cannot be read as it was indexed."""


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


@dataclass(slots=True)
class _Check:
    """A story's merge check, kept to bound the next one.

    Attributes:
        version: the story's version (`Item.version`) when it was checked.
        centroid: a copy of its centroid then.
        norm: the centroid's length then.
        scores: candidate story -> (its version then, its cosine with that centroid).
    """

    version: int
    centroid: Vector
    norm: float
    scores: dict[int, tuple[int, float]]


class StoryLinker:
    """Links events into stories incrementally: centroid cosine, then merges of close stories.

    Each event is described by a profile (a sparse TF-IDF vector such as `EventIndex.profile`).
    An event joins the story whose centroid (sum of its events' unit profiles) is most similar,
    if the cosine reaches `threshold`; then, if that story's centroid has become as close as
    `merge_threshold` to another story, the two merge under the older (smaller) key, which makes
    the result depend less on arrival order. Both need the two sides to share a specific name
    (see `anchored`): words and common names alone ("markets", "space", "China") make a
    subject, not a thread. Time plays no part: a story follows its thread for as long as events
    keep continuing it (the same specific names and terms), through any gap, and events about
    something else stay apart however close in time. The linker keeps the
    `capacity` most recently active stories findable (by their latest event time; stories
    without times count as oldest), which bounds memory and the cost per event.
    """

    def __init__(
        self,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        merge_threshold: float = DEFAULT_MERGE_THRESHOLD,
        capacity: int = DEFAULT_CAPACITY,
        next_key: int = 1,
    ) -> None:
        """Create a linker with no stories.

        Args:
            threshold: lowest event-to-story cosine that joins a story.
            merge_threshold: lowest story-to-story cosine that merges two stories.
            capacity: how many of the most recently active stories stay findable.
            next_key: the key the next new story gets.
        """
        if capacity < 1:
            raise ValueError("capacity must be at least 1, e.g. 5000")
        self.threshold = threshold
        self.merge_threshold = merge_threshold
        self.capacity = capacity
        self.next_key = next_key
        self._index = CentroidIndex(
            query_features=_QUERY_FEATURES,
            index_features=_INDEX_FEATURES,
            centroid_features=_CENTROID_FEATURES,
        )
        self._cosines = Cosines(kept=capacity + CANDIDATES)
        # story -> event -> unit profile, packed (a tenth of a dict's memory, same floats)
        self._members: dict[int, dict[int, _Packed]] = {}
        self._event_story: dict[int, int] = {}
        self._activity: list[tuple[datetime, int, int]] = []  # (last, key, tie) min-heap
        self._checks: dict[int, _Check] = {}  # story -> its latest merge check, oldest first
        # stories placed by `restore_index` whose events are not read yet -> their event keys
        self._unread: dict[int, tuple[int, ...]] = {}
        self._read: Callable[[int], SummedStory] | None = None
        # what the unread stories' centroids hold, to pass over those no anchor can be in
        self._held: HeldFeatures | None = None

    @property
    def open_stories(self) -> int:
        """How many stories are findable."""
        return len(self._index)

    def story_of(self, event_key: int) -> int | None:
        """Return the findable story an event belongs to, or None."""
        return self._event_story.get(event_key)

    def link(
        self, event_key: int, profile: Mapping[str, float], time: datetime | None = None
    ) -> StoryLink:
        """Link a new or grown event to a story.

        An event already linked stays in its story; its profile there is replaced.

        Args:
            event_key: the event's key.
            profile: the event's feature vector (normalised here).
            time: the event's latest article time (UTC-aware), or None.

        Returns:
            The story it belongs to and the stories merged into it.
        """
        vector = normalise(profile)
        known = self._event_story.get(event_key)
        score = 0.0
        if known is not None:
            key = known
            self._ready(key)
            self._index.add(key, _unpack(self._members[key][event_key]), weight=-1.0)
            is_new = False
        else:
            best_key, score = self._best_story(vector)
            if best_key is not None and score >= self.threshold:
                key, is_new = best_key, False
            else:
                key, is_new = self.next_key, True
                self.next_key += 1
                self._members[key] = {}
        self._attach(key, event_key, vector, time)
        merged: list[int] = []
        if is_new and self.merge_threshold >= self.threshold:
            # The new story is the event alone: no story it was compared with came within the
            # joining threshold, so none is within the (higher) merging one.
            story = key
        else:
            story, merged = self._merge_close(key)
        self._bound()
        return StoryLink(story, is_new and not merged, round(score, 6), tuple(merged))

    def unlink(self, event_key: int) -> int | None:
        """Take an event out of its story (for example when it merged into another event).

        A story left without events is forgotten.

        Returns:
            The story the event was in, or None when it was in no findable story.
        """
        key = self._event_story.pop(event_key, None)
        if key is None:
            return None
        self._ready(key)
        members = self._members[key]
        self._index.add(key, _unpack(members.pop(event_key)), weight=-1.0)
        if not members:
            self._index.remove(key)
            del self._members[key]
        return key

    def restore(
        self,
        stories: Iterable[tuple[int, Sequence[StoryMember]]],
        next_key: int,
    ) -> None:
        """Rebuild the state from stored stories, replacing the current state, every story read.

        The reference the other restores are checked against (the tests' only caller): the
        ingest rebuilds with `restore_placed` and follows the origin with `restore_index`, which
        give this state while reading each story only when it is used.

        Each story's centroid is the sum of its events' unit profiles, added up in event key
        order and pruned once (a live story is pruned as it grows). The stories are read once,
        in turn, so an iterator that parses them as it goes never holds them all.

        Args:
            stories: (story key, [(event key, profile, time), ...]) pairs in ascending story
                key order, for example the most recently active stories.
            next_key: the key the next new story gets.

        Raises:
            ValueError: the stories are not in ascending key order.
        """
        self._clear()
        for key, events in _ascending(stories):
            summed = _summed(key, events)
            if summed is None:
                continue
            item, members = summed
            self._members[key] = members
            for event_key in members:
                self._event_story[event_key] = key
            story = self._index.absorb(key, item)
            if story.last is not None:
                heapq.heappush(self._activity, (story.last, key, len(self._activity)))
        self.next_key = max([next_key, *(item.key + 1 for item in self._index.items())])
        self._bound()

    def restore_index(
        self,
        stories: Iterable[StoryEntry],
        postings: Mapping[str, Iterable[int]],
        next_key: int,
        read: Callable[[int], SummedStory],
        settings: Mapping[str, Any],
        held: HeldFeatures | None = None,
    ) -> None:
        """Rebuild the state `restore` would give, reading each story's sums only when used.

        The stories come as `entries` and `postings` gave them after a `restore` of the same
        stories, so each is findable at once; its sums and members are read (`read(key)`, as
        `summed` gave them) the first time the linker needs its centroid or members (a lookup
        that finds it, an event of it linked or unlinked, a merge, its eviction). Every
        decision is the one the fully restored state gives.

        Args:
            stories: the `entries` of a restored linker, in ascending key order.
            postings: its `postings`.
            next_key: the key the next new story gets.
            read: a story's sums and members, as `summed` gives them from the members given
                to `restore`.
            settings: the `settings` of the linker that gave them.
            held: what each story's centroid holds (`held_features`): a story found for a
                lookup is not read when it holds none of the query's anchors (it could not be
                joined or merged), so a process reads the few stories its events share a name
                with. None: every story found is read.

        Raises:
            ValueError: they come from a linker of other settings (this one is left as it
                was), the stories are not in ascending key order, or a posting names a story
                not given.
        """
        if dict(settings) != self.settings():
            raise ValueError("the stored stories were linked with other settings")
        self._clear()
        self._read = read
        self._held = held
        given: list[tuple[int, datetime | None]] = []
        for key, last, events in _ascending(stories):
            given.append((key, last))
            self._unread[key] = tuple(events)
            for event_key in events:
                self._event_story[event_key] = key
            if last is not None:
                heapq.heappush(self._activity, (last, key, len(self._activity)))
        self._index.place(given, postings)
        self.next_key = max([next_key, *(key + 1 for key, _ in given)])
        self._bound()

    def restore_placed(
        self,
        stories: Iterable[PlacedStory],
        next_key: int,
        read: Callable[[int], SummedStory],
    ) -> tuple[list[StoryEntry], dict[str, list[int]]]:
        """The state `restore` gives, holding each story as `restore_index` does until used.

        Each story comes placed (`placed_story` of what `summed` gives, or the same kept as a
        row from an earlier rebuild): its entry, the features it is posted under and the
        hashes of what it holds, not its sums. `read(key)` gives its sums and members when the
        linker first needs the story (`restore_index`), so the linker never holds every
        story's centroid and members at once. Every decision, `entries` and `postings` are
        those of `restore` of the stories the placed ones were summed from.

        Args:
            stories: the placed stories, in ascending story key order.
            next_key: the key the next new story gets.
            read: a story's sums and members (`summed`), as they were when it was placed.

        Returns:
            `entries` and `postings` as they are now (made as the stories are placed).

        Raises:
            ValueError: the stories are not in ascending key order.
        """
        entries: list[StoryEntry] = []
        posted: dict[str, list[int]] = {}
        held = HeldFeatures.Builder()
        for key, story in _ascending((story.entry[0], story) for story in stories):
            entries.append(story.entry)
            for feature in story.posted:
                posted.setdefault(feature, []).append(key)  # keys ascending
            held.add_hashes(key, story.held)
        self.restore_index(
            entries,
            posted,
            next_key=next_key,
            read=read,
            settings=self.settings(),
            held=held.done(),
        )
        if len(entries) > len(self._index):  # stories beyond the capacity were forgotten
            return self.entries(), self.postings()
        # In the order the features were first posted: the lists are what `postings` gives
        # (keys ascending), and nothing reads their order (the origin stores them by hash).
        return entries, posted

    def summed(self, key: int, events: Sequence[StoryMember]) -> SummedStory | None:
        """A stored story's sums as this linker's index holds them once restored (pruned, with
        the features it is posted under) and its packed members; None when it has no events.
        Not indexed: what a rebuild encodes and places (`placed_story`) and `restore_index`
        reads back."""
        summed = _summed(key, events)
        if summed is None:
            return None
        item, members = summed
        return self._index.settle(key, item, copy=False), members

    def entries(self) -> list[StoryEntry]:
        """Each findable story's key, latest time and event keys (in the order of its members:
        ascending in a story summed from stored events), in key order: with `postings`, what
        `restore_index` needs to find it before reading it."""
        found: list[StoryEntry] = []
        for item in self._index.items():
            unread = self._unread.get(item.key)
            events = list(self._members[item.key]) if unread is None else list(unread)
            found.append((item.key, item.last, events))
        return found

    def stored(self) -> tuple[list[StoryEntry], list[SummedStory | None], HeldFeatures]:
        """What `restore_index` takes to hold the stories as they are now, not as restored:
        `entries`, each story's sums and members as this linker holds them (None for one not
        read since it was placed: its text is the one it was placed from), and what every
        story's centroid holds (the unread ones' as placed, the others' now).

        With `postings` and `settings`, a linker restored from them decides as this one does
        from here on (its caches aside, which decide nothing): the ingest writes them as the
        origin (`Ingestor` checkpoints), so a process that starts replays from now.

        Raises:
            ValueError: a story is unread and the linker was restored without held features.
        """
        entries = self.entries()
        summed: list[SummedStory | None] = []
        read: list[Item] = []
        for key, _, _ in entries:
            item = self._index.get(key)
            assert item is not None
            summed.append(None if key in self._unread else (item, self._members[key]))
            if key not in self._unread:
                read.append(item)
        held = self._held
        if held is None:
            if self._unread:
                raise ValueError("unread stories without held features cannot be stored")
            held = HeldFeatures.Builder().done()
        return entries, summed, held.replaced(self._unread.keys(), read)

    def postings(self) -> dict[str, list[int]]:
        """Each feature stories are posted under, with their keys (see `CentroidIndex`)."""
        return self._index.postings()

    def stored_postings(self) -> Mapping[str, Sequence[int]] | StoredPostings:
        """`postings` to be stored (`CentroidIndex.stored_postings`)."""
        return self._index.stored_postings()

    def held_features(self) -> HeldFeatures:
        """What the stories placed by `restore_placed` hold as they were placed: with
        `entries` and `postings`, what `restore_index` takes. A story read since may hold
        other features: only the unread ones are asked about.

        Raises:
            ValueError: the linker was not restored with them (`restore_placed` is).
        """
        if self._held is None:
            raise ValueError("held features are known after restore_placed only")
        return self._held

    def settings(self) -> dict[str, Any]:
        """What its stories were linked, summed and posted with (as JSON values): `entries`
        and `postings` kept from a linker of other settings would make this one decide
        otherwise, so `restore_index` refuses them."""
        return {
            "threshold": self.threshold,
            "merge_threshold": self.merge_threshold,
            "capacity": self.capacity,
            "sizes": self._index.settings(),
            "held": HELD,
        }

    def _clear(self) -> None:
        self._index.clear()
        self._members.clear()
        self._event_story.clear()
        self._activity.clear()
        self._checks.clear()
        self._unread.clear()
        self._read = None
        self._held = None

    def _ready(self, key: int) -> Item:
        """The findable story `key`, its events read and summed when they were not yet."""
        events = self._unread.get(key)
        if events is None:
            story = self._index.get(key)
            assert story is not None
            return story
        assert self._read is not None
        placed = self._index.get(key)
        try:
            item, members = self._read(key)
        except Exception as exc:  # whatever the stored text holds
            raise UnreadableStory(f"story {key} cannot be read from the ingest origin") from exc
        if (
            placed is None
            or item.key != key
            or item.last != placed.last
            or list(members) != list(events)
        ):
            raise UnreadableStory(f"story {key} does not read as it was indexed")
        del self._unread[key]
        self._members[key] = members
        return self._index.fill(item)

    def _attach(self, key: int, event_key: int, vector: Vector, time: datetime | None) -> None:
        self._members.setdefault(key, {})[event_key] = _pack(vector)
        self._event_story[event_key] = key
        story = self._index.add(key, vector, time=time)
        if story.last is not None:
            heapq.heappush(self._activity, (story.last, key, len(self._activity)))

    def _best_story(self, vector: Vector) -> tuple[int | None, float]:
        """The candidate story closest to a unit vector and its cosine (None, 0.0: none above
        0.0), the first in key order on ties."""
        probes = _anchor_probes(vector)
        stories = self._comparable(self._index.candidates(vector, CANDIDATES), probes)
        estimates = self._cosines.estimate(vector, 1.0, stories)
        return self._closest_anchored(vector, 1.0, stories, estimates, self.threshold, probes)

    def _comparable(self, candidates: list[int], probes: _Probes) -> list[Item]:
        """The candidate stories to compare with a query of these anchor probes, in their
        order: every one but the unread stories that hold none of the probes (`held`): no
        story that holds none can be joined or merged (see `_closest_anchored`), so passing
        them over unread changes no decision."""
        unread, found = self._unread, self._index.get
        maybe: set[int] | None = None
        stories = []
        for key in candidates:
            if key in unread:
                if self._held is not None:
                    if maybe is None:
                        maybe = self._held.among(probes)
                    if key not in maybe:
                        continue
                stories.append(self._ready(key))
            else:
                story = found(key)
                assert story is not None
                stories.append(story)
        return stories

    def _closest_anchored(
        self,
        query: Vector,
        norm: float,
        items: list[Item],
        estimates: np.typing.NDArray[np.float64],
        floor: float,
        probes: _Probes,
    ) -> tuple[int | None, float]:
        """The closest item that shares a specific name with the query (see `anchored`; the
        query's `probes`) and its cosine, or (None, 0.0) when none within `floor` does: the
        closest ones that share none are passed over in turn. Items that share none may be
        left out of `items` beforehand without changing the result."""
        items = list(items)
        while True:
            key, score = self._cosines.closest(query, norm, items, estimates)
            if key is None or score < floor:
                return None, 0.0
            at = next(i for i, item in enumerate(items) if item.key == key)
            if _holds(probes, items[at].centroid):  # `anchored`, faster
                return key, score
            del items[at]
            estimates = np.delete(estimates, at)

    def _merge_close(self, key: int) -> tuple[int, list[int]]:
        """Merge the story `key` with its closest story while that one is as close as the
        merging threshold; return the story it ended in and the stories merged into it.

        A story checked before that has barely turned since skips the candidates that have not
        changed and cannot reach the threshold or the best cosine found so far: the angle
        between two vectors is at least the angle to a third one less the angle between that
        third one and the first, so a candidate's cosine with the earlier centroid bounds its
        cosine now (`_bound_by`). The closest story and the decision are those of comparing
        every candidate.
        """
        merged: list[int] = []
        while True:
            story = self._index.get(key)
            assert story is not None
            check, drift = self._check_of(key, story)
            fresh = drift is None
            if check is None:
                check = _Check(story.version, dict(story.centroid), story.norm, {})
            scores = check.scores
            others: list[Item] = []
            probes = _anchor_probes(story.centroid)
            candidates = self._index.candidates(story.centroid, CANDIDATES)
            for other in self._comparable(candidates, probes):
                candidate = other.key
                if candidate == key:
                    continue
                known = scores.get(candidate) if drift is not None else None
                if (
                    known is not None
                    and drift is not None
                    and known[0] == other.version
                    and _bound_by(known[1], drift) < self.merge_threshold
                ):
                    continue
                others.append(other)
            estimates = self._cosines.estimate(story.centroid, story.norm, others)
            if fresh:
                for other, estimate in zip(others, estimates.tolist(), strict=True):
                    scores[other.key] = (other.version, estimate)
            other_key, best = self._closest_anchored(
                story.centroid, story.norm, others, estimates, self.merge_threshold, probes
            )
            self._remember(key, check)
            if other_key is None or best < self.merge_threshold:
                return key, merged
            keep, drop = sorted((key, other_key))
            dropped = self._index.remove(drop)
            assert dropped is not None
            self._checks.pop(drop, None)
            moved = self._members.pop(drop)
            # As if each event were attached in turn: the same sums, one re-indexing.
            kept = self._index.extend(keep, (zip(*pair, strict=True) for pair in moved.values()))
            self._members[keep].update(moved)
            for event_key in moved:
                self._event_story[event_key] = keep
            if kept.last is not None:  # the entries attaching each event in turn pushed
                for _ in moved:
                    heapq.heappush(self._activity, (kept.last, keep, len(self._activity)))
            kept.stretch(dropped.first)
            kept.stretch(dropped.last)
            if kept.last is not None:
                heapq.heappush(self._activity, (kept.last, keep, len(self._activity)))
            merged.append(drop)
            key = keep

    def _check_of(self, key: int, story: Item) -> tuple[_Check | None, float | None]:
        """The story's remembered check and the angle it turned since (with the margin), or
        (None, None) when it is to be checked afresh (none kept, or turned too far)."""
        check = self._checks.pop(key, None)
        if check is None or check.norm == 0.0 or story.norm == 0.0:
            return None, None
        if check.version == story.version:
            return check, _MARGIN
        similarity = cosine(check.centroid, story.centroid) / (check.norm * story.norm)
        drift = math.acos(min(1.0, max(-1.0, similarity))) + _MARGIN
        if drift > _DRIFT:
            return None, None
        return check, drift

    def _remember(self, key: int, check: _Check) -> None:
        """Keep a story's check as its latest, forgetting the least recently checked ones."""
        self._checks.pop(key, None)
        self._checks[key] = check
        while len(self._checks) > _CHECKS:
            del self._checks[next(iter(self._checks))]

    def _bound(self) -> None:
        """Forget the least recently active stories beyond the capacity."""
        if len(self._activity) > 4 * len(self._index) + 1_000:  # drop superseded entries
            self._activity = [
                (item.last, item.key, i)
                for i, item in enumerate(self._index.items())
                if item.last is not None
            ]
            heapq.heapify(self._activity)
        while len(self._index) > self.capacity:
            victim = self._oldest()
            if victim in self._unread:  # read: its features say where it is posted
                self._ready(victim)
            self._index.remove(victim)
            for event_key in self._members.pop(victim, {}):
                self._event_story.pop(event_key, None)

    def _oldest(self) -> int:
        """The key of the least recently active story (timeless stories first, lowest key)."""
        timeless = [item.key for item in self._index.items() if item.last is None]
        if timeless:
            return timeless[0]
        while True:
            last, key, _ = heapq.heappop(self._activity)
            story = self._index.get(key)
            if story is not None and story.last == last:
                return key


_Packed = tuple[tuple[str, ...], "array[float]"]

#: A stored story summed as a restored linker holds it: its item (sums pruned, `indexed` set,
#: not in an index) and its events' unit profiles, packed, by event key (ascending).
SummedStory = tuple[Item, dict[int, _Packed]]

#: A stored story's event: (event key, profile, latest time).
StoryMember = tuple[int, Mapping[str, float], datetime | None]
#: A story as `restore_index` finds it before reading it: key, latest time, event keys.
StoryEntry = tuple[int, datetime | None, Sequence[int]]


@dataclass(frozen=True, slots=True)
class PlacedStory:
    """A story as `StoryLinker.restore_placed` places it, without its sums.

    Attributes:
        entry: its key, latest time and event keys (ascending), as `entries` gives them.
        posted: the features it is posted under (its item's `indexed`), sorted.
        held: the hashes of the features its centroid holds (`held.held_hashes`).
    """

    entry: StoryEntry
    posted: tuple[str, ...]
    held: npt.NDArray[np.uint32]


def placed_story(summed: SummedStory) -> PlacedStory:
    """A summed story (`StoryLinker.summed`) as `restore_placed` places it."""
    item, members = summed
    return PlacedStory(
        (item.key, item.last, list(members)), tuple(sorted(item.indexed)), held_hashes(item)
    )


_Keyed = TypeVar("_Keyed", bound=tuple[Any, ...])


def _ascending(stories: Iterable[_Keyed]) -> Iterator[_Keyed]:
    """The stories to restore as given, refused (ValueError) as soon as one's key (its first
    part) is not above the one before: both restores read them once, in turn."""
    previous: int | None = None
    for story in stories:
        key = story[0]
        if previous is not None and key <= previous:
            raise ValueError(f"stories to restore must come in ascending key order: {key}")
        previous = key
        yield story


def _summed(key: int, events: Sequence[StoryMember]) -> tuple[Item, dict[int, _Packed]] | None:
    """A stored story as `restore` sums it: its item (not yet indexed) and packed members; None
    when it has no events."""
    members: dict[int, _Packed] = {}
    total: Vector = {}
    times = []
    for event_key, profile, time in sorted(events, key=lambda e: e[0]):
        vector = normalise(profile)
        if not total and 0.0 not in vector.values():
            # Adding to an empty sum gives each weight itself (0.0 + w == w for any w but
            # -0.0, which `in` finds as 0.0): the first event's vector copied in C, the same
            # floats and order (a rebuild sums 15,000 events at 100,000 articles).
            total = dict(vector)
        else:
            get = total.get
            for feature, value in vector.items():
                total[feature] = get(feature, 0.0) + value
        members[event_key] = _pack(vector)
        if time is not None:
            times.append(time)
    if not members:
        return None
    item = Item(
        key=key,
        centroid=total,
        norm=squared_length(total) ** 0.5,
        size=len(members),
        first=min(times, default=None),
        last=max(times, default=None),
    )
    return item, members


def anchored(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    """Whether two profiles or centroids share a name: a person's full name, or a specific
    name (`features.story_counts`) that one side gives as a name, which the other side has as
    a name, a title word or a plain word: the same someone or something.

    Reports on one subject share its words and its common names (a market report and a
    listing share "investors", "shares", "China"; two space reports "NASA", "moon"); the
    reports of one thread share who or what it is about ("MH370", "Michelle Obama", "Premier
    League"; a report of the tsunami's aid that uses the word in its text only, beside reports
    that write "the Tsunami" as a name). An uncommon word that titles give but no side writes
    as a name ("bailout", "austerity": a TITLE_WORD) is a kind of happening, which threads of
    one subject share (a Greek and a Cypriot bailout): alone it anchors nothing. An event
    joins, and a story merges with, only a story it shares a name with. A feature a sum
    took back to nothing (an event's earlier profile, replaced) is no longer held.
    """
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return _holds(_anchor_probes(small), large)


def is_name(feature: str) -> bool:
    """Whether a feature names someone or something: a full name or a specific name (decided
    per article in `features.story_counts`, so it does not depend on the vector holding it)."""
    return feature[:2] in (FULL_NAME, SPECIFIC)


#: What makes another vector `anchored` to a query: features that anchor wherever the other
#: holds them (the query's names, the words and title words its single names are, and the
#: names its words and title words are).
_Probes = frozenset[str]


def _anchor_probes(query: Mapping[str, float]) -> _Probes:
    """The probes (`_Probes`) of one query, one set for the many vectors compared with it."""
    probes: set[str] = set()
    for feature, value in query.items():
        if value <= HELD:
            continue
        prefix, word = feature[:2], feature[2:]
        if prefix in (TERM, TITLE_WORD):
            if " " not in word:  # the word a single name is
                probes.add(SPECIFIC + word)
        elif is_name(feature):
            probes.add(feature)
            if prefix == SPECIFIC and " " not in word:
                probes.add(TERM + word)
                probes.add(TITLE_WORD + word)
    return frozenset(probes)


def _holds(probes: _Probes, other: Mapping[str, float]) -> bool:
    """Whether another vector is `anchored` to the query the probes were made of."""
    held = other.get
    return any(held(f, 0.0) > HELD for f in probes)


def _bound_by(known: float, drift: float) -> float:
    """The highest cosine a story can have with a centroid that turned by `drift` radians from
    one it had the cosine `known` with (an estimate: raised by what estimates may err, plus the
    margin for rounding)."""
    angle = math.acos(min(1.0, max(-1.0, known + TOLERANCE)))
    return math.cos(max(0.0, angle - drift)) + _MARGIN


def _pack(vector: Mapping[str, float]) -> _Packed:
    """A vector as a tuple of features and an array of their values (exact floats)."""
    return tuple(vector), array("d", vector.values())


def _unpack(packed: _Packed) -> Vector:
    """The vector `_pack` packed, features in the same order."""
    features, values = packed
    return dict(zip(features, values, strict=True))
