"""Properties of the sentence rules on any text: they never fail, never invent text, and hold."""

from __future__ import annotations

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from summarizer.text.demonstratives import demonstrative_noun
from summarizer.text.framed import framed_pronoun
from summarizer.text.quotes import close_open_quotes, outside_quotes, tighten_quotes
from summarizer.text.rules import (
    TITLE_WORDS,
    WHOLE_TITLE_WORDS,
    is_promotional,
    is_prose,
    stands_alone,
    strip_dateline,
    title_from_sentence,
    unresolved_reference,
)
from summarizer.text.tokenizer import WORD_OR_MARK
from summarizer.text.vague import names_nothing, talks_to_reader, unnamed_persons
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
@example("À", "en", "", "")  # one word: nothing after it to read
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


NAMES = st.sampled_from(["Vesburg", "Oriel Hastane", "the U.N.", "12", "3%", "2014"])


@given(TEXTS, NAMES)
@example("There are many issues for discussion.", "Vesburg")
@example("Ministers are due to initial it on Saturday.", "12")
@settings(max_examples=150, deadline=None)
def test_a_line_with_a_name_or_a_number_names_something(text: str, name: str) -> None:
    # Whatever else it says, a line that names a place, a person or a figure is about something,
    # unless its subject is nobody or nothing, which answers a line before it whatever it names
    # ("No one knew what had become of Ford's family.", "Nothing in Vesburg.").
    lettered = [t for t in WORD_OR_MARK.findall(outside_quotes(text.strip())) if t[:1].isalpha()]
    opening = [t.lower().replace("’", "'") for t in lettered[:2]]
    assume(opening[:1] not in (["nobody"], ["none"], ["nothing"], ["neither"]))
    assume(opening != ["no", "one"])
    assert not names_nothing(f"{text.strip()} in {name}.")


@given(TEXTS)
@example("Because let’s be honest, what you like is the crunch.")
@example("YOU«")
@example("„Our")
@example("YOU„")
@settings(max_examples=150, deadline=None)
def test_the_reader_is_addressed_only_outside_quotes(text: str) -> None:
    # Words inside a quotation are the speaker's: quoting a line never makes it talk to the reader.
    quoted = text.replace('"', "").replace("“", "").replace("”", "")
    assert not talks_to_reader(f"“{quoted}” the minister said.") or talks_to_reader(
        "the minister said."
    )


@given(TEXTS, LANGUAGES)
@example("Russian President Vladimir Putin met the the the the the the the the the the.", "en")
@example("President A B", "en")
@settings(max_examples=150, deadline=None)
def test_a_title_from_a_sentence_is_short_made_of_its_words_and_never_fails(
    text: str, language: str
) -> None:
    title = title_from_sentence(text, language)
    kept = title.removesuffix("…").split()
    assert len(kept) <= WHOLE_TITLE_WORDS
    if title.endswith("…") and not text.rstrip().endswith("…"):
        assert len(kept) <= TITLE_WORDS
    source = text.split()
    assert all(word.rstrip(",;:") in {w.rstrip(",;:") for w in source} for word in kept)


@given(TEXTS)
@settings(max_examples=150, deadline=None)
def test_people_named_by_one_word_are_words_of_the_text(text: str) -> None:
    assert all(name in text for name in unnamed_persons(text))


@given(TEXTS)
@example('He said: "We are ready.')
@example("“ a «b „c")
@example("Er sagte „Nein“ und ging.")
@example("Merz nannte das »ein gutes Ergebnis« für alle.")
@example("Han sa ”nej” och gick.")
@example("Il a dit « non » hier.")
@example('Screens of 5" and 7" sold.')
@settings(max_examples=150, deadline=None)
def test_quotes_are_closed_and_tightened_without_changing_words(text: str) -> None:
    closed = close_open_quotes(text)
    # Marks only are added (at the end, or before the brackets that close the text).
    assert closed == text or closed.translate(_NO_QUOTES) == text.rstrip().translate(_NO_QUOTES)
    tight = tighten_quotes(text)
    assert "".join(tight.split()) == "".join(text.split())  # only blanks go
    # ... and only blanks next to a mark: without the marks, the words are the same words.
    assert _unquoted_words(tighten_quotes(closed)) == _unquoted_words(text)


def _unquoted_words(text: str) -> list[str]:
    """The blank-separated words of a text with its quotation marks taken out."""
    return text.translate(_NO_QUOTES).split()


_NO_QUOTES = str.maketrans("", "", '"“”„«»')


@given(TEXTS, LANGUAGES)
@example("Officials said this decision stands.", "en")
@example("Lundi, il a dit.", "fr")
@settings(max_examples=150, deadline=None)
def test_pointing_words_are_read_from_the_text_and_never_fail(text: str, language: str) -> None:
    found = demonstrative_noun(text, language)
    assert not found or all(word in text for word in found.split())
    framed_pronoun(text, language)
