"""Properties of the sentence splitter: it never fails, never loses a character, never yields ""."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from summarizer.text.sentences import split_sentences
from tests.property.strategies import TEXTS

LANGUAGES = st.sampled_from(["en", "ru", "uk", "zh", "de", "fr", ""])
_SPACE = re.compile(r"\s+")


@given(TEXTS, LANGUAGES)
@example("", "en")
@example('He said. " She left." ” « » “', "en")
@example("U.S. U.K. a.m. p.m. Mr. Sept. 3 9 a.m. Monday. The end", "en")
@example("。！？……", "zh")
@example("x" * 20_000, "en")
@settings(max_examples=200, deadline=None)
def test_sentences_keep_every_visible_character_in_order(text: str, language: str) -> None:
    sentences = split_sentences(text, language)
    assert all(s and s == s.strip() for s in sentences)
    assert _SPACE.sub("", "".join(sentences)) == _SPACE.sub("", text)


@given(TEXTS, LANGUAGES)
@settings(max_examples=200, deadline=None)
def test_a_line_break_always_ends_a_sentence(text: str, language: str) -> None:
    for sentence in split_sentences(text, language):
        assert "\n" not in sentence  # (decoding has made every \r a \n already)


@pytest.mark.parametrize(
    "text", ["J\u2009. Dupont said so.", "L\u00a0.", "B\u202f.C. Next", "x L\u3000. y"]
)
def test_a_wide_space_before_a_full_stop_does_not_crash(text: str) -> None:
    sentences = split_sentences(text, "en")
    assert _SPACE.sub("", "".join(sentences)) == _SPACE.sub("", text)
