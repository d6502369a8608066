"""A dateline without a year is placed by the article's other cues, and stays marked estimated."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from summarizer.ingest.dates import FUTURE_SLACK, find_published, latest_mention, resolve_year
from summarizer.ingest.fetch import FetchPolicy
from summarizer.ingest.pipeline import build_article
from summarizer.ingest.sources import _http_date, expand
from summarizer.values import RawInput

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
LEAD = "MOSCOW, September 3 (RIA Novosti) - The presidents spoke by telephone on the crisis."
BODY = " The leaders agreed that the talks in the capital should go on next week." * 4


def _day(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        # Nothing else dates it: the latest 3 September up to the ingestion time.
        (LEAD, None, _day(2026, 9, 3)),
        # The file was written in January 2015: the latest 3 September before it.
        (LEAD, _day(2015, 1, 10), _day(2014, 9, 3)),
        # The text names a date: the article reports on it, so it is the first 3 September after.
        (f"{LEAD}\nThe leaders first met on 26 August 2014 in Minsk.", None, _day(2014, 9, 3)),
        (f"{LEAD}\nFighting began in April 2014, the UN says.", None, _day(2014, 9, 3)),
        # A named date after the day in its year: the day is in the next year.
        (f"{LEAD}\nA deal was signed on October 2, 2019.", None, _day(2020, 9, 3)),
        # A named date after what the file's date allows is not a bound (a plan, a typo).
        (f"{LEAD}\nElections follow on May 25, 2015.", _day(2014, 12, 1), _day(2014, 9, 3)),
    ],
)
def test_a_yearless_dateline_takes_its_year_from_the_other_cues(
    text: str, written: datetime | None, expected: datetime
) -> None:
    cue = find_published(text, now=NOW, written=written)
    assert cue is not None
    assert (cue.when, cue.year_guessed, cue.date_only) == (expected, True, True)


def test_the_day_is_never_after_the_reference_nor_a_year_before_it() -> None:
    for month, day in ((1, 1), (2, 28), (6, 15), (11, 23), (11, 24), (12, 31)):
        when = resolve_year(month, day, until=NOW)
        assert when is not None and (when.month, when.day) == (month, day)
        assert when <= NOW + FUTURE_SLACK and (NOW - when).days < 366  # a day ahead: time zones
    # 29 February: none within a year before 5 January 2028 (2028's lies ahead).
    assert resolve_year(2, 29, until=_day(2028, 1, 5)) is None
    assert resolve_year(2, 29, until=_day(2029, 1, 5)) == _day(2028, 2, 29)


def test_the_latest_mention_ignores_dates_after_the_reference() -> None:
    text = "Talks began on 3 March 2014 and a vote is due on 25 May 2031; since June 2015 ..."
    assert latest_mention(text, until=NOW) == _day(2015, 6, 1)
    assert latest_mention("No year here.", until=NOW) is None


def test_an_article_built_from_an_old_file_is_dated_in_the_files_year() -> None:
    raw = RawInput("old.txt", f"{LEAD}{BODY}", "text", written=_day(2015, 1, 10))
    article = build_article(raw, summary=None, now=NOW)
    assert article.published == _day(2014, 9, 3)
    assert article.published_estimated and article.published_date_only


def test_a_files_modification_time_reaches_the_raw_input(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"{LEAD}{BODY}", encoding="utf-8")
    stamp = _day(2015, 1, 10).timestamp()
    os.utime(path, (stamp, stamp))
    (raw,) = list(expand([str(path)], policy=FetchPolicy()))
    assert isinstance(raw, RawInput) and raw.written == _day(2015, 1, 10)


def test_http_dates_are_read_in_utc() -> None:
    assert _http_date("Wed, 03 Sep 2014 10:11:00 GMT") == datetime(2014, 9, 3, 10, 11, tzinfo=UTC)
    assert _http_date("not a date") is None
    assert _http_date(None) is None


def test_a_time_line_beats_the_dateline_and_a_date_in_the_story_does_not() -> None:
    stamped = find_published(f"{LEAD}\nUpdated: 2014-09-03 10:11\n{BODY}", now=NOW)
    assert stamped is not None and not stamped.year_guessed
    assert stamped.when == datetime(2014, 9, 3, 10, 11, tzinfo=UTC)
    mention = find_published(f"{LEAD}\nThe two first met on 26 August 2014 in Minsk.", now=NOW)
    assert mention is not None and mention.year_guessed and mention.when == _day(2014, 9, 3)


@pytest.mark.parametrize(
    ("lead", "now", "expected"),
    [
        # 3 September 2026 is a Thursday: the year guessed would contradict the text.
        (
            "MOSCOW, September 3 (RIA Novosti) - The talks went on, Peskov said Wednesday.",
            NOW,
            None,
        ),
        # Read in January 2015, 3 September 2014 was a Wednesday: the guess agrees.
        (
            "MOSCOW, September 3 (RIA Novosti) - The talks went on, Peskov said Wednesday.",
            _day(2015, 1, 10),
            _day(2014, 9, 3),
        ),
        (  # "said on Thursday" agrees with 2026
            "MOSCOW, September 3 (RIA Novosti) - The talks went on, Peskov said on Thursday.",
            NOW,
            _day(2026, 9, 3),
        ),
        (  # a weekday nobody spoke on says nothing of the dateline's day
            "MOSCOW, September 3 (RIA Novosti) - Talks resume on Monday in Minsk.",
            NOW,
            _day(2026, 9, 3),
        ),
        # any verb of saying (text.speech.SAYING_VERBS) gives the day a speaker spoke, with
        # or without "reporters"
        (
            "MOSCOW, September 3 (RIA Novosti) - The talks went on, Peskov told reporters"
            " on Wednesday.",
            NOW,
            None,
        ),
        (
            "MOSCOW, September 3 (RIA Novosti) - The talks will go on, Peskov warned Wednesday.",
            NOW,
            None,
        ),
        (  # a thought is no day's speech
            "MOSCOW, September 3 (RIA Novosti) - Officials thought Wednesday's talks went well.",
            NOW,
            _day(2026, 9, 3),
        ),
    ],
)
def test_a_guessed_year_must_agree_with_the_weekday_the_lead_gives(
    lead: str, now: datetime, expected: datetime | None
) -> None:
    cue = find_published(lead, now=now)
    assert (cue.when if cue else None) == expected
    if cue is not None:
        assert cue.year_guessed


def test_an_article_whose_weekday_contradicts_the_guess_is_dated_as_undated() -> None:
    lead = "MOSCOW, September 3 (RIA Novosti) - The talks went on, Peskov said Wednesday."
    article = build_article(RawInput("a.txt", f"{lead}{BODY}", "text"), summary=None, now=NOW)
    assert (article.published, article.published_estimated) == (NOW, True)  # never 2026-09-03
