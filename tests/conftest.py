"""Shared fixtures: the ../shared data (skipped with a reason when absent) and databases."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parents[1]

# Property tests draw the same examples on every run, so a run never depends on a random seed
# (CI and a laptop see the same cases); HYPOTHESIS_PROFILE=explore draws fresh ones to hunt bugs.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


def shared_dir() -> Path:
    """Return the shared data folder (BRIEFING_SHARED_DIR or ../shared beside the repo)."""
    return Path(os.environ.get("BRIEFING_SHARED_DIR", REPO.parent / "shared"))


@pytest.fixture
def shared() -> Path:
    """The ../shared folder; skips the test with a clear message when it is absent."""
    path = shared_dir()
    if not (path / "seeds").is_dir():
        pytest.skip(f"shared data not found at {path} (set BRIEFING_SHARED_DIR)")
    return path


@pytest.fixture
def seeds(shared: Path) -> list[Path]:
    """The five seed articles, sorted by name."""
    return sorted((shared / "seeds").glob("*.txt"))


def _postgres_url() -> str | None:
    """The PostgreSQL URL for tests, or None (skip) when not configured."""
    return os.environ.get("BRIEFING_TEST_POSTGRES_URL") or None


def postgres_or_skip() -> str:
    """Return a reachable PostgreSQL URL; skip (or fail under BRIEFING_REQUIRE_POSTGRES=1)."""
    url = _postgres_url()
    required = os.environ.get("BRIEFING_REQUIRE_POSTGRES") == "1"
    reason = ""
    if url is None:
        reason = "PostgreSQL tests need BRIEFING_TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1/test)"
    else:
        import sqlalchemy

        try:
            probe = sqlalchemy.create_engine(
                url.replace("postgresql://", "postgresql+psycopg://", 1)
            )
            with probe.connect():
                pass
            probe.dispose()
        except Exception as exc:  # any connection failure means "not reachable"
            reason = f"PostgreSQL at {url} is not reachable: {type(exc).__name__}: {exc}"
    if reason:
        if required:
            pytest.fail(f"BRIEFING_REQUIRE_POSTGRES=1 but {reason}")
        pytest.skip(reason)
    assert url is not None
    return url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped after the test."""
    import sqlalchemy

    base = postgres_or_skip()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sqlalchemy.create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database of each kind: a SQLite file, and a PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'briefing.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url
