"""An English month's name beside another name: a person's unless a time stands beside it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from summarizer.text.facts import months_named
from summarizer.text.language import stop_words
from summarizer.text.months import ENGLISH_MONTHS, ENGLISH_WEEKDAYS, FULL_ENGLISH_MONTHS, HOLIDAYS

# Capitalised words of letters only, as a family name is written ("Johnson", "Xq"); months,
# weekdays and holidays name a time and stop words no one ("The", "Be").
_NO_NAMES = {name.casefold() for name in (*HOLIDAYS, *ENGLISH_WEEKDAYS)}
_NO_NAMES |= set(ENGLISH_MONTHS) | stop_words("en")
NAMES = (
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10)
    .filter(lambda name: name not in _NO_NAMES)
    .map(str.capitalize)
)
MONTHS = st.sampled_from(FULL_ENGLISH_MONTHS)


# The months that are also people's names (days.month_named).
NAME_MONTHS = st.sampled_from(["April", "May", "June", "August"])
OTHER_MONTHS = st.sampled_from(
    [month for month in FULL_ENGLISH_MONTHS if month not in {"April", "May", "June", "August"}]
)


@given(NAME_MONTHS, NAMES, st.booleans())
def test_a_month_that_is_a_name_joined_to_a_name_is_a_person(
    month: str, name: str, first: bool
) -> None:
    pair = f"{month} and {name}" if first else f"{name} and {month}"
    assert months_named(f"The plan was backed by {pair} last week.") == frozenset()


@given(OTHER_MONTHS, NAMES, st.booleans())
def test_a_month_that_is_no_name_joined_to_a_name_stays_a_month(
    month: str, name: str, first: bool
) -> None:
    pair = f"{month} and {name}" if first else f"{name} and {month}"
    number = FULL_ENGLISH_MONTHS.index(month) + 1
    assert months_named(f"The plan was backed by {pair} last week.") == {number}


@given(MONTHS, NAMES)
def test_a_word_of_time_before_a_month_keeps_it_a_month_beside_any_name(
    month: str, name: str
) -> None:
    number = FULL_ENGLISH_MONTHS.index(month) + 1
    assert months_named(f"Sales fell in {month} and {name} resigned.") == {number}


@given(MONTHS, MONTHS)
def test_months_joined_to_each_other_stay_months(first: str, second: str) -> None:
    numbers = {FULL_ENGLISH_MONTHS.index(m) + 1 for m in (first, second)}
    assert months_named(f"Talks went on between {first} and {second} in Geneva.") == numbers
