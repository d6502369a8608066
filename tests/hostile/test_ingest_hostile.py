"""A corpus of hostile inputs in one batch, through `briefing ingest`, `article` and the service."""

from __future__ import annotations

import html
import json
import subprocess
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlmodel import Session, select

from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.store.models import Article
from tests.hostile.corpus import BRIDGE, HTML_TITLE, LANGUAGES, SAMPLE, TRAM, Case, write_corpus
from tests.hostile.runner import briefing, stderr_lines

MISSING = "missing.txt"


@dataclass(frozen=True, slots=True)
class Batch:
    """The corpus on disk and one CLI ingest of it into a SQLite file."""

    folder: Path
    cases: list[Case]
    db_url: str
    process: subprocess.CompletedProcess[str]

    @property
    def good(self) -> set[str]:
        return {c.name for c in self.cases if c.error is None}

    @property
    def bad(self) -> dict[str, str]:
        return {c.name: c.error for c in self.cases if c.error is not None}


def stored(db_url: str) -> dict[str, Article]:
    """Stored articles by file name."""
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            rows = session.exec(select(Article)).all()
            return {Path(row.location).name: row for row in rows}
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    """Write the corpus and ingest it (plus a missing file) with the CLI, once per module."""
    root = tmp_path_factory.mktemp("hostile")
    cases = write_corpus(root / "corpus")
    db_url = f"sqlite:///{root / 'briefing.db'}"
    process = briefing(
        ["ingest", str(root / "corpus"), str(root / MISSING), "--json", "--db", db_url]
    )
    cases.append(Case(MISSING, "no such file"))
    return Batch(root / "corpus", cases, db_url, process)


def assert_one_line_per_bad_input(lines: list[str], batch: Batch) -> None:
    """Each bad input is named by exactly one line with its expected error; good ones by none."""
    for name, error in batch.bad.items():
        naming = [line for line in lines if f"/{name}: " in line]
        assert len(naming) == 1, (name, naming)
        assert error in naming[0], (name, naming[0])
    for name in batch.good:
        assert not [line for line in lines if f"/{name}: " in line], name
    assert len(lines) == len(batch.bad)


def test_cli_ingest_reports_each_bad_input_and_keeps_the_good_ones(batch: Batch) -> None:
    process = batch.process
    assert process.returncode == 1, process.stderr[-2000:]
    lines = stderr_lines(process)
    assert "Traceback" not in process.stderr
    assert all(line.startswith("briefing: ") for line in lines), lines
    assert_one_line_per_bad_input(lines, batch)
    report = json.loads(process.stdout)
    assert (report["new"], report["duplicate"]) == (len(batch.good), 0)
    assert report["failed"] == len(batch.bad) == len(report["errors"])
    assert set(stored(batch.db_url)) == batch.good


def test_non_english_articles_are_stored_in_their_script(batch: Batch) -> None:
    articles = stored(batch.db_url)
    for language in ("ru", "uk", "zh"):
        row = articles[f"lang-{language}.txt"]
        source = (LANGUAGES / f"{language}.txt").read_text(encoding="utf-8")
        assert row.language == language
        assert row.title == source.splitlines()[0]
        paragraphs = [p.strip() for p in source.split("\n\n")[1:] if p.strip()]
        assert paragraphs and all(p in row.body for p in paragraphs), language
        assert "\ufffd" not in row.body


def test_refused_feeds_leak_nothing(batch: Batch) -> None:
    # The XXE feed names a real file beside the corpus; its content must be nowhere.
    for row in stored(batch.db_url).values():
        assert "TOP-SECRET" not in row.body + row.title
        assert "lollol" not in row.body + row.title


def test_unclosed_html_keeps_its_text(batch: Batch) -> None:
    row = stored(batch.db_url)["unclosed.html"]
    assert row.title == "Bridge closed"
    assert BRIDGE.strip() in row.body


def test_html_title_is_kept_as_data_by_events_and_search(batch: Batch) -> None:
    assert stored(batch.db_url)["html-title.txt"].title == HTML_TITLE
    events = briefing(["events", "--json", "--limit", "50", "--db", batch.db_url])
    assert events.returncode == 0, events.stderr
    titles = [a["title"] for e in json.loads(events.stdout)["events"] for a in e["articles"]]
    assert HTML_TITLE in titles
    for query in ("tram harbour", "bold link", "<b>bold</b>", '<a href="x">'):
        found = briefing(["search", query, "--json", "--db", batch.db_url])
        assert found.returncode == 0, found.stderr
        hits = json.loads(found.stdout)["hits"]
        assert HTML_TITLE in [hit["title"] for hit in hits], query


def test_service_ingest_reports_each_bad_input(batch: Batch, database_url: str) -> None:
    engine = make_engine(database_url)
    create_schema(engine)
    try:
        service = BriefingService(engine, {})
        report = service.ingest([str(batch.folder), str(batch.folder.parent / MISSING)])
        assert all("\n" not in message for message in report.errors)
        assert_one_line_per_bad_input(list(report.errors), batch)
        assert (report.new, report.duplicate, report.failed) == (
            len(batch.good),
            0,
            len(batch.bad),
        )
        assert set(stored(database_url)) == batch.good
    finally:
        engine.dispose()


def test_cli_article_prints_the_good_files_and_names_the_bad(batch: Batch) -> None:
    names = sorted(c.name for c in batch.cases)
    process = briefing(["article", *(str(batch.folder / n) for n in names), "--json"])
    assert process.returncode == 1
    assert "Traceback" not in process.stderr
    lines = stderr_lines(process)
    assert all(line.startswith("briefing: ") for line in lines), lines
    assert_one_line_per_bad_input(lines, batch)
    objects = [json.loads(line) for line in process.stdout.splitlines() if line.strip()]
    assert [Path(o["location"]).name for o in objects] == [n for n in names if n in batch.good]
    by_name = {Path(o["location"]).name: o for o in objects}
    assert by_name["html-title.txt"]["title"] == HTML_TITLE
    for language in ("ru", "uk", "zh"):
        shown = by_name[f"lang-{language}.txt"]
        assert shown["language"] == language
        assert shown["summary"] and all(s in shown["body"] for s in shown["summary"])
        assert "\ufffd" not in shown["body"]


@pytest.fixture
def huge_only(batch: Batch, tmp_path: Path) -> Iterator[BriefingService]:
    engine = make_engine(f"sqlite:///{tmp_path / 'huge.db'}")
    create_schema(engine)
    yield BriefingService(engine, {})
    engine.dispose()


def test_a_50_mb_file_is_refused_from_its_size_without_reading_it(
    batch: Batch, huge_only: BriefingService
) -> None:
    huge = batch.folder / "huge.txt"
    assert huge.stat().st_size >= 50 * 1024 * 1024
    tracemalloc.start()
    try:
        report = huge_only.ingest([str(huge)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.failed == 1 and "too large" in report.errors[0]
    assert peak < 10_000_000, f"peak Python allocation {peak:,} bytes"


def test_a_one_megabyte_single_line_article_is_stored_within_memory(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    path.write_text(TRAM * (1_000_000 // len(TRAM)))
    process = briefing(["ingest", str(path), "--json", "--db", f"sqlite:///{tmp_path / 'a.db'}"])
    assert process.returncode == 0, process.stderr[-500:]
    assert json.loads(process.stdout)["new"] == 1


def test_a_sentencex_panic_in_one_feed_entry_fails_alone(tmp_path: Path) -> None:
    body = f"<p>{TRAM * 2}</p><p>The plan was drawn up by engineer J\u2009. Dupont. {BRIDGE}</p>"
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Gazette'
        "</title><item><title>Tram line approved</title><link>https://example.org/tram</link>"
        f"<description>{html.escape(body)}</description></item></channel></rss>"
    )
    (tmp_path / "thin.xml").write_text(feed, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text((SAMPLE / "2026-03-11_meridian-daily_comet-discovered.txt").read_text())
    url = f"sqlite:///{tmp_path / 'a.db'}"
    process = briefing(["ingest", str(tmp_path / "thin.xml"), str(good), "--json", "--db", url])
    assert "Traceback" not in process.stderr, process.stderr[-300:]
    assert json.loads(process.stdout)["new"] >= 1
    assert "good.txt" in stored(url)
