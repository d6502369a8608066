"""What each story holds, told without reading it: every story that holds a feature is named."""

from __future__ import annotations

import pytest

from summarizer.events import stories
from summarizer.events.held import HELD, HeldFeatures, anchorable
from summarizer.events.index import Item


def _held(*items: Item) -> HeldFeatures:
    builder = HeldFeatures.Builder()
    for item in items:
        builder.add(item)
    return builder.done()


def test_every_story_that_holds_a_feature_is_named() -> None:
    held = _held(
        Item(key=3, centroid={"s:corvanti": 0.5, "t:share": 1.0}),
        Item(key=7, centroid={"t:share": 0.2, "f:ana lima": 0.4, "w:ü": 1.0}),
        Item(key=9, centroid={"s:corvanti": HELD / 2, "t:list": 1.0}),  # taken back: not held
    )
    assert held.among({"s:corvanti"}) == {3}
    assert held.among({"t:share", "s:none"}) == {3, 7}
    assert held.among({"f:ana lima", "w:ü", "t:list"}) == {7, 9}
    assert held.among({"t:none"}) == set() and held.among(set()) == set()
    assert _held().among({"t:share"}) == set()


def test_held_features_read_back_as_stored() -> None:
    held = _held(Item(key=4, centroid={"s:a": 1.0, "t:b": 0.5}), Item(key=5, centroid={"t:b": 1}))
    again = HeldFeatures.from_data(held.data())
    assert again.among({"t:b"}) == {4, 5} and again.among({"s:a"}) == {4}
    with pytest.raises(ValueError):
        HeldFeatures.from_data(held.data()[:-1])


def test_only_features_that_can_anchor_are_held() -> None:
    query = {"s:corvanti": 1.0, "s:hong kong": 1.0, "f:ana lima": 1.0, "t:tsunami": 1.0}
    query |= {"w:bailout": 1.0, "e:china": 1.0, "n:2024": 1.0, "t:interest rate": 1.0}
    probes = stories._anchor_probes(query)
    assert probes and all(anchorable(probe) for probe in probes)
    assert not any(anchorable(f) for f in ("e:china", "n:2024", "t:interest rate", "w:a b"))
    held = _held(Item(key=1, centroid=dict.fromkeys(query, 0.5)))
    assert held.among({"e:china", "n:2024", "t:interest rate"}) == set()
    assert held.among({"s:hong kong"}) == held.among({"t:tsunami"}) == {1}


def test_positions_past_65536_stories_are_kept_wider() -> None:
    items = [Item(key=10 * k, centroid={f"s:n{k % 7}": 1.0}) for k in range(70_000)]
    held = HeldFeatures.from_data(_held(*items).data())
    assert held.among({"s:n3"}) == {10 * k for k in range(3, 70_000, 7)}


def test_held_features_replaced_are_those_of_the_stories_built_again() -> None:
    # A checkpoint of the ingest origin keeps the unread stories' held features and takes the
    # read ones' from their sums now: the same answers as building them all again.
    import random

    rng = random.Random(5)
    words = [f"t:w{n}" for n in range(40)] + [f"s:n{n}" for n in range(40)]

    def story(key: int) -> Item:
        return Item(key=key, centroid={w: rng.random() for w in rng.sample(words, 6)})

    for _ in range(20):
        items = {key: story(key) for key in rng.sample(range(1, 300), rng.randint(0, 30))}
        held = _held(*items.values())
        kept = [key for key in items if rng.random() < 0.6]
        changed = [story(key) for key in items if key not in kept and rng.random() < 0.7]
        changed += [story(key) for key in range(300, 300 + rng.randint(0, 3))]
        replaced = held.replaced(kept, changed)
        again = _held(*(items[key] for key in kept), *changed)
        for word in words:
            assert replaced.among({word}) == again.among({word}), word
        assert HeldFeatures.from_data(replaced.data()).among(set(words)) == again.among(set(words))
    with pytest.raises(KeyError):
        _held(story(1)).replaced([2], [])
