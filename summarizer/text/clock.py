"""Words that tell a time of day: time zones ("GMT", "EST", "МСК") and clock words ("am", "Uhr")."""

from __future__ import annotations

from summarizer.text.language import word_set

__all__ = ["CLOCK_WORDS", "TIME_ZONES", "is_clock_word", "is_time_word"]

#: Time zones as news writes them, in capitals: Europe's, North America's (with the short
#: "ET", "PT" of US broadcasters), Australia's and East Asia's. One letter before "ST"/"DT"
#: ("EST", "PDT") is how most are made; "IST" and "WEST" are left out, being words too ("ist",
#: "West Ham").
TIME_ZONES = word_set(
    """GMT UTC BST CET CEST EET EEST MSK МСК
    EST EDT CST CDT MST MDT PST PDT AKST AKDT HST ET CT MT PT
    AEST AEDT ACST ACDT AWST JST KST HKT SGT NZST NZDT"""
)
#: Words after a clock time other than a zone, lower case: "9am", "9 a.m.", "10 Uhr", "10 h",
#: "10 ч"; and Moscow time as Russian writes it ("10:00 мск").
CLOCK_WORDS = word_set("am pm a.m p.m a.m. p.m. uhr h ч час часов мск")
#: Clock words that are words of other languages too, read as clock words only in English or
#: in a text of unknown language: German "am" ("seit 2015 am Markt"), Romanian "am".
_ENGLISH_CLOCK_WORDS = word_set("am")


def is_time_word(word: str, language: str = "") -> bool:
    """Tell whether a word tells a time of day: a clock word in any case, or a time zone.

    A zone counts only in capitals, as news writes zones: in lower case "est", "cet", "pst"
    are words ("Le bilan de 12 est lourd", "Le budget 2025 est en hausse"), as are "et",
    "pt" and "mt".

    Args:
        word: one word, as written.
        language: the text's ISO 639-1 code ("" when unknown): "am" tells a time only in
            English or an unknown language.

    Returns:
        Whether it is a time zone or a clock word.
    """
    return is_clock_word(word, language) or word in TIME_ZONES


def is_clock_word(word: str, language: str = "") -> bool:
    """Tell whether a word is a clock word ("am", "p.m.", "Uhr"), in any case; a zone is not.
    "am" is one only in English or an unknown language (`is_time_word`)."""
    folded = word.casefold()
    if folded in _ENGLISH_CLOCK_WORDS:
        return language in ("", "en")
    return folded in CLOCK_WORDS
