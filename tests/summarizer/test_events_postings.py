"""Stored postings: lists read where they lie, found by hash and name, written to an overlay."""

from __future__ import annotations

import random
import zlib
from collections.abc import Collection

import pytest

from summarizer.events.postings import StoredPostings, postings_parts

#: Two names of one CRC-32, found by a brute-force birthday search over random 10-letter words
#: (names that differ in a few neighbouring bytes never share one: a CRC tells such bursts apart).
SHARED = ("t:dxducrhxxo", "t:amkmdxnlwr")


def _random_postings(seed: int, size: int, high: int) -> dict[str, list[int]]:
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyzéü"
    postings: dict[str, list[int]] = {}
    for _ in range(size):
        name = rng.choice(["e:", "t:", "s:", "n:"]) + "".join(
            rng.choices(letters, k=rng.randint(1, 12))
        )
        postings[name] = sorted(rng.sample(range(high), rng.randint(1, 6)))
    return postings


def _data(postings: dict[str, list[int]]) -> bytes:
    return b"".join(postings_parts(postings))


def stored_postings(postings: dict[str, list[int]]) -> StoredPostings:
    """The postings as the ingest origin stores them, read back in place."""
    return StoredPostings(_data(postings))


@pytest.mark.parametrize(("seed", "high"), [(0, 50), (1, 1 << 40), (2, 1 << 32)])
def test_stored_postings_read_back_as_given(seed: int, high: int) -> None:
    postings = _random_postings(seed, 400, high)
    postings["x:\ud800 lone"] = [3]  # a lone surrogate, as a feature of a broken text may hold
    stored = stored_postings(postings)
    assert len(stored) == len(postings) and sorted(stored) == sorted(postings)
    assert stored == postings  # every list, ascending, as given
    assert all(stored[name] == keys for name, keys in postings.items())
    sizes, keys = stored.arrays()
    assert sizes.tolist() == [len(stored[name]) for name in stored]
    assert keys.tolist() == [key for name in stored for key in stored[name]]


def test_an_empty_posting_is_stored_and_read() -> None:
    stored = stored_postings({})
    assert len(stored) == 0 and list(stored) == [] and stored.get("t:a") is None


def test_absent_names_are_not_found() -> None:
    stored = stored_postings({"t:a": [1, 2], "e:b": [3]})
    for absent in ("t:b", "t:", "", "t:aa", "e:b ", "T:a"):
        assert absent not in stored and stored.get(absent) is None
        with pytest.raises(KeyError):
            stored[absent]
        with pytest.raises(KeyError):
            del stored[absent]


def test_names_of_one_hash_are_told_apart_by_their_names() -> None:
    first, second = (name.encode() for name in SHARED)
    assert zlib.crc32(first) == zlib.crc32(second)  # the pair still collides
    both = stored_postings({SHARED[0]: [1], SHARED[1]: [2, 3], "t:other": [4]})
    assert (both[SHARED[0]], both[SHARED[1]]) == ([1], [2, 3])
    one = stored_postings({SHARED[1]: [2, 3], "t:other": [4]})
    assert SHARED[0] not in one and one[SHARED[1]] == [2, 3]
    both[SHARED[0]] = {1, 7}  # a write to one name leaves the other's list
    del both[SHARED[1]]
    assert both == {SHARED[0]: {1, 7}, "t:other": [4]}
    with pytest.raises(KeyError):
        del one[SHARED[0]]


def test_writes_after_reads_act_as_on_a_dict() -> None:
    # The same random reads, writes (a set, as the index writes) and deletes on the stored
    # postings and on a dict of the same lists: the same answers, and the same mapping after.
    postings = _random_postings(3, 200, 60)
    stored, plain = stored_postings(postings), dict[str, Collection[int]](postings)
    rng = random.Random(4)
    names = [*postings, "t:new", "e:other"]
    for step in range(2000):
        name = rng.choice(names)
        action = rng.randrange(4)
        assert (name in stored) == (name in plain)
        if action == 0:
            assert stored.get(name) == plain.get(name)
        elif action == 1:
            keys = {*stored.get(name, ()), step}
            stored[name] = plain[name] = keys
        elif action == 2 and name in plain:
            keys = set(plain[name])
            keys.discard(min(keys))
            if keys:
                stored[name] = plain[name] = keys
            else:  # as the index drops a posting it empties
                del stored[name], plain[name]
        elif action == 3 and name in plain:
            del stored[name], plain[name]
        assert len(stored) == len(plain)
    assert stored == plain and sorted(stored) == sorted(plain)
    sizes, keys = stored.arrays()
    assert sizes.tolist() == [len(plain[name]) for name in stored]
    assert keys.tolist() == [key for name in stored for key in stored[name]]


def test_a_copy_shares_the_buffer_and_not_the_writes() -> None:
    stored = stored_postings({"t:a": [1], "t:b": [2]})
    stored["t:a"] = {1, 5}
    copied = stored.copy()
    copied["t:a"].add(6)  # type: ignore[attr-defined]
    del copied["t:b"]
    assert stored == {"t:a": {1, 5}, "t:b": [2]}
    assert copied == {"t:a": {1, 5, 6}}


def test_a_damaged_buffer_is_refused() -> None:
    data = _data({"t:a": [1, 2], "t:b": [3], SHARED[0]: [4], SHARED[1]: [5]})
    table = 24 + 4 * 4  # the counts, then the hashes: the first name's end
    damaged = [
        data[:-1],  # a name cut short
        data + b"x",  # a name too long
        data[:16] + (3).to_bytes(8, "little") + data[24:],  # keys of no known width
        data[:table] + (99).to_bytes(4, "little") + data[table + 4 :],  # names out of order
        data[:24] + data[36:40] + data[28:36] + data[24:28] + data[40:],  # hashes out of order
        data[:8] + (9).to_bytes(8, "little") + data[16:],  # more keys than stored
        b"",
    ]
    for bad in damaged:
        with pytest.raises(ValueError):
            StoredPostings(bad)
    twice = bytearray(data)  # the pair of one hash: the second given the first's name
    names = data[-(len(SHARED[0]) + len(SHARED[1]) + 6) :]
    assert SHARED[0].encode() in names and SHARED[1].encode() in names
    twice[len(data) - len(names) :] = names.replace(SHARED[1].encode(), SHARED[0].encode())
    with pytest.raises(ValueError, match="twice"):
        StoredPostings(bytes(twice))


@pytest.mark.parametrize(("seed", "high"), [(3, 400), (4, 1 << 33)])
def test_parts_of_changed_postings_are_those_of_the_lists_they_read_as(
    seed: int, high: int
) -> None:
    # A checkpoint of the ingest origin stores the postings as they read now from the stored
    # buffer and its overlay, without decoding each list: the same bytes as the lists give.
    rng = random.Random(seed)
    for _ in range(40):
        given = _random_postings(rng.randint(0, 10**6), rng.randint(0, 40), 400)
        given.update({SHARED[0]: [1, 2]} if rng.random() < 0.5 else {})
        stored, truth = stored_postings(given), dict(given)
        assert b"".join(stored.parts()) == _data(truth)
        for _ in range(rng.randint(1, 15)):
            names = list(stored)
            if names and rng.random() < 0.3:
                name = rng.choice(names)
                del stored[name], truth[name]
            else:
                name = rng.choice([*names, SHARED[1], f"t:new{rng.randint(0, 99)}"])
                keys = set(rng.sample(range(1, high), rng.randint(1, 4)))
                stored[name], truth[name] = keys, sorted(keys)
        assert b"".join(stored.parts()) == _data(truth)
