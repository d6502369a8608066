"""Datelines: the place, date and agency that open a news story ("MOSCOW, Sept. 3 (Reuters) -").

One grammar for every stage that meets datelines: cleaning finds where a story starts, dating
reads the day, outlet naming reads the agency, and summaries, digests and titles cut the
dateline from the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.text.language import alternation
from summarizer.text.months import ENGLISH_MONTHS, FULL_ENGLISH_MONTHS

__all__ = ["Dateline", "parse_dateline"]

_MONTH = "(?:" + alternation(m.capitalize() for m in ENGLISH_MONTHS) + ")"
_DASH = r"\s*[-–—]+\s*"
_AFTER = r"(?=[\"“‘'(]?[A-Z0-9])"  # the story goes on with a capital, a digit or a quote
# "ST. JOSEPH", "PORT ESSEL", "WASHINGTON": a place in capitals.
_CAPS_PLACE = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]*){0,4}"
# "Hong Kong", "Meadow Lake": a place in any case (only before an agency, or opening a text).
_ANY_PLACE = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
# ", Mich.", ", Belarus", ", N.J., U.S.": at most two regions.
_REGION = r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}){0,2}"
# ", Sept. 3", " March 15, 2014": a day, maybe with its year.
_DAY = rf"(?:,?\s*(?P<month>{_MONTH})[a-z]*\.?\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?)?"
_AGENCY = r"\((?P<agency>[A-Z][\w.&'’ -]{0,40})\)"
# "PORT ESSEL, March 15 (Port Essel Echo) - ", "ST. JOSEPH, Mich. (AP) — ", "MINSK, Belarus — ".
_CAPS = re.compile(rf"^(?P<place>{_CAPS_PLACE}){_REGION}{_DAY}\s*(?:{_AGENCY})?{_DASH}{_AFTER}")
# "Hong Kong (CNN Business)A muddled ...", "London (Reuters) - ": any place, then an agency,
# then a dash or the story glued on (a blank and no dash is a list: "Margaret Atwood (Canada)
# Saul Bellow (Canada)").
_WITH_AGENCY = re.compile(
    rf"^(?P<place>{_ANY_PLACE}){_REGION}{_DAY}\s*{_AGENCY}(?:{_DASH})?{_AFTER}"
)
# "Tuesday, January 18, 2005 - Through a telethon ...": a full date, no place.
_DATE_ONLY = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?P<month>{'|'.join(FULL_ENGLISH_MONTHS)})\s+(?P<day>\d{{1,2}}),?\s+"
    rf"(?P<year>\d{{4}})(?:{_DASH}|\s*(?=[A-Z])){_AFTER}"
)
# "30 June 2011 – The United Nations ...": a day, a month and a year, no place.
_DAY_FIRST = re.compile(
    rf"^(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(FULL_ENGLISH_MONTHS)})\s+(?P<year>\d{{4}})"
    rf"{_DASH}{_AFTER}"
)
# "Nov. 11 (Bloomberg) -- Growth in ...": a day and an agency, no place.
_DAY_AGENCY = re.compile(
    rf"^(?P<month>{_MONTH})[a-z]*\.?\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?\s*{_AGENCY}"
    rf"{_DASH}{_AFTER}"
)
# "Meadow Lake, Saskatchewan – The council ...": a title-case place, only where a text opens.
_TITLE_CASE = re.compile(
    rf"^(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}}){_REGION}{_DAY}\s+[–—]\s+"
    r"(?=[\"“‘'(]?[A-Z])"
)
# "NEW DELHI: The ...", "Washington, DC, United States: Getting ...": a place and a colon, only
# where a text opens; in title case it needs a region (a lone word and a colon is a label:
# "Summary: ...").
_COLON = re.compile(
    rf"^(?:(?P<place>{_CAPS_PLACE}){_REGION}|(?P<titled>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})"
    rf"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}){{1,2}}){_DAY}\s*:\s+{_AFTER}"
)
# "(Reuters) - Cyprus will ...": an agency's credit and a dash, its place left on a line before
# (only where a text opens; a dash is needed: "(McKinley's office did not ...)" is an aside).
_AGENCY_ALONE = re.compile(rf"^{_AGENCY}{_DASH}{_AFTER}")
# Capitalised labels that open a line the way a place does, but are no place.
_NOT_PLACES = frozenset(
    [
        "breaking",
        "update",
        "updated",
        "exclusive",
        "watch",
        "live",
        "opinion",
        "analysis",
        "editorial",
        "photos",
        "video",
        "correction",
        "advertisement",
        "sponsored",
        "summary",
        "note",
        "warning",
        "source",
        "photo",
        "credit",
    ]
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline opening a line.

    Attributes:
        place: the place as written ("" for a date alone).
        month: the month of its day (None when it gives no day); day likewise.
        year: the year when it gives one (most datelines do not).
        agency: the agency or outlet in brackets ("Reuters"; "" when none).
        end: where the story's own words begin in the line.
    """

    place: str
    month: int | None
    day: int | None
    year: int | None
    agency: str
    end: int


def parse_dateline(line: str, *, opens_text: bool = False) -> Dateline | None:
    """Read the dateline that opens a line.

    Args:
        line: a sentence or a line, stripped.
        opens_text: the line opens its article, where a title-case place before a dash
            ("Meadow Lake, Saskatchewan – "), a place before a colon ("NEW DELHI: ",
            "Washington, DC, United States: ") or an agency alone ("(Reuters) - ") is a
            dateline too.

    Returns:
        The dateline, or None when the line opens with none (a label such as "BREAKING —" is
        no place).
    """
    if line[:1].isdigit():
        patterns = [_DAY_FIRST]
    elif line[:1].isupper():
        patterns = [_CAPS, _WITH_AGENCY, _DATE_ONLY, _DAY_AGENCY]
    elif line[:1] == "(" and opens_text:
        patterns = [_AGENCY_ALONE]
    else:
        return None
    if opens_text:
        patterns += [_TITLE_CASE, _COLON]
    for pattern in patterns:
        match = pattern.match(line)
        if match is None:
            continue
        groups = match.groupdict()
        place = (groups.get("place") or groups.get("titled") or "").strip()
        if place.split(" ", 1)[0].strip(".").lower() in _NOT_PLACES:
            continue
        month = ENGLISH_MONTHS[groups["month"].lower()] if groups.get("month") else None
        return Dateline(
            place=place,
            month=month,
            day=int(groups["day"]) if groups.get("day") else None,
            year=int(groups["year"]) if groups.get("year") else None,
            agency=(groups.get("agency") or "").strip(),
            end=match.end(),
        )
    return None
