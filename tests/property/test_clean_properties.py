"""Properties of the plain-text cleaner on any text: it never fails and never invents text."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from hypothesis import example, given, settings
from hypothesis import strategies as st

from summarizer.clean.lines import split_lines
from summarizer.clean.text import clean_plain_text
from tests.property.strategies import DEBRIS, TEXTS, article_text


def _flat(text: str) -> str:
    """The text with every run of whitespace (line breaks included) made one space."""
    return " ".join(text.split())


def _repeated(paragraphs: tuple[str, ...]) -> set[str]:
    """Paragraphs that occur more than once (ignoring case)."""
    counts = Counter(p.casefold() for p in paragraphs)
    return {key for key, count in counts.items() if count > 1}


def _is_list_row(folded_line: str, lines: list[str]) -> bool:
    """True when the line occurs in the input next to the same neighbour at least twice."""
    folded = [line.casefold() for line in lines]
    pairs = Counter(pairwise(folded))
    return any(n > 1 and folded_line in pair for pair, n in pairs.items())


@given(TEXTS)
@example("")
@example("\n\n\n")
@example("\x00\x0c\u2028\u2029\x85")
@example("Title\n\n" + "word " * 5_000)
@example("Plan\n" + "Lunch\nEat every 3 hours\nDinner at home with the family.\n" * 3)
@settings(max_examples=200, deadline=None)
def test_paragraphs_are_normalised_lines_of_the_input(text: str) -> None:
    cleaned = clean_plain_text(text)
    lines = split_lines(text)
    flat = _flat(text)
    for paragraph in cleaned.paragraphs:
        assert paragraph and paragraph == _flat(paragraph)
        assert paragraph in lines
        assert paragraph in flat
    for repeated in _repeated(cleaned.paragraphs):
        # Only the rows of a list that repeats its labels come back more than once.
        assert _is_list_row(repeated, lines), repeated
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
