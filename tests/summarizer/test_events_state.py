"""The event index's stored state: a loaded index is the index that was stored, part by part."""

from __future__ import annotations

import dataclasses
import json
import random
from datetime import UTC, datetime, timedelta

import pytest

from summarizer.events import cluster
from summarizer.events.cluster import EventAssignment, EventDoc, EventIndex
from summarizer.events.index import Item

_SUBJECTS = [
    ("Valencia", "Pedro Sanchez", ["floods", "rescue", "storm", "towns", "missing"]),
    ("Arsenal", "Bukayo Saka", ["derby", "scored", "league", "stadium", "goal"]),
    ("Nairobi", "William Ruto", ["protest", "tax", "police", "parliament", "bill"]),
    ("Kyoto", "Kenji Tanaka", ["temple", "tourists", "festival", "lanterns", "crowds"]),
]
_DAYS = ["Monday", "Tuesday", "Friday", ""]


def _docs(seed: int, count: int) -> list[EventDoc]:
    """Random short reports on four subjects over four days (some late), with weekdays, their
    titles opening with the family name of someone their text names in full."""
    rng = random.Random(seed)
    start = datetime(2025, 5, 1, tzinfo=UTC)
    docs = []
    for n in range(count):
        place, name, words = rng.choice(_SUBJECTS)
        picked = rng.sample(words, 3)
        day = rng.choice(_DAYS)
        title = f"{name.split()[1]} in {place}: {picked[0]} and {picked[1]} {day}".strip()
        body = f"{title}. Reports from {place} said {name} saw {' '.join(picked)} {day}."
        when = start + timedelta(hours=n * 96 / count + rng.uniform(-30, 6))
        docs.append(EventDoc(n + 1, title, body, rng.choice(["a", "b"]), when))
    return docs


def _item(item: Item) -> tuple[object, ...]:
    """Every part of an item (every field), its centroid in its order; its counts and headline
    words, which are only looked up (their sums exact, `math.fsum`) and come from sets (an
    article's stored features keep another order than its computed ones), sorted."""
    parts: list[object] = []
    for part in dataclasses.fields(Item):
        value = getattr(item, part.name)
        if part.name == "centroid":
            parts.append(list(value.items()))
        elif isinstance(value, dict | frozenset):
            parts.append(sorted(value.items() if isinstance(value, dict) else value))
        else:
            parts.append(value)
    return tuple(parts)


def event_index_state(index: EventIndex) -> list[object]:
    """The index's whole state: events with every sum, postings, frequencies, first articles,
    story vectors, expiry heap, grace queue, counts, newest time, next key."""
    documents, counts = index.frequencies.state()
    items = index._index
    return [
        index.next_key,
        documents,
        sorted(counts.items()),  # looked up only (built from sets: their order is the hash's)
        [_item(item) for item in items._items.values()],
        sorted((feature, sorted(keys)) for feature, keys in items._postings.items()),
        items._changes,
        list(index._touched.items()),
        [(key, list(vector.items())) for key, vector in index._stories.items()],
        [(key, _item(item)) for key, item in index._firsts.items()],
        [(time, time.utcoffset(), key) for time, key in index._expiry],
        list(index._grace),
        index._adds,
        index._newest,
    ]


def _stored(index: EventIndex) -> EventIndex:
    """The index as a process that follows loads it: its state through JSON text."""
    loaded = EventIndex(window=index.window, grace_adds=index.grace_adds)
    loaded.load(json.loads(json.dumps(index.state())))
    return loaded


def _grouped(docs: list[EventDoc], assignments: list[EventAssignment]) -> dict[int, list[EventDoc]]:
    """The articles of each event the assignments left (merged events' articles moved)."""
    events: dict[int, list[EventDoc]] = {}
    for doc, assignment in zip(docs, assignments, strict=True):
        events.setdefault(assignment.event_key, []).append(doc)
        for merged in assignment.merged:
            events[assignment.event_key].extend(events.pop(merged))
    return events


@pytest.mark.parametrize("seed", range(3))
def test_a_loaded_event_index_is_the_restored_one_and_decides_alike(seed: int) -> None:
    docs = _docs(seed, 360)

    def index() -> EventIndex:
        return EventIndex(window=timedelta(hours=12), grace_adds=20)

    history = index()
    made = [history.add(doc) for doc in docs[:240]]
    events = _grouped(docs[:240], made)
    restored = index()
    restored.restore(sorted(events.items())[-60:], next_key=history.next_key)
    loaded = _stored(restored)
    assert event_index_state(loaded) == event_index_state(restored)
    assert restored._grace and restored._expiry  # the queues are part of what is compared
    assert any(item.actors for item in restored._index.items())  # so are the titles' actors
    assert [loaded.add(doc) for doc in docs[240:]] == [restored.add(doc) for doc in docs[240:]]
    assert event_index_state(loaded) == event_index_state(restored)
    assert event_index_state(_stored(loaded)) == event_index_state(loaded)  # a grown index too


def test_a_state_that_does_not_hold_together_is_refused() -> None:
    index = EventIndex()
    for doc in _docs(1, 20):
        index.add(doc)
    state = json.loads(json.dumps(index.state()))
    state["touched"] = state["touched"][1:]
    with pytest.raises(ValueError):
        EventIndex().load(state)
    state = json.loads(json.dumps(index.state()))
    state["index"]["postings"] = {}
    with pytest.raises(ValueError):
        EventIndex().load(state)
    state = json.loads(json.dumps(index.state()))
    state["firsts"][0][1][2] = "heavy"
    with pytest.raises((ValueError, TypeError)):
        EventIndex().load(state)


def test_a_state_of_other_settings_or_code_is_refused_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = EventIndex(grace_adds=20)
    for doc in _docs(2, 20):
        made.add(doc)
    state = json.loads(json.dumps(made.state()))
    with pytest.raises(ValueError):
        EventIndex(grace_adds=500).load(state)
    with pytest.raises(ValueError):
        EventIndex(grace_adds=20, threshold=0.5).load(state)
    monkeypatch.setattr(cluster, "STATE_VERSION", cluster.STATE_VERSION + 1)
    with pytest.raises(ValueError):
        EventIndex(grace_adds=20).load(state)
    monkeypatch.undo()
    loaded = EventIndex(grace_adds=20)
    loaded.load(state)
    assert event_index_state(loaded) == event_index_state(made)
    # a part that cannot be read leaves the index as it was
    broken = json.loads(json.dumps(made.state()))
    broken["expiry"][0][0] = "not a time"
    kept = EventIndex(grace_adds=20)
    kept.add(_docs(3, 1)[0])
    before = event_index_state(kept)
    with pytest.raises(ValueError):
        kept.load(broken)
    assert event_index_state(kept) == before
