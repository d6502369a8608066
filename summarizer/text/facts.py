"""One fact in other words: two sentences that share the particulars and most of the words."""

from __future__ import annotations

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
_DAYS_AND_MONTHS = frozenset(name.lower() for name in (*ENGLISH_WEEKDAYS, *FULL_ENGLISH_MONTHS))
_MIN_LETTERS = 3  # shorter words are units and particles ("bn", "m", "km")
_NUMBER_WORDS = word_set(
    """two three four five six seven eight nine ten eleven twelve hundred thousand million
    billion dozen"""
)


@dataclass(frozen=True, slots=True)
class Fact:
    """What a sentence tells, for comparing wordings.

    Attributes:
        words: its content words, lower-cased, without a possessive "'s".
        particulars: the names (capitalised words after the first) and numbers among them.
        people: the last words of the names it writes in full, lower-cased.
        moments: its numbers and the days and months it names.
    """

    words: frozenset[str]
    particulars: frozenset[str]
    people: frozenset[str]
    moments: frozenset[str]


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
    moments = frozenset(w for w in particulars if w[:1].isdigit() or w in _DAYS_AND_MONTHS)
    return Fact(frozenset(content), frozenset(particulars), _people(tokens, stops), moments)


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
    on the Duvra River", "Norland and Vesmark agreed a draft treaty on the Duvra River"), or
    whose numbers, days and months all differ.

    Args:
        first: one sentence's fact_of.
        second: the other's.

    Returns:
        True for one fact told twice.
    """
    shared = first.words & second.words
    if len(shared) < MIN_SHARED_WORDS or not (first.particulars & second.particulars):
        return False
    if len(shared - first.particulars - second.particulars) < MIN_SHARED_COMMON:
        return False  # names in common, little else: "Norland and Vesmark opened talks ..."
    if first.moments and second.moments and not first.moments & second.moments:
        return False  # "on Tuesday" and "on Thursday", "$6.8bn" and "$6.3bn": two facts
    if len(shared) < MIN_SHARED_SHARE * min(len(first.words), len(second.words)):
        return False
    return not (first.people - second.words and second.people - first.words)
