"""Which stories may hold a feature, told without reading them: hashes of their held features."""

from __future__ import annotations

import zlib
from collections.abc import Collection, Iterable
from operator import methodcaller

import numpy as np
import numpy.typing as npt

from summarizer.events.features import FULL_NAME, SPECIFIC, TERM, TITLE_WORD
from summarizer.events.index import Item

#: Below this weight a feature of a sum is what taking a member back left of it, not held.
HELD = 1e-9

_ENCODE = methodcaller("encode", "utf-8", "surrogatepass")


#: The prefixes of names and of words (`str.startswith` tells them without a slice).
_NAMES = (FULL_NAME, SPECIFIC)
_WORDS = (TERM, TITLE_WORD)


def anchorable(feature: str) -> bool:
    """Whether a feature is of a kind that can anchor (see `stories.anchored`): a full or a
    specific name, or a single plain or title word (what a single name is written as).
    Entities, numbers and words of two or more never anchor: they are not kept."""
    return feature.startswith(_NAMES) or (feature.startswith(_WORDS) and " " not in feature)


def _hashes(features: Iterable[str]) -> npt.NDArray[np.uint32]:
    """The CRC-32 of each feature's UTF-8 text (the same in every process, unlike `hash`)."""
    return np.fromiter(map(zlib.crc32, map(_ENCODE, features)), dtype=np.uint32)


class HeldFeatures:
    """The anchorable features each story's centroid holds (weight above `HELD`), hashed.

    `among` names every story that holds one of the features asked for, and rarely one more
    (two features of one hash): a story it does not name holds none of them, for certain. So a
    linker that needs a story only when it holds an anchor of the query can pass over the
    stories not named without reading them. Kept as arrays sorted by hash (the 32-bit hashes
    and, for each, the position of its story among `stories`), so a question is a few binary
    searches; `data` and `from_data` store them (about 6 bytes a feature held).
    """

    def __init__(
        self,
        stories: npt.NDArray[np.int64],
        hashes: npt.NDArray[np.uint32],
        at: npt.NDArray[np.uint16] | npt.NDArray[np.uint32],
    ) -> None:
        """Take the story keys, and hashes with their story's position, sorted by hash
        (`Builder.done` makes them)."""
        if hashes.shape != at.shape or hashes.ndim != 1:
            raise ValueError("the held features' hashes and stories differ in length")
        if len(hashes) > 1 and not bool((hashes[1:] >= hashes[:-1]).all()):
            raise ValueError("the held features' hashes are not sorted")
        if len(at) and int(at.max()) >= len(stories):
            raise ValueError("a held feature names a story not given")
        self._stories = stories
        self._hashes = hashes
        self._at = at

    def among(self, features: Collection[str]) -> set[int]:
        """The stories that may hold one of `features` (every story that does)."""
        if not features or not len(self._hashes):
            return set()
        asked = _hashes(features)
        low = np.searchsorted(self._hashes, asked, side="left")
        high = np.searchsorted(self._hashes, asked, side="right")
        found = high > low
        if not found.any():
            return set()
        low, high = low[found], high[found]
        sizes = high - low
        # every position from each low to its high, in one array
        starts = np.repeat(low - np.concatenate(([0], np.cumsum(sizes)[:-1])), sizes)
        where = starts + np.arange(int(sizes.sum()))
        return set(self._stories[self._at[where]].tolist())

    def replaced(self, kept: Collection[int], items: Iterable[Item]) -> HeldFeatures:
        """The held features of the stories `kept` (as held here) and of `items` (as `Builder`
        adds them): a story's held features after it was read and changed, without sorting the
        hashes kept again (the items' are merged in)."""
        keys = np.fromiter(kept, dtype=np.int64)
        builder = HeldFeatures.Builder()
        for item in items:
            builder.add(item)
        added = builder.done()
        keep = np.isin(self._stories, keys)
        if int(keep.sum()) != len(keys):
            raise KeyError("a story kept is not held here")
        if bool(keep.all()) and not len(added._stories):
            return self
        position = np.cumsum(keep) - 1  # a kept story's position among those kept
        mask = keep[self._at]
        stories = np.concatenate([self._stories[keep], added._stories])
        width = np.dtype(_width(len(stories))).newbyteorder("=")
        at = position[self._at[mask]].astype(width)
        hashes = self._hashes[mask]
        where = np.searchsorted(hashes, added._hashes, side="right")
        return HeldFeatures(
            stories,
            np.insert(hashes, where, added._hashes),
            np.insert(at, where, (added._at + int(keep.sum())).astype(width)),
        )

    def data(self) -> bytes:
        """The arrays as bytes, as `from_data` reads them: the number of stories and of
        hashes (8 bytes each), the story keys (64-bit), the hashes (32-bit), the positions
        (16-bit, or 32-bit past 65,536 stories); little-endian."""
        sizes = len(self._stories).to_bytes(8, "little") + len(self._hashes).to_bytes(8, "little")
        return b"".join(
            [
                sizes,
                self._stories.astype("<i8", copy=False).tobytes(),
                self._hashes.astype("<u4", copy=False).tobytes(),
                self._at.astype(_width(len(self._stories)), copy=False).tobytes(),
            ]
        )

    @classmethod
    def from_data(cls, data: bytes) -> HeldFeatures:
        """The held features `data` stored (views of `data`, not copies).

        Raises:
            ValueError: `data` is not what `data` gives.
        """
        stories, count = int.from_bytes(data[:8], "little"), int.from_bytes(data[8:16], "little")
        width = np.dtype(_width(stories))
        if len(data) != 16 + 8 * stories + (4 + width.itemsize) * count:
            raise ValueError("the held features are cut short")
        keys = np.frombuffer(data, dtype="<i8", count=stories, offset=16)
        hashes = np.frombuffer(data, dtype="<u4", count=count, offset=16 + 8 * stories)
        at = np.frombuffer(data, dtype=width, count=count, offset=16 + 8 * stories + 4 * count)
        return cls(
            keys.astype(np.int64, copy=False),
            hashes.astype(np.uint32, copy=False),
            at.astype(width.newbyteorder("="), copy=False),
        )

    class Builder:
        """Collects each story's held features (`add`) into a `HeldFeatures` (`done`)."""

        def __init__(self) -> None:
            self._stories: list[int] = []
            self._hashes: list[npt.NDArray[np.uint32]] = []

        def add(self, item: Item) -> None:
            """Add a story's held features: the anchorable ones of its centroid above `HELD`."""
            self.add_hashes(item.key, held_hashes(item))

        def add_hashes(self, key: int, hashes: npt.NDArray[np.uint32]) -> None:
            """Add a story's held features as `held_hashes` gave them (unique, ascending)."""
            self._stories.append(key)
            self._hashes.append(hashes)

        def done(self) -> HeldFeatures:
            """The stories added so far, as one `HeldFeatures`."""
            stories = np.array(self._stories, dtype=np.int64)
            if not self._hashes:
                return HeldFeatures(stories, np.zeros(0, np.uint32), np.zeros(0, np.uint16))
            hashes = np.concatenate(self._hashes)
            sizes = [len(h) for h in self._hashes]
            width = np.dtype(_width(len(stories))).newbyteorder("=")
            at = np.repeat(np.arange(len(stories), dtype=width), sizes)
            order = np.argsort(hashes, kind="stable")
            return HeldFeatures(stories, hashes[order], at[order])


def held_hashes(item: Item) -> npt.NDArray[np.uint32]:
    """The hashes of a story's held features (`HeldFeatures.Builder.add`), once each, ascending:
    what a story's row keeps (summarizer.store.story_sums), as `hashes_data` stores them."""
    names, words = _NAMES, _WORDS  # `anchorable`, inlined: 2 million features a rebuild
    held = [
        f
        for f, w in item.centroid.items()
        if w > HELD and (f.startswith(names) or (f.startswith(words) and " " not in f))
    ]
    return _unique(_hashes(held))


def hashes_data(hashes: npt.NDArray[np.uint32]) -> bytes:
    """`held_hashes` as bytes (32-bit, little-endian), as `hashes_from_data` reads them."""
    return hashes.astype("<u4", copy=False).tobytes()


def hashes_from_data(data: bytes) -> npt.NDArray[np.uint32]:
    """The hashes `hashes_data` stored.

    Raises:
        ValueError: `data` is no whole number of 32-bit hashes, or they are not ascending.
    """
    hashes = np.frombuffer(data, dtype="<u4").astype(np.uint32, copy=False)
    if len(hashes) > 1 and not bool((hashes[1:] > hashes[:-1]).all()):
        raise ValueError("a story's held hashes are not ascending")
    return hashes


def _unique(hashes: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """The hashes once each, ascending (`np.unique`): sorted in place, and `np.unique` only
    when two are equal (two names of one hash are rare); a tenth of its cost a story."""
    hashes.sort()
    if len(hashes) > 1 and bool((hashes[1:] == hashes[:-1]).any()):
        return np.unique(hashes)
    return hashes


def _width(stories: int) -> str:
    """The stored type of a story's position: 16 bits while they fit, else 32."""
    return "<u2" if stories <= 1 << 16 else "<u4"
