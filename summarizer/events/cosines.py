"""Cosines of one vector with many centroids at once: estimated with numpy, the best exact."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from operator import itemgetter

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_array

from summarizer.events.index import Item

#: Most that an estimate may be off from the exact cosine (`Item.cosine`, an exactly rounded
#: sum): the items' weights are kept as 32-bit floats (each off by at most 6e-8 of itself, so
#: the cosine by at most 6e-8) and the sums of a few thousand products in 64 bits err by about
#: 1e-13; a candidate estimated this far below the best estimate cannot be the closest.
TOLERANCE = 1e-6

_KEPT = 2_000  # items whose arrays are kept (8 bytes a feature), the most recently used
#: Features numbered beyond four times those of the kept arrays before the numbers start over:
#: a long-lived process sees new names every day, and numbers of features no kept item has
#: would otherwise pile up.
_SPARE = 100_000

_Arrays = tuple[int, npt.NDArray[np.int32], npt.NDArray[np.float32]]


class Cosines:
    """Many cosines of one query at once, for the items of one `CentroidIndex`.

    Each item's centroid is kept as an array of feature numbers and one of weights, made again
    when the item's version changes; the query is spread over a dense array, so one gather and
    one sum give every candidate's dot product. Decisions are made on exact cosines: the
    estimates only rule out candidates that cannot be the closest (see `closest`).
    """

    def __init__(self, kept: int = _KEPT) -> None:
        """Start with no feature numbered and no arrays kept.

        Args:
            kept: how many items' arrays to keep, the most recently used (made again when
                needed after they were dropped).
        """
        self.kept = kept
        self._numbers: dict[str, int] = {}
        self._arrays: OrderedDict[int, _Arrays] = OrderedDict()
        self._live = 0  # features in the kept arrays
        self._dense: npt.NDArray[np.float64] = np.zeros(1 << 12)

    def estimate(
        self, query: Mapping[str, float], norm: float, items: Sequence[Item]
    ) -> npt.NDArray[np.float64]:
        """Each item's cosine with the query (of length `norm`), within `TOLERANCE`.

        Items or a query of length 0 get 0.0, as `Item.cosine` gives.
        """
        result = np.zeros(len(items))
        if not items or norm == 0.0:
            return result
        if len(self._numbers) > 4 * self._live + _SPARE:
            self._numbers.clear()  # start over: the kept arrays are made again as needed
            self._arrays.clear()
            self._live = 0
        arrays = [self._of(item) for item in items]
        sizes = np.fromiter(
            (len(a[1]) if item.norm else 0 for a, item in zip(arrays, items, strict=True)),
            dtype=np.int32,
            count=len(arrays),
        )
        filled = np.flatnonzero(sizes).tolist()  # a centroid of length 0 has the cosine 0.0
        if not filled:
            return result
        numbers = self._number(query)
        dense = self._dense
        dense[numbers] = np.fromiter(query.values(), dtype=np.float64, count=len(numbers))
        try:
            dots = _products(dense, [arrays[i] for i in filled], sizes[filled])
        finally:
            dense[numbers] = 0.0
        norms = np.fromiter((items[i].norm for i in filled), dtype=np.float64, count=len(filled))
        result[filled] = dots / (norms * norm)
        return result

    def closest(
        self,
        query: Mapping[str, float],
        norm: float,
        items: Sequence[Item],
        estimates: npt.NDArray[np.float64] | None = None,
    ) -> tuple[int | None, float]:
        """The item with the highest cosine above 0.0 (the first in `items` on ties) and that
        exact cosine, as comparing every item's `Item.cosine` in turn gives; (None, 0.0) when
        none is above 0.0.

        Only the items estimated within twice `TOLERANCE` of the best estimate are compared
        exactly: any other is below the best by more than the estimates can err.
        """
        if estimates is None:
            estimates = self.estimate(query, norm, items)
        best_key: int | None = None
        best = 0.0
        if not len(estimates):
            return best_key, best
        floor = float(estimates.max()) - 2 * TOLERANCE
        for i in np.flatnonzero(estimates >= floor):
            item = items[int(i)]
            score = item.cosine(query, norm)
            if score > best:
                best_key, best = item.key, score
        return best_key, best

    def _of(self, item: Item) -> _Arrays:
        """The item's centroid as arrays, kept while its version holds."""
        kept = self._arrays.get(item.key)
        if kept is not None and kept[0] == item.version:
            self._arrays.move_to_end(item.key)
            return kept
        centroid = item.centroid
        made = (
            item.version,
            self._number(centroid),
            np.fromiter(centroid.values(), dtype=np.float32, count=len(centroid)),
        )
        if kept is not None:
            self._live -= len(kept[1])
        self._arrays[item.key] = made
        self._arrays.move_to_end(item.key)
        self._live += len(made[1])
        while len(self._arrays) > self.kept:
            self._live -= len(self._arrays.popitem(last=False)[1][1])
        return made

    def _number(self, vector: Mapping[str, float]) -> npt.NDArray[np.int32]:
        """The vector's features as numbers (new ones numbered), in its order."""
        numbers = self._numbers
        if len(vector) > 1:
            try:  # every feature numbered already: one C-level lookup of them all
                return np.array(itemgetter(*vector)(numbers), dtype=np.int32)
            except KeyError:
                pass
        get = numbers.get
        found = [get(feature, -1) for feature in vector]
        if -1 in found:
            for i, feature in enumerate(vector):
                if found[i] < 0:
                    found[i] = numbers.setdefault(feature, len(numbers))
            if len(numbers) > len(self._dense):
                grown = np.zeros(2 * len(numbers))
                grown[: len(self._dense)] = self._dense
                self._dense = grown
        return np.array(found, dtype=np.int32)


def _products(
    dense: npt.NDArray[np.float64], arrays: Sequence[_Arrays], sizes: npt.NDArray[np.int32]
) -> npt.NDArray[np.float64]:
    """The dot product of the dense query with each of the items' arrays (of these sizes):
    one sparse matrix of the items' rows times the query, gathered, multiplied and summed in
    one pass (in 64 bits)."""
    rows = np.zeros(len(arrays) + 1, dtype=np.int64)
    np.cumsum(sizes, out=rows[1:])
    if rows[-1] < np.iinfo(np.int32).max:
        rows = rows.astype(np.int32)
    features = np.concatenate([a[1] for a in arrays]).astype(rows.dtype, copy=False)
    weights = np.concatenate([a[2] for a in arrays], dtype=np.float64)
    matrix = csr_array((weights, features, rows), shape=(len(arrays), len(dense)))
    return np.asarray(matrix @ dense, dtype=np.float64)
