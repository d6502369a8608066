"""Ranking queries of summarizer.store.ranking: grouped growth counts and the articles a topic
filter reads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from summarizer.errors import NotFoundError
from summarizer.service import BriefingService
from summarizer.store import ranking
from summarizer.store.db import create_schema, make_engine
from summarizer.store.models import Article, Event, Feed, FeedArticle, Source, Story

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _fill(session: Session) -> list[Event]:
    """Six events; event k has k+1 articles spread 10 hours apart, one mentioning 'Ärzte'."""
    source = Source(name="Wire")
    session.add(source)
    session.flush()
    assert source.id is not None
    events = []
    for k in range(6):
        times = [T0 + timedelta(days=3 * k, hours=10 * i) for i in range(k + 1)]
        event = Event(
            title=f"event {k}",
            first_seen=times[0],
            last_seen=times[-1],
            article_count=len(times),
            source_count=1,
        )
        session.add(event)
        session.flush()
        for i, moment in enumerate(times):
            body = "Die Ärzte streiken." if (k, i) == (4, 1) else f"Body {k} {i}."
            session.add(
                Article(
                    title=f"t{k}{i}",
                    body=body,
                    source_id=source.id,
                    location=f"a{k}{i}",
                    published=moment,
                    fingerprint=f"f{k}-{i}",
                    event_id=event.id,
                )
            )
        events.append(event)
    session.commit()
    return events


def _naive_growth(session: Session, events: list[Event]) -> dict[int, int]:
    """The per-event computation the grouped query replaces."""
    growth: dict[int, int] = {}
    for event in events:
        assert event.id is not None
        rows = session.exec(select(Article.published).where(Article.event_id == event.id)).all()
        count = sum(1 for published in rows if published >= event.last_seen - timedelta(days=1))
        if count:
            growth[event.id] = count
    return growth


def test_growth_counts_match_the_per_event_count(database_url: str) -> None:
    engine = make_engine(database_url)
    create_schema(engine)
    with Session(engine) as session:
        events = _fill(session)
        grouped = ranking.growth_counts(session=session, events=events)
        assert grouped == _naive_growth(session, events)
        # 10 h apart: the day before the last article holds 1, 2, 3, 3, 3, 3 of them.
        assert sorted(grouped.values()) == [1, 2, 3, 3, 3, 3]
    engine.dispose()


def test_ranking_runs_one_growth_query_per_page_and_filters_topics(database_url: str) -> None:
    engine = make_engine(database_url)
    create_schema(engine)
    with Session(engine) as session:
        events = _fill(session)
        ids = [e.id for e in events if e.id is not None]
        articles = ranking.event_articles(session=session, event_ids=ids)
        assert [len(articles[i]) for i in ids] == [1, 2, 3, 4, 5, 6]
        texts = ranking.article_texts(session=session, article_ids=articles[ids[4]])
        assert sum("Ärzte" in body for _, _, body, _ in texts) == 1
        assert ranking.event_articles(session=session, event_ids=[]) == {}
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    sa_event.listen(engine, "before_cursor_execute", seen)
    service = BriefingService(engine)
    views = service.top_events(limit=10, now=T0 + timedelta(days=20))
    grouped = [s for s in statements if "count(" in s.lower() and "group by" in s.lower()]
    assert len(views) == 6
    assert len(grouped) == 1  # one grouped growth query for the page, not one per event
    statements.clear()
    only = service.top_events(limit=10, topics=["ÄRZTE"], now=T0 + timedelta(days=20))
    assert [view.id for view in only] == [ids[4]]
    engine.dispose()


Filled = tuple[Engine, list[int], dict[int, list[int]]]  # events' ids, their articles' ids


@pytest.fixture
def filled(database_url: str) -> Iterator[Filled]:
    """A database holding `_fill`'s six events."""
    engine = make_engine(database_url)
    create_schema(engine)
    with Session(engine) as session:
        ids = [e.id for e in _fill(session) if e.id is not None]
        articles = ranking.event_articles(session=session, event_ids=ids)
    yield engine, ids, articles
    engine.dispose()


def test_a_readers_digest_inputs_are_its_articles_alone_read_by_one_query(filled: Filled) -> None:
    engine, ids, everything = filled
    mine = frozenset(everything[ids[5]][::2])  # three of the last event's six articles
    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        statements.append((statement, parameters))

    with Session(engine) as session:
        sa_event.listen(engine, "before_cursor_execute", seen)
        docs, language = ranking.digest_docs(session=session, event_ids=ids, articles=mine)
        sa_event.remove(engine, "before_cursor_execute", seen)
        assert [d.article_id for d in docs] == sorted(mine) and language == "en"
        # The database filters: the statement names the reader's ids, not the rest of the event.
        (statement, parameters), *_ = statements
        assert len(statements) == 1 and "article.id IN" in statement
        named = set(parameters.values() if isinstance(parameters, dict) else parameters)
        assert mine <= named and not (set(everything[ids[5]]) - mine) & named
        none = ranking.digest_docs(session=session, event_ids=ids, articles=frozenset())
        assert none == ([], "en")
        whole, _ = ranking.digest_docs(session=session, event_ids=[ids[5]])
        assert [d.article_id for d in whole] == everything[ids[5]]


def test_an_items_article_ids_are_an_events_or_its_storys_events(filled: Filled) -> None:
    engine, ids, by_event = filled
    with Session(engine) as session:
        story = Story(title="s", first_seen=T0, last_seen=T0)
        session.add(story)
        session.flush()
        for event_id in ids[1:3]:
            event = session.get(Event, event_id)
            assert event is not None
            event.story_id = story.id
            session.add(event)
        session.commit()
        story_id = story.id
    service = BriefingService(engine)
    assert service.event_article_ids(ids[3]) == frozenset(by_event[ids[3]])
    assert story_id is not None
    assert service.story_article_ids(story_id) == frozenset(by_event[ids[1]] + by_event[ids[2]])
    for missing in (0, -1, 2**63, max(ids) + 1):
        with pytest.raises(NotFoundError, match=f"no event with id {missing}"):
            service.event_article_ids(missing)
    with pytest.raises(NotFoundError, match="no story with id 99"):
        service.story_article_ids(99)


def test_a_ranking_among_some_feeds_events_is_the_whole_ranking_cut_to_them(
    filled: Filled,
) -> None:
    engine, ids, articles = filled
    with Session(engine) as session:
        feed, other = Feed(url="https://a.example/feed", active=False), Feed(url="https://b.x")
        session.add_all([feed, other])
        session.flush()
        assert feed.id is not None and other.id is not None
        session.add(FeedArticle(feed_id=feed.id, article_id=articles[ids[1]][0]))
        session.add(FeedArticle(feed_id=feed.id, article_id=articles[ids[4]][-1]))
        session.add(FeedArticle(feed_id=other.id, article_id=articles[ids[2]][0]))
        session.commit()
        feeds = frozenset({feed.id})
    service = BriefingService(engine)
    whole = [r.id for r in service.ranked_events(limit=10)]
    mine = service.ranked_events(limit=10, feeds=feeds)
    assert [r.id for r in mine] == [i for i in whole if i in {ids[1], ids[4]}]
    assert mine[0].article_ids == tuple(articles[mine[0].id])  # every article, as ranked
    second = service.ranked_events(limit=1, offset=1, feeds=feeds)
    assert [r.id for r in second] == [mine[1].id]
    assert service.ranked_events(limit=10, feeds=frozenset()) == []


def test_events_of_equal_importance_go_newest_first(database_url: str) -> None:
    # Years after their last article every event's importance has decayed to 0.0: an archive's
    # briefing then lists them by their last article, newest first, not by when they were stored.
    engine = make_engine(database_url)
    create_schema(engine)
    with Session(engine) as session:
        events = _fill(session)  # event k's last article is 3k days (and 10k hours) after T0
        # Store them again in the opposite order: the newest event gets the lowest id.
        for event in events:
            event.last_seen, event.first_seen = (
                T0 - (event.last_seen - T0),
                T0 - (event.first_seen - T0),
            )
            session.add(event)
        session.commit()
        newest_first = [e.id for e in sorted(events, key=lambda e: e.last_seen, reverse=True)]
    service = BriefingService(engine)
    far = T0 + timedelta(days=365 * 30)
    views = service.top_events(limit=10, now=far)
    assert {view.importance for view in views} == {0.0}
    assert [view.id for view in views] == newest_first
    assert newest_first != sorted(newest_first, reverse=True)  # not the ids' own order
    engine.dispose()
