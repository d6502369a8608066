"""Titles made from an article's first sentence when its input gives none."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from summarizer.ingest.pipeline import build_article
from summarizer.text.language import stop_words
from summarizer.text.rules import (
    TITLE_WORDS,
    WHOLE_TITLE_WORDS,
    is_headline,
    latest_headline,
    title_from_sentence,
)
from summarizer.values import RawInput

_REST = "\n\n".join(
    f"The council of Kelmar met on day {n} to vote on the new tram line for the city centre."
    for n in range(6)
)


def _title(first: str) -> str:
    raw = RawInput("/data/untitled.txt", f"{first}\n\n{_REST}\n", "text")
    return build_article(raw, summary=None, now=datetime(2026, 3, 20, tzinfo=UTC)).title


def test_a_title_cut_from_a_sentence_ends_where_a_phrase_can_end() -> None:
    first = (
        "Russian President Vladimir Putin discussed over the telephone with Ukrainian President"
        " Petro Poroshenko the first steps to bringing an end to the bloodshed in the east."
    )
    # Short, on a whole phrase, and the offices before the names gone as a headline writes them.
    assert _title(first) == "Vladimir Putin discussed over the telephone with Petro Poroshenko…"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The council of Kelmar met on Tuesday, after months of delay, to vote on the new"
            " tram line for the city centre.",
            "The council of Kelmar met on Tuesday, after months…",
        ),
        (
            "Former President Barack Obama met Prime Minister Theresa May in Kelmar on Friday"
            " to talk about trade.",
            "Former President Barack Obama met Theresa May in Kelmar…",
        ),
        (
            "In Kelmar, President Petro Poroshenko said on Friday that the talks in Geneva with"
            " the delegation had gone well.",
            "In Kelmar, Petro Poroshenko said on Friday that the talks…",
        ),
        # Negative cases that must stay: a name without an office, an office without a name
        # after it, a sentence short enough to stay whole.
        (
            "President Obama said the talks in Kelmar went well.",
            "President Obama said the talks in Kelmar went well.",
        ),
        (
            "New York Stock Exchange trading halted for an hour.",
            "New York Stock Exchange trading halted for an hour.",
        ),
    ],
)
def test_a_title_made_from_a_sentence_is_short_and_whole(sentence: str, expected: str) -> None:
    title = title_from_sentence(sentence)
    assert title == expected
    kept = title.removesuffix("…").split()
    assert len(kept) <= WHOLE_TITLE_WORDS
    if title.endswith("…"):
        assert len(kept) <= TITLE_WORDS
        assert kept[-1].lower() not in stop_words("en")


def test_a_short_first_sentence_is_the_title_uncut() -> None:
    # Negative case that must stay: nothing is cut from a sentence short enough to be a title.
    assert _title("Kelmar votes for a new tram line through the city centre.") == (
        "Kelmar votes for a new tram line through the city centre."
    )


def test_a_title_cut_short_cannot_head_a_digest() -> None:
    assert not is_headline("Putin discussed over the telephone with Poroshenko the…")
    assert not is_headline("Putin discussed over the telephone with Poroshenko the...")
    # Negative cases that must stay: an ellipsis inside a real title, a plain headline.
    assert is_headline("The Future of Banking Is … You're Broke")
    assert is_headline("Putin and Poroshenko meet for first-ever bilateral talks")


def test_a_story_is_titled_by_its_latest_headline_not_a_cut_sentence() -> None:
    whole, cut = "Putin and Poroshenko meet for talks", "Putin discussed with Poroshenko the…"
    assert latest_headline([whole, cut]) == whole
    # Negative cases that must stay: the latest title when it is whole, a cut one when alone.
    assert latest_headline([cut, whole]) == whole
    assert latest_headline(["Tram vote in Kelmar today", whole]) == whole
    assert latest_headline([cut]) == cut
