"""A short heading whose only full stop is an abbreviation's is no prose; a short sentence is."""

from __future__ import annotations

import pytest

from summarizer.text.rules import is_prose
from summarizer.text.verbs import lacks_verb


@pytest.mark.parametrize(
    "text",
    [
        "Japan tops the U.S.",  # a bare subject and a bare present: a headline's
        "Aid flows to the U.N.",
        "Vesburg Harbour Bridge Co.",
        "Trade talks with the U.S.",  # a noun phrase: a modifier, then its noun in -s
        "New rules for the U.K.",
        "Talks to resume in the U.K.",  # a headline's infinitive and participle
        "Prices rising in the U.S.",
        "Talks Resume in the U.K.",  # title case
        "How Japan won the U.S.",  # a question word asking nothing: a heading whatever its verb
        "Why Japan is the U.K.",
        "What happened in the U.S.",
        "Headlines today from the U.S.",  # a plural noun, then an adverb or an uncountable noun
        "Markets today in the U.S.",
        "Elections ahead in the U.K.",
        "Jobs data for the U.S.",
    ],
)
def test_a_short_heading_ending_in_an_abbreviation_is_no_prose(text: str) -> None:
    assert not is_prose(text)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Comment Paris a battu l'U.E.", "fr"),
        ("Cómo España superó a EE.UU.", "es"),
        ("Perché Roma ha battuto l'U.E.", "it"),
        ("Quando Lisboa venceu a U.E.", "pt"),
    ],
)
def test_a_question_word_asking_nothing_makes_a_heading_in_every_language(
    text: str, language: str
) -> None:
    assert not is_prose(text, language)


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
        "Talks resume in the U.K.",  # a plural subject and its verb
        "Sales grew in the U.S.",
        "Prices are high in the U.S.",
        "What followed shocked the U.S.",  # a "what" clause, the subject of a past verb
        "What followed shook the U.S.",  # an irregular past verb
    ],
)
def test_a_sentence_ending_in_an_abbreviation_is_prose(text: str) -> None:
    assert is_prose(text)


@pytest.mark.parametrize(
    "text",
    [
        "Trump won the U.S.",
        "Obama knew the U.S.",
        "Smith swam to the U.S.",
        "Johnson sank in the U.S.",
        "Mexico paid the U.S.",
        "Smith fled to the U.S.",
        "Smith flew to the U.K.",
        "Japan overtook the U.S.",
        "Shares froze in the U.S.",
    ],
)
def test_a_short_line_with_an_irregular_past_verb_is_a_sentence_not_a_heading(
    text: str,
) -> None:
    # an irregular past is a finite verb as "-ed" is: a heading tells its subject in the present
    assert is_prose(text)


@pytest.mark.parametrize(
    "text",
    [
        "Fed rates for the U.S.",  # "fed" is the Fed here, no past: left out of the past forms
        "Lent ends in the U.K.",  # a bare present; "Lent" is the feast
    ],
)
def test_a_past_form_that_is_also_a_name_does_not_make_a_heading_a_sentence(text: str) -> None:
    assert not is_prose(text)
