"""Properties of the sentence splitter: it never fails, never loses a character, never yields ""."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from summarizer.text.abbreviations import ABBREVIATIONS
from summarizer.text.language import ARTICLES
from summarizer.text.quotes import QUOTE_PAIRS
from summarizer.text.sentences import split_sentences
from tests.property.strategies import TEXTS

LANGUAGES = st.sampled_from(["en", "ru", "uk", "zh", "de", "fr", ""])
# The languages with tables of their own (text.language.ARTICLES).
SUPPORTED = st.sampled_from(sorted(ARTICLES))
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
def test_no_sentence_holds_a_line_break(text: str, language: str) -> None:
    for sentence in split_sentences(text, language):
        assert "\n" not in sentence  # lines broken inside a sentence are joined with a space


# Words, abbreviations that never end a sentence, and words a sentence can start with.
LOWER = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9)
UPPER = st.builds(lambda w: w.capitalize(), LOWER)
ABBREVIATION = st.sampled_from(
    ["e.g.", "i.e.", "approx.", "a.m.", "p.m.", "Aug.", "Sept.", "Mr.", "Ms.", "Dr.", "Gen.",
     "U.S.", "R-W.Va.,", "U.S.-Mexico", "Inc.", "etc.", "vs.", "No.", "Jan.", "St.",
     ".MIWD00000PUS"]
)  # fmt: skip
TOKEN = LOWER | UPPER | ABBREVIATION | st.sampled_from([",", "2,000", "10:30", "3.5%", "—"])


@st.composite
def sentence(draw: st.DrawFn) -> str:
    """A sentence that starts with a capital and ends with a full stop, "!" or "?"."""
    words = [draw(UPPER), *draw(st.lists(TOKEN, max_size=14))]
    return " ".join(words).replace(" ,", ",") + draw(st.sampled_from([".", "!", "?", "…"]))


@st.composite
def quoted(draw: st.DrawFn) -> str:
    """A sentence with a quotation of one or more sentences, closed on the same line."""
    inner = " ".join(draw(st.lists(sentence(), min_size=1, max_size=3)))
    opening, closing = draw(st.sampled_from([("“", "”"), ('"', '"'), ("«", "»"), ("„", "“")]))
    speaker = draw(st.sampled_from(["said Mr. Smith.", "she added.", "the minister said."]))
    if draw(st.booleans()):
        return f"{opening}{inner}{closing} {speaker.capitalize()}"
    return f"{draw(UPPER)} said: {opening}{inner}{closing}"


PARAGRAPH = st.lists(sentence() | quoted(), min_size=1, max_size=5).map(" ".join)


def _quotes_balanced(text: str) -> bool:
    """Every double quotation that opens in the text closes in it."""
    pairs = {"“": "”", "«": "»", "„": "“"}
    stack: list[str] = []
    straight = 0
    for char in text:
        if stack and char == pairs[stack[-1]]:
            stack.pop()
        elif char in pairs:
            stack.append(char)
        elif char == '"':
            straight += 1
        elif char in "”»":
            return False  # a quotation closed that never opened here
    return not stack and straight % 2 == 0


@given(st.lists(PARAGRAPH, min_size=1, max_size=4), st.sampled_from(["\n", "\n\n"]))
@settings(max_examples=300, deadline=None)
def test_quote_balanced_text_gives_quote_balanced_sentences(
    paragraphs: list[str], separator: str
) -> None:
    text = separator.join(paragraphs)
    assert _quotes_balanced(text)
    for piece in split_sentences(text, "en"):
        assert _quotes_balanced(piece), piece


@given(st.lists(PARAGRAPH, min_size=1, max_size=4), st.sampled_from(["\n", "\n\n"]))
@example(
    ["Prosecutors alleged no checks were made from 10:30 p.m. Aug. 9 to 6:30 a.m. Aug. 10."], "\n"
)
@example(["Rep. David McKinley, R-W.Va., visited the U.S.-Mexico border."], "\n")
@example(["A approx. — a."], "\n")
@example(["A approx. .MIWD00000PUS."], "\n")
@settings(max_examples=300, deadline=None)
def test_no_sentence_starts_with_a_lower_case_continuation(
    paragraphs: list[str], separator: str
) -> None:
    for piece in split_sentences(separator.join(paragraphs), "en"):
        first = piece.lstrip("\"“”«»„‘’'([—,.-0123456789:% ")[:1]
        assert not first.islower(), piece
        assert not piece.startswith(("Va.,", "MIWD", "Aug. 9 to")), piece


@given(st.lists(sentence(), min_size=1, max_size=8), st.sampled_from(["\n", "\n\n", "\n \n"]))
@settings(max_examples=200, deadline=None)
def test_a_line_that_ends_a_sentence_is_never_joined_to_the_next(
    lines: list[str], separator: str
) -> None:
    pieces = split_sentences(separator.join(lines), "en")
    for piece in pieces:
        assert any(piece in line for line in lines), piece


@pytest.mark.parametrize(
    "text", ["J\u2009. Dupont said so.", "L\u00a0.", "B\u202f.C. Next", "x L\u3000. y"]
)
def test_a_wide_space_before_a_full_stop_does_not_crash(text: str) -> None:
    sentences = split_sentences(text, "en")
    assert _SPACE.sub("", "".join(sentences)) == _SPACE.sub("", text)


@st.composite
def plain_sentence(draw: st.DrawFn) -> str:
    """A sentence of a capitalised word of two letters or more, words, a lower-case last word."""
    first = draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9))
    middle = draw(st.lists(TOKEN, max_size=10))
    last = draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9))
    words = [first.capitalize(), *middle, last]
    return " ".join(words).replace(" ,", ",") + draw(st.sampled_from([".", "!", "?"]))


@given(st.lists(plain_sentence(), min_size=2, max_size=6), SUPPORTED)
@example(["Soon they want a slice of it.", "Once the cases settle, firms move."], "en")
@example(["Der Kurs lag bei drei.", "Er sagte es."], "de")
@settings(max_examples=200, deadline=None)
def test_sentences_glued_by_a_lost_blank_split_as_if_it_were_there(
    sentences: list[str], language: str
) -> None:
    assume(all(word not in ABBREVIATIONS for word in _last_words(sentences)))
    glued, spaced = "".join(sentences), " ".join(sentences)
    assert split_sentences(glued, language) == split_sentences(spaced, language)


# Quotation marks a glued sentence may be wrapped in: each opener with a mark that closes it
# (quotes.QUOTE_PAIRS: “ closes „ in German, Czech and Polish and opens in English). Not the
# marks that open in one language and close in another by the same face, which a glued place
# cannot tell apart: guillemets ("»" closes in French, opens in German), Swedish ”…”.
QUOTE_PAIR = st.sampled_from(
    [
        (opener, closer)
        for opener, closers in QUOTE_PAIRS.items()
        for closer in closers
        if opener not in "«»”"
    ]
    + [('"', '"')]
)


@given(
    st.lists(st.tuples(plain_sentence(), st.booleans()), min_size=2, max_size=6),
    QUOTE_PAIR,
    SUPPORTED,
)
@example([("Er sagte es.", True), ("Die Fans jubelten.", False)], ("„", "“"), "de")
@example([("The fans cheered.", False), ("We will win here.", True)], ("“", "”"), "en")
@settings(max_examples=200, deadline=None)
def test_quoted_sentences_glued_by_a_lost_blank_split_as_if_it_were_there(
    sentences: list[tuple[str, bool]], pair: tuple[str, str], language: str
) -> None:
    assume(all(word not in ABBREVIATIONS for word in _last_words([s for s, _ in sentences])))
    opener, closer = pair
    quoted = [f"{opener}{text}{closer}" if wrapped else text for text, wrapped in sentences]
    glued, spaced = "".join(quoted), " ".join(quoted)
    assert split_sentences(glued, language) == split_sentences(spaced, language)


# Words of other scripts and with accents: a sentence in Cyrillic, or opening with "É" or "Ö".
CYRILLIC = st.text(alphabet="абвгдежзиклмнопрстуфхцчшщыьэюяїієґ", min_size=2, max_size=9)
CAPITAL = st.sampled_from(["É", "Ö", "À", "Ü", "Д", "Ї", "Є", "Ж"])


@st.composite
def other_script_sentence(draw: st.DrawFn) -> str:
    """A sentence of words in Cyrillic or with an accented first capital, a lower-case end."""
    words = draw(st.lists(CYRILLIC | LOWER, min_size=1, max_size=8))
    first = draw(CAPITAL) + draw(CYRILLIC | LOWER)
    last = draw(CYRILLIC)
    return " ".join([first, *words, last]) + draw(st.sampled_from([".", "!", "?"]))


@given(st.lists(other_script_sentence(), min_size=2, max_size=6), SUPPORTED)
@settings(max_examples=200, deadline=None)
def test_sentences_of_any_script_glued_by_a_lost_or_slipped_blank_split_as_if_it_were_there(
    sentences: list[str], language: str
) -> None:
    spaced = split_sentences(" ".join(sentences), language)
    assert split_sentences("".join(sentences), language) == spaced
    # a blank slipped before the stop ("достиг 5 .Москва") is moved after it
    slipped = " ".join(sentences).replace(". ", " .")
    assert split_sentences(slipped, language) == spaced


def _last_words(sentences: list[str]) -> list[str]:
    """The word before each sentence's final stop."""
    return [sentence[:-1].rsplit(maxsplit=1)[-1] for sentence in sentences]
