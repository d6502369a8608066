"""Event importance: monotone in outlets, size, growth and recency; halves every half-life."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from summarizer.events.rank import importance

NOW = datetime(2024, 6, 1, 12, tzinfo=UTC)
BASE = {"sources": 3, "articles": 5, "last_seen": NOW - timedelta(hours=2), "now": NOW, "growth": 2}


def score(**change: object) -> float:
    """Importance of the base event with some arguments changed."""
    return importance(**{**BASE, **change})  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["sources", "articles", "growth"])
def test_more_is_more_important(name: str) -> None:
    values = [score(**{name: n}) for n in range(0, 30)]
    assert all(a < b for a, b in itertools.pairwise(values))


def test_outlets_weigh_more_than_articles() -> None:
    assert score(sources=4, articles=5) > score(sources=3, articles=6)


def test_recency_decays_and_halves_per_half_life() -> None:
    ages = [score(last_seen=NOW - timedelta(hours=h)) for h in range(0, 100, 5)]
    assert all(a > b for a, b in itertools.pairwise(ages))
    fresh = score(last_seen=NOW)
    assert score(last_seen=NOW - timedelta(hours=24)) == pytest.approx(fresh / 2)
    assert score(now=NOW + timedelta(days=1)) < score()
    assert score(last_seen=NOW + timedelta(hours=1)) == fresh  # clock skew counts as now


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match=">= 0"):
        score(sources=-1)
    with pytest.raises(ValueError, match="timezone-aware"):
        score(now=datetime(2024, 6, 1))
    with pytest.raises(ValueError, match="half_life"):
        score(half_life=timedelta(0))
    assert score(sources=0, articles=0, growth=0) == 0.0
