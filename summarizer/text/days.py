"""Days of the month as texts write them: a day's number and its month's name ("9 ноября")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from summarizer.text.abbreviations import HONORIFICS
from summarizer.text.language import ARTICLES, SUBJECT_PRONOUNS, stop_words, word_set
from summarizer.text.months import (
    ENGLISH_MONTHS,
    ENGLISH_WEEKDAYS,
    HOLIDAYS,
    MONTH_DEADLINE_WORDS,
    MONTH_NAMES,
    MONTH_PREPOSITIONS,
    MONTH_TIME_WORDS,
    MONTHS_ALSO_WORDS,
    MONTHS_BY_LANGUAGE,
    YEAR_DIGITS,
)
from summarizer.text.speech import SPEECH_VERBS
from summarizer.text.tokenizer import in_title_case

__all__ = [
    "DayOfMonth",
    "day_of_month",
    "days_of_month",
    "month_named",
    "month_number",
    "title_case_line",
]

# A day number ("9", "5th", "1er", "25-го", "3.") that is no part of a longer number ("5,5",
# "12.5", "2019").
_DAY = re.compile(r"(?<![\w.,])([0-3]?\d)(?:st|nd|rd|th|er|-го)?(?!\w|[.,]\d)")
# What may follow a day: its month ("9 ноября", "3. Oktober", "5 de mayo"), then maybe a year
# ("5 May 2020", "15 de mayo de 2026").
_MONTH_AFTER = re.compile(
    r"\.?\s+(?:de\s+)?([^\W\d_]+)\.?(?:\s*,?\s*(?:de\s+)?(" + YEAR_DIGITS + r")\b)?"
)
# What may come before a day: its month ("November 5", "Nov. 5"); the window ends at the day.
_MONTH_BEFORE = re.compile(r"([^\W\d_]+)\.?\s+$")
_YEAR_AFTER = re.compile(rf"\s*,?\s*({YEAR_DIGITS})\b")
# A word right after a month's name: "mai mulți" is "more", not May, in Romanian.
_WORD_AFTER = re.compile(r"\s*[^\W\d_]")
# How far before a day its month's name may begin ("September. 5").
_BEFORE_CHARS = 16
# English names count only when capitalised, so the verbs "may" and "march" stay out.
_ENGLISH = frozenset(ENGLISH_MONTHS)
# A year right after a month's name ("May 2015").
_YEAR = re.compile(YEAR_DIGITS)
# Words after a name that make it a person's: "by May, who said".
_WHO = word_set("who whose")
_ENGLISH_STOPS = stop_words("en")  # "The January sales", "In March": no name's part
# Marks of a possessive after a plural's "s" ("April Fools' Day"): the name goes on.
_APOSTROPHES = "'’"
# Words that join a month's name to another name: "May and Johnson", "Johnson or May".
_CONJUNCTIONS = word_set("and or &")
# Capitalised words that name a time, not a person, beside a month's name.
_TIME_NAMES = HOLIDAYS | frozenset(ENGLISH_WEEKDAYS)
# English months that are also given or family names, so may be a person beside another name or
# a passive's agent ("backed by May and Johnson", "endorsed by June"); case-folded.
_PERSON_MONTHS = word_set("april may june august")
# Participles whose passive takes a person as agent ("backed by May"); a thing done by a month
# ("closed by October", "cleared by May") is done by a deadline.
_PERSON_AGENT_PARTICIPLES = word_set(
    """backed opposed endorsed appointed criticised criticized championed negotiated proposed
    introduced announced rejected praised supported"""
)
_LOOK_BACK = 6  # words before an agent "by May" searched for a deadline's words
# Words right after a month that carry on its time ("by May next year", "by June this year",
# "by May at the latest"): a deadline's phrase, not a phrase of the agent's own.
_TIME_AFTER: tuple[tuple[str, ...], ...] = (
    ("next", "year"),
    ("this", "year"),
    ("last", "year"),
    ("at", "the", "latest"),
    ("at", "the", "earliest"),
    ("at", "latest"),
)
# Marks that join a time to the month before it ("by May, June", "by May-June", "by May/June").
_JOINING_MARKS = frozenset(",-–—/")


@dataclass(frozen=True, slots=True)
class DayOfMonth:
    """A day a text names by its number and its month's name.

    Attributes:
        start: where the day's number begins in the text.
        end: where the day's number (with its suffix: "5th", "1er") ends.
        day: the day of the month, 1 to 31.
        month: the month, 1 to 12.
        year: the year written right after it ("5 May 2020"), else None.
    """

    start: int
    end: int
    day: int
    month: int
    year: int | None


def day_of_month(text: str, start: int, language: str = "") -> DayOfMonth | None:
    """The day of the month whose number begins at `start`, or None when none does.

    The month's name may follow the day ("17 мая", "3. Oktober", "15 de mayo", "25th May") or
    come right before it ("November 22", "Nov. 22", "május 15"). A text reads the names of its
    own language (a text in a language without a table, or of no known language, those of every
    language: see `months.MONTHS_BY_LANGUAGE`); an English name counts in English only when
    capitalised ("may 5" is a verb), and a name that is also a word of its language only
    before a year or a mark, not before a word ("15 mai 2026" is a day, "15 mai mulți" is "15
    more").

    Args:
        text: any text.
        start: where a number begins in it.
        language: the text's ISO 639-1 code ("" when not known).

    Returns:
        The day, or None.
    """
    match = _DAY.match(text, start)
    if match is None or not 1 <= int(match[1]) <= 31:
        return None
    after = _MONTH_AFTER.match(text, match.end())
    # After its day, a name is a month before a year or a mark ("15 mai 2026", "15 mai,"); before
    # its day, only before a year ("mai 15 2026").
    in_day = after is not None and (bool(after[2]) or not _WORD_AFTER.match(text, after.end()))
    if after is not None and (month := month_number(after[1], language, in_day=in_day)):
        year = after[2]
    else:
        before = _MONTH_BEFORE.search(text, max(0, start - _BEFORE_CHARS), start)
        then = _YEAR_AFTER.match(text, match.end())
        year = then[1] if then else None
        if before is None:
            return None
        month = month_number(before[1], language, in_day=year is not None)
        if month is None:
            return None
    return DayOfMonth(
        start=start,
        end=match.end(),
        day=int(match[1]),
        month=month,
        year=int(year) if year else None,
    )


def days_of_month(text: str, language: str = "") -> Iterator[DayOfMonth]:
    """The days of the month a text names, in text order (see `day_of_month`).

    Args:
        text: any text.
        language: the text's ISO 639-1 code ("" when not known).

    Yields:
        Each day.
    """
    for match in _DAY.finditer(text):
        day = day_of_month(text, match.start(), language)
        if day is not None:
            yield day


def month_number(word: str, language: str = "", *, in_day: bool = False) -> int | None:
    """The month a word names in a text of this language (1 to 12), or None.

    A text reads the names of its own language (a language without a table, or none known,
    those of every language: `months.MONTHS_BY_LANGUAGE`); an English name counts in English
    (or a text of no table) only when capitalised: "march" and "may" are verbs, "Mars" is
    no English month. A name that is also a common word of its language
    (`months.MONTHS_ALSO_WORDS`: Romanian "mai", "more") counts only in a day's date.

    Args:
        word: one word, as written.
        language: the text's ISO 639-1 code ("" when not known).
        in_day: whether the word stands in a day's date where the common word cannot: after
            the day's number and before a year or a mark ("15 mai 2024", "15 mai,"), not
            before a word ("15 mai mulți" is "15 more").

    Returns:
        The month, or None.
    """
    folded = word.casefold()
    month = MONTHS_BY_LANGUAGE.get(language, MONTH_NAMES).get(folded)
    if month is None:
        return None
    if not in_day and folded in MONTHS_ALSO_WORDS.get(language, ()):
        return None
    if _read_in_english(folded, language) and not word[:1].isupper():
        return None
    return month


def month_named(
    words: Sequence[str], index: int, language: str = "", title_case: bool | None = None
) -> int | None:
    """The month the word at `index` names with no day beside it (1 to 12), or None.

    Read as `month_number` reads a word. A name read as English may also be a person's or a
    sentence's modal verb; it is read, in this order:

    - a person's with "who" after it ("by May, who said");
    - a month after a word of time (`months.MONTH_TIME_WORDS`: "in May", "until May said
      goodbye") or before a year ("May 2015"), in capitals too ("in MAY", "the MAY 2019 report");
    - else an initialism in capitals ("DEC");
    - a person's before a verb of speech ("May told MPs", "after May said");
    - a person's, for a month that is also a name (April, May, June, August), joined by "and"
      or "or" to a name that names no time (see `_beside_name`: "backed by May and Johnson",
      "Johnson and May met"; not "between March and May", "May and Christmas"), or as the
      agent of a passive whose verb takes a person (see `_agent`: "the plan was backed by
      May.", not "the factory was closed by May" nor "is to be backed by May");
    - a month after a preposition that may also stand before a person
      (`months.MONTH_PREPOSITIONS`: "the end of May", "after May, when");
    - a modal verb before a subject pronoun ("May I ask");
    - a person's inside a name (see `_in_name`: "Mrs May", "Theresa May resigned", "June Carter
      Cash recorded"), not in a title-case line ("June Jobs Report Beats Forecasts");
    - else a month ("the May election", "UK May inflation", "German June factory orders", "May
      Day rallies", "March, April and May").

    Args:
        words: a sentence's words and marks as written (`tokenizer.WORD_OR_MARK`).
        index: the word to read.
        language: the text's ISO 639-1 code ("" when not known).
        title_case: whether `words` make a title-case line (`title_case_line`), when the caller
            knows it: a caller reading every word of a sentence computes it once.

    Returns:
        The month, or None.
    """
    word = words[index]
    month = month_number(word, language)
    if month is None or not _read_in_english(word.casefold(), language):
        return month
    after = words[index + 1 : index + 3]
    if _WHO.intersection(w.casefold() for w in after[: 2 if after[:1] == [","] else 1]):
        return None
    before = words[index - 1].casefold() if index else ""
    following = after[0] if after else ""
    if before in MONTH_TIME_WORDS or _YEAR.fullmatch(following):
        return month
    if word.isupper():
        return None
    if following.casefold() in SPEECH_VERBS:
        return None
    if title_case is None:
        title_case = title_case_line(words)
    person = word.casefold() in _PERSON_MONTHS and not title_case
    if person and (_beside_name(words, index) or _agent(words, index)):
        return None
    if before in MONTH_PREPOSITIONS:
        return month
    if following.casefold() in SUBJECT_PRONOUNS or _in_name(words, index, title_case):
        return None
    return month


def _in_name(words: Sequence[str], index: int, title_case: bool) -> bool:
    """Tell whether the English month's name at `index` is a part of a person's name.

    It is after an honorific ("Mrs May", "Mrs. May"). It is after a given name ("Theresa May")
    or before a family name ("June Carter Cash") when a verb or a mark follows that name (see
    `_ends_name`: "Theresa May has", "Theresa May resigned", "June Carter Cash recorded"). A
    month before a noun modifies it ("German June factory orders", "May Day rallies", "August
    Bank Holiday traffic"); so a person before an irregular verb with no object ("Theresa May
    spoke") is read as a month, the cost of the rule. Words in capitals are no name's part ("UK
    May inflation", "the ECB March meeting"), nor are capitals in a title-case line.
    """
    before = words[index - 1] if index else ""
    if before == "." and index > 1:
        before = words[index - 2]  # "Mrs. May"
    if before.casefold() in HONORIFICS:
        return True
    end = index + 1
    while end < len(words) and _name_part(words[end]):
        end += 1
        if end + 1 < len(words) and words[end] in _APOSTROPHES and words[end - 1].endswith("s"):
            end += 1  # "April Fools' Day"
    if not (_name_part(before) or end > index + 1):
        return False
    if title_case:
        return False
    return end == len(words) or _ends_name(words, end)


def _beside_name(words: Sequence[str], index: int) -> bool:
    """Tell whether the English month's name at `index` is joined by "and" or "or" to a name
    that names no time: a person's beside another's ("backed by May and Johnson", "Johnson
    and May met", "Hunt, Johnson or May"). A month stands beside a month, a weekday, a holiday
    or a year ("between March and May", "in March, April and May", "May and Christmas")."""
    if index + 2 < len(words) and words[index + 1].casefold() in _CONJUNCTIONS:
        end = index + 2
        while end < len(words) and _name_part(words[end]):
            end += 1
        if end > index + 2 and not _TIME_NAMES.intersection(words[index + 2 : end]):
            return True
    if index > 1 and words[index - 1].casefold() in _CONJUNCTIONS:
        start = index - 1
        while start > 0 and _name_part(words[start - 1]):
            start -= 1
        return start < index - 1 and not _TIME_NAMES.intersection(words[start : index - 1])
    return False


def _agent(words: Sequence[str], index: int) -> bool:
    """Tell whether the English month's name at `index` is the agent of a passive, a person's:
    "by" after a participle of a verb that takes a person as agent before it
    (`_PERSON_AGENT_PARTICIPLES`), and no number nor a name of a time right after it, which
    would make the month go on ("The plan was backed by May.", "a deal negotiated by May, the
    prime minister", "backed by May in a Commons vote", "opposed by June and her allies", not
    "backed by May 5" nor "by May Day", nor "backed by May next year", "by May at the
    latest": a phrase that carries on the time); a thing "closed by October" or "cleared by
    May" is done by a deadline. "By" a month is a deadline too when a word of a future, a
    modal, an infinitive, a pluperfect or a plan comes in the few words before it
    (`months.MONTH_DEADLINE_WORDS`: "will be backed by May", "is expected to be endorsed by
    May"), or when a month, a weekday, a holiday or a year stands in those words or is joined
    to it after ("by May or June", "by May, June at the latest"); one in a phrase of its own
    after it tells when the agent acted ("criticised by May on Tuesday", "backed by May in
    2019")."""
    if index < 2 or words[index - 1].casefold() != "by":
        return False
    if words[index - 2].casefold() not in _PERSON_AGENT_PARTICIPLES:
        return False
    following = words[index + 1] if index + 1 < len(words) else ""
    if following[:1].isdigit() or following in _TIME_NAMES:
        return False  # "backed by May 5", "by May Day": the month goes on
    after = tuple(w.casefold() for w in words[index + 1 : index + 4])
    if any(after[: len(phrase)] == phrase for phrase in _TIME_AFTER):
        return False  # "backed by May next year", "by May at the latest": a deadline
    before = words[max(0, index - 2 - _LOOK_BACK) : index - 1]
    if MONTH_DEADLINE_WORDS.intersection(w.casefold() for w in before):
        return False
    joined = following.casefold() in _CONJUNCTIONS or following in _JOINING_MARKS
    near = (*before, *(words[index + 1 : index + 4] if joined else ()))
    return not any(
        _YEAR.fullmatch(word) or word in _TIME_NAMES or month_number(word, "en") for word in near
    )


def title_case_line(words: Sequence[str]) -> bool:
    """Tell whether a sentence is a title-case line (`tokenizer.in_title_case`) that writes in
    lower case only short function words, of three letters at most ("at", "of", "the"): "June
    Jobs Report Beats Forecasts", "Apple Unveils iPhone at September Event"; not "Theresa May
    met Donald Trump" or "The PM, Theresa May, said so", whose names make them look like one."""
    spelled = [word for word in words if word[:1].isalnum()]
    lower = (w for w in spelled if w.islower() and (len(w) > 3 or w not in _ENGLISH_STOPS))
    return in_title_case(spelled) and next(lower, None) is None


def _name_part(word: str) -> bool:
    """Tell whether a word beside an English month's name may be a part of a person's name."""
    if not word[:1].isupper() or word.isupper() or word.casefold() in _ENGLISH_STOPS:
        return False  # "UK", "ECB", "The"
    if word.endswith(("'s", "’s")):
        return False  # "Japan's December survey"
    return month_number(word, "en") is None and _YEAR.fullmatch(word) is None


def _ends_name(words: Sequence[str], end: int) -> bool:
    """Tell whether the word at `end`, after a run of capitalised words, ends it as a name.

    A mark, a stop word ("has", "and"), a verb of speech or a lower-case verb in -ed does; so
    does a lower-case word before an article or a name, a verb before its object ("Theresa May
    met the Irish", "met Donald Trump"). A noun the run modifies does not ("rallies were",
    "factory orders", "exports fell").
    """
    word = words[end]
    folded = word.casefold()
    if not word[:1].isalnum() or folded in _ENGLISH_STOPS or folded in SPEECH_VERBS:
        return True
    if not word.islower():
        return False
    then = words[end + 1] if end + 1 < len(words) else ""
    return word.endswith("ed") or then.casefold() in ARTICLES["en"] or _name_part(then)


def _read_in_english(folded: str, language: str) -> bool:
    """Tell whether a month's name, case-folded, is read as an English one in this language."""
    english = language == "en" or language not in MONTHS_BY_LANGUAGE
    return english and folded in _ENGLISH
