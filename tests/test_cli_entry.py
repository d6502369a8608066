"""Entry points as a user meets them: paging, pipes, missing databases, skipped files, `run`."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from summarizer import service as service_module
from summarizer.events.rank import importance
from summarizer.service import BriefingService
from summarizer.store.db import make_engine
from tests.bot.fake_api import FakeBotApi
from tests.test_cli import SAMPLE, briefing

REPO = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 3, 20, tzinfo=UTC)
REAL_LOOKING = "123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0"  # the shape, not a token


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('entry') / 'sample.db'}"
    done = briefing("ingest", str(SAMPLE), "--db", url)
    assert done.returncode == 0, done.stderr
    return url


def _brute_force(service: BriefingService, now: datetime) -> list[int]:
    """Every event ranked by importance, computed the plain way (one count per event)."""
    from sqlmodel import Session, select

    from summarizer.store.models import Article, Event

    with Session(service.engine) as session:
        scored = []
        for event in session.exec(select(Event)).all():
            day_before = event.last_seen.timestamp() - 86_400
            growth = sum(
                1
                for published in session.exec(
                    select(Article.published).where(Article.event_id == event.id)
                )
                if published.timestamp() >= day_before
            )
            score = importance(
                sources=event.source_count,
                articles=event.article_count,
                last_seen=event.last_seen,
                now=now,
                growth=growth,
            )
            scored.append((-score, -(event.id or 0), event.id or 0))
    return [event_id for *_, event_id in sorted(scored)]


def test_events_are_ranked_over_every_event_and_paged(
    sample_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Events are read one at a time here, so the sample's events span several reads.
    monkeypatch.setattr(service_module, "_CANDIDATE_EVENTS", 1)
    engine = make_engine(sample_db)
    service = BriefingService(engine, {})
    expected = _brute_force(service, NOW)
    assert len(expected) >= 4
    everything = service.top_events(limit=100_000, now=NOW)
    assert [e.id for e in everything] == expected
    for size in (1, 2, 4):
        for start in range(0, len(expected), size):
            page = service.top_events(limit=size, offset=start, now=NOW)
            assert [e.id for e in page] == expected[start : start + size]
    engine.dispose()


def test_events_json_lists_every_event_asked_for_and_pages(sample_db: str) -> None:
    every = json.loads(briefing("events", "--db", sample_db, "--json", "--limit", "100000").stdout)
    ids = [e["id"] for e in every["events"]]
    assert len(ids) == len(set(ids)) >= 4
    pages = []
    for offset in range(0, len(ids), 2):
        done = briefing(
            "events", "--db", sample_db, "--json", "--limit", "2", "--offset", str(offset)
        )
        pages += [e["id"] for e in json.loads(done.stdout)["events"]]
    assert pages == ids
    assert "--offset" in briefing("events", "--help").stdout


def test_piping_into_head_exits_quietly(sample_db: str) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "events", "--db", sample_db, "--limit", "100"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line is written
    err = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=300) == 141  # 128 + SIGPIPE, as Unix tools end
    assert err == ""


@pytest.mark.parametrize(
    "args",
    [
        ("events",),
        ("digest", "1"),
        ("story", "1"),
        ("article", "--id", "1"),
        ("search", "talks"),
        ("stats",),
    ],
)
def test_reading_a_missing_database_says_so_and_creates_nothing(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    target = tmp_path / "absent" / "briefing.db"
    done = briefing(*args, "--db", f"sqlite:///{target}")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and f"no database at {target}" in done.stderr
    assert not target.parent.exists()


def test_unsupported_files_in_a_directory_are_listed_as_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(
        "Tram line approved\n\n"
        + "The city council approved the new tram line on Thursday after a long debate. " * 4,
        encoding="utf-8",
    )
    (folder / "report.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "memo.docx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden").write_text("x")
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    done = briefing("ingest", str(folder), "--db", url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1 new, 0 duplicate, 0 failed, 2 skipped"
    assert sorted(done.stderr.splitlines()) == [
        f"briefing: {folder / 'memo.docx'}: skipped (not a text, HTML or feed file)",
        f"briefing: {folder / 'report.pdf'}: skipped (not a text, HTML or feed file)",
    ]
    report = json.loads(briefing("ingest", str(folder), "--db", url, "--json").stdout)
    assert report["skipped"] == [str(folder / "memo.docx"), str(folder / "report.pdf")]


def test_stats_and_stored_articles(sample_db: str) -> None:
    stats = json.loads(briefing("stats", "--db", sample_db, "--json").stdout)
    assert stats["articles"] == 13 and stats["events"] >= 4
    done = briefing("article", "--id", "1", "--id", "99999", "--db", sample_db, "--json")
    assert done.returncode == 1 and "no article with id 99999" in done.stderr
    (line,) = done.stdout.splitlines()
    assert json.loads(line)["id"] == 1 and json.loads(line)["summary"]


def _run(token: str, api: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": token,
        "TELEGRAM_API_URL": api,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'run.db'}",
    }
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done, time.monotonic() - started


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("token", ["123456789", "bot123:abc def", '"123456789:AAHfiqksKZ8"'])
def test_run_refuses_a_malformed_token_at_once(token: str, tmp_path: Path) -> None:
    done, _ = _run(token, "https://api.telegram.org", tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "does not look like a bot token" in done.stderr and token not in done.stderr


def test_run_on_an_unreachable_api_says_what_to_fix(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    done, _ = _run(REAL_LOOKING, url, tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert f"cannot reach the Bot API at {url}" in done.stderr
    assert "TELEGRAM_API_URL" in done.stderr and REAL_LOOKING not in done.stderr


def test_run_rejected_by_the_api_says_what_to_fix(tmp_path: Path) -> None:
    server = FakeBotApi(token="42:another-token").start()  # answers 401 to our token
    try:
        done, _ = _run(REAL_LOOKING.replace("123456789", "42"), server.url, tmp_path)
    finally:
        server.stop()
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert "rejected TELEGRAM_BOT_TOKEN" in done.stderr


def test_article_json_prints_a_line_for_japanese_and_korean_pages(
    shared: Path, tmp_path: Path
) -> None:
    (korean,) = (shared / "eval" / "extraction" / "html").glob("0ec95c72*.html")
    text = (REPO / "tests" / "data" / "languages" / "ja.txt").read_text(encoding="utf-8")
    title, *paragraphs = [p for p in text.split("\n\n") if p.strip()]
    japanese = tmp_path / "ja.html"
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    japanese.write_bytes(
        f'<html lang="ja"><head><meta charset="shift_jis"><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>".encode("shift_jis")
    )
    done = briefing("article", str(korean), str(japanese), "--json")
    assert done.returncode == 0, done.stderr
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert (first["language"], second["language"]) == ("ko", "ja")
    assert first["summary"] and second["summary"]
    assert second["title"] == title and all(s in second["body"] for s in second["summary"])
