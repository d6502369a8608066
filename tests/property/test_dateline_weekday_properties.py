"""The weekday a lead gives its undated dateline: every weekday, month end and reading year."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.ingest.dates import find_published, resolve_year

# Monday first, as date.weekday() counts (written out: calendar.day_name follows the locale)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")
MONTHS += ("September", "October", "November", "December")
VERBS = ("said", "says", "announced", "confirmed", "reported", "told reporters")


def _lead(month: int, day: int, verb: str, weekday: str, *, on: bool = False) -> str:
    spoke = f"{verb} {'on ' if on else ''}{weekday}"
    return f"LONDON, {MONTHS[month - 1]} {day} (Reuters) - The minister {spoke} the talks go on."


@given(
    now=st.datetimes(
        min_value=datetime(2001, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(UTC)
    ),
    month=st.integers(1, 12),
    end=st.booleans(),
    verb=st.sampled_from(VERBS),
    on=st.booleans(),
    shift=st.integers(0, 6),
)
def test_a_guessed_year_is_kept_exactly_when_the_lead_gives_its_weekday(
    now: datetime, month: int, end: bool, verb: str, on: bool, shift: int
) -> None:
    day = 28 if month == 2 else (30 if end and month in (4, 6, 9, 11) else (31 if end else 1))
    placed = resolve_year(month, day, until=now)
    assert placed is not None  # no 29 February here: every other day lies within a year
    weekday = WEEKDAYS[(placed.weekday() + shift) % 7]
    cue = find_published(_lead(month, day, verb, weekday, on=on), now=now)
    if shift == 0:
        assert cue is not None and cue.year_guessed and cue.date_only
        assert cue.when == placed
    else:  # another weekday: that year is invented, and no other is known
        assert cue is None


@pytest.mark.parametrize(
    ("now", "month", "day"),
    [
        (datetime(2025, 1, 2, tzinfo=UTC), 12, 31),  # read on 2 January: last year's 31 December
        (datetime(2024, 3, 5, tzinfo=UTC), 2, 29),  # a leap day read days later
        (datetime(2023, 3, 1, tzinfo=UTC), 2, 28),  # a month end just before a month begins
        (datetime(2026, 5, 1, tzinfo=UTC), 4, 30),
        (datetime(2026, 1, 31, tzinfo=UTC), 1, 31),  # the day it is read
        (datetime(2026, 8, 1, tzinfo=UTC), 7, 31),
    ],
)
def test_month_ends_and_year_ends_take_the_weekday_of_the_year_they_fall_in(
    now: datetime, month: int, day: int
) -> None:
    placed = resolve_year(month, day, until=now)
    assert placed is not None and placed <= now and now - placed < timedelta(days=366)
    for index, weekday in enumerate(WEEKDAYS):
        cue = find_published(_lead(month, day, "said", weekday), now=now)
        expected = placed if index == placed.weekday() else None
        assert (cue.when if cue else None) == expected, weekday


@pytest.mark.parametrize("weekday", ["wednesday", "WEDNESDAY", "Wednesday"])
def test_the_weekday_is_read_in_any_case(weekday: str) -> None:
    now = datetime(2015, 1, 10, tzinfo=UTC)  # 3 September 2014 was a Wednesday
    agrees = find_published(_lead(9, 3, "said", weekday), now=now)
    assert agrees is not None and agrees.when == datetime(2014, 9, 3, tzinfo=UTC)
    other = find_published(_lead(9, 3, "said", weekday[:3] + "s" + weekday[3:]), now=now)
    assert other is not None  # "Wedsnesday" is no weekday: the lead says nothing of the day


def test_two_weekdays_or_a_weekday_nobody_spoke_on_say_nothing_of_the_day() -> None:
    now = datetime(2026, 11, 23, tzinfo=UTC)  # 3 September 2026 is a Thursday
    both = "LONDON, September 3 (Reuters) - He said Monday and she said Tuesday they disagree."
    planned = "LONDON, September 3 (Reuters) - The vote is set for Friday in the capital."
    for lead in (both, planned):
        cue = find_published(lead, now=now)
        assert cue is not None and cue.when == datetime(2026, 9, 3, tzinfo=UTC), lead


@pytest.mark.parametrize(
    "lead",
    [
        # Datelines in other languages, a weekday that contradicts every recent year's day:
        # they are not read as datelines, so no year is guessed for them at all.
        "PARIS, 3 septembre (AFP) - Le ministre a déclaré mercredi que les discussions continuent.",
        "МОСКВА, 3 сентября (РИА Новости) - Песков заявил в среду, что переговоры продолжаются.",
        "BERLIN, 3. September (dpa) - Der Minister sagte am Mittwoch, die Gespräche gehen weiter.",
        "MADRID, 3 de septiembre (EFE) - El ministro dijo el miércoles que siguen.",
    ],
)
def test_other_languages_datelines_never_get_an_invented_year(lead: str) -> None:
    cue = find_published(lead, now=datetime(2026, 11, 23, tzinfo=UTC))
    assert cue is None or not cue.year_guessed or cue.when.weekday() == 2
