"""Words that speak to the reader, by language: one table, with the subsets promotion reads."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.text.language import word_set

__all__ = ["READER_WORDS", "ReaderWords", "plug_words", "site_to_reader"]


@dataclass(frozen=True, slots=True)
class ReaderWords:
    """One language's words that speak to the reader, in named subsets.

    Attributes:
        you: second-person pronouns and possessives only, which address the reader in an
            exclamation ("Grab yours today!"); not the words that are also "his", "her" or
            "their" ("su", "ihr", "sie", "seu") nor "we" and "our", which news exclamations hold.
        objects: words right after an opening verb that make it an order to the reader
            ("Escape your echo chamber.", "Start your day with ..."); German's formal "Sie"
            forms are matched as written.
        site: words of a site speaking to its reader, which make its subscription and consent
            words promotion ("Sign up for our newsletter"); matched as written (lower case: "US"
            is a country), a word ending in "*" is a prefix ("unser*": "unsere", "unseren").
        plug: words that make an opening imperative a plug rather than an instruction inside a
            report ("Find out more here!", "Get yours now"); matched in any case.
    """

    you: frozenset[str]
    objects: frozenset[str]
    site: frozenset[str]
    plug: frozenset[str]


def _words(you: str, objects: str, site: str, plug: str) -> ReaderWords:
    return ReaderWords(word_set(you), word_set(objects), word_set(site), word_set(plug))


READER_WORDS: dict[str, ReaderWords] = {
    "en": _words(
        you="you your yours yourself yourselves",
        objects="your yourself yourselves",
        site="you your yours our us we",
        plug="you your yours here now today free more our us",
    ),
    "de": _words(
        you="du dich dir dein deine deinen deinem deiner deines euch euer eure euren",
        objects="Sie Ihre Ihren Ihrem Ihrer dich dein deine",  # formal "Sie" only
        site="sie ihr ihre unser*",
        plug="sie ihr hier jetzt",
    ),
    "fr": _words(
        you="vous votre vos tu toi ta tes",  # not "ton": also "tone" ("durcir le ton")
        objects="votre vos vous-même ton ta tes",
        site="vous votre nos",
        plug="vous votre ici",
    ),
    "es": _words(
        you="tú tu tus usted ustedes vosotros vosotras vuestro vuestra vuestros vuestras",
        objects="tu tus",
        site="tu su nuestr*",
        plug="usted tu aquí ahora",
    ),
    "it": _words(
        you="tu tuo tua tuoi tue voi vostro vostra vostri vostre",
        objects="tuo tua tuoi tue",
        site="vostr* nostr*",
        plug="qui ora",
    ),
    "pt": _words(
        you="você vocês tu teu tua teus tuas",
        objects="teu tua",
        site="você seu sua nosso nossa",
        plug="você aqui agora",
    ),
    "nl": _words(
        you="je jij jou jouw u uw jullie",
        objects="uw je jouw",
        site="u uw onze",
        plug="u uw hier nu",
    ),
    "ru": _words(
        you="вы вас вам вами ваш ваша ваше ваши вашего вашей вашим ты тебя тебе твой твоя",
        objects="ваш ваша ваше ваши",
        site="вы ваш* наш*",
        plug="вы ваш здесь сейчас",
    ),
    "uk": _words(
        you="ви вас вам вами ваш ваша ваше ваші вашого вашої ти тебе тобі твій твоя",
        objects="ваш ваша ваше ваші",
        site="ви ваш* наш*",
        plug="ви ваш тут зараз",
    ),
}


def _pattern(words: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """Whole words of a subset, any language's, a trailing "*" making a word a prefix."""
    forms = sorted({word.replace("*", r"\w*") for word in words})
    return re.compile(r"\b(?:" + "|".join(forms) + r")\b", flags)


def _every(subset: str) -> set[str]:
    return {word for words in READER_WORDS.values() for word in getattr(words, subset)}


_SITE = _pattern(_every("site"))
_PLUG = _pattern(_every("plug"), re.IGNORECASE)


def site_to_reader(text: str) -> bool:
    """Tell whether a line holds a site's word to its reader in any language ("our", "votre",
    "unsere", "ваш"), as written: the line's first letter is lowered, "US" stays a country.

    Args:
        text: one line.

    Returns:
        True when a word of a `site` subset shows.
    """
    return _SITE.search(text[:1].lower() + text[1:]) is not None


def plug_words(text: str) -> bool:
    """Tell whether a text holds a plug's word in any language ("here", "now", "free", "ici").

    Args:
        text: the words after an opening imperative.

    Returns:
        True when a word of a `plug` subset shows, in any case.
    """
    return _PLUG.search(text) is not None
