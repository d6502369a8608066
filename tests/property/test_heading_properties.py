"""Short lines ending in an abbreviation: a plural subject and its verb make a sentence, a
question word asking nothing a heading, whatever the words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from summarizer.text.language import stop_words
from summarizer.text.rules import is_prose

_STOPS = stop_words("en")
# Lower-case words of letters, as a verb is written; stop words ("was", "to", "the") are left
# out, as they are auxiliaries, prepositions or articles, and so are words in -s, -ing or -ed.
LETTERS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)
VERBS = LETTERS.filter(lambda w: w not in _STOPS and not w.endswith(("s", "ing", "ed")))
NOUNS = LETTERS.filter(lambda w: w not in _STOPS).map(lambda w: w.capitalize() + "s")
PREPOSITIONS = st.sampled_from(["in", "to", "for", "at", "from", "with", "across"])
ABBREVIATIONS = st.sampled_from(["U.S.", "U.K.", "U.N.", "E.U."])


@given(NOUNS, VERBS, PREPOSITIONS, ABBREVIATIONS)
def test_a_plural_subject_and_its_verb_make_a_sentence(
    noun: str, verb: str, preposition: str, abbreviation: str
) -> None:
    assert is_prose(f"{noun} {verb} {preposition} the {abbreviation}")


@given(
    st.sampled_from(["How", "Why", "Where", "When", "What"]),
    NOUNS,
    VERBS | st.sampled_from(["is", "was", "has", "rose", "beat"]),
    ABBREVIATIONS,
)
def test_a_question_word_asking_nothing_makes_a_heading(
    question: str, noun: str, verb: str, abbreviation: str
) -> None:
    assert not is_prose(f"{question} {noun} {verb} the {abbreviation}")
