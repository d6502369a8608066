"""Event importance: more outlets and articles rank higher, older events decay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from summarizer.service import importance

NOW = datetime(2026, 3, 12, tzinfo=UTC)


def test_more_sources_rank_higher() -> None:
    scores = [
        importance(sources=n, articles=n, last_seen=NOW, now=NOW, growth=0) for n in range(1, 8)
    ]
    assert scores == sorted(scores) and len(set(scores)) == len(scores)


def test_recency_decays_and_growth_helps() -> None:
    fresh = importance(sources=3, articles=3, last_seen=NOW, now=NOW, growth=0)
    old = importance(sources=3, articles=3, last_seen=NOW - timedelta(days=2), now=NOW, growth=0)
    growing = importance(sources=3, articles=3, last_seen=NOW, now=NOW, growth=3)
    assert old < fresh < growing
    assert abs(old / fresh - 0.5) < 1e-6  # half-life of 48 hours
