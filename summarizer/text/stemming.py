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
    """A word -> stem function for the language.

    Snowball through PyStemmer where it has the language; otherwise sumy's own stemmer (its
    Ukrainian, Czech and Slovak ones: importing sumy's stemmers costs NLTK's import, about
    2 s, once and only for those languages); otherwise lower-casing alone. The function
    lower-cases its input, as sumy's stemmer does.
    """
    name = snowball_name(language)
    if name is None:
        return _sumy_stemmer(language)
    algorithm = Stemmer.Stemmer(name, 100_000)

    def stem(word: str) -> str:
        return str(algorithm.stemWord(word.lower()))

    return stem


_SUMY_ONLY = {"cs": "czech", "sk": "slovak", "uk": "ukrainian"}


def _sumy_stemmer(language: str) -> Callable[[str], str]:
    """sumy's stemmer for a language Snowball lacks, lower-casing first; else lower-casing."""
    code = language.lower().strip()
    name = _SUMY_ONLY.get(code, code)
    if name not in _SUMY_ONLY.values():
        return str.lower
    from sumy.nlp.stemmers import Stemmer as SumyStemmer

    own = SumyStemmer(name)

    def stem(word: str) -> str:
        return str(own(word.lower()))

    return stem
