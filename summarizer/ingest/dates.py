"""Published times: which are plausible, and cues in the text ("Updated: 2015-05-13", datelines)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import islice

from summarizer.clean.rules import is_byline, is_time_line
from summarizer.text.datelines import parse_dateline
from summarizer.text.language import alternation
from summarizer.text.months import ENGLISH_MONTHS as MONTHS
from summarizer.text.months import ENGLISH_WEEKDAYS
from summarizer.text.speech import SAYING_VERBS
from summarizer.text.verbs import lacks_verb

_MONTH = r"(?P<month>" + alternation(MONTHS) + r")\.?"
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
# "in February 2014", "since April 2014": a month of a year (capitalised: "may" is a verb too).
_MONTH_YEAR = re.compile(
    r"\b(?P<month>"
    + alternation(m.capitalize() for m in MONTHS if len(m) > 3 or m == "may")
    + r")\s+(?P<year>(?:19|20)\d{2})\b"
)
_YEAR = re.compile(r"(?:19|20)\d{2}")
_WEEKDAYS = tuple(day.lower() for day in ENGLISH_WEEKDAYS)
# "Peskov said Wednesday", "the ministry announced on Tuesday", "told reporters on Monday": the
# day a lead's speaker spoke, which a wire story's dateline dates.
_SPOKE_ON = re.compile(
    r"\b(?:" + alternation(SAYING_VERBS) + r")(?:\s+reporters)?\s+(?:on\s+)?"
    r"(?P<weekday>" + alternation(_WEEKDAYS) + r")\b",
    re.I,
)
# "Updated", "posted on", "first published": words of a page's stamp, which a story's
# sentence about a past happening does not use.
_STAMP_WORD = re.compile(r"\b(?:updated|posted|published|modified|last edited)\b", re.I)
_HEADER_LINES = 15
_MIN_SENTENCE_WORDS = 8
_CLOSING_MARKS = "\"”’'»)]"
_DATELINE_GAP = " \t—–-:,|"  # between a dateline and a date after it ("WASHINGTON (AP) — March 14")

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
    """A published time found in the text.

    Attributes:
        year_guessed: the text gave no year (a dateline).
        date_only: the text gave no time of day (``when`` is midnight UTC of the day).
        named_in_story: the only cue is a date the story's sentences name ("it disappeared on
            8 March 2014"), not a stamp of the page: the article is no older, but may be much
            younger, so ``when`` is the time an undated article gets (the ingestion time), or
            that date when it is later.
    """

    when: datetime
    year_guessed: bool
    date_only: bool = False
    named_in_story: bool = False

    @property
    def estimated(self) -> bool:
        """Whether the time is a guess (a year placed, or a date the story names)."""
        return self.year_guessed or self.named_in_story


def find_published(
    text: str, *, now: datetime | None = None, written: datetime | None = None
) -> DateCue | None:
    """Find the article's published time in its first lines.

    A full date ("Updated: 2015-05-13 09:31", "March 14, 2026") is taken as given, unless a
    sentence of the story gives it ("No trace has been found since it disappeared on 8 March
    2014."): that is what the story reports on, so it only tells the article is no older. When
    it is the only cue, the article is dated like an undated one (the ingestion time, `now`, or
    the named date if that is later), marked estimated. A dateline's
    day without a year ("MOSCOW, September 3 (RIA Novosti) -") is placed in a year by the
    article's other cues (see resolve_year) and marked as guessed; when its lead says the day's
    weekday ("Peskov said Wednesday") and the day falls on another in that year, the year is not
    known and the dateline dates nothing.

    Args:
        text: the raw article text (before cleaning: cues are often boilerplate lines).
        now: the ingestion time (default: now, UTC).
        written: when the input itself says it was written (a file's modification time, a
            server's Last-Modified), if known: an article is no younger than its copy.

    Returns:
        The first plausible cue (UTC; times without a zone are taken as UTC), or None.
    """
    cue = _stamped(text, now=now, written=written)
    if cue is not None:
        return cue
    reference = now or datetime.now(UTC)
    for line in _header(text):
        if _YEAR.search(line) is None or not _is_story_sentence(line):
            continue
        for pattern in (_ISO, _WRITTEN_MDY, _WRITTEN_DMY):
            match = pattern.search(line)
            if match is None:
                continue
            when = _build(match, year=int(match.group("year")))
            if when is not None and is_plausible(when, now=reference):
                return DateCue(max(when, reference), False, named_in_story=True)
    return None


def _header(text: str) -> list[str]:
    """The text's first _HEADER_LINES lines that are not blank, stripped."""
    stripped = (line.strip() for line in text.splitlines())
    return list(islice((line for line in stripped if line), _HEADER_LINES))


def _is_story_sentence(line: str) -> bool:
    """Tell whether a line is a sentence of the story, not a page's stamp or byline.

    A sentence ends like one and is long enough ("No trace of the ... since 8 March 2014.").
    A stamp may read like one ("This article was last updated on 14 March 2026 at 09:31 GMT.",
    "Posted on March 14, 2026 by Jane Smith in World News."): a stamp's word (updated, posted,
    published) keeps it a stamp, as does a time of day given with the date in a line with no
    verb ("By Jane Smith, 14 March 2026 at 09:31 GMT."). A sentence that says when something
    happened to the minute ("It disappeared on 8 March 2014 at 01:20 local time.") stays one.
    A byline ("By Jane Smith and John Doe for the Daily Mail, March 14, 2026.") and a date in
    a dateline, before its lead ("WASHINGTON (AP) — March 14, 2026 — The Senate voted ..."),
    are the page's, not the story's.
    """
    return (
        not is_time_line(line)
        and line.rstrip(_CLOSING_MARKS)[-1:] in ".!?"
        and len(line.split()) >= _MIN_SENTENCE_WORDS
        and _STAMP_WORD.search(line) is None
        and not (_dated_with_time(line) and lacks_verb(line))
        and not _dated_byline(line)
        and not _dated_dateline(line)
    )


def _dated_byline(line: str) -> bool:
    """Tell whether the line is a byline once its date is taken out ("By Jane Smith and John
    Doe for the Daily Mail, March 14, 2026."; not "By March 14, 2026, the Senate had voted")."""
    for pattern in (_ISO, _WRITTEN_MDY, _WRITTEN_DMY):
        match = pattern.search(line)
        if match is not None:
            return is_byline((line[: match.start()] + line[match.end() :]).strip(" .,;"))
    return False


def _dated_dateline(line: str) -> bool:
    """Tell whether a dateline opens the line with a full date right after it, before the
    lead ("WASHINGTON (AP) — March 14, 2026 — The Senate voted ...")."""
    dateline = parse_dateline(line)
    if dateline is None:
        return False
    after = line[dateline.end :].lstrip(_DATELINE_GAP)
    return any(pattern.match(after) for pattern in (_ISO, _WRITTEN_MDY, _WRITTEN_DMY))


def _dated_with_time(line: str) -> bool:
    """Tell whether a full date in the line carries a time of day ("14 March 2026 at 09:31")."""
    return any(
        match.group("hour")
        for pattern in (_ISO, _WRITTEN_MDY, _WRITTEN_DMY)
        for match in pattern.finditer(line)
    )


def _stamped(text: str, *, now: datetime | None, written: datetime | None) -> DateCue | None:
    """The first plausible cue of a page's stamps and datelines (see find_published)."""
    reference = now or datetime.now(UTC)
    header = _header(text)
    datelines = [parse_dateline(line) for line in header]
    opening = next((i for i, d in enumerate(datelines) if d and d.day), len(header))
    for i, line in enumerate(header):
        if _YEAR.search(line) is None:
            continue  # each dated pattern holds a year: most lines are ruled out at once
        if (i >= opening and not is_time_line(line)) or _is_story_sentence(line):
            continue  # the story has begun: a date in its sentences is what it reports on
        for pattern in (_ISO, _WRITTEN_MDY, _WRITTEN_DMY):
            match = pattern.search(line)
            if match:
                when = _build(match, year=int(match.group("year")))
                if when is not None and is_plausible(when, now=reference):
                    return DateCue(when, year_guessed=False, date_only=not match.group("hour"))
    for dateline, line in zip(datelines, header, strict=True):
        if dateline is None or dateline.month is None or dateline.day is None:
            continue
        if dateline.year is not None:
            when = _day(dateline.year, dateline.month, dateline.day)
            if when is not None and is_plausible(when, now=reference):
                return DateCue(when, year_guessed=False, date_only=True)
            continue
        until = (
            min(reference, written)
            if written and is_plausible(written, now=reference)
            else reference
        )
        when = resolve_year(
            dateline.month, dateline.day, until=until, since=latest_mention(text, until=until)
        )
        if when is not None and _weekday_agrees(when, line):
            return DateCue(when, year_guessed=True, date_only=True)
    return None


def _weekday_agrees(day: datetime, lead: str) -> bool:
    """Tell whether the weekday a lead says its speaker spoke on ("said Wednesday") is the day's.

    A year placed by resolve_year whose day falls on another weekday than the text gives is
    invented: the text is older than the year before it was read, and its year is unknown.
    A lead that names no such weekday, or several, agrees with any day.
    """
    named = {match.group("weekday").lower() for match in _SPOKE_ON.finditer(lead)}
    return len(named) != 1 or _WEEKDAYS[day.weekday()] in named


def resolve_year(
    month: int, day: int, *, until: datetime, since: datetime | None = None
) -> datetime | None:
    """Place a day without a year ("September 3") in time.

    A dateline without a year is written within a year of its day. The day lies after the
    latest date the article names (it reports on what happened before it, so `since` is a lower
    bound) and not after the time the article is known to exist (`until`: its file's or
    server's date, else the ingestion time). With a lower bound, the first such day on or after
    it is taken; without one, the latest such day up to `until`.

    Args:
        month: the day's month.
        day: the day of the month.
        until: the latest the article can be from.
        since: the latest full date the article names, if any (not after `until`).

    Returns:
        Midnight UTC of the day, or None when no such day lies within a year before `until`
        (29 February).
    """
    latest = until + FUTURE_SLACK
    if since is not None:
        for year in (since.year, since.year + 1):
            when = _day(year, month, day)
            if when is not None and since <= when <= latest:
                return when
    for year in (until.year, until.year - 1):
        when = _day(year, month, day)
        earliest = max(latest - timedelta(days=366), EARLIEST_PUBLISHED)
        if when is not None and earliest <= when <= latest:
            return when
    return None


def latest_mention(text: str, *, until: datetime) -> datetime | None:
    """The latest full date (with its year) the text names that is not after `until`."""
    if _YEAR.search(text) is None:
        return None
    found: list[datetime] = []
    for pattern in (_ISO, _WRITTEN_MDY, _WRITTEN_DMY):
        for match in pattern.finditer(text):
            when = _build(match, year=int(match.group("year")))
            if when is not None and EARLIEST_PUBLISHED <= when <= until:
                found.append(when.replace(hour=0, minute=0))
    for match in _MONTH_YEAR.finditer(text):
        when = _day(int(match.group("year")), MONTHS[match.group("month").lower()], 1)
        if when is not None and EARLIEST_PUBLISHED <= when <= until:
            found.append(when)
    return max(found, default=None)


def _day(year: int, month: int, day: int) -> datetime | None:
    """Midnight UTC of a day, or None when the day does not exist (30 February)."""
    try:
        return datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None


def _build(match: re.Match[str], *, year: int) -> datetime | None:
    """Turn a match with year/month/day (and maybe a time) into a UTC datetime."""
    groups = match.groupdict()
    month = int(groups["mon"]) if groups.get("mon") else MONTHS[groups["month"].lower()]
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
