"""Page artefacts in a sentence as shown: a broken word, market codes, a link tacked on."""

from __future__ import annotations

import re
from functools import cache

from summarizer.text.language import alternation, word_set

__all__ = ["mend"]


# Conjunctions after which a hyphen is a prefix shared by two words, by language ("anti- and
# pro-war", "in- en uitvoer", "Import- sowie Export", "северо- и юго-западные", "енерго- та
# водопостачанню"); none opens a word broken at a line's end. Not the language's stop words:
# English ones hold "being", "up", "out" ("well- being", "follow- up" broken at a line's end), and
# sumy's Spanish and Ukrainian lists lack "y" and "і".
_SHARED_PREFIX_WORDS: dict[str, frozenset[str]] = {
    "en": word_set("and or nor to"),
    "de": word_set("und oder sowie bzw bis"),
    "nl": word_set("en of tot"),
    "fr": word_set("et ou"),
    "es": word_set("y e o u"),
    "it": word_set("e ed o od"),
    "pt": word_set("e ou"),
    "sv": word_set("och eller"),
    "da": word_set("og eller"),
    "no": word_set("og eller"),
    "pl": word_set("i oraz lub albo"),
    "cs": word_set("a i nebo"),
    "fi": word_set("ja tai"),
    "hu": word_set("és vagy"),
    "ru": word_set("и или либо а"),
    "uk": word_set("і й та чи або а"),
}
# A sentence of no known language: the conjunctions of all.
_ANY_LANGUAGE = frozenset().union(*_SHARED_PREFIX_WORDS.values())


@cache
def _broken_hyphen(language: str) -> re.Pattern[str]:
    """A hyphen left with a blank after it where a line broke ("anti- terrorism", "time- being"),
    not a prefix shared by two words (a conjunction of the language follows)."""
    words = _SHARED_PREFIX_WORDS.get(language, _ANY_LANGUAGE)
    return re.compile(rf"(?<=[^\W\d_])- (?=[^\W\d_A-Z])(?!(?:{alternation(words)})\b)")


# Market instrument codes that newswire pages print after a name (Reuters instrument codes):
# ".MIWD00000PUS", "US30YT=RR", "CLc1" are codes wherever they stand; ".DXY", "EUR=" only after
# a market's name ("The dollar index .DXY", "the euro EUR="), as ".NET", ".MP3", "X2=Y" and
# "CO2=" are words and formulas. Shown, codes read as noise, and a code starting with a full
# stop reads as a sentence's end. The name's word is read from its first letter: a match tried
# from inside one long word ("aaaa...a .x") would cost quadratic time.
_INSTRUMENT = re.compile(
    r"(?<![\w&])(?P<before>[\w&]+)\s+"
    r"(?P<code>\.[A-Z][A-Z0-9]{2,}|[A-Z0-9]{2,}=[A-Z]{0,3}|[A-Z]{2,4}c\d)"
    r"(?=[\s,;:)]|$)"
)
_CODE_ANYWHERE = re.compile(r"\.[A-Z]+\d{3,}[A-Z0-9]*|[A-Z0-9]{2,}=RR|[A-Z]{2,4}c\d")
_MARKET_WORDS = word_set(
    """index indexes indices average composite gauge benchmark dollar euro yen sterling pound
    franc yuan renminbi rupee won crude oil brent gold silver copper futures bond bonds note notes
    yield yields treasury treasuries bund bunds gilt gilts stocks shares nasdaq dow nikkei ftse
    dax cac stoxx kospi sensex 50 100 200 225 500 600 1000 2000"""
)
# A link a listing tacks on after a semicolon: "... and an extensive trade fair;
# www.panational.org." is the sentence "... and an extensive trade fair.".
_TRAILING_LINK = re.compile(r"\s*;\s*(?:https?://|www\.)[^\s;]+?(?P<end>[.!]?)\s*$", re.IGNORECASE)
_ANCHORS = ("- ", "=", " .", "c1", "c2", "www.", "http")


def _without_code(match: re.Match[str]) -> str:
    """The word before a market code alone, or the match as it was when the code is a word."""
    before, code = match.group("before"), match.group("code")
    if _CODE_ANYWHERE.fullmatch(code) or before.lower() in _MARKET_WORDS:
        return before
    return match.group()


def mend(sentence: str, language: str = "") -> str:
    """Return a sentence without the artefacts of the page it was read from.

    Args:
        sentence: one sentence as split.
        language: ISO 639-1 code, for the conjunctions after a shared prefix ("северо- и
            юго-западные"); "" or an unknown code reads those of every language.

    Returns:
        The sentence with words broken at a line's hyphen joined ("anti-terrorism"), market
        instrument codes taken out ("MSCI's gauge .MIWD00000PUS gained" reads "MSCI's gauge
        gained") and a link tacked on after a semicolon cut ("... trade fair; www.fair.org."
        reads "... trade fair."); unchanged when it holds none of them.
    """
    if not any(map(sentence.__contains__, _ANCHORS)):
        return sentence
    mended = _INSTRUMENT.sub(_without_code, _broken_hyphen(language).sub("-", sentence))
    return _TRAILING_LINK.sub(lambda link: link["end"] or ".", mended)
