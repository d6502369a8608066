"""Stored event profiles: their stored form, and an upgrade when their articles' features age."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence

from sqlalchemy import and_, func, or_
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from summarizer.events.cluster import EventDoc
from summarizer.events.features import forget_words, heaviest
from summarizer.events.profiles import event_profiles
from summarizer.store import tables
from summarizer.store.features import event_doc, features_json, profile_prefixes
from summarizer.store.models import Article, Source
from summarizer.store.ranking import CHUNK

logger = logging.getLogger(__name__)

#: Features an event's stored profile keeps (its heaviest).
PROFILE_FEATURES = 200
#: Events re-profiled together (their articles read at once, their names weighed together).
REFRESH_CHUNK = 500

_ARTICLES = tables.ARTICLES
_EVENTS = tables.EVENTS
_SET_PROFILE = tables.set_by_id(_EVENTS, "event_id", "profile_json")
_SET_FEATURES = tables.set_by_id(_ARTICLES, "article_id", "features")


def profile_json(profile: Mapping[str, float]) -> str:
    """An event profile as stored: its heaviest features, weights rounded to six places."""
    return json.dumps({k: round(v, 6) for k, v in heaviest(profile, PROFILE_FEATURES)})


def stale_events(*, session: Session, story_ids: Sequence[int]) -> list[int]:
    """The events of these stories with an article whose stored features a version of
    `article_features` older than `PROFILES_SINCE` computed (or that has none): their stored
    profiles were made from such features, so they may lack what story linking now reads (the
    `s:` names). Features of a later version give the same profiles: those are kept."""
    outdated = or_(
        _ARTICLES.c.features.is_(None),
        and_(
            *(
                func.substr(_ARTICLES.c.features, 1, len(prefix)) != prefix
                for prefix in profile_prefixes()
            )
        ),
    )
    found: set[int] = set()
    connection = session.connection()
    for start in range(0, len(story_ids), CHUNK):
        chunk = list(story_ids[start : start + CHUNK])
        rows = connection.execute(
            core_select(_ARTICLES.c.event_id)
            .select_from(_ARTICLES.join(_EVENTS, _EVENTS.c.id == _ARTICLES.c.event_id))
            .where(_EVENTS.c.story_id.in_(chunk), outdated)
            .distinct()
        )
        found.update(int(event) for (event,) in rows)
    return sorted(found)


def refresh_stale_profiles(*, session: Session, story_ids: Sequence[int]) -> int:
    """Make the stale events' profiles of these stories again (see `stale_events`), once.

    Each such event's profile is computed again from its articles (`events.profiles`) and
    stored, and so are its articles' features as computed now, so the event is not stale the
    next time. An event whose articles cannot be read keeps its profile (logged). The events
    are remade `REFRESH_CHUNK` at a time, and the words met are forgotten after each chunk
    (`features.forget_words`): kept, the memos' entries would hold most of the memory every
    chunk used (one article through the CLI after an upgrade, at 100,000 articles: peak RSS
    488 -> 370 MB; see docs/benchmarks.md).

    Returns:
        How many events got a new profile.
    """
    events = stale_events(session=session, story_ids=story_ids)
    done = 0
    for start in range(0, len(events), REFRESH_CHUNK):
        try:
            done += _refresh(session, events[start : start + REFRESH_CHUNK])
        finally:
            forget_words()
    if done:
        logger.info("story profiles of %s stored events made again from their articles", done)
    return done


def _refresh(session: Session, events: Sequence[int]) -> int:
    """Make these events' profiles again and store them with their articles' features; how
    many were made (none when their texts cannot be made into profiles)."""
    rows = session.exec(
        select(Article, Source.name)
        .join(Source, col(Source.id) == col(Article.source_id))
        .where(col(Article.event_id).in_(events))
    ).all()
    grouped: dict[int, list[EventDoc]] = {}
    for article, source in rows:
        grouped.setdefault(article.event_id or 0, []).append(event_doc(article, source))
    try:
        profiles, features = event_profiles(sorted(grouped.items()))
    except Exception:  # whatever the stored texts hold: the old profiles stay usable
        logger.warning("stored event profiles cannot be made again", exc_info=True)
        return 0
    connection = session.connection()
    if profiles:
        connection.execute(
            _SET_PROFILE,
            [{"event_id": k, "profile_json": profile_json(p)} for k, p in profiles.items()],
        )
    if features:
        connection.execute(
            _SET_FEATURES,
            [{"article_id": k, "features": features_json(f)} for k, f in features.items()],
        )
    return len(profiles)
