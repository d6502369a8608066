"""The centroid index shared by events and stories: members, pruning, postings, lookup."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from summarizer.events.index import CentroidIndex, Item

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


def article(vector: dict[str, float], used: str, headline: str, hours: int = 0) -> Item:
    """A one-member item: mention keys and headline words given as space-separated keys."""
    return Item.of(
        vector,
        time=T0 + timedelta(hours=hours),
        used=used.split(),
        headline=frozenset(headline.split()),
    )


def test_merging_two_items_adds_up_their_members() -> None:
    index = small_index()
    index.absorb(1, article({"t:a": 1.0}, "polic urge order tbili", "polic urge order"))
    index.absorb(2, article({"t:b": 1.0}, "polic count rally tbili", "polic count", hours=5))
    index.absorb(2, article({"t:b": 0.6, "t:a": 0.8}, "polic rally", "rally", hours=2))
    merged = index.merge(1, 2)
    assert 2 not in index and index.candidates({"t:b": 1.0}) == [1]
    assert merged.size == 3 and merged.headed == 3
    assert (merged.first, merged.last) == (T0, T0 + timedelta(hours=5))
    assert merged.centroid == pytest.approx({"t:a": 1.8, "t:b": 1.6})
    assert merged.mentioned == {"polic": 3, "urge": 1, "order": 1, "tbili": 2, "count": 1,
                                "rally": 2}  # fmt: skip
    assert merged.headlines == pytest.approx(
        {"polic": 1 / 3 + 1 / 2, "urge": 1 / 3, "order": 1 / 3, "count": 1 / 2, "rally": 1.0}
    )
    assert sum(merged.headlines.values()) == pytest.approx(merged.headed)


def test_headline_support_is_told_both_ways_over_every_pair_of_members() -> None:
    urges = article({}, "polic urge order tbili parli", "polic urge order")
    counts = article({}, "polic count peopl rally tbili parli", "polic count peopl rally")
    # 1 of 3 of one headline is told by the other, 1 of 4 the other way round
    assert urges.headline_support(counts) == pytest.approx((1 / 3 * 1 / 4) ** 0.5)
    assert urges.headline_support(urges) == pytest.approx(1.0)
    index = CentroidIndex(query_features=2, index_features=2, centroid_features=50)
    index.absorb(1, urges)
    event = index.absorb(1, counts)
    retells = article({}, "polic urge order tbili", "tbili polic urge order")
    # each way a mean over the two members: the article tells all of one member's headline
    # and 1 of 4 words of the other's; one member tells all of its headline, the other 2 of 4
    assert event.headline_support(retells) == pytest.approx(
        ((1 + 1 / 4) / 2 * (1 + 2 / 4) / 2) ** 0.5
    )
    headless = Item.of({}, used=["polic"])
    assert headless.headline_support(urges) == pytest.approx(1 / 3)  # only one side has words
    assert headless.headline_support(Item.of({})) == 1.0


def test_a_capped_lookup_reads_the_rarest_postings_first() -> None:
    index = CentroidIndex(query_features=3, index_features=2, centroid_features=4)
    for key in range(1, 7):  # six items share "t:common"; item 3 alone has "e:rare"
        index.add(key, {"t:common": 1.0, ("e:rare" if key == 3 else f"e:own{key}"): 0.5})
    query = {"t:common": 1.0, "e:rare": 0.9, "e:own5": 0.8}
    assert index.candidates(query) == [1, 2, 3, 4, 5, 6]
    # the two rare lists fit in three; the common list would go past it: reading stops
    assert index.candidates(query, limit=3) == [3, 5]
    # even the rarest list is longer than the limit: its newest keys
    assert index.candidates({"t:common": 1.0}, limit=2) == [5, 6]
    assert index.candidates({"t:nothing": 1.0}, limit=2) == []


def test_dates_count_members_and_come_back_out() -> None:
    index = small_index()
    index.absorb(1, Item.of({"t:a": 1.0}, time=T0, dates=["05-04"], key=10))
    index.absorb(1, Item.of({"t:a": 1.0}, time=T0, dates=["05-04", "05-09"], key=11))
    item = index.absorb(2, Item.of({"t:b": 1.0}, time=T0, dates=["05-09"], key=12))
    assert item.dates == {"05-09": 1}
    merged = index.merge(1, 2)
    assert merged.dates == {"05-04": 2, "05-09": 2}
    taken = index.absorb(1, Item.of({"t:a": 1.0}, dates=["05-04", "05-09"]), sign=-1)
    assert taken.dates == {"05-04": 1, "05-09": 1}


def test_extending_an_item_gives_the_sums_of_adding_each_member() -> None:
    members = [
        {"t:a": 0.5, "t:b": 0.3, "t:c": 0.1},
        {"t:d": 0.7, "t:a": 0.2, "t:e": 0.05, "t:f": 0.04},  # past 6 features: pruned to 3
        {"t:g": 0.3, "t:b": 0.1 / 3, "t:a": 1e-3},
        {"t:h": 0.2, "t:i": 0.2, "t:j": 0.2, "t:k": 0.2},  # pruned again, ties by name
    ]
    one_by_one, extended = small_index(), small_index()
    for index in (one_by_one, extended):
        index.add(7, {"t:z": 0.9, "t:a": 0.1}, time=T0)
        index.add(8, {"t:a": 1.0})
    for member in members:
        one_by_one.add(7, member)
    item = extended.extend(7, (member.items() for member in members))
    expected = one_by_one.get(7)
    assert expected is not None
    assert list(item.centroid.items()) == list(expected.centroid.items())  # exact, in order
    assert (item.norm, item.size, item.first, item.last) == (
        expected.norm,
        expected.size,
        expected.first,
        expected.last,
    )
    assert item.indexed == expected.indexed
    for feature in ("t:a", "t:d", "t:h", "t:i", "t:z"):
        assert extended.candidates({feature: 1.0}) == one_by_one.candidates({feature: 1.0})
