"""Queries behind the event ranking and views: pages of events, growth, topics, digest inputs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from sqlalchemy import case, func, literal
from sqlmodel import Session, col, select

from summarizer.events.values import DigestDoc
from summarizer.store.models import Article, ArticleCopy, Event, Feed, FeedArticle, Source, Story
from summarizer.store.types import UTCDateTime
from summarizer.timemath import shift

GROWTH_WINDOW = timedelta(days=1)
CHUNK = 10_000  # ids per IN list of a query over a long list


def largest_event(*, session: Session) -> tuple[int, int]:
    """The most sources and the most articles any one stored event has (0, 0 when none)."""
    row = session.exec(select(func.max(Event.source_count), func.max(Event.article_count))).one()
    return int(row[0] or 0), int(row[1] or 0)


def event_page(
    *,
    session: Session,
    since: datetime | None,
    offset: int,
    limit: int,
    feeds: frozenset[int] | None = None,
) -> list[Event]:
    """Events newest first (last article, then id); only those active after `since` if given,
    and only those with an article one of `feeds` brought if given."""
    query = select(Event).order_by(col(Event.last_seen).desc(), col(Event.id).desc())
    if since is not None:
        query = query.where(Event.last_seen > since)
    if feeds is not None:
        brought = (
            select(FeedArticle.article_id)
            .join(Article, col(Article.id) == col(FeedArticle.article_id))
            .where(
                col(Article.event_id) == col(Event.id), col(FeedArticle.feed_id).in_(sorted(feeds))
            )
        )
        query = query.where(brought.exists())
    return list(session.exec(query.offset(offset).limit(limit)).all())


def growth_counts(*, session: Session, events: Sequence[Event]) -> dict[int, int]:
    """Articles each event gained in the day before its last article, in one grouped query.

    Returns:
        Event id -> count, for events that gained at least one article.
    """
    since = {event.id: shift(event.last_seen, -GROWTH_WINDOW) for event in events if event.id}
    if not since:
        return {}
    threshold = case(
        {event_id: literal(moment, UTCDateTime()) for event_id, moment in since.items()},
        value=col(Article.event_id),
    )
    rows = session.exec(
        select(Article.event_id, func.count())
        .where(col(Article.event_id).in_(list(since)), col(Article.published) >= threshold)
        .group_by(col(Article.event_id))
    ).all()
    return {int(event_id): int(count) for event_id, count in rows if event_id is not None}


def event_articles(*, session: Session, event_ids: Sequence[int]) -> dict[int, list[int]]:
    """The article ids of each of the given events, in one query (events without any: absent)."""
    found: dict[int, list[int]] = {}
    wanted = list(event_ids)
    for start in range(0, len(wanted), CHUNK):  # SQLite takes at most 32,766 parameters
        rows = session.exec(
            select(Article.event_id, Article.id)
            .where(col(Article.event_id).in_(wanted[start : start + CHUNK]))
            .order_by(col(Article.id))
        ).all()
        for event_id, article_id in rows:
            if event_id is not None and article_id is not None:
                found.setdefault(event_id, []).append(article_id)
    return found


def article_ids_of(
    *, session: Session, table: type[Event] | type[Story], item_id: int
) -> frozenset[int]:
    """The ids of the articles of an event, or of a story's events, in one query."""
    holder = col(Event.id) if table is Event else col(Event.story_id)
    query = (
        select(Article.id)
        .join(Event, col(Event.id) == col(Article.event_id))
        .where(holder == item_id)
    )
    return frozenset(article_id for article_id in session.exec(query) if article_id is not None)


def article_texts(
    *, session: Session, article_ids: Sequence[int]
) -> list[tuple[int, str, str, str]]:
    """(id, title, body, language) of the given articles, in one query."""
    if not article_ids:
        return []
    rows = session.exec(
        select(Article.id, Article.title, Article.body, Article.language).where(
            col(Article.id).in_(list(article_ids))
        )
    ).all()
    return [(int(a_id), title, body, language) for a_id, title, body, language in rows if a_id]


def story_events(*, session: Session, story_id: int) -> list[Event]:
    """A story's events in time order (first article, then id)."""
    return list(
        session.exec(
            select(Event)
            .where(Event.story_id == story_id)
            .order_by(col(Event.first_seen), col(Event.id))
        ).all()
    )


def digest_docs(
    *, session: Session, event_ids: Sequence[int], articles: frozenset[int] | None = None
) -> tuple[list[DigestDoc], str]:
    """The articles of some events as digest inputs (oldest first), and their commonest language.

    With `articles`, only those of them (a reader who may read only these): the language too is
    theirs.
    """
    if not event_ids or (articles is not None and not articles):
        return [], "en"
    query = (
        select(Article, Source.name)
        .join(Source, col(Source.id) == col(Article.source_id))
        .where(col(Article.event_id).in_(list(event_ids)))
    )
    if articles is not None:  # the reader's articles, filtered by the database
        query = query.where(col(Article.id).in_(sorted(articles)))
    rows = session.exec(query.order_by(col(Article.published), col(Article.id))).all()
    docs = [
        DigestDoc(
            article_id=article.id or 0,
            title=article.title,
            body=article.body,
            source=name,
            published=article.published,
            published_estimated=article.published_estimated,
            published_date_only=article.published_date_only,
            event_id=article.event_id,
        )
        for article, name in rows
    ]
    languages = Counter(article.language or "en" for article, _ in rows)
    return docs, languages.most_common(1)[0][0] if languages else "en"


def copy_sources(
    *, session: Session, article_ids: Sequence[int], whole_store: bool = True
) -> list[tuple[int, str]]:
    """The outlets of the copies linked to these articles: (article id, outlet name), in the
    order they were linked.

    A copy a feed chats follow brought names its outlet only to a reader of the whole store
    (`whole_store`): to another it would tell what that feed's chats follow.
    """
    if not article_ids:
        return []
    query = (
        select(ArticleCopy.article_id, Source.name)
        .join(Source, col(ArticleCopy.source_id) == col(Source.id))
        .where(col(ArticleCopy.article_id).in_(list(article_ids)))
    )
    if not whole_store:
        query = query.where(col(ArticleCopy.feed_id).is_(None))
    rows = session.exec(query.order_by(col(ArticleCopy.id))).all()
    return [(int(article_id), str(name)) for article_id, name in rows]


_COUNTED: Mapping[str, type] = {
    "articles": Article,
    "events": Event,
    "stories": Story,
    "sources": Source,
    "feeds": Feed,
}


def table_counts(*, session: Session) -> dict[str, int]:
    """Counts of articles, events, stories, sources and feeds."""
    return {
        name: int(session.exec(select(func.count()).select_from(table)).one())
        for name, table in _COUNTED.items()
    }


def event_count(*, session: Session) -> int:
    """How many events are stored (what paging through the ranking can reach)."""
    return int(session.exec(select(func.count()).select_from(Event)).one())
