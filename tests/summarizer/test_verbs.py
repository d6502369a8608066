"""Finite verbs: captions and labels are not digest lines, short reports are."""

from __future__ import annotations

import pytest

from summarizer.text.rules import is_promotional, is_prose
from summarizer.text.verbs import lacks_verb


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Russell Square after the bombings.", "en"),
        ("Ambulances at Russell Square, London after the July 7, 2005 bombings.", "en"),
        ("HMS Cornwall at Zeebrugge in 2006.", "en"),
        ("Firefighters battling the blaze near Sydney on Sunday.", "en"),
        ("Rettungswagen am Russell Square nach den Anschlägen.", "de"),
        ("Des ambulances à Russell Square après les attentats.", "fr"),
    ],
)
def test_a_caption_has_no_finite_verb_and_is_no_prose(text: str, language: str) -> None:
    assert lacks_verb(text, language)
    assert not is_prose(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police arrested two men.", "en"),
        ("Japan tops the U.S.", "en"),
        ("The two met in Minsk.", "en"),
        ("The rupture spread from south to north.", "en"),
        ("The 71-year-old served in Northern Ireland from 1981 to 1987.", "en"),
        ("Wheels (1971), The Moneychangers (1975) and Overload (1979) followed.", "en"),
        ("Emerging market stocks rose 0.48%.", "en"),
        ("Nobody was hurt in the blast.", "en"),
        ("Die Polizei nahm ihn fest.", "de"),
        ("La police l'a arrêté.", "fr"),
    ],
)
def test_a_short_report_keeps_its_verb(text: str, language: str) -> None:
    assert not lacks_verb(text, language)
    assert is_prose(text, language)


def test_a_three_word_report_has_its_verb() -> None:
    assert not lacks_verb("Police arrested him.")


def test_languages_without_tables_are_not_judged() -> None:
    assert not lacks_verb("Скорая помощь у площади после взрывов.", "ru")


@pytest.mark.parametrize(
    "text",
    [
        "SPEND a day in the country rooting for the riders, Oct. 18–21, in Elkton, MD.",
        "ATTEND a two-day symposium with an Olympic dressage rider, Oct. 28–29.",
        "Today only, Amazon offers the 12-inch laptop in certified refurbished condition for $700.",
        "Rakuten offers the latest earbuds with a wireless charging case for $150.",
    ],
)
def test_shouted_orders_and_shop_listings_are_promotion(text: str) -> None:
    assert is_promotional(text)
    assert not is_prose(text)


@pytest.mark.parametrize(
    "text",
    [
        "NASA said the launch was delayed by a week.",
        "Pfizer offers to buy Allergan for $160 billion in cash.",
        "The order is valued at $8.8 billion at list prices.",
        "May said it was the best deal for Britain.",
    ],
)
def test_news_with_capitals_and_prices_is_not_promotion(text: str) -> None:
    assert not is_promotional(text)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Deixe suas dúvidas e opiniões aqui embaixo!", "pt"),
        ("Obrigado por compartilhar nosso conteúdo!", "pt"),
        ("Thanks for sharing our stories with your friends!", "en"),
    ],
)
def test_a_call_or_a_thanks_to_the_reader_is_promotion(text: str, language: str) -> None:
    assert is_promotional(text, language)
