"""Sparse TF-IDF sentence space and the graph maths of digests (LexRank, cross-outlet support)."""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from summarizer.events.features import terms

logger = logging.getLogger(__name__)


class SentenceSpace:
    """Sentences as unit-length sublinear TF-IDF rows of a sparse matrix (IDF over sentences)."""

    def __init__(self, texts: Sequence[str], language: str = "en") -> None:
        """Vectorise the sentences.

        Args:
            texts: the sentences.
            language: ISO 639-1 code for stop words and stemming.
        """
        self.language = language
        tokenised = [Counter(terms(text, language)) for text in texts]
        df: Counter[str] = Counter()
        for counts in tokenised:
            df.update(counts.keys())
        self.vocabulary = {term: i for i, term in enumerate(sorted(df))}
        n = max(len(texts), 1)
        self.idf = {term: math.log(n / count) + 1.0 for term, count in df.items()}
        self._idf_by_column = np.array([self.idf[term] for term in self.vocabulary], dtype=float)
        self.matrix = self._rows(tokenised)
        self._similarity: sparse.csr_matrix | None = None

    def _rows(self, tokenised: Sequence[Counter[str]]) -> sparse.csr_matrix:
        # Arrays, not a loop per term: this is the hot loop of a digest. The weights are the
        # same floats as (1 + log(count)) * idf term by term (math.log, then one product each).
        vocabulary = self.vocabulary
        rows: list[int] = []
        found: list[int | None] = []
        counted: list[int] = []
        for row, counts in enumerate(tokenised):
            rows += [row] * len(counts)
            found += map(vocabulary.get, counts)
            counted += counts.values()
        if None in found:  # terms outside the vocabulary (other texts) weigh nothing
            known = [i for i, col in enumerate(found) if col is not None]
            rows = [rows[i] for i in known]
            found = [found[i] for i in known]
            counted = [counted[i] for i in known]
        cols = np.array(found, dtype=np.int64)
        distinct, which = np.unique(np.array(counted, dtype=np.int64), return_inverse=True)
        weights = np.array([1.0 + math.log(count) for count in distinct.tolist()])[which]
        data = weights * self._idf_by_column[cols] if len(cols) else np.zeros(0)
        shape = (len(tokenised), len(self.vocabulary))
        matrix = sparse.csr_matrix(
            (data, (np.array(rows, dtype=np.int64), cols)), shape=shape, dtype=np.float64
        )
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)

    def similarity(self) -> sparse.csr_matrix:
        """Return the sentence-by-sentence cosine matrix (sparse, computed once)."""
        if self._similarity is None:
            self._similarity = sparse.csr_matrix(self.matrix @ self.matrix.T)
        return self._similarity

    def edges(self, threshold: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return the pairs whose cosine reaches `threshold`: rows, columns and cosines, in
        row order (as the cosine matrix stores them; self-pairs included)."""
        graph = self.similarity()
        at = np.flatnonzero(graph.data >= threshold)  # a few of the millions of stored cosines
        rows = np.searchsorted(graph.indptr, at, side="right") - 1
        return rows.astype(graph.indices.dtype), graph.indices[at], graph.data[at]

    def row_similarity(self, index: int) -> np.ndarray:
        """Return the cosine of one sentence with every sentence, as a dense array."""
        return np.asarray(self.similarity()[index].toarray()).ravel()

    def similarity_to_rows(self, rows: np.ndarray) -> np.ndarray:
        """Return, per sentence, its highest cosine with any of the given sentences."""
        if len(rows) == 0:
            return np.zeros(self.matrix.shape[0])
        block = self.similarity()[:, rows]
        return np.asarray(block.max(axis=1).toarray()).ravel()

    def max_similarity_to_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Return, per sentence, its highest cosine with any of some other texts."""
        if not texts:
            return np.zeros(self.matrix.shape[0])
        other = self._rows([Counter(terms(t, self.language)) for t in texts])
        block = sparse.csr_matrix(self.matrix @ other.T)
        return np.asarray(block.max(axis=1).toarray()).ravel()


def lexrank(
    space: SentenceSpace,
    *,
    threshold: float = 0.1,
    damping: float = 0.85,
    iterations: int = 100,
    tolerance: float = 1e-8,
) -> np.ndarray:
    """Continuous LexRank: stationary distribution of a random walk on the cosine graph.

    Args:
        space: the sentences.
        threshold: edges with a lower cosine are dropped (and self-loops always).
        damping: probability of following an edge rather than jumping anywhere.
        iterations: most power-iteration steps.
        tolerance: stop when the L1 change is below this.

    Returns:
        One score per sentence, summing to 1.
    """
    n = space.matrix.shape[0]
    if n == 0:
        return np.zeros(0)
    rows, cols, data = space.edges(threshold)
    keep = rows != cols
    rows, cols, data = rows[keep], cols[keep], data[keep]
    out_weight = np.bincount(rows, weights=data, minlength=n)
    dangling = out_weight == 0
    safe = np.where(dangling, 1.0, out_weight)
    transition = sparse.csr_matrix((data / safe[rows], (cols, rows)), shape=(n, n))
    scores = np.full(n, 1.0 / n)
    for _ in range(iterations):
        spread = transition @ scores + scores[dangling].sum() / n
        updated = (1.0 - damping) / n + damping * spread
        change = float(np.abs(updated - scores).sum())
        scores = updated
        if change < tolerance:
            break
    return np.asarray(scores / scores.sum())


def support_counts(
    space: SentenceSpace, outlets: Sequence[str], threshold: float = 0.3
) -> np.ndarray:
    """Count, per sentence, the other outlets that have a similar sentence.

    Args:
        space: the sentences.
        outlets: the outlet of each sentence.
        threshold: cosine at which two sentences count as saying the same.

    Returns:
        Number of distinct outlets other than its own, per sentence.
    """
    n = len(outlets)
    ids = {name: i for i, name in enumerate(dict.fromkeys(outlets))}
    outlet = np.array([ids[name] for name in outlets], dtype=np.int64)
    rows, cols, _ = space.edges(threshold)
    other = outlet[cols] != outlet[rows]
    pairs = np.unique(rows[other].astype(np.int64) * len(ids) + outlet[cols[other]])
    return np.bincount(pairs // max(len(ids), 1), minlength=n).astype(float)
