"""Titles made from an article's first sentence when its input gives none."""

from __future__ import annotations

from datetime import UTC, datetime

from summarizer.ingest.pipeline import build_article
from summarizer.text.rules import is_headline, latest_headline
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
    assert _title(first) == (
        "Russian President Vladimir Putin discussed over the telephone with Ukrainian President"
        " Petro Poroshenko…"
    )


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
