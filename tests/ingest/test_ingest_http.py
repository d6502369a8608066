"""Ingest over real HTTP on 127.0.0.1: feeds, article pages, conditional GET, refused addresses."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from tests.ingest.http_server import Route, Site, serve

SAMPLE = Path(__file__).resolve().parents[2] / "summarizer" / "data" / "sample"
NOW = datetime(2026, 3, 20, tzinfo=UTC)


def service_for(tmp_path: Path, *, allow_private: bool) -> BriefingService:
    engine = make_engine(f"sqlite:///{tmp_path / 'http.db'}")
    create_schema(engine)
    config = {"ingest": {"allow_private_addresses": allow_private, "timeout_seconds": 5}}
    return BriefingService(engine, config)


def test_feed_and_page_over_http_with_conditional_get(tmp_path: Path) -> None:
    feed = (SAMPLE / "feed.xml").read_bytes()
    page = (SAMPLE / "2026-03-12_northern-lantern_draft-agreement.html").read_bytes()
    routes = {
        "/feed.xml": Route(body=feed, content_type="application/rss+xml", etag='"f1"'),
        "/draft.html": Route(body=page, etag='"p1"'),
    }
    service = service_for(tmp_path, allow_private=True)
    with serve(Site(routes=routes)) as site:
        first = service.ingest([f"{site.base}/feed.xml", f"{site.base}/draft.html"], now=NOW)
        assert first.failed == 0, first.errors
        assert first.new == 4  # three feed items and the page
        again = service.ingest([f"{site.base}/feed.xml", f"{site.base}/draft.html"], now=NOW)
        assert (again.new, again.duplicate, again.failed) == (0, 0, 0)  # both answered 304
        conditional = [headers for path, headers in site.requests[-2:]]
        assert [h.get("if-none-match") for h in conditional] == ['"f1"', '"p1"']
    page_article = [
        a for a in service.search("Lantern draft") if a.article.location.endswith("/draft.html")
    ]
    assert page_article and page_article[0].article.source == "The Northern Lantern"
    service.engine.dispose()


def test_private_addresses_refused_by_default(tmp_path: Path) -> None:
    service = service_for(tmp_path, allow_private=False)
    with serve(Site(routes={"/a.html": Route(body=b"<html><body>x</body></html>")})) as site:
        report = service.ingest([f"{site.base}/a.html"], now=NOW)
        assert site.requests == []
    assert report.failed == 1
    assert "non-public address 127.0.0.1" in report.errors[0]
    service.engine.dispose()


def test_server_errors_and_garbage_fail_alone(tmp_path: Path) -> None:
    routes = {
        "/500": Route(status=500, body=b"oops"),
        "/garbage.xml": Route(body=b"<rss><channel><item>", content_type="application/rss+xml"),
        "/slow": Route(body=b"<html></html>", delay=3),
        "/ok.html": Route(
            body=(SAMPLE / "2026-03-12_northern-lantern_draft-agreement.html").read_bytes()
        ),
    }
    engine = make_engine(f"sqlite:///{tmp_path / 'faults.db'}")
    create_schema(engine)
    config = {"ingest": {"allow_private_addresses": True, "timeout_seconds": 0.5}}
    service = BriefingService(engine, config)
    with serve(Site(routes=routes)) as site:
        report = service.ingest([f"{site.base}{path}" for path in routes], now=NOW)
    assert report.new == 1
    assert report.failed == 3
    assert any("HTTP 500" in e for e in report.errors)
    assert any("malformed XML" in e for e in report.errors)
    assert any("timed out" in e for e in report.errors)
    engine.dispose()
