"""Text features shared by event clustering, story linking and digests: terms, entities, numbers."""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from operator import itemgetter, mul

from sumy.utils import get_stop_words

from summarizer.text.stemming import snowball_name, stemmer
from summarizer.text.tokenizer import spaced_bigrams

logger = logging.getLogger(__name__)

#: A sparse feature vector: feature name -> weight.
Vector = dict[str, float]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_OPENS_SENTENCE = re.compile(r"[.!?\n]")

_LANGUAGE_NAMES = {
    "ar": "arabic",
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
}

# Prefixes keep the three kinds of feature apart in one vector.
TERM = "t:"
ENTITY = "e:"
NUMBER = "n:"


def language_name(language: str) -> str:
    """Map an ISO 639-1 code (or a full name) to the lower-case English language name."""
    code = language.lower().split("-")[0].split("_")[0]
    return _LANGUAGE_NAMES.get(code, code)


@lru_cache(maxsize=32)
def stop_words(language: str) -> frozenset[str]:
    """Return the stop words bundled with sumy for a language (empty when it has none).

    Args:
        language: ISO 639-1 code or language name.

    Returns:
        Lower-case stop words.
    """
    try:
        words = get_stop_words(language_name(language))
    except LookupError:
        return frozenset()
    return frozenset(w.lower() for w in words)


def _stemmer(language: str) -> Callable[[str], str] | None:
    """Snowball stemmer of a language (PyStemmer), or None when Snowball has none."""
    name = language_name(language)
    return stemmer(name) if snowball_name(name) is not None else None


@lru_cache(maxsize=200_000)
def stem(word: str, language: str = "en") -> str:
    """Stem a lower-case word with the Snowball stemmer of the language (identity if none)."""
    stemmer = _stemmer(language)
    return stemmer(word) if stemmer is not None else word


def words(text: str) -> list[str]:
    """Return the word tokens of a text in order, case kept."""
    return _WORD.findall(text)


def terms(text: str, language: str = "en") -> list[str]:
    """Return stemmed, lower-case content terms (stop words, numbers and 1-letter words dropped).

    Args:
        text: any text.
        language: ISO 639-1 code.

    Returns:
        The terms in text order.
    """
    cache = _term_cache(language)
    out: list[str] = []
    for word in _WORD.findall(spaced_bigrams(text)):
        term = _cached_term(cache, word, language)
        if term:
            out.append(term)
    return out


def _cached_term(cache: dict[str, str], word: str, language: str) -> str:
    """A word's term through the language's cache (bounded: new words stop being kept)."""
    term = cache.get(word)
    if term is None:
        term = _term(word, language)
        if len(cache) < _TERM_CACHE_SIZE:
            cache[word] = term
    return term


_TERM_CACHE_SIZE = 500_000


@lru_cache(maxsize=32)
def _term_cache(language: str) -> dict[str, str]:
    """Per-language memo of token -> term ("" for a dropped token); terms() is the hot loop."""
    return {}


def _term(word: str, language: str) -> str:
    lower = word.lower()
    if len(lower) < 2 or lower in stop_words(language) or lower[0].isdigit():
        return ""
    return stem(lower, language)


def entities_and_numbers(text: str, language: str = "en") -> tuple[list[str], list[str]]:
    """Return named-entity-like capitalised tokens and number tokens.

    A capitalised word counts as an entity unless it opens a sentence or is a stop word, so
    "Putin" and "Minsk" count while "The" does not.

    Args:
        text: any text.
        language: ISO 639-1 code.

    Returns:
        (entities lower-cased, numbers) in text order.
    """
    _, entities, numbers = _scan(text, language)
    return entities, numbers


def _scan(
    text: str, language: str, limit: int | None = None
) -> tuple[list[str], list[str], list[str]]:
    """Terms, entities and numbers of a text's first `limit` words, read in one pass.

    Unspaced scripts (Chinese, Japanese, Thai) count character pairs as words.
    """
    text = spaced_bigrams(text)
    cache = _term_cache(language)
    stops = stop_words(language)
    opens_sentence = _OPENS_SENTENCE.search
    found: list[str] = []
    entities: list[str] = []
    numbers: list[str] = []
    previous_end = -1  # the text's first word opens a sentence
    for position, match in enumerate(_WORD.finditer(text)):
        if position == limit:
            break
        word = match.group()
        term = _cached_term(cache, word, language)
        if term:
            found.append(term)
        start, end = match.span()
        if word[0].isdigit():
            numbers.append(word)
        elif (
            len(word) > 1
            and word[0].isupper()
            and previous_end >= 0
            and opens_sentence(text, previous_end, start) is None
        ):
            lower = word.lower()
            if lower.endswith(("'s", "’s")):
                lower = lower[:-2]
            if lower not in stops:
                entities.append(lower)
        previous_end = end
    return found, entities, numbers


def doc_features(
    title: str, body: str, language: str = "en", *, max_body_words: int = 400
) -> Counter[str]:
    """Count the features of an article: title counted three times, body up to a word budget.

    Args:
        title: the article's title.
        body: the article's body.
        language: ISO 639-1 code.
        max_body_words: only the first words of the body count (the lead names the event; it
            also bounds the cost per article).

    Returns:
        Feature counts with TERM, ENTITY and NUMBER prefixes.
    """
    counts: Counter[str] = Counter()
    for weight, (found, entities, numbers) in (
        (3, _scan(title, language)),
        (1, _scan(body, language, max_body_words)),
    ):
        for term in found:
            counts[TERM + term] += weight
        for entity in entities:
            counts[ENTITY + entity] += weight
        for number in numbers:
            counts[NUMBER + number] += weight
    return counts


class DocumentFrequencies:
    """Document frequencies updated one document at a time (for incremental TF-IDF)."""

    __slots__ = ("_counts", "documents")

    def __init__(self) -> None:
        """Start with no documents seen."""
        self._counts: dict[str, int] = {}
        self.documents = 0

    def observe(self, features: Iterable[str]) -> None:
        """Count one document's distinct features."""
        counts = self._counts
        for feature in set(features):
            counts[feature] = counts.get(feature, 0) + 1
        self.documents += 1

    def idf(self, feature: str) -> float:
        """Smoothed inverse document frequency, log((1 + N) / (1 + df)) + 1."""
        return math.log((1 + self.documents) / (1 + self._counts.get(feature, 0))) + 1.0


_KIND_WEIGHTS = {TERM: 1.0, ENTITY: 1.5, NUMBER: 0.5}


def weigh(
    counts: Mapping[str, int],
    frequencies: DocumentFrequencies,
    kind_weights: Mapping[str, float] = _KIND_WEIGHTS,
) -> Vector:
    """Turn feature counts into an L2-normalised sublinear TF-IDF vector.

    Entities weigh 1.5, terms 1 and numbers 0.5 before normalisation.

    Args:
        counts: feature counts of one document.
        frequencies: document frequencies to take the IDF from.
        kind_weights: weight of each feature kind (by prefix) before normalisation.

    Returns:
        The unit-length vector (empty for no features).
    """
    vector: Vector = {}
    idf, kind_of, log = frequencies.idf, kind_weights.get, math.log  # bound once: a hot loop
    for feature, count in counts.items():
        kind = kind_of(feature[:2], 1.0)
        if kind == 0.0:
            continue
        vector[feature] = kind * (1.0 + log(count)) * idf(feature)
    return normalise(vector)


def normalise(vector: Mapping[str, float]) -> Vector:
    """Return the vector scaled to unit length (empty stays empty)."""
    norm = math.sqrt(squared_length(vector))
    if norm == 0.0:
        return {}
    return {k: v / norm for k, v in vector.items()}


def squared_length(vector: Mapping[str, float]) -> float:
    """Sum of the squared weights, added in the vector's order."""
    total: float = sum(map(mul, vector.values(), vector.values()))
    return total


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two sparse vectors (their cosine when both are unit length)."""
    # The key intersection runs in C; fsum is exact, so set order cannot change the result.
    common = a.keys() & b.keys()
    return math.fsum(map(mul, map(a.__getitem__, common), map(b.__getitem__, common)))


def heaviest(vector: Mapping[str, float], size: int) -> list[tuple[str, float]]:
    """The `size` heaviest (feature, weight) pairs, heaviest first, ties broken by name."""
    if size <= 0:
        return []
    if len(vector) > size:
        # Only pairs at least as heavy as the size-th heaviest weight can be kept.
        floor = sorted(vector.values(), reverse=True)[size - 1]
        pairs = sorted((k, v) for k, v in vector.items() if v >= floor)
    else:
        pairs = sorted(vector.items())
    # By name, then (a stable sort) by weight: two C-level sorts instead of a Python sort key.
    pairs.sort(key=itemgetter(1), reverse=True)
    return pairs[:size]


def top(vector: Mapping[str, float], size: int) -> Vector:
    """Keep the `size` heaviest features (ties broken by name, so the result is deterministic)."""
    if len(vector) <= size:
        return dict(vector)
    return dict(heaviest(vector, size))
