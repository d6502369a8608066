"""One list of time words (text.clock) serves numbers, sentences, time lines and mastheads."""

from __future__ import annotations

import pytest

from summarizer.clean.rules import is_time_line
from summarizer.ingest.outlet import masthead_of_publisher
from summarizer.text.clock import is_time_word
from summarizer.text.numbers import read_numbers
from summarizer.text.sentences import split_sentences


@pytest.mark.parametrize(
    "word", ["GMT", "EST", "CDT", "PT", "ET", "AEST", "am", "PM", "a.m.", "Uhr", "h", "мск"]
)
def test_zones_and_clock_words_are_time_words(word: str) -> None:
    assert is_time_word(word)


@pytest.mark.parametrize(
    "word", ["et", "pt", "mt", "West", "best", "ist", "Minsk", "est", "Est", "gmt", "cet"]
)
def test_words_that_only_look_like_zones_are_not(word: str) -> None:
    assert not is_time_word(word)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("at 0619 GMT", "06:19"),
        ("at 1430 CDT", "14:30"),
        ("at 0930 ET", "09:30"),
        ("at 9 a.m. EST", "9:00"),
        ("at 9 A.M. CET", "9:00"),
    ],
)
def test_a_clock_before_any_zone_is_a_time(text: str, key: str) -> None:
    (number,) = read_numbers(text)
    assert (number.key, number.kind) == (key, "time")


def test_a_two_letter_zone_counts_only_in_capitals() -> None:
    assert read_numbers("entre 1030 et 1045")[0].kind != "time"


def test_a_zone_counts_only_in_capitals() -> None:
    (toll,) = read_numbers("Le bilan provisoire de 12 est lourd.", "fr")
    assert (toll.key, toll.kind) == ("12", "whole")
    (year,) = read_numbers("Le budget 2025 est en hausse.", "fr")
    assert (year.key, year.kind) == ("2025", "year")
    (clock,) = read_numbers("Le vote ouvre à 1430 CET.", "fr")
    assert (clock.key, clock.kind) == ("14:30", "time")


def test_a_zone_after_a_m_goes_on_the_sentence() -> None:
    text = "The vote opens at 9 a.m. CDT on Tuesday. Polls close later."
    assert split_sentences(text) == [
        "The vote opens at 9 a.m. CDT on Tuesday.",
        "Polls close later.",
    ]


def test_a_stamp_with_any_zone_is_a_time_line() -> None:
    assert is_time_line("Updated 10:30 a.m. CDT")
    assert is_time_line("March 3, 2014 9:15 AEST")
    assert not is_time_line("Best 10 films of 2014")


def test_a_capitals_run_with_a_zone_is_no_masthead() -> None:
    page = "\n".join(["Story one 10:30 AM CDT", "Story two 11:00 AM CDT", "x 9:00 AM CDT"] * 2)
    assert masthead_of_publisher("Newsco Holdings", page) == "Newsco Holdings"


@pytest.mark.parametrize(
    ("text", "language", "key", "kind"),
    [
        ("Das Unternehmen ist seit 2015 am Markt.", "de", "2015", "year"),
        ("Er lief 1500 am Tag.", "de", "1500", "whole"),
        ("Markets opened at 9am.", "en", "9:00", "time"),
        ("Markets opened at 9am.", "", "9:00", "time"),
    ],
)
def test_am_tells_a_time_only_in_english_or_an_unknown_language(
    text: str, language: str, key: str, kind: str
) -> None:
    (number,) = read_numbers(text, language)
    assert (number.key, number.kind) == (key, kind)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le match commence à 20h30 au stade.", "fr"),
        ("Le match commence à 20 h 30 au stade.", "fr"),
        ("Доклад в 20 ч 30 мин.", "ru"),
        ("The match starts at 20:30.", "en"),
    ],
)
def test_hours_and_minutes_around_an_hours_letter_are_one_time(text: str, language: str) -> None:
    (number,) = read_numbers(text, language)
    assert (number.key, number.kind) == ("20:30", "time")
