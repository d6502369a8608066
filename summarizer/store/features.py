"""An article's event features as stored with it (JSON): rebuilding an index reads them."""

from __future__ import annotations

import json
import logging
from collections import Counter

from summarizer.events.features import ArticleFeatures

logger = logging.getLogger(__name__)


def features_json(features: ArticleFeatures) -> str:
    """The features as stored: counts and people in their order, the sets sorted."""
    return json.dumps(
        {
            "counts": dict(features.counts),
            "names": sorted(features.names),
            "headline": sorted(features.headline),
            "dates": sorted(features.dates),
            "people": [list(pair) for pair in features.people],  # in order: it is a tuple
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def read_features(text: str | None) -> ArticleFeatures | None:
    """The stored features, or None when there are none or they cannot be read (the caller
    computes them again from the article's text)."""
    if not text:
        return None
    try:
        stored = json.loads(text)
        counts = stored["counts"]
        if not isinstance(counts, dict) or not all(type(n) is int for n in counts.values()):
            raise TypeError("counts must be whole numbers")
        return ArticleFeatures(
            counts=Counter(counts),
            names=frozenset(str(name) for name in stored["names"]),
            headline=frozenset(str(word) for word in stored["headline"]),
            dates=frozenset(str(day) for day in stored["dates"]),
            people=tuple((str(name), str(full)) for name, full in stored["people"]),
        )
    except (ValueError, KeyError, TypeError):
        logger.warning("stored article features cannot be read; they are computed again")
        return None
