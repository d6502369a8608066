"""Page artefacts: words broken at a line's hyphen, market instrument codes."""

from __future__ import annotations

import pytest

from summarizer.text.artefacts import _SHARED_PREFIX_WORDS, mend
from summarizer.text.rules import tidy
from summarizer.text.sentences import split_sentences


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (
            "Iran and nuclear talks and international anti- terrorism were also discussed.",
            "Iran and nuclear talks and international anti-terrorism were also discussed.",
        ),
        (
            "This decision will be for the time- being suspended, the secretary said.",
            "This decision will be for the time-being suspended, the secretary said.",
        ),
        ("Both anti- and pro-war groups marched.", "Both anti- and pro-war groups marched."),
        (
            "The 30-year bond US30YT=RR last rose 29/32 in price to yield 2.252%.",
            "The 30-year bond last rose 29/32 in price to yield 2.252%.",
        ),
        (
            "The dollar index .DXY rose 0.05%, with the euro EUR= up 0.05% to $1.1075.",
            "The dollar index rose 0.05%, with the euro up 0.05% to $1.1075.",
        ),
        ("U.S. crude CLc1 fell 3.38% to $55.12.", "U.S. crude fell 3.38% to $55.12."),
        (
            "The A380 and the F-16 flew over the U.S. base.",
            "The A380 and the F-16 flew over the U.S. base.",
        ),
        (
            "The Dow Jones Industrial Average .DJI fell 1.2%.",
            "The Dow Jones Industrial Average fell 1.2%.",
        ),
    ],
)
def test_a_sentence_is_shown_without_page_artefacts(raw: str, shown: str) -> None:
    assert mend(raw) == shown
    assert tidy(raw) == shown


def test_an_instrument_code_neither_splits_nor_shows() -> None:
    text = (
        "The STOXX 600 index lost 0.12% while MSCI's gauge of stocks across the globe "
        ".MIWD00000PUS gained 0.02% for a seventh straight session. Emerging market stocks rose."
    )
    first, second = split_sentences(text)
    assert tidy(first) == (
        "The STOXX 600 index lost 0.12% while MSCI's gauge of stocks across the globe gained"
        " 0.02% for a seventh straight session."
    )
    assert second == "Emerging market stocks rose."


@pytest.mark.parametrize(
    "text",
    [
        "Developers moved to the .NET framework last year.",
        "Sales of .MP3 files fell for a third year.",
        "Set X2=Y and the program runs.",
        "The CO2= figure was left blank in the report.",
        "De regering wil de in- en uitvoer van wapens beperken.",
        "Die Import- sowie Exportzahlen stiegen im Mai.",
        "Die Import- und Exportzahlen stiegen im Mai.",
        "Les pré- et post-opératoires ont été revus.",
        "Export- och importföretag drabbas.",
    ],
)
def test_words_formulas_and_shared_prefixes_are_kept(text: str) -> None:
    assert mend(text) == text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ураган обрушился на северо- и юго-западные районы страны.", "ru"),
        ("Удари по енерго- та водопостачанню тривають.", "uk"),
        ("Удари по енерго- та водопостачанню тривають.", ""),
        ("De regering wil de in- en uitvoer van wapens beperken.", "nl"),
        ("Il s'agit d'une guerre anti- et pro-gouvernementale.", "fr"),
    ],
)
def test_a_prefix_shared_before_a_conjunction_of_the_language_is_kept(
    text: str, language: str
) -> None:
    assert mend(text, language) == text
    assert tidy(text, language=language) == text


def test_a_word_of_another_language_after_a_broken_hyphen_joins_it() -> None:
    # Dutch "of" ("or") shares a prefix in Dutch; in English it completes a word broken at a line.
    assert mend("They paid the out- of-pocket costs.", "en") == "They paid the out-of-pocket costs."
    assert mend("Het gaat om in- of uitvoer.", "nl") == "Het gaat om in- of uitvoer."


@pytest.mark.parametrize("language", ["en", "de", "nl", "fr", "es", "it", "pt", "pl", "ru", "uk"])
def test_every_conjunction_of_a_language_keeps_a_shared_prefix(language: str) -> None:
    for word in _SHARED_PREFIX_WORDS[language]:
        text = f"Both anti- {word} pro-war groups marched."
        assert mend(text, language) == text
        assert mend(text) == text
