"""Many cosines at once: estimates within the tolerance, and the same closest item and events."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from summarizer.events import cluster, cosines
from summarizer.events.cluster import EventAssignment, EventIndex
from summarizer.events.cosines import TOLERANCE, Cosines
from summarizer.events.index import CentroidIndex, Item
from tests.summarizer.test_events_cluster import make_doc


def _index(seed: int, items: int = 60) -> CentroidIndex:
    """Items of random members over a few vocabularies with common features."""
    rng = random.Random(seed)
    index = CentroidIndex(query_features=30, index_features=80, centroid_features=40)
    topics = [[f"t:{letter}{i}" for i in range(60)] for letter in "abcd"]
    for _ in range(items * 4):
        vector = {w: rng.random() for w in rng.sample(rng.choice(topics), rng.randint(1, 30))}
        index.add(rng.randint(1, items), vector)
    return index


def _exact_closest(
    query: dict[str, float], norm: float, items: list[Item]
) -> tuple[int | None, float]:
    best_key, best = None, 0.0
    for item in items:
        score = item.cosine(query, norm)
        if score > best:
            best_key, best = item.key, score
    return best_key, best


@pytest.mark.parametrize("seed", range(5))
def test_estimates_are_within_the_tolerance_and_the_closest_is_exact(seed: int) -> None:
    index = _index(seed)
    cosines = Cosines(kept=25)  # fewer than the items: arrays are dropped and made again
    items = index.items()
    for query_item in items:
        query, norm = query_item.centroid, query_item.norm
        estimates = cosines.estimate(query, norm, items)
        for item, estimate in zip(items, estimates.tolist(), strict=True):
            assert abs(estimate - item.cosine(query, norm)) < TOLERANCE / 10
        assert cosines.closest(query, norm, items) == _exact_closest(query, norm, items)


def test_ties_go_to_the_first_item_and_nothing_above_zero_gives_none() -> None:
    index = CentroidIndex(query_features=5, index_features=5, centroid_features=10)
    for key in (3, 1, 2):
        index.add(key, {"t:a": 0.6, "t:b": 0.8})
    index.add(4, {"t:z": 1.0})
    cosines = Cosines()
    items = [index.get(3), index.get(1), index.get(2), index.get(4)]
    assert all(item is not None for item in items)
    found = cosines.closest({"t:a": 0.6, "t:b": 0.8}, 1.0, items)  # type: ignore[arg-type]
    assert found[0] == 3 and found[1] == pytest.approx(1.0)
    assert cosines.closest({"t:q": 1.0}, 1.0, items) == (None, 0.0)  # type: ignore[arg-type]
    assert cosines.closest({"t:a": 1.0}, 1.0, []) == (None, 0.0)
    assert cosines.closest({}, 0.0, items) == (None, 0.0)  # type: ignore[arg-type]


def test_an_item_changed_since_its_arrays_were_made_is_read_again() -> None:
    index = CentroidIndex(query_features=5, index_features=5, centroid_features=10)
    index.add(1, {"t:a": 1.0})
    cosines = Cosines()
    item = index.get(1)
    assert item is not None
    assert cosines.estimate({"t:b": 1.0}, 1.0, [item]).tolist() == [0.0]
    index.add(1, {"t:b": 1.0})
    assert cosines.estimate({"t:b": 1.0}, 1.0, [item])[0] == pytest.approx(
        item.cosine({"t:b": 1.0})
    )


WORDS = [
    "flood storm rescue river town bridge rain water dam police",
    "election vote party leader campaign poll minister debate tax budget",
    "match goal striker coach league season cup team injury transfer",
    "market shares bank rates inflation prices trade profit oil company",
]
NAMES = ["Valencia", "Harwick", "Lowmere", "Arsenal", "Chelsea", "Saka", "Putin", "Madrid"]


def _stream(seed: int) -> list[EventAssignment]:
    """Random short reports over four subjects and a few names, hours apart."""
    rng = random.Random(seed)
    index = EventIndex()
    start = datetime(2024, 1, 1, tzinfo=UTC)
    assignments = []
    for article_id in range(1, 301):
        words = rng.choice(WORDS).split()
        names = rng.sample(NAMES, 2)
        title = f"{names[0]} " + " ".join(rng.sample(words, 4))
        body = " ".join(rng.choice(words) for _ in range(25)) + f" in {names[1]} and {names[0]}."
        when = start + timedelta(hours=rng.randint(0, 200))
        assignments.append(index.add(make_doc(article_id, f"{title}. {body}", when)))
    return assignments


@pytest.mark.parametrize("seed", range(3))
def test_events_estimated_below_the_threshold_change_no_assignment(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    fit = EventIndex._fit
    tested: list[int] = []

    def counted(self: EventIndex, event: Item, other: Item) -> float | None:
        tested.append(event.key)
        return fit(self, event, other)

    monkeypatch.setattr(EventIndex, "_fit", counted)
    estimated = _stream(seed)
    skipping = len(tested)
    monkeypatch.setattr(cluster, "TOLERANCE", 1e9)  # every candidate is tested
    assert _stream(seed) == estimated
    assert len(tested) - skipping > skipping  # most candidates were not tested
    assert any(assignment.merged for assignment in estimated) or any(
        not assignment.is_new for assignment in estimated
    )


def test_numbers_of_features_no_kept_item_has_start_over(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cosines, "_SPARE", 10)
    index = CentroidIndex(query_features=5, index_features=5, centroid_features=10)
    index.add(1, {"t:a": 1.0, "t:b": 1.0})
    item = index.get(1)
    assert item is not None
    found = cosines.Cosines()
    for day in range(40):  # every query names features never seen before
        query = {f"t:new{day}-{i}": 1.0 for i in range(3)} | {"t:a": 1.0}
        estimate = found.estimate(query, 2.0, [item])[0]
        assert estimate == pytest.approx(item.cosine(query, 2.0))
        assert len(found._numbers) <= 4 * 2 + 10 + 3


def test_a_centroid_taken_back_to_length_zero_has_the_cosine_zero() -> None:
    index = CentroidIndex(query_features=5, index_features=5, centroid_features=10)
    index.add(1, {"t:a": 1.0})
    index.add(1, {"t:a": 1.0}, weight=-1.0)  # its feature stays, weighing 0.0
    index.add(2, {"t:a": 0.6, "t:b": 0.8})
    empty, other = index.get(1), index.get(2)
    assert empty is not None and other is not None and empty.norm == 0.0 and empty.centroid
    found = Cosines()
    assert found.estimate({"t:a": 1.0}, 1.0, [empty, other]).tolist() == pytest.approx([0.0, 0.6])
    assert found.closest({"t:a": 1.0}, 1.0, [empty, other]) == (2, other.cosine({"t:a": 1.0}))
