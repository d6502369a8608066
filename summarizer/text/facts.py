"""One fact in other words: two sentences that share the particulars and most of the words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.text.days import days_of_month, month_named, title_case_line
from summarizer.text.language import alternation, stop_words, word_set
from summarizer.text.months import WEEKDAY_PHRASES
from summarizer.text.numbers import read_numbers
from summarizer.text.speech import SPEECH_VERBS_BY_LANGUAGE
from summarizer.text.tokenizer import UNSPACED, WORD_OR_MARK, cased_words

__all__ = ["Fact", "fact_of", "months_named", "same_fact"]


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
#: Words of a speaker before the verb that reports them ("Sports minister Claude Eerdekens").
SPEAKER_WORDS = 4
#: Words shared by the claims of one speaker told twice ("tested positive"): fewer, and the
#: speaker said two things ("would veto the bill", "would sign it").
MIN_SHARED_CLAIM = 2
_MIN_LETTERS = 3  # shorter words are units and particles ("bn", "m", "km")
_MIN_CLAIM_TOKENS = 3  # words after a speaker's verb that make its claim (else: before it)
# The verbs of speech of each language read (speech.SPEECH_VERBS_BY_LANGUAGE), and English
# "saying" ("despite the White House saying ..."); a language without a table is read by the
# English ones, as every language was before the tables (a text tagged with a language no
# table covers, or misread as one, is most often English).
_SPEAKING: dict[str, frozenset[str]] = {
    language: verbs | (word_set("saying") if language == "en" else frozenset())
    for language, verbs in SPEECH_VERBS_BY_LANGUAGE.items()
}
_NUMBER_WORDS = word_set(
    """two three four five six seven eight nine ten eleven twelve hundred thousand million
    billion dozen"""
)
# The weekday phrases of every language ("Tuesday", "am Dienstag", "в среду"): the English and
# German ones as written, the others in any case.
_WEEKDAYS = re.compile(
    rf"\b(?:{alternation(p for p in WEEKDAY_PHRASES if p[:1].isupper())})\b"
    rf"|(?i:\b(?:{alternation(p for p in WEEKDAY_PHRASES if not p[:1].isupper())})\b)"
)
_WEEKDAY_OF = {phrase.lower(): day for phrase, day in WEEKDAY_PHRASES.items()}


@dataclass(frozen=True, slots=True)
class Fact:
    """What a sentence tells, for comparing wordings.

    Attributes:
        words: its content words, lower-cased, without a possessive "'s".
        particulars: the names (capitalised words after the first) and numbers among them.
        people: the last words of the names it writes in full, lower-cased.
        moments: its numbers other than years (text.numbers keys: "40,000" and "40000" are
            "40000"), and the weekdays and months it names in any language ("weekday 1").
        years: the years it names.
        described: pairs of a word and a particular it stands before, within DESCRIPTION words
            ("phone", "mci" of "US phone company MCI").
        speaker: the content words of whoever the sentence reports ("white", "house" of "The
            White House said ..."); empty when it reports no one.
        named: whether the speaker is named (a capitalised word: "Israel", not "the brewer").
        claim: the content words of what the speaker said ("president", "veto", ...).
    """

    words: frozenset[str]
    particulars: frozenset[str]
    people: frozenset[str]
    moments: frozenset[str]
    years: frozenset[str] = frozenset()
    described: frozenset[tuple[str, str]] = frozenset()
    speaker: frozenset[str] = frozenset()
    named: bool = False
    claim: frozenset[str] = frozenset()


def months_named(sentence: str, language: str = "en") -> frozenset[int]:
    """The months a sentence names, in its language (see `days.month_named`).

    A name that is also a common word of the language counts only in a day's date: Romanian
    "15 mai 2024" names May, "15 mai mulți" ("15 more") and "mai multe legi" none. An English
    name alone counts unless it reads as a person's ("Theresa May said", "Mrs May", "after May
    told MPs") or as a modal verb before a subject pronoun ("May I ask"); a word of time before
    it ("in May") or a year after it ("May 2015") makes it a month whatever else stands beside
    it, and a possessive or a word in capitals before it is no name ("Japan's December survey",
    "UK May inflation").

    Args:
        sentence: one sentence.
        language: ISO 639-1 code.

    Returns:
        The month numbers, 1 to 12.
    """
    tokens = WORD_OR_MARK.findall(sentence)
    title_case = title_case_line(tokens)
    named = {
        month for i in range(len(tokens)) if (month := month_named(tokens, i, language, title_case))
    }
    return frozenset(named | {day.month for day in days_of_month(sentence, language)})


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
    days = {f"weekday {_WEEKDAY_OF[m.group().lower()]}" for m in _WEEKDAYS.finditer(sentence)}
    days |= {f"month {month}" for month in months_named(sentence, language)}
    tokens = cased_words(sentence)
    for index, token in enumerate(tokens):
        word = token.lower().replace("’", "'").removesuffix("'s")
        if word[:1].isdigit():
            continue  # numbers are read whole below
        if word in stops and word not in _NUMBER_WORDS:  # "two" is a stop word to sumy
            continue
        if len(word) < _MIN_LETTERS:
            continue  # "bn" of "$6.8bn", "m" of "3.5m"
        content.add(word)
        if word in _NUMBER_WORDS or (index and token[:1].isupper()):
            particulars.add(word)
    numbers = read_numbers(sentence, language)
    years = frozenset(number.key for number in numbers if number.kind == "year")
    figures = {number.key for number in numbers} - years
    content |= figures | years
    particulars |= figures | years
    moments = frozenset(figures | days)
    lowered = [token.lower().replace("’", "'").removesuffix("'s") for token in tokens]
    described = frozenset(
        (word, name)
        for index, name in enumerate(lowered)
        if name in particulars
        for word in lowered[max(0, index - DESCRIPTION) : index]
    )
    speaker, named, claim = _reported(sentence, stops, language)
    return Fact(
        frozenset(content),
        frozenset(particulars),
        _people(tokens, stops),
        moments,
        years,
        described,
        speaker,
        named,
        claim,
    )


def _reported(
    sentence: str, stops: frozenset[str], language: str
) -> tuple[frozenset[str], bool, frozenset[str]]:
    """The speaker a sentence reports, whether it is named, and the claim's content words.

    The speaker is the run of up to SPEAKER_WORDS words before the first verb of speech of the
    sentence's language (English for one without a table), back to a stop word or a mark
    ("The White House said", ", police said", "despite the White House saying", "die Polizei
    sagte", "la police a déclaré"); the claim is what follows the verb, or what comes before
    the speaker when little follows ("40,000 people marched ..., police said.").
    """
    speaking = _SPEAKING.get(language, _SPEAKING["en"])
    tokens = WORD_OR_MARK.findall(sentence)
    verb = next((i for i, token in enumerate(tokens) if token.lower() in speaking), None)
    if verb is None:
        return frozenset(), False, frozenset()
    start = verb
    while start > 0 and verb - start < SPEAKER_WORDS:
        token = tokens[start - 1]
        if not token[:1].isalnum() or token.lower() in stops:
            break
        start -= 1
    after = [t for t in tokens[verb + 1 :] if t[:1].isalnum()]
    claim = after if len(after) >= _MIN_CLAIM_TOKENS else tokens[:start]
    speaker = tokens[start:verb]
    named = any(token[:1].isupper() for token in speaker)
    return frozenset(_content(speaker, stops)), named, frozenset(_content(claim, stops))


def _content(tokens: list[str], stops: frozenset[str]) -> list[str]:
    """The content words among tokens, lower-cased, without a possessive "'s"."""
    lowered = (token.lower().replace("’", "'").removesuffix("'s") for token in tokens)
    return [
        word
        for word in lowered
        if word[:1].isalnum()
        and word not in stops
        and (len(word) >= _MIN_LETTERS or word[:1].isdigit())
    ]


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
    if first.named and second.named and not first.speaker & second.speaker:
        return False  # "Israel said its forces killed ...", "Hamas said Israeli forces killed ..."
    if first.speaker & second.speaker and len(first.claim & second.claim) < MIN_SHARED_CLAIM:
        return False  # one speaker, two claims: "would veto the bill", "would sign it"
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
