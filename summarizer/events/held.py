"""Which stories may hold a feature, told without reading them: hashes of their held features."""

from __future__ import annotations

import zlib
from collections.abc import Collection, Iterable
from operator import methodcaller

import numpy as np
import numpy.typing as npt

from summarizer.events.index import Item

#: Below this weight a feature of a sum is what taking a member back left of it, not held.
HELD = 1e-9

_ENCODE = methodcaller("encode", "utf-8", "surrogatepass")


def _hashes(features: Iterable[str]) -> npt.NDArray[np.uint32]:
    """The CRC-32 of each feature's UTF-8 text (the same in every process, unlike `hash`)."""
    return np.fromiter(map(zlib.crc32, map(_ENCODE, features)), dtype=np.uint32)


class HeldFeatures:
    """The features each story's centroid holds (weight above `HELD`), as 32-bit hashes.

    `among` names every story that holds one of the features asked for, and rarely one more
    (two features of one hash): a story it does not name holds none of them, for certain. So a
    linker that needs a story only when it holds a feature (an anchor) can pass over the
    stories not named without reading them. Kept as two arrays sorted by hash (the hashes and
    the story keys), so a question is a few binary searches; `data` and `from_data` store them.
    """

    def __init__(self, hashes: npt.NDArray[np.uint32], keys: npt.NDArray[np.int64]) -> None:
        """Take hashes and story keys of equal length, sorted by hash (`Builder.done` makes
        them)."""
        if hashes.shape != keys.shape or hashes.ndim != 1:
            raise ValueError("the held features' hashes and keys differ in length")
        if len(hashes) > 1 and not bool((hashes[1:] >= hashes[:-1]).all()):
            raise ValueError("the held features' hashes are not sorted")
        self._hashes = hashes
        self._keys = keys

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
        at = starts + np.arange(int(sizes.sum()))
        return set(self._keys[at].tolist())

    def data(self) -> bytes:
        """The arrays as bytes (count, hashes, keys; little-endian), as `from_data` reads."""
        count = len(self._hashes).to_bytes(8, "little")
        hashes = self._hashes.astype("<u4", copy=False).tobytes()
        return count + hashes + self._keys.astype("<i8", copy=False).tobytes()

    @classmethod
    def from_data(cls, data: bytes) -> HeldFeatures:
        """The held features `data` stored.

        Raises:
            ValueError: `data` is not what `data` gives.
        """
        count = int.from_bytes(data[:8], "little")
        if len(data) != 8 + 12 * count:
            raise ValueError("the held features are cut short")
        # views of `data`, not copies (about 12 bytes a feature of every story)
        hashes = np.frombuffer(data, dtype="<u4", count=count, offset=8)
        keys = np.frombuffer(data, dtype="<i8", count=count, offset=8 + 4 * count)
        return cls(hashes.astype(np.uint32, copy=False), keys.astype(np.int64, copy=False))

    class Builder:
        """Collects each story's held features (`add`) into a `HeldFeatures` (`done`)."""

        def __init__(self) -> None:
            self._hashes: list[npt.NDArray[np.uint32]] = []
            self._keys: list[npt.NDArray[np.int64]] = []

        def add(self, item: Item) -> None:
            """Add a story's held features: those of its centroid above `HELD`."""
            centroid = item.centroid
            weights = np.fromiter(centroid.values(), dtype=np.float64, count=len(centroid))
            if bool((weights > HELD).all()):
                held: Iterable[str] = centroid
            else:
                held = [f for f, w in zip(centroid, weights.tolist(), strict=True) if w > HELD]
            hashes = np.unique(_hashes(held))
            self._hashes.append(hashes)
            self._keys.append(np.full(len(hashes), item.key, dtype=np.int64))

        def done(self) -> HeldFeatures:
            """The stories added so far, as one `HeldFeatures`."""
            if not self._hashes:
                return HeldFeatures(np.zeros(0, np.uint32), np.zeros(0, np.int64))
            hashes = np.concatenate(self._hashes)
            keys = np.concatenate(self._keys)
            order = np.argsort(hashes, kind="stable")
            return HeldFeatures(hashes[order], keys[order])
