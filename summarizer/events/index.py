"""One centroid index for events and stories: sparse centroids, pruning, lookup by top features.

Each item (an event of articles, or a story of events) is kept as a row-like record: its
centroid (the sum of its members' unit vectors, pruned to its heaviest features), its size, the
first and last time of its members, and how many members name each central name. The postings
map each of an item's heaviest centroid features to the items indexed under it, so a lookup
reads only the items that share one of the query's heaviest features. Every part is a plain
value keyed by item or by feature, so the same state can live in database rows (an item row, a
feature-weight row per centroid feature, a posting row per indexed feature).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from summarizer.events.features import Vector, cosine, mentions, squared_length, top

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class Item:
    """One event or story as the index keeps it.

    Attributes:
        key: the event's or story's id.
        centroid: sum of the members' vectors, pruned to the heaviest features.
        norm: the centroid's length.
        size: number of members.
        first: earliest member time (None while no member had a time).
        last: latest member time.
        names: central name -> number of members for which it is central.
        indexed: the features under which the item is in the postings.
    """

    key: int
    centroid: Vector = field(default_factory=dict)
    norm: float = 0.0
    size: int = 0
    first: datetime | None = None
    last: datetime | None = None
    names: dict[str, int] = field(default_factory=dict)
    indexed: frozenset[str] = frozenset()

    def mean_similarity(self, vector: Mapping[str, float]) -> float:
        """Mean dot product of a unit vector with the members (average link)."""
        if self.size <= 0:
            return 0.0
        return cosine(vector, self.centroid) / self.size

    def cosine(self, vector: Mapping[str, float], norm: float = 1.0) -> float:
        """Cosine of a vector (of length `norm`) with the centroid."""
        if self.norm == 0.0 or norm == 0.0:
            return 0.0
        return cosine(vector, self.centroid) / (self.norm * norm)

    def central_names(self) -> set[str]:
        """Names central to at least half of the members."""
        return {name for name, count in self.names.items() if 2 * count >= self.size}

    def mentions(self) -> set[str]:
        """Mention keys of the centroid's features (see `features.mentions`)."""
        return mentions(self.centroid)

    def stretch(self, time: datetime | None) -> None:
        """Widen the time span to cover a member's time."""
        if time is None:
            return
        self.first = time if self.first is None else min(self.first, time)
        self.last = time if self.last is None else max(self.last, time)


class CentroidIndex:
    """Items with centroids, found through postings of their heaviest features.

    `add` and `remove_member` change an item's centroid and re-index it; `candidates` returns,
    in key order, the items indexed under any of a vector's heaviest features.
    """

    def __init__(self, *, query_features: int, index_features: int, centroid_features: int) -> None:
        """Create an empty index.

        Args:
            query_features: a lookup uses this many of the query's heaviest features.
            index_features: an item is findable by this many of its heaviest centroid features.
            centroid_features: centroids are pruned back to this many features once they hold
                twice as many (bounds memory and time per item).
        """
        self.query_features = query_features
        self.index_features = index_features
        self.centroid_features = centroid_features
        self._items: dict[int, Item] = {}
        self._postings: dict[str, set[int]] = {}

    def __len__(self) -> int:
        """Number of items."""
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        """Tell whether an item is in the index."""
        return key in self._items

    def get(self, key: int) -> Item | None:
        """The item with this key, or None."""
        return self._items.get(key)

    def items(self) -> list[Item]:
        """Every item, in key order."""
        return [self._items[key] for key in sorted(self._items)]

    def clear(self) -> None:
        """Forget every item."""
        self._items.clear()
        self._postings.clear()

    def open(self, key: int, time: datetime | None = None) -> Item:
        """Start an empty item (no members yet)."""
        if key in self._items:
            raise ValueError(f"item {key} is already in the index")
        item = Item(key=key, first=time, last=time)
        self._items[key] = item
        return item

    def add(
        self,
        key: int,
        vector: Mapping[str, float],
        *,
        time: datetime | None = None,
        names: Iterable[str] = (),
        weight: float = 1.0,
    ) -> Item:
        """Add a member to an item (opened when new) and re-index it.

        Args:
            key: the item's key.
            vector: the member's vector.
            time: the member's time (widens the item's span).
            names: the member's central names.
            weight: +1 to add the member; -1 to take back a member added before (its time
                span stays).

        Returns:
            The item.
        """
        item = self._items.get(key) or self.open(key, time)
        centroid = item.centroid
        for feature, value in vector.items():
            centroid[feature] = centroid.get(feature, 0.0) + weight * value
        if len(centroid) > 2 * self.centroid_features:
            item.centroid = centroid = top(centroid, self.centroid_features)
        item.norm = squared_length(centroid) ** 0.5
        step = 1 if weight > 0 else -1
        item.size += step
        for name in names:
            count = item.names.get(name, 0) + step
            if count > 0:
                item.names[name] = count
            else:
                item.names.pop(name, None)
        if weight > 0:
            item.stretch(time)
        self._reindex(item)
        return item

    def candidates(self, vector: Mapping[str, float]) -> list[int]:
        """Keys of the items indexed under any of the vector's heaviest features, in order."""
        found: set[int] = set()
        postings = self._postings
        for feature in top(vector, self.query_features):
            found.update(postings.get(feature, ()))
        return sorted(found)

    def remove(self, key: int) -> Item | None:
        """Take an item out of the index (postings too); return it, or None when unknown."""
        item = self._items.pop(key, None)
        if item is not None:
            self._unindex(item, item.indexed)
            item.indexed = frozenset()
        return item

    def _reindex(self, item: Item) -> None:
        indexed = frozenset(top(item.centroid, self.index_features))
        self._unindex(item, item.indexed - indexed)
        for feature in indexed - item.indexed:
            self._postings.setdefault(feature, set()).add(item.key)
        item.indexed = indexed

    def _unindex(self, item: Item, features: Iterable[str]) -> None:
        for feature in features:
            postings = self._postings.get(feature)
            if postings is None:
                continue
            postings.discard(item.key)
            if not postings:
                del self._postings[feature]
