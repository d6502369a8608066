"""Content fingerprints: an exact digest of the normalised body, and near-duplicate samples.

Stored rows hold these values (`article.fingerprint`, `article_shingle`, which migration 0012
fills too), so changing what a function returns for a text needs a migration that recomputes
them. The store and ingestion both use them: this module imports nothing of either.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Collection

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE_WORDS = 4
SAMPLE_MODULUS = 4  # keep one shingle hash in four: a stable sample of the text
NEAR_DUPLICATE_CONTAINMENT = 0.8  # share of the shorter text's sample found in the other
MIN_SAMPLE = 6  # a smaller sample (a text of a few dozen words) is never judged a copy
_STORED_MODULUS = 2 * SAMPLE_MODULUS  # half of the sample (its values divisible by 8)
MAX_POSTINGS = 64  # a shingle stored for more texts than this is a stock phrase, not evidence


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


def stored_shingles(sample: frozenset[int]) -> frozenset[int]:
    """The half of a text's sample stored as rows (`article_shingle`), to find it again.

    A new text looks up every value of its own sample: the stored texts sharing one are the
    candidates, confirmed by `containment` on the two texts. A text contained in a longer
    stored one shares about half of its sample with that one's stored half, and a longer new
    text holds every stored value of a shorter one it contains, so either way a copy is found
    (a six-value sample, the smallest judged, is missed with chance 1/64) while each lookup
    reads only the rows of its own values, however many articles are stored.
    """
    if len(sample) < MIN_SAMPLE:
        return frozenset()
    return frozenset(value for value in sample if value % _STORED_MODULUS == 0)


def containment(
    sample: frozenset[int], other: frozenset[int], *, ignore: Collection[int] = ()
) -> float | None:
    """Share of the smaller sample found in the other (None when either is too small).

    Args:
        sample: one text's sample.
        other: the other text's sample.
        ignore: stock phrases: shared, they are no evidence (they still count in the sizes).
    """
    smaller = min(len(sample), len(other))
    if smaller < MIN_SAMPLE:
        return None
    shared = sample & other
    return len(shared.difference(ignore)) / smaller
