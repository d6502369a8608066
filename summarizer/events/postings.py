"""Posting lists read in place: one buffer of names and keys, a list decoded when asked for."""

from __future__ import annotations

import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Collection, Iterator, Mapping, MutableMapping, Sequence
from itertools import chain
from operator import methodcaller
from typing import Literal

import numpy as np
import numpy.typing as npt

_ENCODE = methodcaller("encode", "utf-8", "surrogatepass")
#: The buffer is little-endian whatever the machine: a big-endian one reads a swapped copy.
_SWAP = sys.byteorder != "little"
_Code = Literal["I", "L", "q"]
_U32: _Code = "I" if array("I").itemsize == 4 else "L"
#: The buffer's counts: features, keys, the bytes of a key (4 or 8), 8 bytes each.
_COUNTS = 24


def postings_parts(postings: Mapping[str, Sequence[int]]) -> list[bytes]:
    """Postings (feature -> its keys, ascending) as the buffer `StoredPostings` reads in place,
    in parts to be stored one after another (never joined: the rebuild writes them while it
    holds the most).

    The layout, little-endian: the counts (features, keys, the bytes of a key: 8 bytes each);
    each feature's CRC-32 (of its UTF-8 name), ascending (a tie in the order of the names'
    bytes); where each one's name ends in the names; where each one's keys end among the keys
    (32-bit numbers each); the keys, list after list (32-bit while every key fits, else 64-bit
    signed); the names, one after another. Made in arrays, without a Python object per
    feature (300,000 at 100,000 articles) but the lists given.

    Raises:
        ValueError: more names or keys than 32-bit positions tell apart.
    """
    count = len(postings)
    features = np.fromiter(postings, dtype=object, count=count)
    hashes = np.fromiter(map(zlib.crc32, map(_ENCODE, features)), dtype=np.uint32, count=count)
    order = np.argsort(hashes, kind="stable")
    ordered: list[str] = features[order].tolist()
    hashes = hashes[order]
    del features, order
    _sort_ties(ordered, hashes)
    # each array is made into its part and dropped at once: no two copies of the keys are held
    lists = list(map(postings.__getitem__, ordered))
    sizes = np.fromiter(map(len, lists), dtype=np.int64, count=count)
    keys = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(sizes.sum()))
    del lists
    total = len(keys)
    wide = bool(total) and (int(keys.min()) < 0 or int(keys.max()) >= 1 << 32)
    stored_keys = keys.astype("<i8" if wide else "<u4").tobytes()
    del keys
    ends = [
        np.cumsum(np.fromiter(map(len, map(_ENCODE, ordered)), dtype=np.int64, count=count)),
        np.cumsum(sizes),
    ]
    if count and max(int(ends[0][-1]), int(ends[1][-1])) >= 1 << 32:
        raise ValueError("too many posted names or keys for 32-bit positions")
    counts = (count, total, 8 if wide else 4)
    return [
        b"".join(number.to_bytes(8, "little") for number in counts),
        hashes.astype("<u4").tobytes(),
        *(end.astype("<u4").tobytes() for end in ends),
        stored_keys,
        "".join(ordered).encode("utf-8", "surrogatepass"),
    ]


def _sort_ties(ordered: list[str], hashes: npt.NDArray[np.uint32]) -> None:
    """Put each run of features of one hash (`hashes` ascending, the features' hashes in
    their order) in the order of their names' bytes, in place."""
    tied = np.flatnonzero(hashes[1:] == hashes[:-1]).tolist()  # each feature with the next's
    at = 0
    while at < len(tied):
        start = end = tied[at]
        while at < len(tied) and tied[at] == end:
            at += 1
            end += 1
        ordered[start : end + 1] = sorted(ordered[start : end + 1], key=_ENCODE)


class StoredPostings(MutableMapping[str, Collection[int]]):
    """Feature -> the keys posted under it, kept as the one buffer `postings_parts` made.

    Nothing is decoded when it is made: a feature is found by a binary search of its CRC-32
    among the stored ones (each name of that hash compared: two names may share one), and
    its keys are decoded (a list, ascending) each time it is asked for. Writes go to a small
    overlay of changed features (`CentroidIndex` writes a feature's keys back as a set), and a
    stored list changed or deleted is hidden: the mapping reads as a dict of the stored lists
    with the changes made. A follower of the ingest origin so holds its 300,000 lists (at
    100,000 articles) as about 12 MB of bytes, not as lists of numbers.
    """

    def __init__(self, data: bytes) -> None:
        """Read the buffer of `postings_parts` (joined; read in place: views of `data`, not copies).

        Raises:
            ValueError: `data` is not what `postings_parts` gives.
        """
        view = memoryview(data)
        if len(view) < _COUNTS:
            raise ValueError("the stored postings are cut short")
        count, total, width = (int.from_bytes(view[at : at + 8], "little") for at in (0, 8, 16))
        if width not in (4, 8):
            raise ValueError("the stored postings' keys are of no known width")
        names = _COUNTS + 12 * count + width * total
        if len(view) < names:
            raise ValueError("the stored postings are cut short")
        self._data = data
        self._count = count
        self._hashes = _numbers(view, _COUNTS, count, _U32)
        self._name_ends = _numbers(view, _COUNTS + 4 * count, count, _U32)
        self._key_ends = _numbers(view, _COUNTS + 8 * count, count, _U32)
        self._keys = _numbers(view, _COUNTS + 12 * count, total, _U32 if width == 4 else "q")
        self._names = view[names:]
        self._overlay: dict[str, Collection[int]] = {}
        self._hidden: set[str] = set()  # stored features deleted, or written to the overlay
        self._check()

    def _check(self) -> None:
        """Raise ValueError when the tables do not describe the buffer (lengths and order)."""
        hashes = np.asarray(self._hashes, dtype=np.uint32)
        name_ends = np.asarray(self._name_ends, dtype=np.int64)
        key_ends = np.asarray(self._key_ends, dtype=np.int64)
        if self._count and (name_ends[-1] != len(self._names) or key_ends[-1] != len(self._keys)):
            raise ValueError("the stored postings' names or keys are not those of the tables")
        if not self._count and (len(self._names) or len(self._keys)):
            raise ValueError("the stored postings hold keys of no feature")
        if (np.diff(hashes.astype(np.int64)) < 0).any() or (np.diff(name_ends) < 0).any():
            raise ValueError("the stored postings' hashes or names are out of order")
        if self._count and (key_ends[0] < 1 or (np.diff(key_ends) < 1).any()):
            raise ValueError("a stored posting holds no key")
        for at in np.flatnonzero(hashes[1:] == hashes[:-1]).tolist():  # a few hashes of two
            if bytes(self._name(at)) >= bytes(self._name(at + 1)):
                raise ValueError("the stored postings name a feature twice")

    def _name(self, at: int) -> memoryview:
        return self._names[self._name_ends[at - 1] if at else 0 : self._name_ends[at]]

    def _find(self, feature: str) -> int:
        """The stored feature's position (-1: none), hidden or not."""
        name = _ENCODE(feature)
        code = zlib.crc32(name)
        hashes = self._hashes
        at = bisect_left(hashes, code)
        while at < self._count and hashes[at] == code:
            if self._name(at) == name:
                return at
            at += 1
        return -1

    def _stored(self, at: int) -> list[int]:
        return self._keys[self._key_ends[at - 1] if at else 0 : self._key_ends[at]].tolist()

    def __getitem__(self, feature: str) -> Collection[int]:
        """The keys posted under `feature` (stored: a new list, ascending, each time)."""
        changed = self._overlay.get(feature)
        if changed is not None:
            return changed
        at = -1 if feature in self._hidden else self._find(feature)
        if at < 0:
            raise KeyError(feature)
        return self._stored(at)

    def __setitem__(self, feature: str, keys: Collection[int]) -> None:
        """Post `keys` under `feature` (kept as given, in place of any stored list)."""
        self._overlay[feature] = keys
        if feature not in self._hidden and self._find(feature) >= 0:
            self._hidden.add(feature)

    def __delitem__(self, feature: str) -> None:
        if feature in self._overlay:
            del self._overlay[feature]  # a stored list of it is hidden already
        elif feature not in self._hidden and self._find(feature) >= 0:
            self._hidden.add(feature)
        else:
            raise KeyError(feature)

    def __len__(self) -> int:
        return len(self._overlay) + self._count - len(self._hidden)

    def __iter__(self) -> Iterator[str]:
        """The changed features, then the stored ones in the order of their hashes."""
        yield from list(self._overlay)
        hidden = self._hidden
        for at in range(self._count):
            feature = str(self._name(at), "utf-8", "surrogatepass")
            if feature not in hidden:
                yield feature

    def copy(self) -> StoredPostings:
        """The same postings over the same buffer; writes to either leave the other as it is."""
        copied = StoredPostings.__new__(StoredPostings)
        for name in ("_data", "_count", "_hashes", "_name_ends", "_key_ends", "_keys", "_names"):
            setattr(copied, name, getattr(self, name))
        copied._overlay = {f: set(keys) for f, keys in self._overlay.items()}
        copied._hidden = set(self._hidden)
        return copied

    def parts(self) -> list[bytes]:
        """The postings as they read now, as `postings_parts` gives them (the same bytes),
        made from the buffer and the overlay: the stored features are copied in runs between
        the changed ones, never decoded one by one nor indexed byte by byte (a checkpoint of
        the ingest origin writes them; about 10 MB at 100,000 articles, made with little more).
        """
        if not self._overlay and not self._hidden:  # the buffer as it is
            return [bytes(self._data)]
        width = 4 if self._keys.format in ("I", "L") else 8
        added = sorted(
            (zlib.crc32(name), name, sorted(keys))
            for name, keys in ((_ENCODE(f), k) for f, k in self._overlay.items())
        )
        if width == 8 or any(key < 0 or key >= 1 << 32 for _, _, keys in added for key in keys):
            return postings_parts({f: sorted(self[f]) for f in self})  # wide keys: rare
        hidden = sorted(self._find(feature) for feature in self._hidden)
        # each added feature goes before the first stored one that sorts after it
        places = [self._place(code, name) for code, name, _ in added]
        cuts = sorted({0, self._count, *hidden, *(h + 1 for h in hidden), *places})
        skip = set(hidden)
        hashes: list[bytes] = []
        names: list[bytes] = []
        keys: list[bytes] = []
        name_sizes: list[npt.NDArray[np.int64]] = []
        key_sizes: list[npt.NDArray[np.int64]] = []
        name_ends = np.asarray(self._name_ends, dtype=np.int64)
        key_ends = np.asarray(self._key_ends, dtype=np.int64)
        at = 0  # the next added feature
        for low, high in zip(cuts, [*cuts[1:], self._count], strict=True):
            while at < len(added) and places[at] == low:
                code, name, listed = added[at]
                hashes.append(code.to_bytes(4, "little"))
                names.append(name)
                keys.append(array(_U32, listed).tobytes() if not _SWAP else _swapped(listed))
                name_sizes.append(np.array([len(name)], dtype=np.int64))
                key_sizes.append(np.array([len(listed)], dtype=np.int64))
                at += 1
            if low >= high or low in skip:
                continue
            name_low = int(name_ends[low - 1]) if low else 0
            key_low = int(key_ends[low - 1]) if low else 0
            hashes.append(self._hashes[low:high].tobytes())
            names.append(self._names[name_low : int(name_ends[high - 1])].tobytes())
            keys.append(self._keys[key_low : int(key_ends[high - 1])].tobytes())
            name_sizes.append(np.diff(name_ends[low:high], prepend=name_low))
            key_sizes.append(np.diff(key_ends[low:high], prepend=key_low))
        if _SWAP:  # the tables were read swapped: store them little-endian again
            hashes = [_swapped_bytes(part) for part in hashes]
            keys = [_swapped_bytes(part) for part in keys]
        ends = [
            np.cumsum(np.concatenate(name_sizes)) if name_sizes else np.zeros(0, np.int64),
            np.cumsum(np.concatenate(key_sizes)) if key_sizes else np.zeros(0, np.int64),
        ]
        count, total = len(ends[1]), int(ends[1][-1]) if len(ends[1]) else 0
        if count and int(ends[0][-1]) >= 1 << 32:
            raise ValueError("too many posted names or keys for 32-bit positions")
        return [
            b"".join(n.to_bytes(8, "little") for n in (count, total, 4)),
            b"".join(hashes),
            *(end.astype("<u4").tobytes() for end in ends),
            b"".join(keys),
            b"".join(names),
        ]

    def _place(self, code: int, name: bytes) -> int:
        """Where a feature of this hash and name goes among the stored ones: before the first
        that sorts after it (by hash, then by the name's bytes)."""
        at = bisect_left(self._hashes, code)
        while at < self._count and self._hashes[at] == code and bytes(self._name(at)) < name:
            at += 1
        return at

    def arrays(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Each list's length and every key, list after list (the stored ones without
        decoding a list, when nothing was written)."""
        if self._overlay or self._hidden:
            lists = list(self.values())
            sizes = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
            keys = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(sizes.sum()))
            return sizes, keys
        ends = np.asarray(self._key_ends, dtype=np.int64)
        return np.diff(ends, prepend=0), np.asarray(self._keys, dtype=np.int64)


def _swapped(keys: list[int]) -> bytes:
    """32-bit keys as little-endian bytes on a big-endian machine."""
    numbers = array(_U32, keys)
    numbers.byteswap()
    return numbers.tobytes()


def _swapped_bytes(part: bytes) -> bytes:
    """A run of 32-bit numbers in the machine's order, as little-endian bytes."""
    numbers = array(_U32)
    numbers.frombytes(part)
    numbers.byteswap()
    return numbers.tobytes()


def _numbers(view: memoryview, start: int, count: int, code: _Code) -> memoryview:
    """`count` little-endian numbers of the type `code` from `start` of the buffer: a view of
    it, or, on a big-endian machine, of a swapped copy."""
    size = array(code).itemsize
    part = view[start : start + size * count]
    if not _SWAP:
        return part.cast(code)
    numbers = array(code)
    numbers.frombytes(part)
    numbers.byteswap()
    return memoryview(numbers)
