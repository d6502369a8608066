"""A lone article moved into a grown event during ingest: rows move, no story left empty."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import Session, select

from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.store.models import Article, Event, Story

NOW = datetime(2026, 3, 20, tzinfo=UTC)


def test_bridging_article_merges_stored_events(seeds: list[Path], database_url: str) -> None:
    engine = make_engine(database_url)
    create_schema(engine)
    try:
        service = BriefingService(engine, {})
        minsk, talks, roadmap = (str(p) for p in seeds[:3])
        # "face to face in Minsk" and "roadmap to peace" open two events; "first bilateral
        # talks" fits both, and the lone report left out moves into the event it joined
        first = service.ingest([minsk, roadmap], now=NOW)
        assert first.new == 2
        with Session(engine) as session:
            assert len(session.exec(select(Event)).all()) == 2
            opened = {Path(a.location).name[:3]: a.event_id for a in session.exec(select(Article))}
        assert opened["000"] is not None and opened["002"] is not None
        assert opened["000"] < opened["002"]
        second = BriefingService(engine, {}).ingest([talks], now=NOW)  # restored from rows
        assert second.new == 1
        with Session(engine) as session:
            events = session.exec(select(Event)).all()
            articles = session.exec(select(Article)).all()
            stories = session.exec(select(Story)).all()
        assert len(events) == 1
        event = events[0]
        assert {a.event_id for a in articles} == {event.id} and event.article_count == 3
        assert event.source_count == 3 and event.id in {opened["000"], opened["002"]}
        assert [s.id for s in stories] == [event.story_id]
        view = service.top_events(limit=5, now=NOW)
        assert [len(e.articles) for e in view] == [3]
    finally:
        engine.dispose()
