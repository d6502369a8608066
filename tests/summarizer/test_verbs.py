"""Finite verbs: captions and labels are not digest lines, short reports are."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.text.artefacts import mend
from summarizer.text.language import word_set
from summarizer.text.promotion import lists_dated_items, shouts_order
from summarizer.text.rules import is_promotional, is_prose, tidy
from summarizer.text.verbs import lacks_verb, shows_verb, tells_happening


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
        ("Japan topped the U.S.", "en"),
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
        ("More than 100 died in the attack on the market.", "en"),
        ("Around 50 drowned off the coast of Libya.", "en"),
        ("Between 20 and 30 fled into the forest near the border.", "en"),
        ("Up to 40 attended the funeral at the mosque.", "en"),
    ],
)
def test_a_short_report_keeps_its_verb(text: str, language: str) -> None:
    assert not lacks_verb(text, language)
    assert is_prose(text, language)


@given(
    st.sampled_from(
        [
            *("More than", "Less than", "Up to", "Around", "Over", "About", "Some", "Nearly"),
            *("Almost", "At least", "Between 20 and", "Well over", "Roughly"),
        ]
    ),
    st.integers(min_value=2, max_value=99_999),
    st.sampled_from(["died", "drowned", "fled", "attended", "marched", "survived"]),
)
def test_a_number_after_words_of_a_quantity_opens_the_subject(
    quantity: str, number: int, verb: str
) -> None:
    text = f"{quantity} {number:,} {verb} in the attack on the market."
    assert not lacks_verb(text)
    # Inside a noun phrase the same number is no subject: the caption still lacks its verb.
    assert lacks_verb(f"Ambulances at the market after the {number:,} {verb}.")


def test_a_three_word_report_has_its_verb() -> None:
    assert not lacks_verb("Police arrested him.")


def test_languages_without_tables_are_not_judged() -> None:
    assert not lacks_verb("Скорая помощь у площади после взрывов.", "ru")


@pytest.mark.parametrize(
    "text",
    [
        "SPEND a day in the country rooting for the riders, Oct. 18–21, in Elkton, MD.",
        "ATTEND a two-day symposium with an Olympic dressage rider, Oct. 28–29.",
        "JOIN us for an evening of jazz at the town hall, Oct. 12.",
        "BROWSE the collection of 300 quilts at the county fair.",
        "CHEER ON Juniors and Young Riders as they display their skills, Oct. 5–7, in Gladstone.",
        "VIP meet-and-greet cocktail hour, Oct. 26, and special evening reception/lecture,"
        " Oct. 27.",
        "Free clinics, Oct. 5–7, family fun day, Oct. 13, and trade fair, Oct. 20.",
        "Today only, Amazon offers the 12-inch laptop in certified refurbished condition for $700.",
        "Grab the wireless earbuds at an all-time low of $99 while stocks last.",
        "The robot vacuum is 40% off at the moment.",
        "Order now and save $50 on the 12-inch laptop.",
        "The best deal at Amazon this week is a pair of noise-cancelling headphones.",
        "The headphones are 30% off in the Black Friday sale.",
        "Get 25% off everything sitewide with our spring deals.",
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
        "Oil is trading about 30% off highs seen in March after the OPEC meeting.",
        "The index closed 12% off record levels reached last year.",
        "Bitcoin traded 40% off peak prices as investors sold.",
        "The retailer said shares were 15% off last year's level.",
        "The company said prices would drop 20% off peak hours.",
        "SAVE the Children said 40 children were killed in the strike.",
        "FIND a way to end the war, the UN chief told the Security Council.",
        "Stay at home, the health minister told residents on Monday.",
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


# Lines of 50,000 characters without a full stop or a blank, as broken pages give them: one long
# word before a market code's full stop or "=", a run of shop words, of short words, of hyphens.
_LONG = 50_000
_LONG_LINES = [
    "a" * _LONG + " .x",
    "A" * _LONG + "=",
    "ab " * (_LONG // 3) + ".x",
    "x- " * (_LONG // 3),
    "Today only " + "a" * _LONG,
    "our " * (_LONG // 4) + "!",
    "12% off " * (_LONG // 8),
    "SAVE the " * (_LONG // 9),
    "The " + "Big " * (_LONG // 4) + ".",
]
# CPU seconds a linear rule needs for one such line is a few milliseconds; a quadratic one needs
# tens of seconds ("a" * 40,000 + " .x" took 32.7 s in mend). The bound is far from both.
_SECONDS_PER_LINE = 2.0


@pytest.mark.parametrize("text", _LONG_LINES, ids=lambda text: repr(text[:12]))
def test_the_text_rules_read_a_long_line_in_linear_time(text: str) -> None:
    for rule in (mend, tidy, is_prose, is_promotional, lacks_verb):
        start = time.process_time()
        rule(text)
        assert time.process_time() - start < _SECONDS_PER_LINE, rule.__name__


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Deixe suas dúvidas e opiniões aqui embaixo!", "pt"),
        ("Obrigado por compartilhar nosso conteúdo!", "pt"),
        ("Thanks for sharing our stories with your friends!", "en"),
        ("Merci de partager nos articles avec vos amis !", "fr"),
        ("Melden Sie sich noch heute an!", "de"),
        ("Не забудьте поделиться с друзьями, мы ждём вас!", "ru"),
    ],
)
def test_a_call_or_a_thanks_to_the_reader_is_promotion(text: str, language: str) -> None:
    assert is_promotional(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("El presidente anunció su dimisión tras la derrota electoral!", "es"),
        ("Il governo ha votato su una riforma delle pensioni molto contestata!", "it"),
        ("Die Kanzlerin und ihr Kabinett treten nach der Wahl zurück!", "de"),
        ("Sie treten nach der Wahl zurück, sagte die Kanzlerin!", "de"),
        ("The prime minister told supporters: we will win this election!", "en"),
        ("Our hospitals are at breaking point, the union leader warned!", "en"),
        ("O presidente anunciou sua renúncia após a derrota!", "pt"),
    ],
)
def test_a_news_exclamation_with_a_possessive_or_we_is_no_promotion(
    text: str, language: str
) -> None:
    assert not is_promotional(text, language)
    assert is_prose(text, language)


# Third-person and first-person words of every language: none addresses the reader.
_NOT_ADDRESS = st.sampled_from(
    sorted(
        word_set(
            """su sus ihr ihre sie we us our ours nos nosso nossa seu sua unser unsere nuestro
            nostro ons onze leur il elle мы нас наш їх ми наші minister said election reform"""
        )
    )
)


@given(
    st.lists(_NOT_ADDRESS, min_size=1, max_size=12),
    st.sampled_from(["en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl"]),
)
def test_an_exclamation_without_a_second_person_word_is_no_promotion(
    words: list[str], language: str
) -> None:
    assert not is_promotional("Merkel " + " ".join(words) + "!", language)


@pytest.mark.parametrize(
    "text",
    [
        "Download our app today, we think you'll love it.",
        "Start your day with our briefing, which we believe is the best.",
        "Escape your echo chamber, as readers told us.",
        "Try our new puzzle, which players say is addictive.",
    ],
)
def test_a_plug_ending_in_a_clause_of_saying_is_still_promotion(text: str) -> None:
    # Only a third-person speaker after the comma makes an order a reported one.
    assert is_promotional(text, "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Face à Moscou, le président français a nettement durci le ton!", "fr"),
        ("Le ministre hausse le ton face aux syndicats!", "fr"),
        ("Stocks are 30% off highs as deals collapse.", "en"),
    ],
)
def test_a_tone_or_deals_in_the_news_is_no_promotion(text: str, language: str) -> None:
    assert not is_promotional(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "VIP meet-and-greet cocktail hour, Oct. 26, and special evening reception, Oct. 27.",
            "en",
        ),
        ("VIP-Empfang mit Sekt, 26. Oktober, und festlicher Abendvortrag, 27. Oktober.", "de"),
        ("Cocktail VIP avec les artistes, 26 octobre, et réception du soir, 27 octobre.", "fr"),
        ("Cóctel de bienvenida VIP, 26 de octubre, y recepción nocturna, 27 de octubre.", "es"),
        ("Cocktail di benvenuto VIP, 26 ottobre, e ricevimento serale, 27 ottobre.", "it"),
        ("Coquetel VIP de boas-vindas, 26 de outubro, e recepção noturna, 27 de outubro.", "pt"),
        ("VIP-borrel met de artiesten, 26 oktober, en avondreceptie met lezing, 27 oktober.", "nl"),
        ("VIP-коктейль для гостей, 26 октября, и вечерний приём с лекцией, 27 октября.", "ru"),
        ("VIP-коктейль для гостей, 26 жовтня, та вечірній прийом з лекцією, 27 жовтня.", "uk"),
    ],
)
def test_a_calendar_listing_shows_no_verb_and_is_promotion_in_nine_languages(
    text: str, language: str
) -> None:
    assert not shows_verb(text, language)
    assert lists_dated_items(text, language)
    assert is_promotional(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Protests took place in Paris, Oct. 26, and in Lyon, Oct. 27.", "en"),
        ("Demonstranten zogen durch Berlin, 26. Oktober, und durch Hamburg, 27. Oktober.", "de"),
        ("Les manifestants ont défilé à Paris, 26 octobre, et à Lyon, 27 octobre.", "fr"),
        (
            "Los manifestantes marcharon en Madrid, 26 de octubre, y en Sevilla, 27 de octubre.",
            "es",
        ),
        ("I manifestanti sfilarono a Roma, 26 ottobre, e a Milano, 27 ottobre.", "it"),
        ("Os manifestantes marcharam em Lisboa, 26 de outubro, e no Porto, 27 de outubro.", "pt"),
        ("De betogers kwamen samen in Utrecht, 26 oktober, en in Gent, 27 oktober.", "nl"),
        ("Протестующие прошли по Москве, 26 октября, и по Петербургу, 27 октября.", "ru"),
        ("Протестувальники пройшли Києвом, 26 жовтня, та Львовом, 27 жовтня.", "uk"),
    ],
)
def test_a_report_with_dated_places_shows_its_verb_and_is_no_listing(
    text: str, language: str
) -> None:
    assert shows_verb(text, language)
    assert not lists_dated_items(text, language)


@pytest.mark.parametrize(
    ("text", "language", "happening"),
    [
        ("The Customs Union includes Russia and Belarus.", "en", False),
        ("The region is home to two million people.", "en", False),
        ("Armenia joined the union.", "en", True),
        ("Armenia will join the union.", "en", True),
        ("Die Zollunion umfasst Russland.", "de", False),
        ("Armenien ist der Union beigetreten und wurde Mitglied.", "de", True),
        ("L'Union comprend la Russie.", "fr", False),
        ("L'Arménie a rejoint l'Union.", "fr", True),
        ("La Unión incluye a Rusia.", "es", False),
        ("Armenia se unió a la Unión.", "es", True),
        ("Таможенный союз включает Россию.", "ru", False),
        ("Армения вошла в союз.", "ru", True),
        ("Митний союз включає Росію.", "uk", False),
        ("Вірменія приєдналася до союзу.", "uk", True),
    ],
)
def test_a_past_or_future_form_tells_a_happening(text: str, language: str, happening: bool) -> None:
    assert tells_happening(text, language) is happening


@pytest.mark.parametrize(
    "text",
    [
        "The thought of a second lockdown worries shop owners.",
        "Felt hats and wool coats are back in the shops.",
    ],
)
def test_a_past_form_that_is_also_a_common_noun_tells_no_happening(text: str) -> None:
    assert not tells_happening(text)


def test_a_listing_of_nouns_that_are_also_past_forms_shows_no_verb() -> None:
    listing = "Food for thought lecture, Oct. 26, and felt crafts workshop, Oct. 27."
    assert not shows_verb(listing)
    assert lists_dated_items(listing)


def test_lacks_verb_reads_a_listings_nouns_as_verbs_and_shows_verb_does_not() -> None:
    listing = "VIP meet-and-greet cocktail hour, Oct. 26, and special evening reception, Oct. 27."
    assert not lacks_verb(listing)  # "meet-and-greet" may be a verb in its place
    assert not shows_verb(listing)


def test_languages_without_verb_tables_show_no_verb() -> None:
    assert not shows_verb("Sanat eilen ja huomenna, 26. lokakuuta.", "fi")
    assert not lists_dated_items("Cocktail, 26 octobre, et réception, 27 octobre.", "fi")
