"""Numbers read whole in each language's conventions, and which of them are particulars."""

from __future__ import annotations

from summarizer.events.features import article_features, particulars
from summarizer.text.numbers import read_numbers


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
        ("02.12.2026", "date"),
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
