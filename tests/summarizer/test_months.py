"""Month and weekday names: one table per kind, the lists read from it agree."""

from __future__ import annotations

from datetime import date

from summarizer.text.months import ENGLISH_WEEKDAYS, WEEKDAY_PHRASES


def test_english_weekdays_count_as_date_weekday_and_name_their_day_among_the_phrases() -> None:
    assert ENGLISH_WEEKDAYS[date(2026, 3, 10).weekday()] == "Tuesday"
    assert len(ENGLISH_WEEKDAYS) == 7
    assert [WEEKDAY_PHRASES[name] for name in ENGLISH_WEEKDAYS] == list(range(7))
    assert WEEKDAY_PHRASES["Montag"] == 0 and "montag" not in WEEKDAY_PHRASES  # as written
    assert WEEKDAY_PHRASES["в среду"] == WEEKDAY_PHRASES["Mittwoch"] == 2
    assert sorted(set(WEEKDAY_PHRASES.values())) == list(range(7))
