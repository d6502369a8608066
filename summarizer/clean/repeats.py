"""Repeated lines in an article body: copies to drop, and the rows of a list to keep."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from summarizer.clean.rules import LineFeatures

_CONTAINMENT_WINDOW = 3
_MIN_CONTAINED_CHARS = 40


def without_repeats(
    lines: Sequence[str], features: Sequence[LineFeatures], kept: Sequence[int]
) -> list[str]:
    """Return the kept lines without repeats and without lines repeated inside longer ones.

    Only the first copy of a repeated line stays (a standfirst or a pull quote repeated, a
    copied block of paragraphs), except for the rows of a list that repeats its labels (the
    same "Lunch" / "Eat every 3 hours" in each day of a meal plan), which all stay: see
    _list_rows. A line contained in a longer one close by goes (a summary repeated as the
    start of the dateline paragraph).

    Args:
        lines: the page's normalised lines.
        features: their measurements.
        kept: indices of the body's lines, in order.

    Returns:
        The body paragraphs.
    """
    folded = [line.casefold() for line in lines]
    rows = _list_rows(folded, features)
    seen: set[str] = set()
    unique: list[str] = []
    for i in kept:
        if folded[i] not in seen or i in rows:
            seen.add(folded[i])
            unique.append(lines[i])
    keys = [p.casefold() for p in unique]
    result = []
    for i, (paragraph, key) in enumerate(zip(unique, keys, strict=True)):
        near = keys[max(0, i - _CONTAINMENT_WINDOW) : i + _CONTAINMENT_WINDOW + 1]
        if len(key) < _MIN_CONTAINED_CHARS or not any(key in o and key != o for o in near):
            result.append(paragraph)
    return result


def _list_rows(folded: Sequence[str], features: Sequence[LineFeatures]) -> set[int]:
    """Return the lines that repeat as rows of a list: together with the line next to them
    (a label and its value, "Snack" then "Eat every 3 hours"), the same pair appearing more
    than once on the page, one of the two lines being short rather than prose. A pair whose
    next appearance only starts a verbatim copy of the lines since the last one is a copied
    block (the same lines pasted again), not a list: its copies go."""
    starts: dict[tuple[str, str], list[int]] = {}
    for i, pair in enumerate(pairwise(folded)):
        starts.setdefault(pair, []).append(i)
    rows: set[int] = set()
    for positions in starts.values():
        if len(positions) < 2:
            continue
        first = positions[0]
        if features[first].prose and features[first + 1].prose:
            continue
        if all(_copies(folded, a, b) for a, b in pairwise(positions)):
            continue
        for i in positions:
            rows.update((i, i + 1))
    return rows


def _copies(folded: Sequence[str], start: int, again: int) -> bool:
    """Tell whether the lines from `again` repeat, verbatim, the lines from `start` to it."""
    length = again - start
    return list(folded[again : again + length]) == list(folded[start:again])
