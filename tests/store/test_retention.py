"""Retention: pruning old articles keeps events, stories, search and counts coherent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, text
from sqlmodel import Session, col, select

from summarizer.errors import InputError
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.store.models import (
    Article,
    ArticleCopy,
    Event,
    SourceLine,
    Story,
    Summary,
)
from tests.ingest.copies import DRAFT_DEAL, counted_sources, write_copies_of_the_draft_deal

SAMPLE = Path(__file__).resolve().parents[2] / "summarizer" / "data" / "sample"
NOW = datetime(2026, 3, 20, tzinfo=UTC)
CUTOFF = datetime(2026, 3, 12, tzinfo=UTC)  # NOW less 8 days


def _sample_service(url: str) -> BriefingService:
    engine = make_engine(url)
    create_schema(engine)
    service = BriefingService(engine, {"store": {"retention_days": 8}})
    report = service.ingest([str(SAMPLE)], now=NOW)
    assert report.failed == 0, report.errors
    return service


def _snapshot(session: Session) -> dict[str, int]:
    def count(table: type) -> int:
        return int(session.exec(select(func.count()).select_from(table)).one())

    return {
        name: count(table)
        for name, table in (
            ("articles", Article),
            ("copies", ArticleCopy),
            ("summaries", Summary),
            ("events", Event),
            ("stories", Story),
            ("lines", SourceLine),
        )
    }


def assert_coherent(session: Session) -> None:
    """Every event's counts and times match its articles; no empty event or story; no orphans."""
    for event in session.exec(select(Event)).all():
        articles = session.exec(select(Article).where(Article.event_id == event.id)).all()
        assert articles, f"event {event.id} left without articles"
        assert event.article_count == len(articles)
        assert event.first_seen == min(a.published for a in articles)
        assert event.last_seen == max(a.published for a in articles)
        assert event.source_count == len(counted_sources(session, articles))
    for story in session.exec(select(Story)).all():
        events = session.exec(select(Event).where(Event.story_id == story.id)).all()
        assert events, f"story {story.id} left without events"
        assert story.first_seen == min(e.first_seen for e in events)
        assert story.last_seen == max(e.last_seen for e in events)
    ids = set(session.exec(select(Article.id)).all())
    assert set(session.exec(select(Summary.article_id)).all()) <= ids
    assert set(session.exec(select(ArticleCopy.article_id)).all()) <= ids
    assert all(n > 0 for n in session.exec(select(SourceLine.articles)).all())


def test_prune_removes_old_articles_and_keeps_the_rest_coherent(database_url: str) -> None:
    service = _sample_service(database_url)
    with Session(service.engine) as session:
        before = _snapshot(session)
        old = session.exec(select(Article.id).where(Article.published < CUTOFF)).all()
        assert 0 < len(old) < before["articles"]
    assert service.search("comet")  # the comet article is from 11 March
    dry = service.prune(dry_run=True, now=NOW)
    with Session(service.engine) as session:
        assert _snapshot(session) == before  # a dry run changes nothing
    assert dry.before == CUTOFF and dry.articles == len(old)
    done = service.prune(now=NOW)
    assert (done.articles, done.events, done.stories, done.copies, done.summaries) == (
        dry.articles,
        dry.events,
        dry.stories,
        dry.copies,
        dry.summaries,
    )
    assert done.events > 0 and done.summaries >= done.articles
    with Session(service.engine) as session:
        after = _snapshot(session)
        assert after["articles"] == before["articles"] - len(old)
        assert after["events"] == before["events"] - done.events
        assert after["stories"] == before["stories"] - done.stories
        assert not session.exec(select(Article).where(Article.published < CUTOFF)).all()
        assert_coherent(session)
        if service.engine.dialect.name == "sqlite":
            fts = session.connection().execute(text("SELECT count(*) FROM article_fts")).scalar()
            assert fts == after["articles"]  # the search rows went with their articles
    assert service.search("comet") == []
    assert service.search("draft")  # 12 March onwards stays searchable
    for view in service.top_events(limit=50, now=NOW):
        assert view.articles and view.digest  # every event left still opens with its digest
    assert service.prune(now=NOW).articles == 0  # nothing more to do
    service.engine.dispose()


def test_a_pruned_event_counts_its_outlets_as_ingest_did(database_url: str, tmp_path: Path) -> None:
    service = _sample_service(database_url)
    copies = tmp_path / "copies"
    write_copies_of_the_draft_deal(copies)  # "VESBURG COURIER" and an unnamed copy
    assert service.ingest([str(copies)], now=NOW).duplicate == 2
    with Session(service.engine) as session:
        draft = session.exec(select(Article).where(col(Article.location).contains(DRAFT_DEAL)))
        event_id = draft.one().event_id
        assert event_id is not None
    # The cutoff falls inside the event: Northwire's and the Lantern's reports go; Kestrel
    # News's, Meridian Daily's and the Vesburg Courier's (with both its copies) stay.
    report = service.prune(now=datetime(2026, 3, 20, 17, tzinfo=UTC))
    assert (report.articles, report.events) == (8, 2)  # and the two earlier events
    with Session(service.engine) as session:
        event = session.get(Event, event_id)
        assert event is not None and (event.article_count, event.source_count) == (3, 3)
        assert_coherent(session)
    view = service.event(event_id)
    assert view.sources == ("Kestrel News", "Meridian Daily", "Vesburg Courier")
    service.engine.dispose()


def test_prune_needs_a_positive_retention(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'off.db'}")
    create_schema(engine)
    service = BriefingService(engine, {"store": {"retention_days": 0}})
    with pytest.raises(InputError, match="retention is off"):
        service.prune(now=NOW)
    assert service.prune(days=1, now=NOW).articles == 0
    with pytest.raises(InputError, match=r"store\.retention_days"):
        _ = BriefingService(engine, {"store": {"retention_days": "ninety"}}).retention_days
    engine.dispose()


STEADY_WEEKS = 16  # about four months
STEADY_LIMIT_BYTES = 5_750_000  # README: "Retention" (shingles, features, particulars, story rows)


@pytest.mark.slow
def test_a_steady_feed_over_months_keeps_the_sqlite_file_bounded(tmp_path: Path) -> None:
    """Ten articles a day for four simulated months, pruned weekly to 30 days (no real time)."""
    from benchmarks.steady_feed import SteadyFeed

    database = tmp_path / "steady.db"
    engine = make_engine(f"sqlite:///{database}")
    create_schema(engine)
    service = BriefingService(engine, {"store": {"retention_days": 30}})
    feed = SteadyFeed(per_outlet_per_day=2)
    start = datetime(2026, 1, 5, tzinfo=UTC)
    sizes: list[int] = []
    for week in range(STEADY_WEEKS):
        folder = tmp_path / f"week{week}"
        for day in range(7):
            feed.day(folder, start + timedelta(days=7 * week + day))
        now = start + timedelta(days=7 * week + 7)
        report = service.ingest([str(folder)], now=now)
        assert (report.new, report.failed) == (70, 0), report.errors
        pruned = service.prune(now=now)
        assert pruned.articles == (0 if week < 4 else 70 if week > 4 else 50)
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        sizes.append(database.stat().st_size)
        with Session(engine) as session:
            assert _snapshot(session)["articles"] == min(70 * (week + 1), 300)
            if week % 4 == 3:
                assert_coherent(session)
    steady = sizes[7:]  # once the first pruned weeks' pages are being reused
    assert max(steady) <= sizes[7] * 1.05, sizes  # flat, not growing with the months
    assert max(sizes) < STEADY_LIMIT_BYTES, sizes
    engine.dispose()


def test_prune_drops_old_delivery_records_but_each_chats_newest_sent(database_url: str) -> None:
    from bot.store import chats, deliveries

    engine = make_engine(database_url)
    create_schema(engine)
    service = BriefingService(engine, {"store": {"retention_days": 30}})
    day = timedelta(days=1)
    with Session(engine) as session:
        for chat_id in (1, 2):
            chats.ensure_chat(
                session=session,
                chat_id=chat_id,
                kind="private",
                title="",
                default_timezone="UTC",
                default_times=["08:00"],
            )
        # Chat 1: sent daily for 60 days. Chat 2: one sent briefing 50 days ago, one failed later.
        for n in range(60):
            slot = NOW - (60 - n) * day
            deliveries.claim_delivery(session=session, chat_id=1, slot=slot, now=slot)
            deliveries.finish_delivery(
                session=session, chat_id=1, slot=slot, status="sent", now=slot, content_at=slot
            )
        for slot, status in ((NOW - 50 * day, "sent"), (NOW - 40 * day, "failed")):
            deliveries.claim_delivery(session=session, chat_id=2, slot=slot, now=slot)
            deliveries.finish_delivery(
                session=session, chat_id=2, slot=slot, status=status, now=slot
            )
    report = service.prune(now=NOW)
    assert report.deliveries == 30 + 1  # chat 1's slots before the cutoff; chat 2's failed one
    with Session(engine) as session:
        assert len(deliveries.deliveries(session=session, chat_id=1)) == 30
        kept = deliveries.deliveries(session=session, chat_id=2)
        assert [row.status for row in kept] == ["sent"]  # its newest sent record stays
        assert deliveries.last_content_time(session=session, chat_id=2) == NOW - 50 * day
    engine.dispose()


def test_two_prunes_at_once_remove_each_row_once(database_url: str) -> None:
    import threading

    service = _sample_service(database_url)
    other = BriefingService(service.engine, service.config)
    reports = []
    failures: list[BaseException] = []

    def run(target: BriefingService) -> None:
        try:
            reports.append(target.prune(now=NOW))
        except BaseException as exc:  # the assertion below shows it
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(s,)) for s in (service, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert failures == []
    with Session(service.engine) as session:
        assert not session.exec(select(Article).where(Article.published < CUTOFF)).all()
        assert_coherent(session)
    assert sum(r.articles for r in reports) == max(r.articles for r in reports)  # one did it
    service.engine.dispose()
