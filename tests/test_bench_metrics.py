"""Tests of the extraction benchmark's shingle metric."""

from __future__ import annotations

import pytest

from benchmarks.extraction import precision_recall, shingle_score, shingles


def test_shingles_are_lower_case_word_4grams_as_a_multiset() -> None:
    counts = shingles("A b, C d! a B c d")
    assert counts[("a", "b", "c", "d")] == 2
    assert counts[("b", "c", "d", "a")] == 1
    assert sum(counts.values()) == 5


def test_short_text_gives_one_shingle() -> None:
    assert shingles("two words") == {("two", "words"): 1}
    assert not shingles("  ...  ")


def test_precision_and_recall_of_one_document() -> None:
    true = "one two three four five six"
    assert precision_recall(true, true) == (1.0, 1.0)
    # Predicted has the 3 true shingles plus 3 extra: precision 1/2, recall 1.
    assert precision_recall(true + " x y z", true) == (0.5, 1.0)
    assert precision_recall("", true) == (0.0, 0.0)
    assert precision_recall("", "") == (1.0, 1.0)


def test_repeated_text_counts_once_per_true_copy() -> None:
    true = "one two three four"
    precision, recall = precision_recall(f"{true}. {true}", true)
    # Two copies give 5 shingles (one spans the join); only one matches.
    assert precision == pytest.approx(1 / 5)
    assert recall == 1.0


def test_macro_average_and_f1() -> None:
    score = shingle_score(
        [("one two three four five six", "one two three four five six"), ("", "a b c d e")]
    )
    assert (score.precision, score.recall) == (0.5, 0.5)
    assert score.f1 == pytest.approx(0.5)
    assert shingle_score([]).f1 == 0.0
