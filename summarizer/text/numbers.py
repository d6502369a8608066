"""Numbers as a text writes them, read whole: "40,000", "40 000" and "40000" are one number."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Context, Decimal, InvalidOperation

from summarizer.text.clock import is_clock_word, is_time_word
from summarizer.text.days import day_of_month

__all__ = ["Number", "date_key", "glued_number_end", "glued_to_name", "read_numbers"]

#: Languages whose texts write a date in digits with slashes month first ("12/02/2026" is
#: December 2nd, as in American English); the others write the day first ("02/12/2026", and
#: every date with points: "02.12.2026").
MONTH_FIRST_LANGUAGES = frozenset({"en"})
#: Languages that write a decimal point ("3.5") and group thousands with commas ("40,000"); the
#: others (Russian, German, French...) write a decimal comma ("5,5") and group with points or
#: blanks ("40.000", "40 000").
DECIMAL_POINT_LANGUAGES = frozenset({"en", "ja", "zh", "ko", "th", "he", "hi", "ga", "mt"})

_BLANKS = " \u00a0\u2009\u202f"  # space, no-break space, thin space, narrow no-break space
_CURRENCY = "$€£¥₽₴"
# A number as written: a date in digits ("2026-12-02", "12/02/2026"); a clock time or a score
# ("10:30", "3:1"); groups of three after one to
# three digits, joined by blanks ("40 000", not "2019 100"); or digits whose inner points,
# commas or apostrophes are followed by digits ("40,000", "5,5", "3.5"). Then maybe a scale, a
# percent or a currency after it.
_NUMBER = re.compile(
    rf"(?<![\w.,:])(?P<currency>[{_CURRENCY}]\s?)?"
    r"(?P<digits>(?:19|20)\d\d-[01]\d-[0-3]\d(?!\d)|[0-3]?\d/[0-3]?\d/(?:\d{4}|\d{2})(?![\d/])"
    rf"|\d+(?::\d+)+|(?:[01]?\d|2[0-3])[{_BLANKS}]?[hч][{_BLANKS}]?[0-5]\d(?!\d)"
    rf"|\d{{1,3}}(?:[{_BLANKS}]\d{{3}}(?!\d))+(?:[.,]\d+)?"
    r"|\d+(?:[.,'’]\d+)*)"
    r"(?P<after>(?P<percent>\s?%|\s(?:per\s?cent|por\sciento)\b)"
    rf"|[{_BLANKS}]?(?P<sign>[{_CURRENCY}])|[{_BLANKS}]?(?P<word>[aApP]\.[mM](?!\w)|[^\W\d_]+)\.?)?"
)
# A clock time: hours and minutes, maybe seconds ("10:30", "17:30:15", "9.15" before "GMT").
_CLOCK = re.compile(r"(?:[01]?\d|2[0-4])[:.][0-5]\d(?::[0-5]\d)?")
# An hour alone, before a clock word ("9am", "5 pm", "10 Uhr").
_HOUR = re.compile(r"[01]?\d|2[0-4]")
# Hours and minutes around an hour's letter, as French and Russian write them ("20h30",
# "10 ч 30 мин"): one time, the same as "20:30".
_HOURS_MINUTES = re.compile(rf"(\d+)[{_BLANKS}]?[hч][{_BLANKS}]?(\d\d)")
# A clock time before a time word (see text.clock) may go without its colon ("0619 GMT").
_ZONED_CLOCK = re.compile(r"(?:[01]?\d|2[0-4])[:.]?[0-5]\d")
# A date written in digits ("02.12.2026", "12/02/2026", "2026-12-02"): the dates feature reads
# days by their month's name.
_NUMERIC_DATE = re.compile(r"[0-3]?\d([./])[0-3]?\d\1(?:\d{2}|\d{4})|(?:19|20)\d\d-[01]\d-[0-3]\d")
# The longest number read, in characters: a longer run of digits ("3.14159..." to 5,000
# places, a serial) is no number a report gives, and Python reads no integer of over 4,300
# digits.
_LONGEST = 30
# Enough digits to scale and write any number of _LONGEST characters exactly (the default
# context keeps 28).
_EXACT = Context(prec=2 * _LONGEST)
_PERCENT_WORDS = frozenset(
    [
        "percent",
        "процентов",
        "процента",
        "процент",
        "відсотків",
        "відсотка",
        "відсоток",
        "prozent",
        "pourcent",
        "porcento",
        "procent",
    ]
)
# Scale words after a number (or one of their letters fixed to it: "6.7bn", "30m"), any case.
_SCALES: dict[str, int] = {
    **dict.fromkeys(
        [
            "k",
            "thousand",
            "thousands",
            "тыс",
            "тысяч",
            "тысячи",
            "тысяча",
            "тис",
            "тисяч",
            "tsd",
            "tausend",
        ],
        3,
    ),
    **dict.fromkeys(
        [
            "m",
            "mn",
            "mln",
            "million",
            "millions",
            "млн",
            "миллион",
            "миллиона",
            "миллионов",
            "мільйон",
            "мільйона",
            "мільйонів",
            "mio",
            "millionen",
            "millones",
            "millón",
            "milioni",
        ],
        6,
    ),
    **dict.fromkeys(
        [
            "b",
            "bn",
            "billion",
            "billions",
            "млрд",
            "миллиард",
            "миллиарда",
            "миллиардов",
            "мільярд",
            "мільярда",
            "мільярдів",
            "mrd",
            "milliarde",
            "milliarden",
            "milliard",
            "milliards",
        ],
        9,
    ),
}
_YEARS = range(1900, 2100)
# The words right before a hyphen, joined by hyphens ("COVID" of "COVID-19", "SARS-CoV" of
# "SARS-CoV-2"), looked for in the last _NAME_CHARS: words only, so "Mar" of "12-Mar-2020" is
# none (its run begins with a number).
_WORDS_BEFORE = re.compile(r"(?<![\w-])(?:[^\W\d_][^\W_]*-)*[^\W\d_][^\W_]*$")
_NAME_CHARS = 40
# After a word, the words joined to it by hyphens ("-CoV" of "SARS-CoV-2"), then the hyphen
# before a number; and the number's digits ("19", "2.5").
_GLUED_HEAD = re.compile(r"(?:-[^\W\d_][^\W_]*)*-(?=\d)")
_GLUED_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class Number:
    """One number a text gives, read whole.

    Attributes:
        key: the number as one text whatever its writing: the value's digits with a "." for any
            decimal mark and no group separators ("40000", "5.5"), scales multiplied out
            ("6.7bn": "6700000000"), "%" after a percentage; currency signs are left out, so
            "$40" and "40 dollars" agree. A clock time or a score keeps its colon ("10:30").
        kind: "amount" (a percentage, a sum of money, a scaled or a decimal number, a score),
            "whole" (a bare whole number, maybe with a suffix: "5th", "450p"), "year" (a bare
            whole number from 1900 to 2099), "time" (a clock time) or "date" (a date in digits
            or the day before or after a month's name: "17 мая", "November 22").
        value: the number's value (0 for a time, a score or a date).
    """

    key: str
    kind: str
    value: Decimal


def read_numbers(text: str, language: str = "en", *, end: int | None = None) -> list[Number]:
    """The numbers of a text in order, each read whole in the conventions of its language.

    A separator followed by exactly three digits groups thousands unless it is the language's
    decimal mark written once ("40,000" in English, "40.000" in German, "40 000" in Russian);
    the last other point or comma is the decimal mark ("3.5", "5,5"). So "40,000", "40 000" and
    "40000" give one key, and "5,5" one number, not two. A number glued to a name by a hyphen
    ("COVID-19", "G-20") is part of the name (see `glued_to_name`), not read; nor is a run of
    more than 30 characters.

    Args:
        text: any text.
        language: ISO 639-1 code, for its decimal mark.
        end: read only the numbers that begin before it, each whole (a number the end cuts,
            "40,000" of an opening that ends at "40", is read whole); None reads them all.

    Returns:
        The numbers in text order.
    """
    code = language.lower()[:2]
    point = code in DECIMAL_POINT_LANGUAGES
    found = []
    for match in _NUMBER.finditer(text):
        if end is not None and match.start() >= end:
            break
        number = _read(match, code, point=point)
        if number is not None:
            found.append(number)
    return found


def glued_to_name(text: str, start: int) -> bool:
    """Tell whether the number at `start` is glued by a hyphen to a capitalised name before it.

    Such a number is part of a name ("COVID-19", "G-20", "F-16", "Su-27"), not a number the
    text gives. The name may be capitalised words joined by hyphens ("SARS-CoV-2"); after a
    word in lower case ("mid-2014", "under-21", "anti-G-5") or a run that begins with a number
    ("12-Mar-2020") the number is one the text gives.
    """
    if start < 2 or text[start - 1] != "-":
        return False
    before = _WORDS_BEFORE.search(text, max(0, start - 1 - _NAME_CHARS), start - 1)
    return before is not None and all(word[0].isupper() for word in before[0].split("-"))


def glued_number_end(text: str, end: int) -> int | None:
    """Where a number glued to the name that ends at `end` ends ("COVID" + "-19", "SARS" +
    "-CoV-2"), or None when no number is glued to it (see `glued_to_name`).

    The look is bounded: a name is no longer than `glued_to_name` reads back, so only the
    first characters after `end` can hold the hyphen before its number. A run of 50,000
    letters and hyphens costs each of its words a few dozen characters, not the rest of the run.

    Args:
        text: any text.
        end: where a word ends in it.

    Returns:
        The end of the glued number's digits, or None.
    """
    if not text.startswith("-", end):
        return None
    # The hyphen before the number lies at most _NAME_CHARS after the name's first letter,
    # which is before `end`: a later one is no name's (glued_to_name reads no further back).
    head = _GLUED_HEAD.match(text, end, end + _NAME_CHARS + 2)
    if head is None or not glued_to_name(text, head.end()):
        return None
    digits = _GLUED_DIGITS.match(text, head.end())
    return None if digits is None else digits.end()


def _read(match: re.Match[str], language: str, *, point: bool) -> Number | None:
    """The number one match of _NUMBER gives (None for separators that make no one number)."""
    digits, after = match["digits"], match["after"] or ""
    if len(digits) > _LONGEST or glued_to_name(match.string, match.start()):
        return None
    word = (match["word"] or "").casefold()
    if ":" in digits:  # a clock time or a score
        return Number(digits, "time" if _CLOCK.fullmatch(digits) else "amount", Decimal(0))
    if (hours := _HOURS_MINUTES.fullmatch(digits)) is not None:  # "20h30", "10 ч 30"
        return Number(f"{int(hours[1])}:{hours[2]}", "time", Decimal(0))
    if is_time_word(match["word"] or "", language):
        if _ZONED_CLOCK.fullmatch(digits):  # "0619 GMT", "9.30am"
            return Number(re.sub(r"[:.]?(\d\d)$", r":\1", digits), "time", Decimal(0))
        # An hour alone is a time before a clock word ("9am", "5 pm", "10 Uhr"), not before a
        # zone's letters alone: "12 CT scans", "5 PT sessions" count things.
        if _HOUR.fullmatch(digits) and is_clock_word(match["word"] or "", language):
            return Number(f"{int(digits)}:00", "time", Decimal(0))
    if _NUMERIC_DATE.fullmatch(digits):
        return Number(date_key(digits, language), "date", Decimal(0))
    value = _value(digits, point)
    if value is None:
        return None
    if len(digits) <= 2 and day_of_month(match.string, match.start("digits"), language):
        return Number(digits, "date", Decimal(0))  # "17 мая", "November 22", "25th May"
    # A letter alone scales only fixed to the number ("30m"; "30 m" is thirty metres).
    scale = _SCALES.get(word, 0) if len(word) > 1 or not after[:1].isspace() else 0
    value = value.scaleb(scale, _EXACT)
    key = _plain(value)
    if match["percent"] or word in _PERCENT_WORDS:
        return Number(key + "%", "amount", value)
    written_fraction = int(value.as_tuple().exponent) < 0  # "1.0" too: a version, a rate
    if scale or match["currency"] or match["sign"] or written_fraction:
        return Number(key, "amount", value)
    if word and not after[:1].isspace():  # a unit or suffix fixed to it ("5th", "9am", "4g")
        key += word
    # Only four bare digits make a year: "2,026 jobs" is a count.
    whole = "year" if len(digits) == 4 and digits.isdigit() and int(digits) in _YEARS else "whole"
    return Number(key, whole, value)


def date_key(written: str, language: str = "") -> str:
    """A date in digits as one key however written: "2026-12-02" for "12/02/2026" in English,
    "02.12.2026" and "02/12/26" elsewhere.

    A year first is ISO's order; with points the day comes first; with slashes the language
    decides (see MONTH_FIRST_LANGUAGES), unless only the other order makes a date ("25/12/2026"
    is the 25th of December anywhere). A two-digit year is of this century up to 69. Digits
    that make no date in either order ("31/31/2026") keep their writing.

    Args:
        written: the date as written (see _NUMERIC_DATE).
        language: the text's ISO 639-1 code.

    Returns:
        The date as YYYY-MM-DD, or as written.
    """
    parts = [int(part) for part in re.split(r"[-./]", written)]
    if len(written.split("-")[0]) == 4:
        orders = [(parts[0], parts[1], parts[2])]
    else:
        year = parts[2] + (2000 if parts[2] < 70 else 1900) if parts[2] < 100 else parts[2]
        day_first, month_first = (year, parts[1], parts[0]), (year, parts[0], parts[1])
        month_leads = "/" in written and language in MONTH_FIRST_LANGUAGES
        orders = [month_first, day_first] if month_leads else [day_first, month_first]
    for year, month, day in orders:
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            continue
    return written


def _value(digits: str, point: bool) -> Decimal | None:
    """The value of a number's digits and separators, or None when they make no one number."""
    parts = re.split(r"([.,'’" + _BLANKS + "])", digits)
    groups, marks = parts[0::2], parts[1::2]
    decimal_mark = "." if point else ","
    whole, fraction = groups[0], ""
    for index, (mark, group) in enumerate(zip(marks, groups[1:], strict=True)):
        last = index == len(marks) - 1
        grouping = len(group) == 3 and (mark != decimal_mark or marks.count(mark) > 1)
        if grouping and not fraction:
            whole += group
        elif last and mark in ".," and not fraction:
            fraction = group
        else:
            return None
    try:
        return Decimal(f"{whole}.{fraction}" if fraction else whole)
    except InvalidOperation:
        return None


def _plain(value: Decimal) -> str:
    """A value's digits: no exponent, no leading or trailing decimal zeros ("5.50": "5.5")."""
    text = format(value.normalize(_EXACT), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
