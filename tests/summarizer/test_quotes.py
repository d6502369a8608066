"""Quotation spans: nesting, stray marks, German and French quotes, straight quotes."""

from __future__ import annotations

import pytest

from summarizer.text.quotes import open_quotes, outside_quotes


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
