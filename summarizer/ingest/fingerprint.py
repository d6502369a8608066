"""Content fingerprints: an exact digest of the normalised body, and near-duplicate detection."""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE_WORDS = 4
SAMPLE_MODULUS = 4  # keep one shingle hash in four: a stable sample of the text
NEAR_DUPLICATE_CONTAINMENT = 0.8  # share of the shorter text's sample found in the other
_MIN_SAMPLE = 6
_MAX_POSTINGS = 64  # shingles in more texts than this are stock phrases, not evidence


def normalised_words(text: str) -> list[str]:
    """Lower-case word tokens (punctuation, spacing and case do not matter)."""
    return _WORD.findall(text.lower())


def content_fingerprint(text: str) -> str:
    """SHA-256 of the normalised words: equal for texts that differ only in spacing or case."""
    return hashlib.sha256(" ".join(normalised_words(text)).encode("utf-8")).hexdigest()


def shingle_sample(text: str) -> frozenset[int]:
    """A stable sample of the text's 4-word shingles (CRC32 hashes divisible by 4)."""
    words = normalised_words(text)
    hashes = (
        zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8"))
        for i in range(max(1, len(words) - SHINGLE_WORDS + 1))
    )
    return frozenset(h for h in hashes if h % SAMPLE_MODULUS == 0)


class NearDuplicateIndex:
    """Inverted index over shingle samples: finds an earlier text that one mostly repeats.

    Syndicated copies and the same story with other boilerplate share most of their shingles
    (containment >= 0.8), while different reports of one event share few (about 0.1 here).
    """

    def __init__(self, threshold: float = NEAR_DUPLICATE_CONTAINMENT) -> None:
        self.threshold = threshold
        self._postings: dict[int, list[int]] = {}
        self._sizes: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._sizes)

    def add(self, key: int, sample: frozenset[int]) -> None:
        """Index one text's sample under its article id."""
        self._sizes[key] = len(sample)
        for value in sample:
            self._postings.setdefault(value, []).append(key)

    def find(self, sample: frozenset[int]) -> tuple[int, float] | None:
        """Return (article id, containment) of the best earlier near-duplicate, or None."""
        if len(sample) < _MIN_SAMPLE:
            return None
        shared: Counter[int] = Counter()
        for value in sample:
            keys = self._postings.get(value, ())
            if len(keys) <= _MAX_POSTINGS:
                shared.update(keys)
        best: tuple[int, float] | None = None
        for key, count in shared.items():
            smaller = min(len(sample), self._sizes[key])
            if smaller < _MIN_SAMPLE:
                continue
            score = count / smaller
            if score >= self.threshold and (best is None or (score, -key) > (best[1], -best[0])):
                best = (key, score)
        return best
