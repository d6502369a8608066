"""What each story holds, told without reading it: every story that holds a feature is named."""

from __future__ import annotations

import pytest

from summarizer.events.held import HELD, HeldFeatures
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
