"""Stored events' story profiles made again from their articles (when their features aged)."""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.events.cluster import EventDoc
from summarizer.events.features import (
    ArticleFeatures,
    DocumentFrequencies,
    Vector,
    article_features,
    normalise,
    story_counts,
    weigh,
)


def event_profiles(
    events: Sequence[tuple[int, Sequence[EventDoc]]],
) -> tuple[dict[int, Vector], dict[int, ArticleFeatures]]:
    """The story profile of each event as `EventIndex.profile` builds it, and the features read.

    Each article's features are its stored ones when they are of this version, else computed
    from its text; its story vector (`features.story_counts`, weighed as the event index weighs
    it) is added to its event's sum. Names are weighed by their document frequencies among the
    articles given (an event index counts those of the articles it has read since it started).

    Args:
        events: (event key, its articles) pairs.

    Returns:
        Each event's unit-length profile (events without articles are left out), and each
        article's features by article id (to be stored with it).
    """
    features = {
        doc.article_id: doc.features
        or article_features(doc.title, doc.body, doc.language, year=doc.published.year)
        for _, docs in events
        for doc in docs
    }
    counts = {
        doc.article_id: story_counts(features[doc.article_id], doc.language)
        for _, docs in events
        for doc in docs
    }
    frequencies = DocumentFrequencies()
    for article, found in features.items():
        frequencies.observe(found.counts.keys() | counts[article].keys())
    profiles: dict[int, Vector] = {}
    for key, docs in events:
        total: Vector = {}
        for doc in sorted(docs, key=lambda d: (d.published, d.article_id)):
            vector = weigh(counts[doc.article_id], frequencies, language=doc.language)
            for feature, value in vector.items():
                total[feature] = total.get(feature, 0.0) + value
        if total:
            profiles[key] = normalise(total)
    return profiles, features
