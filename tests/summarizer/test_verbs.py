"""Finite verbs: captions and labels are not digest lines, short reports are."""

from __future__ import annotations

import re

import pytest

from summarizer.text import promotion
from summarizer.text.promotion import shouts_order
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
        ("Some 5,000 marched through London on Saturday.", "en"),
        ("Another 200 lost their jobs in the spring.", "en"),
        ("Of the 300 passengers on board, 12 survived.", "en"),
        ("At least 12 killed in attack on a market.", "en"),
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
        "CHEER ON Juniors and Young Riders as they display their skills, Oct. 5–7, in Gladstone.",
        "VIP meet-and-greet cocktail hour, Oct. 26, and special evening reception/lecture,"
        " Oct. 27.",
        "Free clinics, Oct. 5–7, family fun day, Oct. 13, and trade fair, Oct. 20.",
        "Today only, Amazon offers the 12-inch laptop in certified refurbished condition for $700.",
        "Grab the wireless earbuds at an all-time low of $99 while stocks last.",
        "The robot vacuum is 40% off at the moment.",
        "Order now and save $50 on the 12-inch laptop.",
        "The best deal at Amazon this week is a pair of noise-cancelling headphones.",
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
        "BBC an investigation found that the charity misled donors.",
        "Tesla sells the Model 3 for $35,000 in the US.",
        "Apple sells the new iPhone for $999, up from $899 last year.",
        "Netflix offers its basic plan for $6.99 a month, the company said.",
        "Ryanair said it sells most seats for $20 or less.",
        "The government is offering buyers a rebate for $7,500 per car.",
        "Shares closed 5% off their record high.",
        "The reform would save $2 billion a year.",
        "Protests took place in Paris, Oct. 26, and in Lyon, Oct. 27.",
        "The minister visited Kyiv, Oct. 26, and Lviv, Oct. 27, the ministry said.",
        "Putin met Poroshenko in Minsk on Oct. 26, and again on Oct. 27.",
        "CHECKPOINT staff at the border said the queue was 5 km long.",
    ],
)
def test_news_with_capitals_and_prices_is_not_promotion(text: str) -> None:
    assert not is_promotional(text)
    assert is_prose(text)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("EDF a annoncé une hausse de ses tarifs de 10 % en février.", "fr"),
        ("SNCF a supprimé 300 trains mardi.", "fr"),
        ("UEFA a sanctionné le club marseillais.", "fr"),
    ],
)
def test_an_acronym_opening_news_in_another_language_is_no_shouted_order(
    text: str, language: str
) -> None:
    assert not shouts_order(text, language)
    assert not is_promotional(text, language)


def test_the_promotion_patterns_have_no_unbounded_gap() -> None:
    # An unbounded gap before a later word ("offers ... for $") costs quadratic time on a long
    # line without full stops: every gap is bounded.
    patterns = [
        value.pattern for value in vars(promotion).values() if isinstance(value, re.Pattern)
    ]
    assert patterns
    for pattern in patterns:
        assert not re.search(r"\[\^[^\]]*\][*+]", pattern), pattern


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
