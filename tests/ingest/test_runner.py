"""Ingest into a real database: idempotence, near-duplicates, events, search, bad inputs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import Session, select

from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.store.models import Article, ArticleCopy, Summary

SAMPLE = Path(__file__).resolve().parents[2] / "summarizer" / "data" / "sample"
NOW = datetime(2026, 3, 20, tzinfo=UTC)


def open_service(url: str) -> BriefingService:
    engine = make_engine(url)
    create_schema(engine)
    return BriefingService(engine, {})


@pytest.fixture
def service(database_url: str) -> Iterator[BriefingService]:
    """A service over a fresh database of each kind, disposed after the test."""
    opened = open_service(database_url)
    try:
        yield opened
    finally:
        opened.engine.dispose()


def test_sample_ingest_is_idempotent_and_links_the_syndicated_copy(
    service: BriefingService,
) -> None:
    first = service.ingest([str(SAMPLE)], now=NOW)
    assert first.failed == 0, first.errors
    assert first.new == 13
    assert first.duplicate == 1  # the Kelmar Herald copy of the Northwire report
    again = service.ingest([str(SAMPLE)], now=NOW)
    assert (again.new, again.duplicate, again.failed) == (0, 14, 0)
    with Session(service.engine) as session:
        assert len(session.exec(select(Article)).all()) == 13
        copies = session.exec(select(ArticleCopy)).all()
        assert len(copies) == 1
        assert copies[0].similarity >= 0.8
        summaries = session.exec(select(Summary)).all()
        assert len(summaries) == 13


def test_sample_events_and_stories(service: BriefingService) -> None:
    service.ingest([str(SAMPLE)], now=NOW)
    events = service.top_events(limit=10, now=NOW)
    by_topic = {
        "cup": [e for e in events if any("Rovers" in a.title for a in e.articles)],
        "comet": [e for e in events if any("omet" in a.title for a in e.articles)],
    }
    assert len(by_topic["cup"]) == 1 and len(by_topic["cup"][0].articles) == 2
    assert len(by_topic["comet"]) == 1 and len(by_topic["comet"][0].articles) == 2
    treaty = [e for e in events if any("Duvra" in a.title for a in e.articles)]
    assert treaty, "the treaty talks form at least one event"
    assert len({e.story_id for e in treaty}) == 1, "treaty events share one story"
    scores = [e.importance for e in events]
    assert scores == sorted(scores, reverse=True)
    widest = max(events, key=lambda e: len(e.sources))
    assert widest in treaty and len(widest.sources) >= 4
    for event in events:
        assert event.digest and all(line.source in event.sources for line in event.digest)
    # On the day of the draft the treaty leads the briefing.
    first = service.top_events(limit=1, now=datetime(2026, 3, 12, 21, tzinfo=UTC))[0]
    assert first.id in {e.id for e in treaty}


def test_search_finds_words_and_ignores_query_syntax(service: BriefingService) -> None:
    service.ingest([str(SAMPLE)], now=NOW)
    hits = service.search("comet binoculars")
    assert hits and "omet" in hits[0].article.title
    assert "[" in hits[0].snippet
    for hostile in ['"unbalanced', "NEAR(a b", "title:x OR", "'; DROP TABLE article; --", "*"]:
        service.search(hostile)  # never raises
    assert service.search("zzzunknownwordzzz") == []
    with Session(service.engine) as session:
        assert session.exec(select(Article)).first() is not None


def test_bad_inputs_fail_alone(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text((SAMPLE / "2026-03-11_meridian-daily_comet-discovered.txt").read_text())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "latin1.txt").write_bytes("Titre\n\nCafé au lait à Paris.".encode("latin-1"))
    (tmp_path / "broken.html").write_text("<html><body><div><p>unclosed")
    (tmp_path / "bad.xml").write_text("<rss><channel><item></rss>")
    inputs = [str(path) for path in sorted(tmp_path.iterdir())] + [str(tmp_path / "missing.txt")]
    service = open_service(f"sqlite:///{tmp_path / 'db.sqlite'}")
    report = service.ingest(inputs, now=NOW)
    assert report.new == 1
    assert report.failed == 6
    assert all("\n" not in message for message in report.errors)
    for name in ("empty.txt", "binary.txt", "latin1.txt", "broken.html", "bad.xml", "missing.txt"):
        assert any(name in message for message in report.errors), name
    service.engine.dispose()


@pytest.mark.parametrize("published", [None])
def test_seeds_form_three_events(seeds: list[Path], tmp_path: Path, published: None) -> None:
    service = open_service(f"sqlite:///{tmp_path / 'seeds.db'}")
    report = service.ingest([str(p) for p in seeds], now=NOW)
    assert report.failed == 0, report.errors
    assert report.new == 5
    with Session(service.engine) as session:
        rows = session.exec(select(Article)).all()
        by_seed = {Path(row.location).name[:3]: row.event_id for row in rows}
    assert by_seed["000"] == by_seed["001"] == by_seed["002"]
    assert len({by_seed["000"], by_seed["003"], by_seed["004"]}) == 3
    service.engine.dispose()
