"""Hostile command-line arguments: 10,000-character values, huge ids, out-of-range times."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.hostile.corpus import SAMPLE
from tests.hostile.runner import briefing, stderr_lines

LONG = "a" * 10_000
HUGE_ID = str(10**30)
GOOD = SAMPLE / "2026-03-11_meridian-daily_comet-discovered.txt"


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database with the bundled sample ingested."""
    url = f"sqlite:///{tmp_path_factory.mktemp('args') / 'briefing.db'}"
    process = briefing(["ingest", str(SAMPLE), "--db", url])
    assert process.returncode == 0, process.stderr
    return url


def assert_clean_failure(process: subprocess.CompletedProcess[str], code: int = 1) -> str:
    """The run failed with `code` and a short message, no traceback; returns its last line."""
    tail = process.stderr[-600:]
    assert "Traceback" not in process.stderr, tail
    assert process.returncode == code, tail
    lines = stderr_lines(process)
    assert lines and lines[-1].startswith("briefing"), tail
    return lines[-1]


def test_ingest_a_10000_character_path_fails_alone(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    process = briefing(["ingest", str(GOOD), LONG, "--json", "--db", url])
    line = assert_clean_failure(process)
    assert "name too long" in line.lower() or "cannot read" in line
    assert json.loads(process.stdout)["new"] == 1


def test_article_a_10000_character_path_fails_alone() -> None:
    process = briefing(["article", str(GOOD), LONG, "--json"])
    assert_clean_failure(process)
    assert len(process.stdout.splitlines()) == 1


def test_a_10000_character_search_query_finds_nothing(db_url: str) -> None:
    process = briefing(["search", LONG, "--json", "--db", db_url])
    assert process.returncode == 0, process.stderr[-600:]
    assert json.loads(process.stdout) == {"hits": []}
    words = briefing(["search", " ".join(["comet"] * 1_700), "--json", "--db", db_url])
    assert words.returncode == 0, words.stderr[-600:]
    assert json.loads(words.stdout)["hits"]


def test_a_10000_character_option_value_is_a_usage_error(db_url: str) -> None:
    for args in (["events", "--since", LONG], ["events", "--words", LONG], ["digest", LONG]):
        process = briefing([*args, "--db", db_url])
        assert "error:" in assert_clean_failure(process, code=2), args


def test_large_numbers_that_fit_work(db_url: str) -> None:
    process = briefing(["events", "--json", "--words", HUGE_ID, "--limit", HUGE_ID, "--db", db_url])
    assert process.returncode == 0, process.stderr[-600:]
    assert json.loads(process.stdout)["events"]
    missing = briefing(["digest", str(2**62), "--db", db_url])
    assert "no event" in assert_clean_failure(missing)


@pytest.mark.parametrize("command", ["digest", "story"])
def test_an_id_beyond_64_bits_is_not_found(db_url: str, command: str) -> None:
    process = briefing([command, HUGE_ID, "--db", db_url])
    assert "no " in assert_clean_failure(process)


def test_a_search_limit_beyond_64_bits(db_url: str) -> None:
    process = briefing(["search", "comet", "--json", "--limit", HUGE_ID, "--db", db_url])
    assert process.returncode == 0, process.stderr[-600:]
    assert json.loads(process.stdout)["hits"]


@pytest.mark.parametrize("since", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00"])
def test_since_at_the_ends_of_the_calendar(db_url: str, since: str) -> None:
    process = briefing(["events", "--json", "--since", since, "--db", db_url])
    assert process.returncode in (0, 2), process.stderr[-600:]
    assert "Traceback" not in process.stderr
