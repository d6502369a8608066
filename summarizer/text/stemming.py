"""Snowball stemmers through PyStemmer (C, imports in milliseconds; NLTK's costs 2.4 s)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import Stemmer

_ISO_TO_SNOWBALL = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nl": "dutch",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}


def snowball_name(language: str) -> str | None:
    """The Snowball algorithm for an ISO 639-1 code or an English language name, or None."""
    code = language.lower().strip()
    if code in _ISO_TO_SNOWBALL:
        return _ISO_TO_SNOWBALL[code]
    return code if code in Stemmer.algorithms() else None


@lru_cache(maxsize=32)
def stemmer(language: str) -> Callable[[str], str]:
    """A word -> stem function for the language (identity when Snowball has none).

    The function lower-cases its input, as sumy's stemmer does.
    """
    name = snowball_name(language)
    if name is None:
        return str.lower
    algorithm = Stemmer.Stemmer(name, 100_000)

    def stem(word: str) -> str:
        return str(algorithm.stemWord(word.lower()))

    return stem
