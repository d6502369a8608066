"""Promotion: a speaker's words are read before the signs of an order, an article opens no order."""

from __future__ import annotations

import pytest

from summarizer.text.promotion import lists_dated_items
from summarizer.text.rules import is_promotional, is_prose


@pytest.mark.parametrize(
    "text",
    [
        "Protect your homes and leave now, the fire chief told residents.",
        '"Protect your homes and leave now," the fire chief told residents.',
        "‘Check your tickets before you travel,’ the airline said on Monday.",
        "Secure your property before the storm arrives, the mayor urged.",
        "Stay indoors and protect your families, the governor warned!",
        "Get your vaccine before winter, health officials said.",
    ],
)
def test_an_order_a_speaker_gives_is_no_promotion(text: str) -> None:
    assert not is_promotional(text, "en")
    assert is_prose(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Escape your echo chamber.",
        "Start your day with our briefing.",
        "Get more ideas here!",
        "Download our app today, we think you'll love it.",
    ],
)
def test_a_plug_without_a_speaker_stays_promotion(text: str) -> None:
    assert is_promotional(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Le ton monte entre Paris et Rome.",
        "Le ton est monté d'un cran entre les deux capitales.",
        "Un ton plus ferme s'impose désormais à Bruxelles.",
    ],
)
def test_a_french_line_opening_with_an_article_is_no_order(text: str) -> None:
    # "ton" is "your" and "tone": after an article it is the noun.
    assert not is_promotional(text, "fr")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("El tu a tu entre los dos líderes duró una hora.", "es"),  # "tu a tu": face to face
        ("Die Ihre Daten betreffende Regel gilt ab Montag.", "de"),
        ("Les vos et les tu de la politique française.", "fr"),
    ],
)
def test_a_reader_word_after_an_article_makes_no_order(text: str, language: str) -> None:
    assert not is_promotional(text, language)


def test_a_call_to_act_still_reads_as_one() -> None:
    assert is_promotional("Découvrez votre horoscope du jour.", "fr")
    assert is_promotional("Suivez votre équipe en direct.", "fr")


@pytest.mark.parametrize(
    "text",
    [
        '"If you want to see the damage, look here," the mayor said.',
        '"See here, we have no more beds," a nurse told reporters.',
        '"We had to leave everything, go here and there," she said.',
        "Look here, this is a disaster, the mayor said.",
    ],
)
def test_a_speaker_saying_look_here_is_no_pointer_to_a_link(text: str) -> None:
    assert not is_promotional(text)


@pytest.mark.parametrize(
    "text",
    [
        "Book your tickets now, before demand soars!",
        "Grab yours today, while supplies last and demand is high!",
    ],
)
def test_a_noun_of_the_form_of_a_stance_verb_is_no_speaker(text: str) -> None:
    assert is_promotional(text)


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    ("line", "language"),
    [
        (
            ", ".join(f"Concert in Hall {i}, Oct. {i % 28 + 1}" for i in range(60)) + ", and more.",
            "en",
        ),
        (
            ", ".join(f"Konzert in Halle {i}, {i % 28 + 1}. Oktober" for i in range(60))
            + ", und mehr.",
            "de",
        ),
        ("Paris, Oct. 26, " * 200, "en"),
    ],
)
def test_a_long_listing_that_fails_at_its_end_is_read_in_linear_time(
    line: str, language: str
) -> None:
    # Each further item is atomic. Before, 22 items took 4 s and each two more four times as
    # long: 60 items would never end, and the timeout fails the test.
    assert not lists_dated_items(line, language)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_title_opened_by_a_question_word_is_no_order(language: str) -> None:
    # English's question words (summarizer.text.language.QUESTION_WORDS) in a line of any language.
    assert not is_promotional("Who's Your Daddy promises your kids a night of fun.", language)
    assert not is_promotional("Which Way Home gives your family a map.", language)
    assert is_promotional("Give your kids a night of fun.", language)  # negative: an order
