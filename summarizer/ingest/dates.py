"""Published times: which are plausible, and cues in the text ("Updated: 2015-05-13", datelines)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import islice

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = (
    r"(?:[ T,]+(?:at )?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?\s*(?P<ampm>[ap]\.?m\.?)?)?"
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mon>\d{2})-(?P<day>\d{2})" + _TIME, re.I)
_WRITTEN_MDY = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})" + _TIME,
    re.I,
)
_WRITTEN_DMY = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})" + _TIME,
    re.I,
)
# "MOSCOW, September 3 (RIA Novosti) -", "MINSK, Belarus, Aug. 26 (Reuters) -"
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Za-z .'-]{2,30})?,\s*" + _MONTH + r"\s+(?P<day>\d{1,2})\b",
    re.I,
)
_YEAR = re.compile(r"(?:19|20)\d{2}")
_HEADER_LINES = 15

#: No news article Briefing meets was published before this; earlier values are placeholders
#: ("0001-01-01" in a CMS template) or errors.
EARLIEST_PUBLISHED = datetime(1990, 1, 1, tzinfo=UTC)
#: How far past the ingestion time a published time may lie (time zones, clocks slightly ahead).
FUTURE_SLACK = timedelta(days=1)


def is_plausible(when: datetime, *, now: datetime) -> bool:
    """Tell whether a published time can be real: from 1990 up to a day after `now`.

    Args:
        when: the candidate time (timezone-aware).
        now: the ingestion time.

    Returns:
        False for placeholders such as 0001-01-01 and for times more than a day ahead.
    """
    return EARLIEST_PUBLISHED <= when <= now + FUTURE_SLACK


@dataclass(frozen=True, slots=True)
class DateCue:
    """A published time found in the text; ``year_guessed`` when the text gave no year."""

    when: datetime
    year_guessed: bool


def find_published(text: str, *, now: datetime | None = None) -> DateCue | None:
    """Find the article's published time in its first lines.

    Args:
        text: the raw article text (before cleaning: cues are often boilerplate lines).
        now: reference time for datelines without a year (default: now, UTC).

    Returns:
        The first plausible cue (UTC; times without a zone are taken as UTC), or None.
    """
    reference = now or datetime.now(UTC)
    stripped = (line.strip() for line in text.splitlines())
    header = list(islice((line for line in stripped if line), _HEADER_LINES))
    for line in header:
        if _YEAR.search(line) is None:
            continue  # each dated pattern holds a year: most lines are ruled out at once
        for pattern in (_ISO, _WRITTEN_MDY, _WRITTEN_DMY):
            match = pattern.search(line)
            if match:
                when = _build(match, year=int(match.group("year")))
                if when is not None and is_plausible(when, now=reference):
                    return DateCue(when, year_guessed=False)
    for line in header:
        match = _DATELINE.search(line)
        if match:
            when = _build(match, year=reference.year)
            if when is None or not is_plausible(when, now=reference):
                when = _build(match, year=reference.year - 1)  # the latest such day not ahead
            if when is None or not is_plausible(when, now=reference):
                continue
            return DateCue(when, year_guessed=True)
    return None


def _build(match: re.Match[str], *, year: int) -> datetime | None:
    """Turn a match with year/month/day (and maybe a time) into a UTC datetime."""
    groups = match.groupdict()
    month = int(groups["mon"]) if groups.get("mon") else _MONTHS[groups["month"].lower()]
    hour = int(groups["hour"]) if groups.get("hour") else 0
    minute = int(groups["minute"]) if groups.get("minute") else 0
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        return datetime(year, month, int(groups["day"]), hour, minute, tzinfo=UTC)
    except ValueError:
        return None
