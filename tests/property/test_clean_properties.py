"""Properties of the plain-text cleaner on any text: it never fails and never invents text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from summarizer.clean.lines import split_lines
from summarizer.clean.text import clean_plain_text
from tests.property.strategies import DEBRIS, TEXTS, article_text


def _flat(text: str) -> str:
    """The text with every run of whitespace (line breaks included) made one space."""
    return " ".join(text.split())


@given(TEXTS)
@example("")
@example("\n\n\n")
@example("\x00\x0c\u2028\u2029\x85")
@example("Title\n\n" + "word " * 5_000)
@settings(max_examples=200, deadline=None)
def test_paragraphs_are_normalised_lines_of_the_input(text: str) -> None:
    cleaned = clean_plain_text(text)
    lines = split_lines(text)
    flat = _flat(text)
    for paragraph in cleaned.paragraphs:
        assert paragraph and paragraph == _flat(paragraph)
        assert paragraph in lines
        assert paragraph in flat
    assert len(set(p.casefold() for p in cleaned.paragraphs)) == len(cleaned.paragraphs)
    if cleaned.title:
        assert cleaned.title == _flat(cleaned.title)
        assert cleaned.title.casefold() in flat.casefold()
        assert cleaned.title not in cleaned.paragraphs


@given(article_text(), st.lists(DEBRIS, max_size=3))
@settings(max_examples=200, deadline=None)
def test_known_boilerplate_never_survives(text: str, known: list[str]) -> None:
    cleaned = clean_plain_text(text, known_boilerplate=known)
    folded = {line.casefold() for line in known}
    assert not [p for p in cleaned.paragraphs if p.casefold() in folded]


@given(article_text())
@settings(max_examples=200, deadline=None)
def test_cleaning_again_invents_nothing(text: str) -> None:
    # Cleaning is not idempotent (a short first paragraph becomes a title the second time, and
    # a line may read as debris once it stands alone), but it only ever keeps or drops lines.
    cleaned = clean_plain_text(text)
    again = clean_plain_text(cleaned.body)
    assert set(again.paragraphs) <= set(cleaned.paragraphs)
    assert not again.title or again.title.casefold() in cleaned.body.casefold()
