"""Migration 0021: sources stored under two spellings of one outlet become one, and what named
them (articles, copies, furniture counts, events' source counts) follows."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

from sqlalchemy import text
from sqlmodel import Session, select

from summarizer.store import articles as article_store
from summarizer.store.db import create_schema, make_engine
from summarizer.store.ingest_state import INGEST_LOCK
from summarizer.store.models import Article, ArticleCopy, Event, Source, SourceLine
from summarizer.views import UNKNOWN_OUTLET

WHEN = datetime(2026, 3, 10, 9, tzinfo=UTC)
# Sources in the order stored: the first of each outlet keeps its name.
NAMES = ("Wired", UNKNOWN_OUTLET, "WIRED", "The Week", "Wired.com", "Week", "ABC.net.au", "ABC")


def _article(number: int, source: int, event: int | None) -> Article:
    return Article(
        title=f"Story {number}",
        body=f"Body of story {number}.",
        source_id=source,
        location=f"{number}.txt",
        published=WHEN,
        fingerprint=f"{number:064d}",
        event_id=event,
    )


def _copy(number: int, article: int, source: int) -> ArticleCopy:
    return ArticleCopy(
        article_id=article,
        source_id=source,
        location=f"copy{number}.txt",
        fingerprint=f"c{number:063d}",
        similarity=0.9,
    )


def _old_database(session: Session) -> dict[str, int]:
    """Rows as exact-name sources left them: each spelling a source of its own."""
    sources = [Source(name=name) for name in NAMES]
    session.add_all(sources)
    events = [Event(title=f"Event {n}", first_seen=WHEN, last_seen=WHEN) for n in range(4)]
    session.add_all(events)
    session.flush()
    ids = {name: source.id or 0 for name, source in zip(NAMES, sources, strict=True)}
    wired, unnamed, upper, week = ids["Wired"], ids[UNKNOWN_OUTLET], ids["WIRED"], ids["The Week"]
    e1, e2, e3, e4 = (event.id or 0 for event in events)
    articles = [
        _article(1, wired, e1),
        _article(2, upper, e1),  # copied from "Wired.com" below
        _article(3, unnamed, e2),  # an unnamed text, copied by "WIRED" and by "Wired"
        _article(4, week, e3),
        _article(5, ids["Week"], e3),
        _article(6, unnamed, e3),  # an unnamed text nobody named: the unnamed source counts
        _article(7, ids["ABC.net.au"], e4),  # a country's ending: another outlet
        _article(8, ids["ABC"], e4),
        _article(9, upper, None),  # not clustered yet
    ]
    session.add_all(articles)
    session.flush()
    a = [article.id or 0 for article in articles]
    session.add_all(
        [
            _copy(1, a[1], ids["Wired.com"]),
            _copy(2, a[2], upper),
            _copy(3, a[2], wired),
        ]
    )
    # Furniture counts: "k1" counted by three spellings, "k2" by one that goes.
    session.add_all(
        [
            SourceLine(source_id=upper, line_key="k1", articles=1),
            SourceLine(source_id=wired, line_key="k1", articles=2),
            SourceLine(source_id=upper, line_key="k2", articles=4),
            SourceLine(source_id=ids["Wired.com"], line_key="k1", articles=1),
        ]
    )
    counts = {e1: 3, e2: 2, e3: 3, e4: 2}  # as exact names counted them
    for event in events:
        event.source_count = counts[event.id or 0]
    session.connection().execute(text("UPDATE ingest_state SET version = 7 WHERE id = 1"))
    session.commit()
    return ids | {"e1": e1, "e2": e2, "e3": e3, "e4": e4}


def test_spellings_merge_into_the_first_source_of_their_outlet(database_url: str) -> None:
    engine = make_engine(database_url)
    create_schema(engine, "0020")
    with Session(engine) as session:
        ids = _old_database(session)
    create_schema(engine)
    wired, unnamed, week = ids["Wired"], ids[UNKNOWN_OUTLET], ids["The Week"]
    with Session(engine) as session:
        sources = {source.name: source.id for source in session.exec(select(Source))}
        assert sources == {
            "Wired": wired,
            UNKNOWN_OUTLET: unnamed,
            "The Week": week,
            "ABC.net.au": ids["ABC.net.au"],
            "ABC": ids["ABC"],
        }
        by_title = {row.title: row.source_id for row in session.exec(select(Article))}
        assert by_title["Story 2"] == by_title["Story 9"] == wired
        assert by_title["Story 5"] == week and by_title["Story 3"] == unnamed
        assert {row.source_id for row in session.exec(select(ArticleCopy))} == {wired}
        lines = session.exec(select(SourceLine).order_by(SourceLine.id)).all()  # type: ignore[arg-type]
        # One row a line, in the row counted first, with every spelling's articles.
        assert [(line.id, line.source_id, line.line_key, line.articles) for line in lines] == [
            (1, wired, "k1", 4),
            (3, wired, "k2", 4),
        ]
        counts = {event.id: event.source_count for event in session.exec(select(Event))}
        assert counts == {ids["e1"]: 1, ids["e2"]: 1, ids["e3"]: 2, ids["e4"]: 2}
        version = session.connection().execute(text("SELECT version FROM ingest_state"))
        assert version.scalar() == 8
        # A new input of a merged spelling finds the outlet's source.
        keys = article_store.SourceKeys()
        assert article_store.source_id(session=session, name="WIRED", keys=keys) == wired
    engine.dispose()


def test_a_store_without_spellings_is_left_as_it_is(database_url: str) -> None:
    engine = make_engine(database_url)
    create_schema(engine, "0020")
    with Session(engine) as session:
        session.add_all([Source(name="Wired"), Source(name="The Week")])
        session.commit()
    create_schema(engine)
    with Session(engine) as session:
        assert sorted(s.name for s in session.exec(select(Source))) == ["The Week", "Wired"]
        version = session.connection().execute(text("SELECT version FROM ingest_state"))
        assert version.scalar() == 0  # nothing changed: no process reads anything again
    engine.dispose()


def _waits_for_ingest_lock(session: Session) -> bool:
    """Whether a connection waits for the ingest lock (PostgreSQL splits the key in two)."""
    waiting = session.connection().execute(
        text(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            " AND classid = :high AND objid = :low"
        ),
        {"high": INGEST_LOCK >> 32, "low": INGEST_LOCK & 0xFFFFFFFF},
    )
    return bool(waiting.scalar())


def test_the_merge_waits_for_an_ingest_on_postgresql(postgres_url: str) -> None:
    # A process on the old code ingesting holds the ingest lock: the merge reads the sources
    # only once that ingest committed, so no article lands under a spelling it deletes.
    engine = make_engine(postgres_url)
    create_schema(engine, "0020")
    with Session(engine) as session:
        session.add_all([Source(name="Wired"), Source(name="WIRED")])
        session.commit()
    holder = engine.connect()
    holder.begin()
    holder.exec_driver_sql(f"SELECT pg_advisory_xact_lock({INGEST_LOCK})")
    migration = threading.Thread(target=create_schema, args=(engine,))
    migration.start()
    try:
        with Session(engine) as watcher:
            deadline = time.monotonic() + 30
            while not _waits_for_ingest_lock(watcher) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert _waits_for_ingest_lock(watcher)
            assert migration.is_alive()
        holder.exec_driver_sql("INSERT INTO source (name) VALUES ('Wired.com')")
    finally:
        holder.commit()
        holder.close()
        migration.join(timeout=60)
    with Session(engine) as session:
        assert [s.name for s in session.exec(select(Source))] == ["Wired"]
    engine.dispose()
