"""Text features used by events and digests (sentence rules: tests/summarizer/test_rules.py)."""

from __future__ import annotations

import pytest

from summarizer.events.features import (
    DocumentFrequencies,
    cosine,
    doc_features,
    entities_and_numbers,
    terms,
    weigh,
)


def test_entities_skip_sentence_openers_and_stop_words() -> None:
    entities, numbers = entities_and_numbers(
        "The talks in Minsk began. Vladimir Putin met Petro Poroshenko's team on 26 August 2014."
    )
    assert entities == ["minsk", "putin", "petro", "poroshenko", "august"]
    assert numbers == ["26", "2014"]


def test_terms_are_stemmed_without_stop_words() -> None:
    assert terms("The leaders were meeting and talking") == ["leader", "meet", "talk"]


def test_weighted_vectors_are_unit_and_comparable() -> None:
    frequencies = DocumentFrequencies()
    a = doc_features("Floods in Valencia", "Rescuers searched Valencia after floods.")
    b = doc_features("Valencia floods", "Floods killed people in Valencia on Tuesday.")
    c = doc_features("Arsenal win", "Arsenal beat Chelsea at the Emirates.")
    for counts in (a, b, c):
        frequencies.observe(counts)
    va, vb, vc = (weigh(x, frequencies) for x in (a, b, c))
    assert cosine(va, va) == pytest.approx(1.0)
    assert cosine(va, vb) > 0.3 > cosine(va, vc)
