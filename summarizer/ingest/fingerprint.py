"""Content fingerprints: an exact digest of the normalised body and a 64-bit SimHash."""

from __future__ import annotations

import hashlib
import re

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK = (1 << 64) - 1
SIMHASH_BANDS = 4
NEAR_DUPLICATE_BITS = 3


def normalised_words(text: str) -> list[str]:
    """Lower-case word tokens (punctuation, spacing and case do not matter)."""
    return _WORD.findall(text.lower())


def content_fingerprint(text: str) -> str:
    """SHA-256 of the normalised words: equal for texts that differ only in spacing or case."""
    return hashlib.sha256(" ".join(normalised_words(text)).encode("utf-8")).hexdigest()


def simhash(text: str, *, shingle: int = 3) -> int:
    """64-bit SimHash over word shingles; near-identical texts differ in few bits.

    Returns a signed 64-bit integer so it fits a BIGINT column.
    """
    words = normalised_words(text)
    grams = [" ".join(words[i : i + shingle]) for i in range(max(1, len(words) - shingle + 1))]
    hashes = np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest(), "big")
            for g in grams
        ),
        dtype=np.uint64,
        count=len(grams),
    )
    bits = (hashes[:, None] >> np.arange(64, dtype=np.uint64)) & np.uint64(1)
    votes = bits.sum(axis=0, dtype=np.int64) * 2 - len(grams)
    unsigned = sum(1 << int(bit) for bit in np.flatnonzero(votes > 0))
    return unsigned - (1 << 64) if unsigned >= 1 << 63 else unsigned


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two SimHashes."""
    return ((a ^ b) & _MASK).bit_count()


def bands(value: int) -> list[tuple[int, int]]:
    """Split a SimHash into (band index, 16-bit value) keys for candidate lookup."""
    unsigned = value & _MASK
    width = 64 // SIMHASH_BANDS
    return [(i, unsigned >> (i * width) & ((1 << width) - 1)) for i in range(SIMHASH_BANDS)]


class NearDuplicateIndex:
    """In-memory band index over SimHashes: finds texts within NEAR_DUPLICATE_BITS bits."""

    def __init__(self) -> None:
        self._bands: dict[tuple[int, int], list[int]] = {}
        self._hashes: dict[int, int] = {}

    def add(self, key: int, value: int) -> None:
        """Index one text's SimHash under its article id."""
        self._hashes[key] = value
        for band in bands(value):
            self._bands.setdefault(band, []).append(key)

    def find(self, value: int) -> tuple[int, int] | None:
        """Return (article id, distance) of the closest indexed text within the threshold."""
        best: tuple[int, int] | None = None
        for band in bands(value):
            for key in self._bands.get(band, ()):
                distance = hamming(value, self._hashes[key])
                if distance <= NEAR_DUPLICATE_BITS and (best is None or distance < best[1]):
                    best = (key, distance)
        return best
