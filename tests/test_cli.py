"""The CLI contract, run as a real subprocess: article, ingest, search, events, digest, story."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "summarizer" / "data" / "sample"
ARTICLE_KEYS = {"location", "title", "source", "published", "language", "body", "summary"}


def briefing(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `briefing ARGS` with this interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd or REPO,
        timeout=300,
    )


def test_article_json_one_object_per_file() -> None:
    files = [
        SAMPLE / "2026-03-11_meridian-daily_comet-discovered.txt",
        SAMPLE / "2026-03-12_northern-lantern_draft-agreement.html",
    ]
    done = briefing("article", *map(str, files), "--json", "--sentences", "2")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 2
    for line, path in zip(lines, files, strict=True):
        obj = json.loads(line)
        assert obj.keys() >= ARTICLE_KEYS
        assert obj["location"] == str(path)
        assert len(obj["summary"]) == 2
        assert all(sentence in obj["body"] for sentence in obj["summary"])
    html = json.loads(lines[1])
    assert html["source"] == "The Northern Lantern"
    assert html["published"].startswith("2026-03-12T16:45")
    assert "cookie" not in html["body"].lower()


def test_article_words_and_method() -> None:
    path = str(SAMPLE / "2026-03-11_meridian-daily_comet-discovered.txt")
    done = briefing("article", path, "--json", "--words", "40", "--method", "lexrank")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)["summary"]
    assert summary and sum(len(s.split()) for s in summary) <= 60


def test_article_bad_inputs_one_line_each_and_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    good = str(SAMPLE / "2026-03-11_meridian-daily_comet-discovered.txt")
    done = briefing(
        "article",
        str(tmp_path / "empty.txt"),
        good,
        str(tmp_path / "bin.txt"),
        "nope.txt",
        "--json",
    )
    assert done.returncode == 1
    assert len(done.stdout.strip().splitlines()) == 1
    errors = done.stderr.strip().splitlines()
    assert len(errors) == 3
    for name in ("empty.txt", "bin.txt", "nope.txt"):
        assert any(name in line for line in errors)


def test_sentences_and_words_are_exclusive() -> None:
    done = briefing("article", "x.txt", "--sentences", "2", "--words", "10")
    assert done.returncode == 2
    assert "not allowed with" in done.stderr


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'cli.db'}"
    done = briefing("ingest", str(SAMPLE), "--db", url, "--json")
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout)
    assert (counts["new"], counts["duplicate"], counts["failed"]) == (13, 1, 0)
    return url


def test_events_json_contract(sample_db: str) -> None:
    done = briefing("events", "--db", sample_db, "--json", "--words", "60")
    assert done.returncode == 0, done.stderr
    events = json.loads(done.stdout)["events"]
    assert events
    keys = {"id", "story_id", "title", "first_seen", "last_seen", "importance", "sources"}
    for event in events:
        assert keys | {"articles", "digest"} <= event.keys()
        for article in event["articles"]:
            assert {"id", "location", "title", "source"} <= article.keys()
            assert Path(article["location"]).exists() or article["location"].startswith("https://")
        words = sum(len(line["text"].split()) for line in event["digest"])
        assert 0 < words <= 80
        assert all(line["source"] in event["sources"] for line in event["digest"])


def test_digest_since_says_nothing_new(sample_db: str) -> None:
    events = json.loads(briefing("events", "--db", sample_db, "--json").stdout)["events"]
    first = events[0]
    done = briefing("digest", str(first["id"]), "--db", sample_db, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == first["id"]
    later = briefing(
        "digest", str(first["id"]), "--db", sample_db, "--json", "--since", first["last_seen"]
    )
    assert json.loads(later.stdout)["nothing_new"] is True
    assert json.loads(later.stdout)["digest"] == []


def test_search_and_missing_ids(sample_db: str) -> None:
    done = briefing("search", "comet", "--db", sample_db, "--json")
    hits = json.loads(done.stdout)["hits"]
    assert hits and all("omet" in h["title"] or "omet" in h["snippet"] for h in hits)
    missing = briefing("digest", "9999", "--db", sample_db)
    assert missing.returncode == 1
    assert "no event with id 9999" in missing.stderr
    story = briefing("story", "1", "--db", sample_db, "--json")
    assert story.returncode == 0 and json.loads(story.stdout)["events"]


def test_story_opens_with_a_dated_sourced_digest_within_the_budget(sample_db: str) -> None:
    done = briefing("story", "1", "--db", sample_db, "--json", "--words", "60")
    story = json.loads(done.stdout)
    assert set(story) == {"id", "title", "digest", "events"}
    assert story["digest"] and sum(len(line["text"].split()) for line in story["digest"]) <= 60
    event_ids = {event["id"] for event in story["events"]}
    for line in story["digest"]:
        assert set(line) >= {"text", "article_id", "source", "event_id", "published"}
        assert line["event_id"] in event_ids and line["source"]
    text = briefing("story", "1", "--db", sample_db).stdout
    assert text.index("What happened:") < text.index("Timeline:")


def test_db_takes_a_plain_file_path(tmp_path: Path) -> None:
    # A newcomer types `--db news.db`; it is the SQLite file news.db, not a refused URL.
    article = SAMPLE / "2026-03-11_meridian-daily_comet-discovered.txt"
    done = briefing("ingest", str(article), "--db", "news.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "news.db").is_file()
    listed = briefing("events", "--db", "news.db", "--json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.strip().splitlines()) == 1


def test_an_empty_list_of_events_says_why(sample_db: str) -> None:
    later = briefing("events", "--db", sample_db, "--since", "2100-01-01")
    assert (later.returncode, later.stdout.strip()) == (
        0,
        "No events with articles after 2100-01-01T00:00:00Z.",
    )
    past = briefing("events", "--db", sample_db, "--offset", "500")
    assert past.stdout.strip() == "No events past the first 500."
