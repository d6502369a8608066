"""A date the story's sentences name is no stamp of the page: a lower bound, and an estimate."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from summarizer.ingest.dates import find_published
from summarizer.ingest.pipeline import build_article
from summarizer.values import RawInput

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
TITLE = "Airline declares flight disappearance an accident"
LEAD = "The government has declared the disappearance of the flight an accident."
NAMED = "No trace of the aircraft has been found since it disappeared on 8 March 2014."
BODY = "Officials say the search goes on, and that the people on board are presumed dead. " * 4


def test_a_date_in_a_sentence_of_the_lead_is_only_a_lower_bound() -> None:
    written = datetime(2026, 11, 20, tzinfo=UTC)
    cue = find_published(f"{TITLE}\n\n{LEAD}\n\n{NAMED}\n\n{BODY}", now=NOW, written=written)
    assert cue is not None and cue.named_in_story and cue.estimated
    assert cue.when == NOW


def test_a_month_and_year_alone_in_the_story_dates_nothing() -> None:
    text = f"{TITLE}\n\nThe attack on the team in March 2009 ended tours to the country.\n\n{BODY}"
    assert find_published(text, now=NOW) is None


def test_a_stamp_further_down_beats_a_date_the_story_names() -> None:
    cue = find_published(f"{TITLE}\n\n{NAMED}\n\nUpdated: 2015-01-29 10:11\n\n{BODY}", now=NOW)
    assert cue is not None and not cue.estimated
    assert cue.when == datetime(2015, 1, 29, 10, 11, tzinfo=UTC)


def test_a_page_stamp_and_a_dateline_with_its_year_stay_given() -> None:
    stamp = find_published(f"{TITLE}\n\nMarch 14, 2026\n\n{LEAD}", now=NOW)
    assert stamp is not None and not stamp.estimated
    dateline = f"WASHINGTON, March 3, 2014 (AP) — {LEAD}"
    cue = find_published(f"{TITLE}\n\n{dateline}\n\n{BODY}", now=NOW)
    assert cue is not None and not cue.estimated and cue.when == datetime(2014, 3, 3, tzinfo=UTC)


def test_an_article_whose_only_date_is_in_its_story_is_dated_like_an_undated_one() -> None:
    text = f"{TITLE}\n\n{LEAD}\n\n{NAMED}\n\n{BODY}"
    undated = f"{TITLE}\n\n{LEAD}\n\n{BODY}"
    written = datetime(2026, 11, 20, tzinfo=UTC)
    dated, plain = (
        build_article(
            RawInput(location="mh.txt", content=t, kind="text", source="", written=written),
            now=NOW,
        )
        for t in (text, undated)
    )
    assert (dated.published, dated.published_estimated) == (NOW, True)
    assert (dated.published, dated.published_date_only) == (
        plain.published,
        plain.published_date_only,
    )


@pytest.mark.parametrize(
    "stamp",
    [
        "This article was last updated on 14 March 2026 at 09:31 GMT.",
        "Posted on March 14, 2026 by Jane Smith in World News.",
        "The page with this report was first published on 14 March 2026.",
    ],
)
def test_a_stamp_that_reads_like_a_sentence_stays_a_stamp(stamp: str) -> None:
    cue = find_published(f"{TITLE}\n\n{stamp}\n\n{LEAD}\n\n{BODY}", now=NOW)
    assert cue is not None and not cue.estimated
    assert cue.when.date() == datetime(2026, 3, 14, tzinfo=UTC).date()


def test_a_story_sentence_with_a_time_of_day_stays_a_sentence() -> None:
    named = "It disappeared on 8 March 2014 at 01:20 local time."
    cue = find_published(f"{TITLE}\n\n{LEAD}\n\n{named}\n\n{BODY}", now=NOW)
    assert cue is not None and cue.named_in_story and cue.estimated
    assert cue.when == NOW


def test_a_byline_with_a_date_and_time_stays_a_stamp() -> None:
    cue = find_published(
        f"{TITLE}\n\nBy Jane Smith, Meridian Daily, 14 March 2026 at 09:31 GMT.\n\n{BODY}", now=NOW
    )
    assert cue is not None and not cue.estimated
    assert cue.when == datetime(2026, 3, 14, 9, 31, tzinfo=UTC)


@pytest.mark.parametrize(
    "byline",
    [
        "By Jane Smith and John Doe for the Daily Mail, March 14, 2026.",
        "Written by Jane Smith, Senior Editor, World News Desk, on 14 March 2026.",
    ],
)
def test_a_dated_byline_that_reads_like_a_sentence_stays_a_stamp(byline: str) -> None:
    cue = find_published(f"{TITLE}\n\n{byline}\n\n{LEAD}\n\n{BODY}", now=NOW)
    assert cue is not None and not cue.estimated
    assert cue.when == datetime(2026, 3, 14, tzinfo=UTC)


def test_a_date_in_a_dateline_before_its_lead_stays_a_stamp() -> None:
    lead = "WASHINGTON (AP) — March 14, 2026 — The Senate voted on Friday to pass the budget."
    cue = find_published(f"{TITLE}\n\n{lead}\n\n{BODY}", now=NOW)
    assert cue is not None and not cue.estimated
    assert cue.when == datetime(2026, 3, 14, tzinfo=UTC)


def test_a_sentence_opening_with_by_and_a_date_is_the_story() -> None:
    lead = "By March 14, 2026, the Senate had voted to pass the spending bill in full."
    cue = find_published(f"{TITLE}\n\n{lead}\n\n{BODY}", now=NOW)
    assert cue is not None and cue.named_in_story and cue.when == NOW
