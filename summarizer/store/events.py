"""Data access for events and stories: upserts during ingest, state for restoring the indexes."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from summarizer.events.cluster import EventDoc
from summarizer.store.models import Article, ArticleCopy, Event, Source, Story

PROFILE_FEATURES = 200


def newest_article_time(*, session: Session) -> datetime | None:
    """Publication time of the newest stored article."""
    return session.exec(select(func.max(Article.published))).first()


def recent_event_docs(*, session: Session, since: datetime) -> list[tuple[int, list[EventDoc]]]:
    """Events whose last article is at or after `since`, with their articles as EventDocs."""
    event_ids = list(session.exec(select(Event.id).where(Event.last_seen >= since)))
    if not event_ids:
        return []
    rows = session.exec(
        select(Article, Source.name)
        .join(Source, col(Source.id) == col(Article.source_id))
        .where(col(Article.event_id).in_(event_ids))
    ).all()
    grouped: dict[int, list[EventDoc]] = {}
    for article, source in rows:
        assert article.id is not None and article.event_id is not None
        grouped.setdefault(article.event_id, []).append(
            EventDoc(
                article_id=article.id,
                title=article.title,
                body=article.body,
                source=source,
                published=article.published,
                language=article.language or "en",
            )
        )
    return sorted(grouped.items())


def recent_story_events(
    *, session: Session, since: datetime
) -> list[tuple[int, list[tuple[int, dict[str, float], datetime]]]]:
    """Stories with an event at or after `since`: their events' (id, profile, last_seen)."""
    story_ids = list(
        session.exec(
            select(Event.story_id).where(Event.last_seen >= since, col(Event.story_id).is_not(None))
        )
    )
    if not story_ids:
        return []
    events = session.exec(select(Event).where(col(Event.story_id).in_(set(story_ids)))).all()
    grouped: dict[int, list[tuple[int, dict[str, float], datetime]]] = {}
    for event in events:
        assert event.id is not None and event.story_id is not None
        profile = {str(k): float(v) for k, v in json.loads(event.profile_json or "{}").items()}
        grouped.setdefault(event.story_id, []).append((event.id, profile, event.last_seen))
    return sorted(grouped.items())


def max_ids(*, session: Session) -> tuple[int, int]:
    """Largest event id and story id in use (0 when none)."""
    event_max = session.exec(select(func.max(Event.id))).first() or 0
    story_max = session.exec(select(func.max(Story.id))).first() or 0
    return int(event_max), int(story_max)


def attach_article(
    *,
    session: Session,
    event_id: int,
    article: Article,
    title: str,
    profile: Mapping[str, float],
) -> Event:
    """Put an article into an event (created when new) and refresh the event's counts."""
    event = session.get(Event, event_id)
    if event is None:
        event = Event(
            id=event_id,
            title=title,
            first_seen=article.published,
            last_seen=article.published,
            article_count=1,
            source_count=1,
        )
    else:
        known = event_source_ids(session=session, event_id=event_id)
        event.article_count += 1
        event.source_count = len(known | {article.source_id})
    event.first_seen = min(event.first_seen, article.published)
    event.last_seen = max(event.last_seen, article.published)
    session.add(event)
    session.flush()
    article.event_id = event_id
    session.add(article)
    top = sorted(profile.items(), key=lambda kv: (-kv[1], kv[0]))[:PROFILE_FEATURES]
    event.profile_json = json.dumps({k: round(v, 6) for k, v in top})
    session.add(event)
    session.flush()
    return event


def event_source_ids(*, session: Session, event_id: int) -> set[int]:
    """Distinct sources of an event's articles and of their near-duplicate copies."""
    direct = set(session.exec(select(Article.source_id).where(Article.event_id == event_id)))
    copies = set(
        session.exec(
            select(ArticleCopy.source_id)
            .join(Article, col(Article.id) == col(ArticleCopy.article_id))
            .where(Article.event_id == event_id)
        )
    )
    return direct | copies


def set_story(
    *, session: Session, event: Event, story_id: int, merged: Sequence[int], title: str
) -> None:
    """Put an event into a story (created when new); fold merged stories into it."""
    story = session.get(Story, story_id)
    if story is None:
        story = Story(
            id=story_id, title=title, first_seen=event.first_seen, last_seen=event.last_seen
        )
        session.add(story)
        session.flush()
    for old in merged:
        for moved in session.exec(select(Event).where(Event.story_id == old)).all():
            moved.story_id = story_id
            story.first_seen = min(story.first_seen, moved.first_seen)
            story.last_seen = max(story.last_seen, moved.last_seen)
            session.add(moved)
        old_story = session.get(Story, old)
        if old_story is not None:
            session.flush()
            session.delete(old_story)
    story.first_seen = min(story.first_seen, event.first_seen)
    story.last_seen = max(story.last_seen, event.last_seen)
    session.add(story)
    session.flush()
    event.story_id = story_id
    session.add(event)
    session.flush()
