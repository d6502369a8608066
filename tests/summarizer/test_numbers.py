"""Numbers read whole in each language's conventions, and which of them are particulars."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.events.features import OPENING_WORDS, article_features, dates, particulars
from summarizer.text.months import MONTHS_BY_LANGUAGE
from summarizer.text.numbers import date_key, glued_number_end, glued_to_name, read_numbers


def keys(text: str, language: str) -> list[tuple[str, str]]:
    """(key, kind) of each number of a text."""
    return [(number.key, number.kind) for number in read_numbers(text, language)]


def test_thousands_are_one_number_however_grouped() -> None:
    english = keys("The firm cut 40,000 jobs, or 40000 posts, and 1,250,000 hours.", "en")
    assert english == [("40000", "whole"), ("40000", "whole"), ("1250000", "whole")]
    assert keys("Завод уволил 40 000 рабочих (40\u00a0000 по данным профсоюза).", "ru") == [
        ("40000", "whole"),
        ("40000", "whole"),
    ]
    assert keys("Der Konzern streicht 40.000 Stellen.", "de") == [("40000", "whole")]


def test_a_decimal_comma_or_point_makes_one_number() -> None:
    assert keys("Инфляция составила 5,5 процента, а ставка 7,25%.", "ru") == [
        ("5.5%", "amount"),
        ("7.25%", "amount"),
    ]
    assert keys("Die Inflation lag bei 5,5 Prozent.", "de") == [("5.5%", "amount")]
    assert keys("Inflation rose to 5.5% from 3.50 per cent.", "en") == [
        ("5.5%", "amount"),
        ("3.5%", "amount"),
    ]


def test_sums_of_money_are_one_number_with_their_scale() -> None:
    assert keys("Halvard pays £1.2bn, or 1,200 million pounds.", "en") == [
        ("1200000000", "amount"),
        ("1200000000", "amount"),
    ]
    assert keys("Сделка оценена в 1,2 млрд рублей.", "ru") == [("1200000000", "amount")]
    assert keys("Der Preis: 1,2 Mrd. Euro, 40.000 €.", "de") == [
        ("1200000000", "amount"),
        ("40000", "amount"),
    ]


def test_times_dates_and_years_are_told_apart() -> None:
    dateline = keys("MOSCOW, Dec 2, 2026, 10:30 GMT - The 3:1 win", "en")
    assert dateline == [("2", "date"), ("2026", "year"), ("10:30", "time"), ("3:1", "amount")]
    assert keys("Berlin, 02.12.2026, 14.30 Uhr", "de") == [
        ("2026-12-02", "date"),
        ("14:30", "time"),
    ]
    assert keys("5 декабря 2026, 00:01", "ru") == [
        ("5", "date"),
        ("2026", "year"),
        ("00:01", "time"),
    ]


def test_a_time_before_its_zone_may_go_without_colon() -> None:
    assert keys("At 0619 GMT the dollar was at $1.29.", "en") == [
        ("06:19", "time"),
        ("1.29", "amount"),
    ]


def test_a_written_fraction_is_an_amount_even_when_whole() -> None:
    assert keys("Firefox 1.0 is out", "en") == [("1", "amount")]


def test_a_day_of_a_named_month_is_a_date() -> None:
    assert keys("ТБИЛИСИ, 17 ноя - Около 5,5 тысячи человек", "ru") == [
        ("17", "date"),
        ("5500", "amount"),
    ]
    assert keys("The match was set for November 22-24 in 25 cities.", "en") == [
        ("22", "date"),
        ("24", "whole"),
        ("25", "whole"),
    ]
    assert keys("Am 3. Oktober kamen 40 Gäste.", "de") == [("3", "date"), ("40", "whole")]


def test_a_year_and_a_count_written_apart_stay_apart() -> None:
    assert keys("In 2019 100 people died.", "en") == [("2019", "year"), ("100", "whole")]


def test_particular_numbers_leave_out_the_dateline_and_the_digits() -> None:
    opening = "LONDON, 2 December 2026, 09:15 - 3 men held over £40m theft of 450 bars"
    found = particulars([], read_numbers(opening, "en"), "en", year=2026)
    assert found == {"40000000", "450"}
    moscow = "МОСКВА, 2 декабря 2026, 00:01 - Контракт до 2030 года на 5,5 млрд рублей"
    assert particulars([], read_numbers(moscow, "ru"), "ru", year=2026) == {"2030", "5500000000"}


def test_without_a_year_of_publication_every_year_counts() -> None:
    assert particulars([], read_numbers("Berlin 2026", "de"), "de") == {"2026"}


def test_reports_of_one_sum_share_it_in_any_writing() -> None:
    first = article_features(
        "Nortrax recalls routers", "Nortrax is recalling 40,000 routers.", "en"
    )
    second = article_features("Nortrax-Rückruf", "Nortrax ruft 40.000 Router zurück.", "de")
    third = article_features("Отзыв Nortrax", "Nortrax отзывает 40 000 роутеров.", "ru")
    assert "40000" in first.particulars & second.particulars & third.particulars
    assert not {"40", "000"} & (first.particulars | second.particulars | third.particulars)


def test_a_number_glued_to_a_name_by_a_hyphen_is_not_read() -> None:
    assert read_numbers("COVID-19, the G-20, F-16 jets and Su-27s") == []
    assert [n.key for n in read_numbers("mid-2014, under-21, 1990-2000")] == [
        "2014",
        "21",
        "1990",
        "2000",
    ]


def test_a_number_glued_to_capitalised_words_joined_by_hyphens_is_not_read() -> None:
    # "SARS-CoV-2" is one name like "COVID-19"; a run that begins with a number ("12-Mar-2020")
    # or a word in lower case ("anti-G-5", "mid-March-2020") is none
    assert read_numbers("SARS-CoV-2 and Soyuz-MS-22") == []
    assert [n.key for n in read_numbers("On 12-Mar-2020, anti-G-5 and mid-March-2020")] == [
        "12",
        "2020",
        "5",
        "2020",
    ]


def test_a_run_of_over_30_characters_is_no_number_and_breaks_nothing() -> None:
    # int() reads no more than 4,300 digits: such a run crashed the features of its article
    assert keys("Pi to 5,000 places: 3 " + "1" * 5000 + " and 9" * 2, "en") == [
        ("5000", "whole"),
        ("3", "whole"),
        ("9", "whole"),
        ("9", "whole"),
    ]
    assert keys("9" * 31, "en") == []
    features = article_features("1" * 5000, "Digits: 3" + "1" * 4400, "en", year=2026)
    assert not any(key[:1].isdigit() for key in features.particulars)


def test_a_scaled_number_keeps_all_its_digits() -> None:
    assert keys("A 123456789012345678901234567890bn deal", "en") == [
        ("123456789012345678901234567890000000000", "amount")
    ]


def test_an_hour_before_a_clock_word_and_seconds_are_times() -> None:
    assert keys("Markets opened at 9am, closed at 5 pm, 10 Uhr.", "en") == [
        ("9:00", "time"),
        ("5:00", "time"),
        ("10:00", "time"),
    ]
    assert keys("At 17:30:15 GMT and 0619 PDT", "en") == [
        ("17:30:15", "time"),
        ("06:19", "time"),
    ]
    opening = "Markets opened at 9am and closed at 5pm; at 17:30:15 and 0619 PDT they"
    assert particulars([], read_numbers(opening, "en"), "en", year=2026) == frozenset()


def test_slash_and_iso_dates_are_dates() -> None:
    assert keys("LONDON, 12/02/2026 - police", "en") == [("2026-12-02", "date")]
    assert keys("2026-12-02 police; 12/2/26", "en") == [
        ("2026-12-02", "date"),
        ("2026-12-02", "date"),
    ]
    assert keys("the 2024/25 season", "en") == [("2024", "year"), ("25", "whole")]


def test_a_day_of_a_month_is_a_date_in_every_table_language() -> None:
    cases = [
        ("MADRID, 15 de mayo de 2026 -", "es"),
        ("LONDON, 25th May 2026 -", "en"),
        ("PARIS, 21er mai 2026 -", "fr"),
        ("МОСКВА, 25-го мая 2026 -", "ru"),
        ("ROMA, 15 maggio 2026 -", "it"),
        ("LISBOA, 15 de maio de 2026 -", "pt"),
        ("AMSTERDAM, 15 mei 2026 -", "nl"),
        ("PRAHA, 15. května 2026 -", "cs"),
        ("BUDAPEST, 2026. május 15. -", "hu"),
        ("HELSINKI, 15. toukokuuta 2026 -", "fi"),
        ("BUCUREȘTI, 15 mai 2026 -", "ro"),
        ("STOCKHOLM, 15 maj 2026 -", "sv"),
    ]
    for opening, language in cases:
        numbers = read_numbers(opening, language)
        assert [n.kind for n in numbers if n.kind != "year"] == ["date"], opening
        assert particulars([], numbers, language, year=2026) == frozenset(), opening
        day = next(n.key for n in numbers if n.kind == "date")
        assert dates(opening, year=2026) == {f"05-{day}"}, opening


def test_the_opening_reads_a_number_its_last_word_cuts_whole() -> None:
    body = " ".join(["word"] * (OPENING_WORDS - 1)) + " 40,000 routers were recalled."
    found = article_features("Recall", body, "en", year=2026).particulars
    assert "40000" in found and "40" not in found


def test_only_four_bare_digits_make_a_year() -> None:
    assert keys("2,026 jobs were cut in 2026", "en") == [("2026", "whole"), ("2026", "year")]
    assert "2026" in particulars([], read_numbers("2,026 jobs were cut", "en"), "en", year=2026)


def test_a_date_in_digits_has_one_key_however_written() -> None:
    assert keys("NEW YORK, 12/02/2026 - and 2026-12-02", "en") == [
        ("2026-12-02", "date"),
        ("2026-12-02", "date"),
    ]
    assert (
        keys("PARIS, 02/12/2026 et 02.12.2026 et 2026-12-02", "fr") == [("2026-12-02", "date")] * 3
    )
    assert date_key("25/12/2026", "en") == date_key("12/25/2026", "fr") == "2026-12-25"
    assert date_key("31/31/2026", "en") == "31/31/2026"  # no date in either order


@given(st.dates(min_value=date(1970, 1, 1), max_value=date(2069, 12, 31)))
def test_every_writing_of_a_date_gives_its_iso_key(day: date) -> None:
    iso = day.isoformat()
    assert date_key(iso) == iso
    assert date_key(f"{day.month}/{day.day}/{day.year}", "en") == iso
    assert date_key(f"{day.day:02d}/{day.month:02d}/{day.year % 100:02d}", "de") == iso
    assert date_key(f"{day.day}.{day.month}.{day.year}", "en") == iso


@pytest.mark.parametrize("zone", ["CT", "PT", "ET", "MT", "EST"])
def test_an_hour_before_a_zone_alone_is_a_count(zone: str) -> None:
    # "12 CT scans" counts scans; a clock time before a zone keeps its minutes ("0619 GMT")
    assert keys(f"Doctors ordered 12 {zone} scans at 10:30 {zone}.", "en") == [
        ("12", "whole"),
        ("10:30", "time"),
    ]


def test_a_text_reads_the_month_names_of_its_own_language() -> None:
    # Romanian "mai" is "more" as well as May; "mai" is no English word at all
    assert keys("Au murit 15 mai mulți oameni decât anul trecut.", "ro") == [("15", "whole")]
    assert keys("BUCUREȘTI, 15 mai, ministrul a spus", "ro") == [("15", "date")]
    assert keys("The 15 mai tai cocktails cost 9 dollars.", "en") == [
        ("15", "whole"),
        ("9", "whole"),
    ]
    assert keys("Le 15 mai, 40 personnes", "fr") == [("15", "date"), ("40", "whole")]
    assert dates("Au murit 15 mai mulți oameni.", language="ro", year=2026) == frozenset()
    assert dates("Am 3. mars kamen 40 Gäste.", language="de", year=2026) == frozenset()


@given(
    st.sampled_from(sorted(MONTHS_BY_LANGUAGE)),
    st.integers(min_value=1, max_value=28),
    st.integers(min_value=1, max_value=12),
)
def test_a_day_before_its_month_and_year_is_a_date_in_its_language(
    language: str, day: int, month: int
) -> None:
    name = next(n for n, m in MONTHS_BY_LANGUAGE[language].items() if m == month)
    name = name.capitalize() if language in {"en", "de"} else name
    text = f"Ce {day} {name} 2026 x"
    found = [n for n in read_numbers(text, language) if n.kind == "date"]
    assert [n.key for n in found] == [str(day)], text
    assert dates(text, year=2026, language=language) == {f"{month:02d}-{day:02d}"}


@pytest.mark.parametrize(
    ("text", "word", "glued"),
    [
        ("Cases of COVID-19 rose.", "COVID", "COVID-19"),
        ("Tests for SARS-CoV-2.5 rose.", "SARS", "SARS-CoV-2.5"),
        ("The G-20 met.", "G", "G-20"),
        ("Talks on 12-Mar-2020.", "Mar", None),  # the run begins with a number
        ("Prices rose in mid-2014.", "mid", None),
        ("The COVID pandemic.", "COVID", None),
        ("A " + "Ab-" * 30 + "5 was seen.", "Ab", None),  # a name longer than any
    ],
)
def test_a_number_glued_after_a_name_ends_where_its_digits_end(
    text: str, word: str, glued: str | None
) -> None:
    end = text.index(word) + len(word)
    found = glued_number_end(text, end)
    assert (text[end - len(word) : found] if found is not None else None) == glued


# The rule before it was bounded: the words after the name and the number, to the end of the run.
_UNBOUNDED = re.compile(r"(?:-[^\W\d_][^\W_]*)*-(?P<number>\d+(?:[.,]\d+)*)")


@given(st.lists(st.sampled_from(["A", "b", "Co", "V", "1", "19", "-", "-", "-", " ", ".", "_"])))
def test_the_bounded_glued_number_is_the_unbounded_rule(parts: list[str]) -> None:
    text = "".join(parts)
    for match in re.finditer(r"[^\W_]+", text):
        glued = _UNBOUNDED.match(text, match.end())
        expected = (
            glued.end()
            if glued is not None and glued_to_name(text, glued.start("number"))
            else None
        )
        assert glued_number_end(text, match.end()) == expected
