"""Properties of the sentence rules on any text: they never fail, never invent text, and hold."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from summarizer.text.rules import (
    is_promotional,
    is_prose,
    stands_alone,
    strip_dateline,
    unresolved_reference,
)
from tests.property.strategies import TEXTS

LANGUAGES = st.sampled_from(["en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "zh", ""])
CONTEXTS = st.sampled_from(["", "Farmers protest as talks open", "Police and protest and move"])
DATELINES = st.sampled_from(
    ["WASHINGTON (AP) — ", "PORT ESSEL, March 15 (Port Essel Echo) - ", "MINSK, Belarus — ", ""]
)


@given(TEXTS, LANGUAGES, CONTEXTS)
@example("", "en", "")
@example('"', "en", "")
@example("The the the the.", "en", "")
@settings(max_examples=150, deadline=None)
def test_rules_never_fail_on_any_text(text: str, language: str, context: str) -> None:
    is_prose(text, language)
    is_promotional(text, language)
    stands_alone(text, language, context=context)
    unresolved_reference(text, language, context=context)
    stripped = strip_dateline(text, opens_text=True)
    assert text.strip().endswith(stripped)  # a dateline is cut from the front, nothing added


@given(TEXTS, LANGUAGES)
@settings(max_examples=150, deadline=None)
def test_prose_is_never_a_question_a_label_or_promotion(text: str, language: str) -> None:
    if is_prose(text, language):
        assert not text.rstrip().endswith(("?", "？"))
        assert not is_promotional(text, language)
        assert not text.strip()[:1].islower()


@given(TEXTS, LANGUAGES, CONTEXTS, CONTEXTS)
@example("Police said the protest was peaceful.", "en", "", "Farmers protest as talks open")
@settings(max_examples=150, deadline=None)
def test_more_context_never_makes_a_sentence_dead(
    text: str, language: str, context: str, more: str
) -> None:
    # What the reader has already read can introduce things; it can never take them away.
    if stands_alone(text, language, context=context):
        assert stands_alone(text, language, context=f"{context} {more}")


@given(
    DATELINES,
    st.sampled_from(["The", "A", "Police", "Norland"]),
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9),
        min_size=4,
        max_size=12,
    ),
)
@settings(max_examples=200, deadline=None)
def test_a_dateline_goes_and_the_sentence_stays(
    dateline: str, first: str, words: list[str]
) -> None:
    sentence = f"{first} {' '.join(words)}."
    assert strip_dateline(dateline + sentence) == sentence
