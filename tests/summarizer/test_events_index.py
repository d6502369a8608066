"""The centroid index shared by events and stories: members, pruning, postings, lookup."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from summarizer.events.index import CentroidIndex

T0 = datetime(2024, 1, 1, tzinfo=UTC)


def small_index() -> CentroidIndex:
    return CentroidIndex(query_features=2, index_features=2, centroid_features=3)


def test_members_add_up_and_come_back_out() -> None:
    index = small_index()
    index.add(1, {"t:a": 0.8, "e:b": 0.6}, time=T0, names=["e:b"])
    item = index.add(1, {"t:a": 0.6, "e:c": 0.8}, time=T0 + timedelta(hours=2), names=["e:c"])
    assert item.size == 2 and item.first == T0 and item.last == T0 + timedelta(hours=2)
    assert item.centroid == pytest.approx({"t:a": 1.4, "e:b": 0.6, "e:c": 0.8})
    assert item.mean_similarity({"t:a": 1.0}) == pytest.approx(0.7)
    assert item.central_names() == {"e:b", "e:c"}
    item = index.add(1, {"t:a": 0.6, "e:c": 0.8}, names=["e:c"], weight=-1.0)
    assert item.size == 1 and item.names == {"e:b": 1}
    assert item.centroid["e:c"] == pytest.approx(0.0)


def test_lookup_reads_only_postings_of_the_heaviest_features() -> None:
    index = small_index()
    index.add(1, {"t:river": 0.9, "t:flood": 0.4, "t:rain": 0.1})
    index.add(2, {"t:match": 0.9, "t:goal": 0.4})
    assert index.candidates({"t:flood": 1.0}) == [1]
    assert index.candidates({"t:rain": 1.0}) == []  # not among item 1's two heaviest
    assert index.candidates({"t:goal": 0.5, "t:river": 0.5}) == [1, 2]
    index.remove(1)
    assert index.candidates({"t:river": 1.0}) == [] and 1 not in index and len(index) == 1


def test_centroids_are_pruned_to_their_heaviest_features() -> None:
    index = small_index()
    for i in range(7):
        item = index.add(1, {f"t:w{i}": 1.0 + i})
    assert len(item.centroid) <= 6 and "t:w6" in item.centroid and "t:w0" not in item.centroid
    assert item.mentions() == {feature[2:] for feature in item.centroid}
