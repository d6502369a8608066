"""The countries a report names, as territory codes, read from Babel's names in every locale."""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from summarizer.text.stemming import snowball_name, stemmer

#: Codes Babel names that are no country a report happens in: unions, "Unknown Region", the
#: pseudo-locales' test territories and the outlying groups.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
#: Short names CLDR gives as alternatives ("alt-short", "alt-variant") that Babel does not
#: expose, for the two languages the event pairs are in: "the US", "the UK", "США".
_SHORT_NAMES: dict[str, dict[str, str]] = {
    "en": {"US": "US", "USA": "US", "UK": "GB", "Turkey": "TR", "Hong Kong": "HK"},
    "ru": {"США": "US"},
}
#: Longest country name read, in words ("Saint Vincent and the Grenadines" is cut short).
_LONGEST = 4
_WORD = re.compile(r"[^\W_]+")
_SENTENCE_BREAK = re.compile(r"[.!?\n]")


def places(text: str, language: str) -> frozenset[str]:
    """The countries a text names, as territory codes ("Japan", "в Японии": "JP").

    A country counts when its name, in the text's language or in English (Babel's names, or a
    short one: "US", "UK", "США"), opens with a capitalised word there and no capitalised
    word comes right before it inside its sentence: "New Jersey" and "Michael Jordan" are no
    countries, "US President" and "In Japan" are (so is "Jordan" of "Michael Jordan" opening a
    sentence: its first word cannot be told from "In"). Names are matched by their words' stems,
    so inflected forms count ("Японии", "Япония"). What it cannot see: adjectives ("Japanese",
    "японский", "British"), cities and regions ("Tokyo", "Москва"), names Babel gives in
    another form than the text's ("Britain", "America"; "Türkiye" where the text says
    "Turkey" is covered by the short names), and longer names than `_LONGEST` words.

    Args:
        text: any text, e.g. a title and the opening of a report.
        language: ISO 639-1 code.

    Returns:
        The territory codes, e.g. frozenset({"JP", "US"}).
    """
    code = language.lower().split("-")[0].split("_")[0]
    table = _names(code)
    tokens = list(_WORD.finditer(text))
    found: set[str] = set()
    skip_to = 0
    for i, match in enumerate(tokens):
        word = match.group()
        if i < skip_to or not word[0].isupper():
            continue
        if _named_before(text, tokens, i):
            continue
        for size in range(min(_LONGEST, len(tokens) - i), 0, -1):
            key = tuple(_stem(t.group(), code) for t in tokens[i : i + size])
            territory = table.get(key)
            if territory is not None:
                found.add(territory)
                skip_to = i + size
                break
    return frozenset(found)


def _named_before(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """Whether the word right before token `i` (spaces apart) is capitalised inside its
    sentence (not opening it): then token `i` ends a longer name ("New Jersey")."""
    if i == 0:
        return False
    before = tokens[i - 1]
    if not before.group()[0].isupper() or not text[before.end() : tokens[i].start()].isspace():
        return False  # "Minsk, Belarus": two names
    return i >= 2 and not _breaks(text, tokens[i - 2].end(), before.start())


def _breaks(text: str, start: int, end: int) -> bool:
    """Whether a sentence or a line ends between two words."""
    return _SENTENCE_BREAK.search(text, start, end) is not None


def _stem(word: str, language: str) -> str:
    """A word's stem for matching (the language's Snowball stemmer): lower case, "ё" as "е"."""
    lower = word.lower().replace("ё", "е")
    return stemmer(language)(lower) if snowball_name(language) is not None else lower


@lru_cache(maxsize=32)
def _names(language: str) -> dict[tuple[str, ...], str]:
    """Stems of each country's names, in the language and in English -> its territory code."""
    table: dict[tuple[str, ...], str] = {}
    for locale in dict.fromkeys(("en", language)):
        try:
            territories = Locale.parse(locale).territories
        except (UnknownLocaleError, ValueError):
            continue
        names = {
            name: code
            for code, name in territories.items()
            if len(code) == 2 and code not in _NOT_COUNTRIES
        }
        names.update(_SHORT_NAMES.get(locale, {}))
        for name, code in names.items():
            key = tuple(_stem(w, language) for w in _WORD.findall(name))
            if 0 < len(key) <= _LONGEST:
                table.setdefault(key, code)
    return table
