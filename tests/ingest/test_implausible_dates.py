"""A published time before 1990 or over a day ahead is no date; stored ones never stop a command."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from summarizer.ingest.dates import find_published, is_plausible
from summarizer.ingest.pipeline import build_article
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.values import RawInput

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "summarizer" / "data" / "sample"
NOW = datetime(2026, 3, 20, tzinfo=UTC)
BODY = "<p>" + "The council met on Tuesday to vote on the new tram line for the city. " * 6 + "</p>"


def _page(*metadata: str) -> str:
    return f"<html><head>{''.join(metadata)}</head><body><h1>Tram vote</h1>{BODY}</body></html>"


def test_plausible_span() -> None:
    assert is_plausible(datetime(1990, 1, 1, tzinfo=UTC), now=NOW)
    assert is_plausible(datetime(2026, 3, 20, 23, tzinfo=UTC), now=NOW)
    assert not is_plausible(datetime(1989, 12, 31, tzinfo=UTC), now=NOW)
    assert not is_plausible(datetime(2026, 3, 21, 1, tzinfo=UTC), now=NOW)
    assert not is_plausible(datetime.min.replace(tzinfo=UTC), now=NOW)


def test_a_placeholder_date_falls_back_to_the_next_metadata_and_is_estimated() -> None:
    html = _page(
        '<meta property="article:published_time" content="0001-01-01T00:00:00Z">',
        '<script type="application/ld+json">{"datePublished": "2026-03-18T09:30:00Z"}</script>',
    )
    article = build_article(RawInput("a.html", html, "html"), summary=None, now=NOW)
    assert article.published == datetime(2026, 3, 18, 9, 30, tzinfo=UTC)
    assert article.published_estimated


@pytest.mark.parametrize(
    "value",
    [
        "0001-01-01T00:00:00Z",
        "1970-01-01T00:00:00Z",
        "2099-05-01T10:00:00Z",
        "0001-01-01T00:00:00+05:00",
    ],
)
def test_an_impossible_date_alone_falls_back_to_text_cues_then_ingestion(value: str) -> None:
    html = _page(f'<meta property="article:published_time" content="{value}">')
    article = build_article(RawInput("a.html", html, "html"), summary=None, now=NOW)
    assert (article.published, article.published_estimated) == (NOW, True)
    text = "Tram vote\nUpdated: 2026-03-17 08:15\n\n" + BODY.strip("<p/>")
    dated = build_article(
        RawInput("a.txt", text, "text", published=datetime(1, 1, 1, tzinfo=UTC)),
        summary=None,
        now=NOW,
    )
    assert dated.published == datetime(2026, 3, 17, 8, 15, tzinfo=UTC)
    assert dated.published_estimated


def test_text_cues_skip_impossible_dates() -> None:
    assert find_published("Title\nUpdated: 1985-05-13 09:31\nBody", now=NOW) is None
    cue = find_published("Title\nMarch 14, 2031\nMarch 12, 2026\nBody", now=NOW)
    assert cue is not None and cue.when == datetime(2026, 3, 12, tzinfo=UTC)
    # A dateline of 29 February in a leap year, read in the next (common) year's spring.
    leap = find_published(
        "VESBURG, Feb. 29 (Northwire) - Talks.", now=datetime(2029, 1, 5, tzinfo=UTC)
    )
    assert leap is not None and leap.when == datetime(2028, 2, 29, tzinfo=UTC)
    # Read early in the leap year itself, it lies ahead, and the year before has no such day.
    early = datetime(2028, 1, 5, tzinfo=UTC)
    assert find_published("VESBURG, Feb. 29 (Northwire) - Talks.", now=early) is None


def _service(path: Path) -> BriefingService:
    engine = make_engine(f"sqlite:///{path}")
    create_schema(engine)
    return BriefingService(engine, {})


@pytest.fixture
def epstein(shared: Path) -> Path:
    (page,) = (shared / "eval" / "extraction" / "html").glob("c58aa507*.html")
    return page


@pytest.mark.parametrize("where", ["first", "last", "alone"])
def test_the_0001_page_first_last_or_alone_in_a_batch(
    where: str, epstein: Path, seeds: list[Path], tmp_path: Path
) -> None:
    others = [str(p) for p in seeds]
    batch = {"first": [str(epstein), *others], "last": [*others, str(epstein)]}.get(
        where, [str(epstein)]
    )
    service = _service(tmp_path / "db.sqlite")
    report = service.ingest(batch, now=NOW)
    assert report.failed == 0, report.errors
    (hit,) = [
        h for h in service.search("Epstein guards", limit=5) if "c58aa507" in h.article.location
    ]
    article = service.article(hit.article.id)
    assert article.published.year == 2019 and article.published_estimated
    events = service.top_events(limit=100)
    assert sum(len(e.articles) for e in events) >= report.new
    assert service.top_events(limit=100, now=NOW)
    for event in events:
        assert event.story_id is not None
        assert service.story(event.story_id).events


def _poison(engine: Engine) -> None:
    """Store impossible times directly, as an older Briefing could have: 0001 and 9999."""
    with engine.begin() as connection:
        for table, columns in (
            ("article", ("published",)),
            ("event", ("first_seen", "last_seen")),
            ("story", ("first_seen", "last_seen")),
        ):
            for column in columns:
                connection.exec_driver_sql(
                    f"UPDATE {table} SET {column} = '0001-01-01 00:00:00.000000' WHERE id = 1"
                )
                connection.exec_driver_sql(
                    f"UPDATE {table} SET {column} = '9999-12-31 23:59:59.000000' WHERE id = 2"
                )


def briefing(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        timeout=300,
    )


def test_a_database_holding_0001_serves_every_command(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    service = _service(path)
    assert service.ingest([str(SAMPLE)], now=NOW).failed == 0
    _poison(service.engine)
    url = f"sqlite:///{path}"
    runs = [
        ("events", "--db", url),
        ("events", "--db", url, "--json", "--limit", "100"),
        ("events", "--db", url, "--since", "2026-03-11T00:00Z"),
        ("digest", "1", "--db", url),
        ("digest", "2", "--db", url, "--json"),
        ("story", "1", "--db", url),
        ("story", "2", "--db", url, "--json"),
        ("article", "--id", "1", "--id", "2", "--db", url, "--json"),
        ("search", "river", "--db", url),
        ("stats", "--db", url),
    ]
    for args in runs:
        done = briefing(*args)
        assert done.returncode == 0, (args, done.stderr)
        assert "Traceback" not in done.stderr and "Error" not in done.stderr, args
    listed = json.loads(briefing("events", "--db", url, "--json", "--limit", "100").stdout)
    assert {1, 2} <= {e["id"] for e in listed["events"]}
    # And ingestion goes on with those times in the indexes it restores.
    later = tmp_path / "later.txt"
    later.write_text(
        "Tram line approved\n\n"
        + "The city council approved the new tram line on Thursday after a long debate. " * 4,
        encoding="utf-8",
    )
    done = briefing("ingest", str(later), str(SAMPLE), "--db", url)
    assert done.returncode == 0, done.stderr
    assert briefing("events", "--db", url).returncode == 0


def test_service_on_both_backends_with_0001_stored(database_url: str) -> None:
    engine = make_engine(database_url)
    create_schema(engine)
    service = BriefingService(engine, {})
    service.ingest([str(SAMPLE)], now=NOW)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE article SET published = '0001-01-01 00:00:00+00:00' WHERE id = 1"
            if engine.dialect.name == "postgresql"
            else "UPDATE article SET published = '0001-01-01 00:00:00.000000' WHERE id = 1"
        )
        for column in ("first_seen", "last_seen"):
            value = (
                "'0001-01-01 00:00:00+00:00'"
                if engine.dialect.name == "postgresql"
                else "'0001-01-01 00:00:00.000000'"
            )
            connection.exec_driver_sql(f"UPDATE event SET {column} = {value} WHERE id = 1")
    assert service.top_events(limit=50)
    assert service.event(1).id == 1
    assert service.story(1).events
    report = BriefingService(engine, {}).ingest([str(SAMPLE)], now=NOW)
    assert report.failed == 0
    engine.dispose()
