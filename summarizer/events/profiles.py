"""Stored events' story profiles made again from their articles (when their features aged)."""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.events.cluster import EventDoc, stored_features
from summarizer.events.features import (
    ArticleFeatures,
    DocumentFrequencies,
    Vector,
    normalise,
    story_counts,
    weigh,
)


def event_profiles(
    events: Sequence[tuple[int, Sequence[EventDoc]]],
) -> tuple[dict[int, Vector], dict[int, ArticleFeatures]]:
    """The story profile of each event as `EventIndex.profile` builds it, and the features read.

    Each article's features are its stored ones when they are of this version, else computed
    from its text (an article whose features cannot be computed is left out, see
    `cluster.stored_features`); its story vector (`features.story_counts`, weighed as the event
    index weighs it) is added to its event's sum. Names are weighed by their document
    frequencies among the articles given (an event index counts those of the articles it has
    read since it started).

    Args:
        events: (event key, its articles) pairs.

    Returns:
        Each event's unit-length profile (events without articles are left out), and each
        article's features by article id (to be stored with it).
    """
    read = {doc.article_id: stored_features(doc) for _, docs in events for doc in docs}
    features = {article: found for article, found in read.items() if found is not None}
    events = [(key, [doc for doc in docs if doc.article_id in features]) for key, docs in events]
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
