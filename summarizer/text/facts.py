"""One fact in other words: two sentences that share the particulars and most of the words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.text.language import stop_words, word_set
from summarizer.text.months import ENGLISH_WEEKDAYS, FULL_ENGLISH_MONTHS
from summarizer.text.tokenizer import UNSPACED, cased_words

__all__ = ["Fact", "fact_of", "same_fact"]


#: Content words two wordings of one fact share at the least ("tested positive ephedrine").
MIN_SHARED_WORDS = 3
#: Of them, words that are no name nor number ("tested positive", "domain names"): with one
#: ("50 Cent has ended his feud with his protege The Game", "50 Cent appears on his protege The
#: Game's song") the names tell of something else.
MIN_SHARED_COMMON = 2
#: Share of the shorter sentence's content words the other must hold.
MIN_SHARED_SHARE = 0.25
#: Words before a name read as its description ("US phone company MCI").
DESCRIPTION = 3
_DAYS_AND_MONTHS = frozenset(name.lower() for name in (*ENGLISH_WEEKDAYS, *FULL_ENGLISH_MONTHS))
_MIN_LETTERS = 3  # shorter words are units and particles ("bn", "m", "km")
_NUMBER_WORDS = word_set(
    """two three four five six seven eight nine ten eleven twelve hundred thousand million
    billion dozen"""
)
# A year: the time of many facts ("in 2004"), so one shared is no shared moment.
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@dataclass(frozen=True, slots=True)
class Fact:
    """What a sentence tells, for comparing wordings.

    Attributes:
        words: its content words, lower-cased, without a possessive "'s".
        particulars: the names (capitalised words after the first) and numbers among them.
        people: the last words of the names it writes in full, lower-cased.
        moments: its numbers other than years, and the days and months it names.
        years: the years it names.
        described: pairs of a word and a particular it stands before, within DESCRIPTION words
            ("phone", "mci" of "US phone company MCI").
    """

    words: frozenset[str]
    particulars: frozenset[str]
    people: frozenset[str]
    moments: frozenset[str]
    years: frozenset[str] = frozenset()
    described: frozenset[tuple[str, str]] = frozenset()


def fact_of(sentence: str, language: str = "en") -> Fact:
    """Read what a sentence tells (see same_fact).

    Args:
        sentence: one sentence.
        language: ISO 639-1 code, for the stop words.

    Returns:
        Its content words, particulars and people; empty for unspaced scripts.
    """
    if UNSPACED.search(sentence):
        return Fact(frozenset(), frozenset(), frozenset(), frozenset())
    stops = stop_words(language)
    content: set[str] = set()
    particulars: set[str] = set()
    tokens = cased_words(sentence)
    for index, token in enumerate(tokens):
        word = token.lower().replace("’", "'").removesuffix("'s")
        if word in stops and word not in _NUMBER_WORDS:  # "two" is a stop word to sumy
            continue
        if len(word) < _MIN_LETTERS and not word[:1].isdigit():
            continue  # "bn" of "$6.8bn", "m" of "3.5m"
        content.add(word)
        if token[:1].isdigit() or word in _NUMBER_WORDS or (index and token[:1].isupper()):
            particulars.add(word)
    years = frozenset(w for w in particulars if _YEAR.fullmatch(w))
    moments = frozenset(w for w in particulars - years if w[:1].isdigit() or w in _DAYS_AND_MONTHS)
    lowered = [token.lower().replace("’", "'").removesuffix("'s") for token in tokens]
    described = frozenset(
        (word, name)
        for index, name in enumerate(lowered)
        if name in particulars
        for word in lowered[max(0, index - DESCRIPTION) : index]
    )
    return Fact(
        frozenset(content),
        frozenset(particulars),
        _people(tokens, stops),
        moments,
        years,
        described,
    )


def _people(tokens: list[str], stops: frozenset[str]) -> frozenset[str]:
    """The last words, lower-cased, of runs of two or more capitalised words ("Jackie
    Stallone", "John McCririck"): the names of people, places or things written in full."""
    found: set[str] = set()
    run: list[str] = []
    for token in [*tokens, ""]:
        if token[:1].isupper() and not token.isupper() and (run or token.lower() not in stops):
            run.append(token)
            continue
        if len(run) > 1:
            found.add(run[-1].lower().replace("’", "'").removesuffix("'s"))
        run = []
    return frozenset(found)


def same_fact(first: Fact, second: Fact) -> bool:
    """Tell whether two sentences tell one fact in other words.

    "Claude Eerdekens claims the US Open champion tested positive for ephedrine." and "US Open
    champion Svetlana Kuznetsova has tested positive for a banned drug." share a name or a
    number and at least MIN_SHARED_WORDS content words, a quarter of the shorter's, of which
    MIN_SHARED_COMMON are no names; a cosine of
    their words misses them, as each outlet words the rest its own way. Two sentences that each
    name a person the other does not tell of two people ("Jackie Stallone has become the first
    star to be evicted ...", "John McCririck has become the latest contestant to be evicted
    ..."): not one fact; nor are two that share only names ("Norland and Vesmark opened talks
    on the Duvra River", "Norland and Vesmark agreed a draft treaty on the Duvra River") or a
    name and the words that describe it beside it in both ("Shares in US phone company MCI have
    risen ...", "Verizon has won a takeover battle for US phone firm MCI ..."); nor two whose
    numbers, days and months all differ, or each hold a number the other does not ("profits
    rose 1% to £933m in 2004", "profits for 2004 rose 56%"). A year is not counted as a shared
    particular or moment: many facts of one story happen in one year.

    Args:
        first: one sentence's fact_of.
        second: the other's.

    Returns:
        True for one fact told twice.
    """
    shared = first.words & second.words
    names = (first.particulars & second.particulars) - first.years - second.years
    if len(shared) < MIN_SHARED_WORDS or not names:
        return False
    # A name's description shared before it ("US phone company MCI", "US phone firm MCI") is the
    # name told again, not a word of the fact.
    described = first.described & second.described
    common = [
        word
        for word in shared - first.particulars - second.particulars
        if not any((word, name) in described for name in names)
    ]
    if len(common) < MIN_SHARED_COMMON:
        return False  # names in common, little else: "Norland and Vesmark opened talks ..."
    if first.moments and second.moments and not first.moments & second.moments:
        return False  # "on Tuesday" and "on Thursday", "$6.8bn" and "$6.3bn": two facts
    if _numbers(first) - second.words and _numbers(second) - first.words:
        return False  # "rose 1% to £933m" and "rose 56%": each tells a figure the other lacks
    if len(shared) < MIN_SHARED_SHARE * min(len(first.words), len(second.words)):
        return False
    return not (first.people - second.words and second.people - first.words)


def _numbers(fact: Fact) -> frozenset[str]:
    """A fact's numbers other than years ("1", "933m", "56")."""
    return frozenset(word for word in fact.moments if word[:1].isdigit())
