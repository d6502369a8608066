"""Event and story rows written during ingest match the articles, also after a database error."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.store.models import Article, ArticleCopy, Event, Source, Story
from summarizer.views import UNKNOWN_OUTLET
from tests.ingest.copies import DRAFT_DEAL, counted_sources, write_copies_of_the_draft_deal

SAMPLE = Path(__file__).resolve().parents[2] / "summarizer" / "data" / "sample"
NOW = datetime(2026, 3, 20, tzinfo=UTC)
COPY = "2026-03-10_northwire_duvra-talks-open.txt"  # a syndicated copy of ORIGINAL
ORIGINAL = "2026-03-10_kelmar-herald_duvra-talks-open.txt"


def open_service(url: str) -> BriefingService:
    engine = make_engine(url)
    create_schema(engine)
    return BriefingService(engine, {})


def assert_events_match_articles(engine: Engine) -> None:
    """Every event's counts and span are those of its stored articles and their copies."""
    with Session(engine) as session:
        articles = session.exec(select(Article)).all()
        events = session.exec(select(Event)).all()
        assert events
        assert all(article.event_id is not None for article in articles)
        for event in events:
            members = [a for a in articles if a.event_id == event.id]
            assert event.article_count == len(members), event
            assert event.source_count == len(counted_sources(session, members)), event
            assert event.first_seen == min(a.published for a in members)
            assert event.last_seen == max(a.published for a in members)
            assert event.story_id is not None
            story = session.get(Story, event.story_id)
            assert story is not None
            assert story.first_seen <= event.first_seen and event.last_seen <= story.last_seen


def test_a_database_error_in_one_article_leaves_the_events_true(tmp_path: Path) -> None:
    service = open_service(f"sqlite:///{tmp_path / 'db.sqlite'}")
    # The third article of the first event fails while it joins the event, after the event row
    # was updated; a later article joins that event too, so stale counts would show.
    with service.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER poison BEFORE UPDATE OF event_id ON article "
            "WHEN NEW.location LIKE '%water-talks-begin%' "
            "BEGIN SELECT RAISE(ABORT, 'poisoned article'); END"
        )
    report = service.ingest([str(SAMPLE)], now=NOW)
    assert (report.new, report.duplicate, report.failed) == (12, 1, 1)
    assert "water-talks-begin" in report.errors[0]
    assert "database error" in report.errors[0] and "poisoned article" in report.errors[0]
    with Session(service.engine) as session:
        locations = [a.location for a in session.exec(select(Article)).all()]
        assert not any("water-talks-begin" in location for location in locations)
        first_event = session.get(Event, 1)
        assert first_event is not None and first_event.article_count >= 2
    assert_events_match_articles(service.engine)
    service.engine.dispose()


@pytest.mark.parametrize("batches", [1, 2])
def test_a_copy_counts_among_its_event_sources(
    batches: int, database_url: str, tmp_path: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for path in SAMPLE.iterdir():
        if path.name != COPY:
            shutil.copy(path, first / path.name)
    # The copy credits another wire than the original does: one more source for the event.
    copy = (SAMPLE / COPY).read_text(encoding="utf-8").replace("Northwire", "Tallow Wire")
    (second / COPY).write_text(copy, encoding="utf-8")
    service = open_service(database_url)
    try:
        if batches == 1:
            report = service.ingest([str(first), str(second)], now=NOW)
            assert (report.new, report.duplicate, report.failed) == (13, 1, 0)
        else:
            before = service.ingest([str(first)], now=NOW)
            assert (before.new, before.duplicate, before.failed) == (13, 0, 0)
            assert_events_match_articles(service.engine)
            after = service.ingest([str(second)], now=NOW)  # restores the indexes first
            assert (after.new, after.duplicate, after.failed) == (0, 1, 0)
        with Session(service.engine) as session:
            (linked,) = session.exec(select(ArticleCopy)).all()
            original = session.get(Article, linked.article_id)
            assert original is not None and ORIGINAL in original.location
            members = session.exec(select(Article).where(Article.event_id == original.event_id))
            article_sources = {article.source_id for article in members}
            assert linked.source_id not in article_sources
            event = session.get(Event, original.event_id)
            assert event is not None and event.source_count == len(article_sources) + 1
        assert_events_match_articles(service.engine)
    finally:
        service.engine.dispose()


@pytest.mark.parametrize("batches", [1, 2])
def test_another_spelling_or_an_unnamed_copy_adds_no_source(
    batches: int, database_url: str, tmp_path: Path
) -> None:
    copies = tmp_path / "copies"
    write_copies_of_the_draft_deal(copies)
    service = open_service(database_url)
    try:
        if batches == 1:
            report = service.ingest([str(SAMPLE), str(copies)], now=NOW)
            assert (report.new, report.duplicate, report.failed) == (13, 3, 0)
        else:  # the second ingest reads the event's sources back from the rows
            service.ingest([str(SAMPLE)], now=NOW)
            report = service.ingest([str(copies)], now=NOW)
            assert (report.new, report.duplicate, report.failed) == (0, 2, 0)
        with Session(service.engine) as session:
            names = set(session.exec(select(Source.name)).all())
            assert "Vesburg Courier" in names and "VESBURG COURIER" not in names
            linked = session.exec(select(ArticleCopy)).all()
            draft = [c for c in linked if c.location.endswith("-copy.txt")]
            assert len(draft) == 2 and len({c.article_id for c in draft}) == 1
            original = session.get(Article, draft[0].article_id)
            assert original is not None and DRAFT_DEAL in original.location
            event = session.get(Event, original.event_id)
            assert event is not None and event.id is not None
            outlets = {
                a.source_id
                for a in session.exec(select(Article).where(Article.event_id == event.id))
            }
            assert event.source_count == len(outlets) == 5
        view = service.event(event.id)
        assert "VESBURG COURIER" not in view.sources and UNKNOWN_OUTLET not in view.sources
        assert len(view.sources) == event.source_count
        assert_events_match_articles(service.engine)
    finally:
        service.engine.dispose()


def test_an_unnamed_text_stored_first_is_no_outlet_once_a_named_copy_comes(
    database_url: str, tmp_path: Path
) -> None:
    copies = tmp_path / "copies"
    write_copies_of_the_draft_deal(copies)
    (copies / "spelled-copy.txt").unlink()
    service = open_service(database_url)
    try:
        assert service.ingest([str(copies)], now=NOW).new == 1  # the unnamed text, stored first
        report = service.ingest([str(SAMPLE)], now=NOW)
        assert (report.new, report.duplicate) == (12, 2)  # the Courier's is its copy now
        with Session(service.engine) as session:
            (linked,) = session.exec(
                select(ArticleCopy).where(col(ArticleCopy.location).contains(DRAFT_DEAL))
            ).all()
            original = session.get(Article, linked.article_id)
            assert original is not None and original.location.endswith("unnamed-copy.txt")
            event = session.get(Event, original.event_id)
            assert event is not None and event.id is not None and event.source_count == 1
        assert service.event(event.id).sources == ("Vesburg Courier",)
        assert_events_match_articles(service.engine)
    finally:
        service.engine.dispose()
