"""Importance of an event for ordering a briefing: outlets, size, growth and recency."""

from __future__ import annotations

import logging
import math
from datetime import datetime, timedelta

logger = logging.getLogger(__name__)

#: An event loses half its importance for every half-life since its last article.
DEFAULT_HALF_LIFE = timedelta(hours=24)


def importance(
    *,
    sources: int,
    articles: int,
    last_seen: datetime,
    now: datetime,
    growth: int,
    half_life: timedelta = DEFAULT_HALF_LIFE,
) -> float:
    """Score an event; higher comes first.

    importance = (2·log2(1 + sources) + log2(1 + articles) + log2(1 + growth))
                 · 0.5 ^ (age / half_life),  with age = max(0, now − last_seen).

    Distinct outlets weigh twice as much as raw article count (one outlet repeating itself is
    not corroboration); logarithms make the tenth outlet count less than the second. The score
    rises with `sources`, `articles`, `growth` and `last_seen`, and falls as `now` moves on.

    Args:
        sources: distinct outlets that reported the event.
        articles: articles in the event.
        last_seen: time of its latest article (timezone-aware).
        now: the time of ranking (timezone-aware).
        growth: articles added in the last day.
        half_life: time over which the score halves.

    Returns:
        A non-negative score (0.0 for an event with no articles).

    Raises:
        ValueError: for negative counts, a non-positive half-life or naive datetimes.
    """
    if min(sources, articles, growth) < 0:
        raise ValueError("sources, articles and growth must be >= 0")
    if half_life <= timedelta(0):
        raise ValueError("half_life must be positive, e.g. timedelta(hours=24)")
    if last_seen.tzinfo is None or now.tzinfo is None:
        raise ValueError("last_seen and now must be timezone-aware (UTC)")
    size = 2.0 * math.log2(1 + sources) + math.log2(1 + articles) + math.log2(1 + growth)
    age = max(0.0, (now - last_seen).total_seconds())
    return float(size * 0.5 ** (age / half_life.total_seconds()))
