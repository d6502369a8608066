"""One centroid index for events and stories: sparse centroids, pruning, lookup by top features.

Each item (an event of articles, or a story of events) is kept as a row-like record: its
centroid (the sum of its members' unit vectors, pruned to its heaviest features), its size, the
first and last time of its members, and how many members name each central name. Events also keep
what their headlines need (`Item.headline_support`): how many members use each word (by mention
key, pruned to the most used) and each member's headline words. The postings map each of an
item's heaviest centroid features to the items indexed under it, so a lookup reads only the items
that share one of the query's heaviest features. Every part is a plain value keyed by item or by
feature, so the same state can live in database rows (an item row with size, times and the
number of members with a headline; one row per centroid feature, central name, used word and
headline word with its weight or count; a posting row per indexed feature).
"""

from __future__ import annotations

import heapq
import logging
import math
from collections.abc import Collection, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import MISSING, dataclass, field, fields
from datetime import datetime
from itertools import chain
from typing import Any

import numpy as np
import numpy.typing as npt

from summarizer.events.features import Vector, cosine, mentions, squared_length, top
from summarizer.events.postings import StoredPostings

logger = logging.getLogger(__name__)

#: A centroid (or a member count) is pruned back to its size once it holds this many times as
#: many features: pruning at every change would cost a sort per change.
_SLACK = 2


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
        mentioned: mention key (see `features.mentions`) -> number of members whose title or
            lead uses it; pruned to the most used keys like the centroid.
        opened: mention key -> number of members whose title or opening words use it (see
            `features.ArticleFeatures.opening`); pruned like `mentioned`.
        headlines: mention key of a headline word -> sum, over the members whose headline has
            it, of one over the number of words in that headline (each member's headline weighs
            one in all).
        headed: number of members with a headline (at least one content word).
        dates: day of the member's own year named in its title or lead ("MM-DD", see
            `features.dates`) -> number of members that name it.
        actors: mention key of the name a member's title opens with (see
            `features.title_actor`) -> number of members whose title opens with it.
        subjects: mention key of the word a member's title opens with (see
            `features.title_subject`) -> number of members whose title opens with it.
        particulars: particular of a member's opening (see `features.particulars`) -> number
            of members whose title or opening words give it; pruned like `mentioned`.
        name_firsts: particular that a member's opening uses only as the first word of a
            two-word name (see `features.name_firsts`) -> number of such members; pruned like
            `mentioned`.
        version: the index's change count when the centroid last changed (0: in no index), so
            a value computed from the centroid can tell whether it still holds.
    """

    key: int
    centroid: Vector = field(default_factory=dict)
    norm: float = 0.0
    size: int = 0
    first: datetime | None = None
    last: datetime | None = None
    names: dict[str, int] = field(default_factory=dict)
    indexed: frozenset[str] = frozenset()
    mentioned: dict[str, int] = field(default_factory=dict)
    opened: dict[str, int] = field(default_factory=dict)
    headlines: dict[str, float] = field(default_factory=dict)
    headed: int = 0
    dates: dict[str, int] = field(default_factory=dict)
    actors: dict[str, int] = field(default_factory=dict)
    particulars: dict[str, int] = field(default_factory=dict)
    name_firsts: dict[str, int] = field(default_factory=dict)
    subjects: dict[str, int] = field(default_factory=dict)
    version: int = 0

    @classmethod
    def of(
        cls,
        vector: Mapping[str, float],
        *,
        time: datetime | None = None,
        names: Iterable[str] = (),
        used: Iterable[str] = (),
        opening: Iterable[str] = (),
        headline: Collection[str] = (),
        dates: Iterable[str] = (),
        actor: str = "",
        particulars: Iterable[str] = (),
        name_firsts: Iterable[str] = (),
        subject: str = "",
        key: int = 0,
    ) -> Item:
        """One member as an item of its own (an article, or an event in a story).

        Args:
            vector: the member's vector.
            time: the member's time.
            names: its central names.
            used: its mention keys (title and lead), for `headline_support`.
            opening: its mention keys of its title and opening words, for name conflicts.
            headline: its headline words (mention keys).
            dates: the days its title and lead name (see `features.dates`).
            actor: the name its title opens with ("" for none, see `features.title_actor`).
            particulars: the particulars of its opening (see `features.particulars`).
            name_firsts: those that only open a two-word name (see `features.name_firsts`).
            subject: the word its title opens with ("" for none, see `features.title_subject`).
            key: the key to give the item.
        """
        centroid = dict(vector)
        return cls(
            key=key,
            centroid=centroid,
            norm=squared_length(centroid) ** 0.5,
            size=1,
            first=time,
            last=time,
            names=dict.fromkeys(names, 1),
            mentioned=dict.fromkeys(used, 1),
            opened=dict.fromkeys(opening, 1),
            headlines={word: 1.0 / len(headline) for word in headline},
            headed=1 if headline else 0,
            dates=dict.fromkeys(dates, 1),
            actors={actor: 1} if actor else {},
            particulars=dict.fromkeys(particulars, 1),
            name_firsts=dict.fromkeys(name_firsts, 1),
            subjects={subject: 1} if subject else {},
        )

    def mean_similarity(self, vector: Mapping[str, float]) -> float:
        """Mean dot product of a unit vector with the members (average link)."""
        if self.size <= 0:
            return 0.0
        return cosine(vector, self.centroid) / self.size

    def average_link(self, other: Item) -> float:
        """Mean dot product over every pair of members, one from each item."""
        if self.size <= 0 or other.size <= 0:
            return 0.0
        return cosine(self.centroid, other.centroid) / (self.size * other.size)

    def cosine(self, vector: Mapping[str, float], norm: float = 1.0) -> float:
        """Cosine of a vector (of length `norm`) with the centroid."""
        if self.norm == 0.0 or norm == 0.0:
            return 0.0
        return cosine(vector, self.centroid) / (self.norm * norm)

    def central_names(self) -> set[str]:
        """Names central to at least half of the members."""
        return {name for name, count in self.names.items() if 2 * count >= self.size}

    def central_actors(self) -> set[str]:
        """The names at least half of the members' titles open with (see `actors`)."""
        return {actor for actor, count in self.actors.items() if 2 * count >= self.size}

    def central_subjects(self) -> set[str]:
        """The words at least half of the members' titles open with (see `subjects`)."""
        return {word for word, count in self.subjects.items() if 2 * count >= self.size}

    def mentions(self) -> set[str]:
        """Mention keys of the centroid's features (see `features.mentions`)."""
        return mentions(self.centroid)

    def headline_support(self, other: Item) -> float:
        """How well each item's headlines are told by the other item's members.

        Two shares, each a mean over every pair of members (one from each item): the share of
        one member's headline words that the other member uses (in its title or lead), taken
        both ways. Their geometric mean is 1.0 when each side tells the other's headlines, and
        drops when one side's headline says something the other never says (same subject,
        another happening). A side without headlines gives no evidence.

        Returns:
            The support in [0, 1].
        """
        shares = [share for share in (_told(self, other), _told(other, self)) if share is not None]
        if not shares:
            return 1.0
        return math.prod(shares) ** (1.0 / len(shares))

    def stretch(self, time: datetime | None) -> None:
        """Widen the time span to cover a member's time."""
        if time is None:
            return
        self.first = time if self.first is None else min(self.first, time)
        self.last = time if self.last is None else max(self.last, time)


#: An item's parts in the order `item_state` writes them: every field, so a field added to
#: `Item` is kept in the ingest origin without another change here (times and the indexed
#: set are written as text and a list; every other part is a number or a JSON object).
_ITEM_FIELDS = tuple(part.name for part in fields(Item))


def item_state(item: Item) -> list[Any]:
    """Every part of an item as JSON values (times as ISO text), as `load_item` reads them:
    the centroid in its order, the parts only looked up (`_LOOKED_UP`) sorted by key."""
    parts = [getattr(item, name) for name in _ITEM_FIELDS]
    parts[_FIRST], parts[_LAST] = _iso(item.first), _iso(item.last)
    parts[_INDEXED] = sorted(item.indexed)
    for at in _LOOKED_UP:
        part = parts[at]
        parts[at] = {key: part[key] for key in sorted(part)}
    return parts


def load_item(value: Sequence[Any]) -> Item:
    """The item `item_state` gave: every part equal, dicts in the same order, floats exact.

    Raises:
        ValueError or TypeError: `value` is not what `item_state` gives.
    """
    if len(value) != len(_ITEM_FIELDS):
        raise ValueError("a stored item of another layout")
    parts = dict(zip(_ITEM_FIELDS, value, strict=True))
    item = Item(**parts)
    item.first, item.last = _time(value[_FIRST]), _time(value[_LAST])
    item.indexed = frozenset(value[_INDEXED])
    for name, part in parts.items():
        if name not in ("first", "last", "indexed") and not isinstance(part, _KINDS[name]):
            raise TypeError(f"a stored item's {name} is a {type(part).__name__}")
    return item


_FIRST, _LAST, _INDEXED = (_ITEM_FIELDS.index(name) for name in ("first", "last", "indexed"))
#: The dict parts but the centroid: counts and headline shares, summed key by key and only
#: looked up (`_told` sums with `math.fsum`; the rest are read as sets), and made from sets of
#: strings (`Item.of`), so their order is the per-process hash order: `item_state` writes them
#: sorted, so two processes store one item as the same bytes. The centroid keeps its order,
#: which its norm is summed in.
_LOOKED_UP = tuple(
    at
    for at, part in enumerate(fields(Item))
    if part.default_factory is dict and part.name != "centroid"
)
#: The type each other part reads back as: its default's (a dict, an int, a float; the key an int).
_KINDS: dict[str, type] = {
    part.name: type(part.default_factory() if part.default_factory is not MISSING else part.default)
    for part in fields(Item)
    if part.name not in ("key", "first", "last", "indexed")
} | {"key": int}


def _iso(time: datetime | None) -> str | None:
    return None if time is None else time.isoformat()


def _time(value: str | None) -> datetime | None:
    return None if value is None else aware_time(value)


def aware_time(value: str) -> datetime:
    """A time stored as ISO text by a state (`item_state`): aware, as every time kept is.

    Raises:
        ValueError or TypeError: `value` is no ISO time with its zone.
    """
    time = datetime.fromisoformat(value)
    if time.tzinfo is None:
        raise ValueError(f"a stored time without its zone: {value}")
    return time


def json_object(value: Any) -> Any:
    """A JSON object of a state as parsed: weights or counts, in the order written (JSON
    writes a float with its point or exponent, so it reads back a float, exactly). Not
    copied: a state holds about a million such numbers.

    Raises:
        TypeError: `value` is no object.
    """
    if not isinstance(value, dict):
        raise TypeError("a stored vector or count is no object")
    return value


def _told(headed: Item, telling: Item) -> float | None:
    """Mean share of `headed`'s members' headline words used by `telling`'s members."""
    if headed.headed <= 0 or telling.size <= 0:
        return None
    common = headed.headlines.keys() & telling.mentioned.keys()
    told = math.fsum(headed.headlines[k] * telling.mentioned[k] for k in common)
    return min(1.0, told / (headed.headed * telling.size))


class CentroidIndex:
    """Items with centroids, found through postings of their heaviest features.

    `add`, `absorb` and `merge` change an item's sums and re-index it; `candidates` returns, in
    key order, the items indexed under any of a vector's heaviest features.
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
        # feature -> keys; a list as `place` was given it (a fraction of a set's memory) until
        # it changes, when it becomes a set; or the stored postings `place` was given, each
        # list read when it is looked up (a set once it changes)
        self._postings: MutableMapping[str, Collection[int]] = {}
        self._changes = 0  # centroid changes so far: the items' versions (never reused)

    def __len__(self) -> int:
        """Number of items."""
        return len(self._items)

    def settings(self) -> list[int]:
        """The sizes and the pruning slack its sums and postings are made with (JSON values):
        a state kept from an index of other settings would be summed and found otherwise."""
        return [self.query_features, self.index_features, self.centroid_features, _SLACK]

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
        self._postings = {}

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
        member = Item.of(vector, time=time, names=names)
        return self.absorb(key, member, sign=1 if weight > 0 else -1)

    def absorb(self, key: int, member: Item, *, sign: int = 1) -> Item:
        """Add an item's members to the item `key` (opened when new), or take them back.

        Every part of an item is a sum over its members, so adding one member (`Item.of`) and
        merging two items are the same operation.

        Args:
            key: the item that grows.
            member: the members to add (left unchanged).
            sign: +1 to add them; -1 to take back members added before (the span stays).

        Returns:
            The item.
        """
        item = self._items.get(key)
        if item is None and sign > 0:
            return self._adopt(key, member)
        item = item or self.open(key, member.first)
        centroid = item.centroid
        for feature, value in member.centroid.items():
            centroid[feature] = centroid.get(feature, 0.0) + sign * value
        item.centroid = centroid = self._pruned(centroid)
        item.norm = squared_length(centroid) ** 0.5
        item.size += sign * member.size
        _add_counts(item.names, member.names, sign)
        _add_counts(item.mentioned, member.mentioned, sign)
        _add_counts(item.opened, member.opened, sign)
        _add_counts(item.dates, member.dates, sign)
        _add_counts(item.actors, member.actors, sign)
        _add_counts(item.particulars, member.particulars, sign)
        _add_counts(item.name_firsts, member.name_firsts, sign)
        _add_counts(item.subjects, member.subjects, sign)
        self._prune_counts(item)
        for word, share in member.headlines.items():
            total = item.headlines.get(word, 0.0) + sign * share
            if total > 1e-9:
                item.headlines[word] = total
            else:
                item.headlines.pop(word, None)
        item.headed += sign * member.headed
        if sign > 0:
            item.stretch(member.first)
            item.stretch(member.last)
        self._reindex(item)
        return item

    def extend(self, key: int, vectors: Iterable[Iterable[tuple[str, float]]]) -> Item:
        """Add members that have no time, names or words to the item `key`, in turn.

        The centroid is exactly what `add` gives member by member (the same sums in the same
        order, pruned at the same points); the item is measured and re-indexed once, at the end.

        Args:
            key: an item in the index.
            vectors: each member's (feature, weight) pairs, in its vector's order.

        Returns:
            The item.
        """
        item = self._items[key]
        centroid = item.centroid
        count = 0
        for vector in vectors:
            get = centroid.get
            for feature, value in vector:
                centroid[feature] = get(feature, 0.0) + value
            item.centroid = centroid = self._pruned(centroid)
            count += 1
        item.norm = squared_length(centroid) ** 0.5
        item.size += count
        self._reindex(item)
        return item

    def _adopt(self, key: int, member: Item) -> Item:
        """Open the item `key` as a copy of `member` (its own dicts, pruned and indexed)."""
        item = self._copy(key, member)
        self._items[key] = item
        self._reindex(item)
        return item

    def place(
        self, items: Iterable[tuple[int, datetime | None]], postings: Mapping[str, Iterable[int]]
    ) -> None:
        """Fill an empty index with items whose sums are not read yet, findable at once.

        Each item has its latest time but no centroid, size or other sums: its owner fills
        them (`fill`) before reading anything else of it, or taking it out.

        Args:
            items: (key, latest member time) of each item.
            postings: feature -> the keys posted under it: what `_reindex` gave the items when
                their sums were made (see `postings`); `StoredPostings` are kept as they are
                (a copy over the same buffer), their lists read when looked up.

        Raises:
            ValueError: the index is not empty, or a posting names an item not given, or twice.
        """
        if self._items:
            raise ValueError("items are placed into an empty index only")
        for key, last in items:
            item = Item(key=key, first=last, last=last)
            self._changes += 1
            item.version = self._changes
            self._items[key] = item
        # Lists are kept as given (never changed in place: a posting that changes is a set).
        lists: MutableMapping[str, Collection[int]]
        if isinstance(postings, StoredPostings):
            stored = postings.copy()
            sizes, keys = stored.arrays()
            lists = stored
        else:
            if set(map(type, postings.values())) <= {list}:  # as a rebuild gives them: C-level
                lists = dict(postings)  # type: ignore[arg-type]
            else:
                lists = {
                    feature: keys if isinstance(keys, list) else sorted(keys)
                    for feature, keys in postings.items()
                }
            sizes, keys = _flat(lists.values())
        problem = _misplaced(sizes, keys, self._items.keys())
        if problem:
            self.clear()
            raise ValueError(problem)
        self._postings = lists

    def settle(self, key: int, member: Item, *, copy: bool = True) -> Item:
        """The item `key` that `absorb` opens with `member` in an empty index (its sums copied
        and pruned as `_copy` prunes them, its `indexed` features those `_reindex` posts it
        under), outside the index: what `fill` takes back; the index is left unchanged.

        With `copy=False`, `member` itself becomes that item (its key, sums pruned in place,
        `indexed`): for a member made to be settled and used nowhere else, it saves copying
        every sum (5,000 stories of a rebuild at 100,000 articles)."""
        if copy:
            item = self._copy(key, member)
        else:
            item = member
            item.key = key
            self._prune(item)
        item.indexed = self._posted(item)
        return item

    def fill(self, item: Item) -> Item:
        """Give a placed item (`place`) its sums: `item` as `settle` gave it, taken as it is.

        The postings stay as placed: they are the item's `indexed` features when these are the
        sums the item was placed from (the owner's to ensure: the ingest origin writes both).

        Raises:
            ValueError: the item is not placed.
        """
        if item.key not in self._items:
            raise ValueError(f"item {item.key} is not placed")
        self._changes += 1
        item.version = self._changes
        self._items[item.key] = item
        return item

    def postings(self) -> dict[str, list[int]]:
        """Each posted feature with the keys posted under it (ascending), features sorted."""
        return {feature: sorted(self._postings[feature]) for feature in sorted(self._postings)}

    def stored_postings(self) -> Mapping[str, Sequence[int]] | StoredPostings:
        """`postings` to be stored: a copy of the postings read in place when that is what the
        index holds (`StoredPostings.parts` writes them without decoding every list)."""
        if isinstance(self._postings, StoredPostings):
            return self._postings.copy()
        return self.postings()

    def state(self) -> dict[str, Any]:
        """The whole index as JSON values (`load` takes it back): its items in the order kept,
        their postings and the change count."""
        return {
            "items": [item_state(item) for item in self._items.values()],
            "postings": self.postings(),
            "changes": self._changes,
        }

    def load(self, state: Mapping[str, Any]) -> None:
        """Fill an empty index with what `state` gave: every item and posting as it was.

        Raises:
            ValueError, KeyError or TypeError: the index is not empty, or `state` is not one
                `state` gives (an item not posted under its indexed features, or a posting of
                an item not given).
        """
        if self._items:
            raise ValueError("an index is loaded into an empty index only")
        items = {item.key: item for item in map(load_item, state["items"])}
        postings: dict[str, set[int]] = {
            feature: set(keys) for feature, keys in json_object(state["postings"]).items()
        }
        for item in items.values():
            if not all(item.key in postings.get(feature, ()) for feature in item.indexed):
                raise ValueError(f"item {item.key} is not posted under its indexed features")
        if not all(keys <= items.keys() for keys in postings.values()):
            raise ValueError("a posting names an item that is not given")
        self._items, self._postings = items, dict(postings)
        self._changes = int(state["changes"])

    def _copy(self, key: int, member: Item) -> Item:
        """An item `key` with copies of `member`'s sums, pruned as the index prunes (not
        indexed)."""
        item = Item(
            key=key,
            centroid=dict(member.centroid),
            norm=member.norm,
            size=member.size,
            first=member.first,
            last=member.last,
            names=dict(member.names),
            mentioned=dict(member.mentioned),
            opened=dict(member.opened),
            headlines=dict(member.headlines),
            headed=member.headed,
            dates=dict(member.dates),
            actors=dict(member.actors),
            particulars=dict(member.particulars),
            name_firsts=dict(member.name_firsts),
            subjects=dict(member.subjects),
        )
        self._prune(item)
        return item

    def _prune(self, item: Item) -> None:
        """Prune an item's sums as the index prunes them (`_pruned`, `_prune_counts`)."""
        pruned = self._pruned(item.centroid)
        if pruned is not item.centroid:
            item.centroid = pruned
            item.norm = squared_length(pruned) ** 0.5
        self._prune_counts(item)

    def _pruned(self, centroid: Vector) -> Vector:
        """The centroid itself, or its `centroid_features` heaviest features once it holds
        `_SLACK` times as many: the one pruning rule, for every centroid that grows."""
        if len(centroid) > _SLACK * self.centroid_features:
            return top(centroid, self.centroid_features)
        return centroid

    def _posted(self, item: Item) -> frozenset[str]:
        """The features an item is posted under: its centroid's `index_features` heaviest."""
        return frozenset(top(item.centroid, self.index_features))

    def _prune_counts(self, item: Item) -> None:
        """Keep the most used mention keys and particulars, as many as the centroid's features
        (by the centroid's rule: once they are `_SLACK` times as many). A key dropped here
        reads as never used: `cluster._headlines_differ` may then find a large event silent
        on a word a few of its articles did use."""
        size = self.centroid_features
        item.mentioned = _most_used(item.mentioned, size)
        item.opened = _most_used(item.opened, size)
        item.particulars = _most_used(item.particulars, size)
        item.name_firsts = _most_used(item.name_firsts, size)

    def merge(self, keep: int, drop: int) -> Item:
        """Fold the item `drop` into the item `keep` (sums, span, postings); `drop` is gone."""
        dropped = self.remove(drop)
        if dropped is None:
            raise KeyError(f"item {drop} is not in the index")
        return self.absorb(keep, dropped)

    def candidates(self, vector: Mapping[str, float], limit: int | None = None) -> list[int]:
        """Keys of the items indexed under any of the vector's heaviest features, in order.

        Args:
            vector: the query.
            limit: when given, at most this many keys: the features' postings are read
                rarest first (fewest items; then the heavier feature) and reading stops before
                a list that would go past the limit; when even the rarest list is longer, its
                newest (highest) keys. A feature that many items share tells little, so the
                cost of a lookup stays bounded however many items share a common vocabulary.
        """
        postings = self._postings
        found_lists = (postings.get(f) for f in top(vector, self.query_features))
        lists = [keys for keys in found_lists if keys is not None]
        found: set[int] = set()
        if limit is None:
            for keys in lists:
                found.update(keys)
            return sorted(found)
        for keys in sorted(lists, key=len):
            if len(found) + len(keys) <= limit:
                found.update(keys)
            elif found:
                break
            else:
                return sorted(heapq.nlargest(limit, keys))
        return sorted(found)

    def remove(self, key: int) -> Item | None:
        """Take an item out of the index (postings too); return it, or None when unknown."""
        item = self._items.pop(key, None)
        if item is not None:
            self._unindex(item, item.indexed)
            item.indexed = frozenset()
        return item

    def _reindex(self, item: Item) -> None:
        """Post the item under its heaviest features; every centroid change comes here."""
        self._changes += 1
        item.version = self._changes
        indexed = self._posted(item)
        self._unindex(item, item.indexed - indexed)
        postings = self._postings
        for feature in indexed - item.indexed:
            keys = postings.get(feature)
            if keys is None:  # no empty set made and thrown away per feature already posted
                postings[feature] = {item.key}
            elif isinstance(keys, set):
                keys.add(item.key)
            else:
                postings[feature] = {*keys, item.key}
        item.indexed = indexed

    def _unindex(self, item: Item, features: Iterable[str]) -> None:
        for feature in features:
            postings = self._postings.get(feature)
            if postings is None:
                continue
            if not isinstance(postings, set):
                postings = self._postings[feature] = set(postings)
            postings.discard(item.key)
            if not postings:
                del self._postings[feature]


def _flat(
    lists: Collection[Collection[int]],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Each list's length and every key, list after list, as arrays."""
    sizes = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    keys = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(sizes.sum()))
    return sizes, keys


def _misplaced(
    sizes: npt.NDArray[np.int64], keys: npt.NDArray[np.int64], placed: Collection[int]
) -> str:
    """What is wrong with postings given to `place` ("" when nothing), given as each list's
    length and every key (`_flat`): a key not placed, or a list whose keys do not ascend
    strictly. Checked on one array of every key (a few hundred thousand at 100,000
    articles), not key by key."""
    known = np.fromiter(placed, dtype=np.int64, count=len(placed))
    if not np.isin(keys, known).all():
        return "a posting names an item that is not placed"
    rising = np.diff(keys) > 0
    starts = np.cumsum(sizes)[:-1] - 1  # where one list ends and the next begins
    rising[starts[(starts >= 0) & (starts < len(rising))]] = True
    if not rising.all():
        return "a posting names an item twice, or out of order"
    return ""


def _add_counts(counts: dict[str, int], more: Mapping[str, int], sign: int) -> None:
    """Add (or, with sign -1, take back) counts, dropping counts that reach zero."""
    for key, value in more.items():
        count = counts.get(key, 0) + sign * value
        if count > 0:
            counts[key] = count
        else:
            counts.pop(key, None)


def _most_used(counts: dict[str, int], size: int) -> dict[str, int]:
    """The counts themselves, or their `size` highest (ties broken by key: deterministic) once
    they are `_SLACK` times as many."""
    if len(counts) <= _SLACK * size:
        return counts
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return dict(ranked[:size])
