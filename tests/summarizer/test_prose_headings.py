"""A short heading whose only full stop is an abbreviation's is no prose; a short sentence is."""

from __future__ import annotations

import pytest

from summarizer.text.rules import is_prose
from summarizer.text.verbs import lacks_verb


@pytest.mark.parametrize(
    "text",
    ["Japan tops the U.S.", "Aid flows to the U.N.", "Vesburg Harbour Bridge Co."],
)
def test_a_short_heading_ending_in_an_abbreviation_is_no_prose(text: str) -> None:
    assert not is_prose(text)


def test_a_heading_keeps_its_verb_and_is_dropped_for_its_stop() -> None:
    # "tops" can be the verb (text.verbs); it is the abbreviation's stop that makes it a heading
    assert not lacks_verb("Japan tops the U.S.")


@pytest.mark.parametrize(
    "text",
    [
        "He moved to the U.S.",
        "The talks ended at 5 p.m.",
        "It closed at 5 p.m.",
        "Vesburg is in the U.S.",
        "Japan has now overtaken the aid pledged by the U.S.",
        "Japan tops the U.S. again.",
        "He lives in the U.S.",  # a subject pronoun or an article: a sentence, whatever its verb
        "She works for the U.N.",
        "The talks resume in the U.K.",
    ],
)
def test_a_sentence_ending_in_an_abbreviation_is_prose(text: str) -> None:
    assert is_prose(text)
