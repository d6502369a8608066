"""Text features shared by event clustering, story linking and digests: terms, entities, numbers."""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from sumy.utils import get_stop_words

from summarizer.text.stemming import snowball_name, stemmer

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
    for word in _WORD.findall(text):
        term = cache.get(word)
        if term is None:
            term = _term(word, language)
            if len(cache) < _TERM_CACHE_SIZE:
                cache[word] = term
        if term:
            out.append(term)
    return out


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
    stops = stop_words(language)
    entities: list[str] = []
    numbers: list[str] = []
    previous_end = -1
    for match in _WORD.finditer(text):
        word = match.group()
        gap = text[previous_end : match.start()] if previous_end >= 0 else "."
        previous_end = match.end()
        if word[0].isdigit():
            numbers.append(word)
            continue
        if len(word) < 2 or not word[0].isupper() or _OPENS_SENTENCE.search(gap):
            continue
        lower = word.lower()
        if lower.endswith(("'s", "’s")):
            lower = lower[:-2]
        if lower not in stops:
            entities.append(lower)
    return entities, numbers


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
    tokens = _WORD.finditer(body)
    cut = len(body)
    for i, match in enumerate(tokens):
        if i == max_body_words:
            cut = match.start()
            break
    text = body[:cut]
    counts: Counter[str] = Counter()
    for weight, part in ((3, title), (1, text)):
        for term in terms(part, language):
            counts[TERM + term] += weight
        ents, nums = entities_and_numbers(part, language)
        for ent in ents:
            counts[ENTITY + ent] += weight
        for num in nums:
            counts[NUMBER + num] += weight
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
    for feature, count in counts.items():
        kind = kind_weights.get(feature[:2], 1.0)
        if kind == 0.0:
            continue
        vector[feature] = kind * (1.0 + math.log(count)) * frequencies.idf(feature)
    return normalise(vector)


def normalise(vector: Mapping[str, float]) -> Vector:
    """Return the vector scaled to unit length (empty stays empty)."""
    norm = math.sqrt(sum(v * v for v in vector.values()))
    if norm == 0.0:
        return {}
    return {k: v / norm for k, v in vector.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two sparse vectors (their cosine when both are unit length)."""
    # The key intersection runs in C; fsum is exact, so set order cannot change the result.
    return math.fsum([a[k] * b[k] for k in a.keys() & b.keys()])


def top(vector: Mapping[str, float], size: int) -> Vector:
    """Keep the `size` heaviest features (ties broken by name, so the result is deterministic)."""
    if len(vector) <= size:
        return dict(vector)
    best = sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:size]
    return dict(best)
