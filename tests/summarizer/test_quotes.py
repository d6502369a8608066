"""Quotation spans: nesting, stray marks, German and French quotes, straight quotes."""

from __future__ import annotations

import pytest

from summarizer.text.quotes import attribution, closes_unopened, open_quotes, outside_quotes


@pytest.mark.parametrize(
    ("text", "outside"),
    [
        ("“You win,” he said.", "  he said."),
        ("„Sie gewinnen“, sagte er.", " , sagte er."),
        ("«Vous gagnez», dit-il.", " , dit-il."),
        ('"You win," he said.', "  he said."),
        ("“YOU«” the minister said.", "  the minister said."),
        ("“YOU„” the minister said.", "  the minister said."),
        ("„Nein”, sagte sie.", " , sagte sie."),
        ("He said “she said «no» twice” today.", "He said   today."),
        ("“You will see it. And more", "“You will see it. And more"),
        ("No quotes here.", "No quotes here."),
    ],
)
def test_closed_quotations_are_blanked(text: str, outside: str) -> None:
    assert outside_quotes(text) == outside


@pytest.mark.parametrize(
    ("text", "count"),
    [("“one", 1), ("“one” two", 0), ("„eins“", 0), ('"one', 1), ("«a “b", 2), ("“a «b”", 0)],
)
def test_open_quotes_counts_what_is_still_open(text: str, count: int) -> None:
    assert open_quotes(text) == count


@pytest.mark.parametrize(
    ("text", "closes"),
    [
        ('no more," he said.', True),
        ("no more,” he said.", True),
        ("Nein“, sagte er.", True),
        ("» ajouta-t-il.", True),
        # Negative cases that must stay: a text that opens a quotation the splitter cut, a
        # closed quotation.
        ('He said "no more.', False),
        ("He said “no more.", False),
        ('"We are ready," he said, "and we will win.', False),
        ("„Nein“, sagte er.", False),
    ],
)
def test_closes_unopened_finds_the_tail_of_a_cut_quotation(text: str, closes: bool) -> None:
    assert closes_unopened(text) is closes


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We will not back down,” Putin said.", "Putin said."),
        ('"We won," he said, "and we will win again."', "he said,  "),
        ("“We are ready.”", None),
        ("“We are ready. And more", None),
        ("Putin said “no”.", None),
    ],
)
def test_attribution_is_what_follows_the_opening_quotation(text: str, speaker: str | None) -> None:
    assert attribution(text) == speaker
