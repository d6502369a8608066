"""Quotation spans: nesting, stray marks, German and French quotes, straight quotes."""

from __future__ import annotations

import pytest

from summarizer.text.quotes import (
    CLOSES,
    INCH,
    OPENS,
    attribution,
    close_open_quotes,
    closes_unopened,
    mark_side,
    open_quotes,
    opening_marks,
    outside_quotes,
    tighten_quotes,
)


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
        ("Hon sa ”ja” och gick.", False),
        ("Han sagde »ja« og gik.", False),
        ("Hon sa ja” och gick.", True),
        ("Han sagde ja« og gik.", True),
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


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ('Vell said: "The harbour will stay open.', 'Vell said: "The harbour will stay open."'),
        ("“Nobody expected the rain to last.", "“Nobody expected the rain to last.”"),
        ("Ona sagte: „Wir bleiben hier.", "Ona sagte: „Wir bleiben hier.“"),
        ("Il a dit : «Nous restons.", "Il a dit : «Nous restons.»"),
        ("“He told me «wait here.", "“He told me «wait here.»”"),
        ('The crew said "ready," and left.', 'The crew said "ready," and left.'),
        ('The board was 12" wide and thin.', 'The board was 12" wide and thin.'),
        ('ready." the crew said.', 'ready." the crew said.'),
        ("No quotation here.", "No quotation here."),
        ("(The mayor said: “Stay home.)", "(The mayor said: “Stay home.”)"),
        ('(The mayor said: "Stay home.)', '(The mayor said: "Stay home.")'),
        ('The mayor said: "Stay (all of you) home.', 'The mayor said: "Stay (all of you) home."'),
        ("Han sagde: »Bliv hjemme.", "Han sagde: »Bliv hjemme.«"),
        # A closer that matched no opener: the pairs cannot be read, nothing is closed.
        ('home," she said, and "stay.', 'home," she said, and "stay.'),
        ("hjemme«, sagde han: »bliv.", "hjemme«, sagde han: »bliv."),
    ],
)
def test_quotations_left_open_are_closed(text: str, closed: str) -> None:
    assert close_open_quotes(text) == closed
    assert open_quotes(close_open_quotes(text)) == 0 or closed == text


@pytest.mark.parametrize(
    ("text", "tight"),
    [
        ("Lunch is “ fresh bread ” and soup.", "Lunch is “fresh bread” and soup."),
        ('the " Harbour Three" met', 'the "Harbour Three" met'),
        ('"The fleet is late, " the captain said.', '"The fleet is late," the captain said.'),
        ("She said: « Non » twice.", "She said: « Non » twice."),  # French typography
        ("Il a dit\u00a0«\u00a0Non\u00a0» hier.", "Il a dit\u00a0«\u00a0Non\u00a0» hier."),
        ("Sie sagte „Ja“ und blieb.", "Sie sagte „Ja“ und blieb."),
        ("Han kaldte det »en fin dag« for alle.", "Han kaldte det »en fin dag« for alle."),
        ("Hon sa ”ja” och stannade.", "Hon sa ”ja” och stannade."),
        ("Hän sanoi »kyllä» ja jäi.", "Hän sanoi »kyllä» ja jäi."),
        ('Boards of 9" and 11" were cut.', 'Boards of 9" and 11" were cut.'),
        ('She wants "a refund by 2025" . It came.', 'She wants "a refund by 2025" . It came.'),
        ('He asked for " a refund by 2025" today.', 'He asked for "a refund by 2025" today.'),
        ('He said "yes" and "no".', 'He said "yes" and "no".'),
        ('a " b', 'a " b'),  # an odd straight quote could open or close: left as it is
    ],
)
def test_blanks_inside_quotation_marks_go(text: str, tight: str) -> None:
    assert tighten_quotes(text) == tight


@pytest.mark.parametrize(
    ("text", "index", "side"),
    [
        ("Sie sagte „Ja“ und", 10, OPENS),
        ("Sie sagte „Ja“ und", 13, CLOSES),
        ("det »fin« for", 4, OPENS),
        ("det »fin« for", 8, CLOSES),
        ("sa ”ja” och", 3, OPENS),
        ("sa ”ja” och", 6, CLOSES),
        ('of 9" wide', 4, INCH),
        ("dit « non » hier", 4, None),
        ('said, "ready," and', 13, CLOSES),
    ],
)
def test_a_mark_faces_the_way_its_place_tells(text: str, index: int, side: str | None) -> None:
    assert mark_side(text, index) == side


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Er sagte: „Wir gewinnen.“Die", {10}),  # “ closes „
        ("The fans cheered.“We will win,”", {17}),  # “ opens
        ("“We won.”“They lost.”", {0, 9}),
    ],
)
def test_opening_marks_are_read_by_the_quotations_open_before_them(
    text: str, opening: set[int]
) -> None:
    assert opening_marks(text) == opening
