"""Month and weekday names: one table per kind, the lists read from it agree."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.text.days import month_number
from summarizer.text.months import ENGLISH_WEEKDAYS, WEEKDAY_PHRASES


def test_english_weekdays_count_as_date_weekday_and_name_their_day_among_the_phrases() -> None:
    assert ENGLISH_WEEKDAYS[date(2026, 3, 10).weekday()] == "Tuesday"
    assert len(ENGLISH_WEEKDAYS) == 7
    assert [WEEKDAY_PHRASES[name] for name in ENGLISH_WEEKDAYS] == list(range(7))
    assert WEEKDAY_PHRASES["Montag"] == 0 and "montag" not in WEEKDAY_PHRASES  # as written
    assert WEEKDAY_PHRASES["в среду"] == WEEKDAY_PHRASES["Mittwoch"] == 2
    assert sorted(set(WEEKDAY_PHRASES.values())) == list(range(7))
    # Italian, Portuguese and Dutch, whose standing facts are read too
    assert WEEKDAY_PHRASES["domenica"] == WEEKDAY_PHRASES["zondag"] == 6
    assert WEEKDAY_PHRASES["segunda-feira"] == WEEKDAY_PHRASES["lunedì"] == 0


@pytest.mark.parametrize(
    ("word", "language", "in_day", "month"),
    [
        ("mai", "ro", False, None),  # "mai mulți": more
        ("mai", "ro", True, 5),  # "15 mai 2024"
        ("iunie", "ro", False, 6),  # no common word: a month anywhere
        ("mai", "fr", False, 5),
        ("Mai", "de", False, 5),
        ("mai", "", False, 5),  # a text of no known language reads every language's names
        ("may", "en", True, None),  # English names count only capitalised
        ("May", "en", False, 5),
    ],
)
def test_a_month_that_is_also_a_common_word_counts_only_in_a_day(
    word: str, language: str, in_day: bool, month: int | None
) -> None:
    assert month_number(word, language, in_day=in_day) == month
