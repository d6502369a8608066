"""A process migrating a SQLite database waits for another's migrations, beyond the busy timeout."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from summarizer.store import db
from summarizer.store.db import create_schema, current_revision, make_engine

HELD_SECONDS = 1.0


def test_a_migration_waits_for_the_write_lock_longer_than_one_write_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another process's migration run holds the write lock for longer than the busy timeout
    # that bounds one write (shrunk here from 15 s): the second waits for it, then finds the
    # schema made, instead of failing with "database is locked".
    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_MS", 100)
    path = tmp_path / "briefing.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(HELD_SECONDS, holder.execute, args=("COMMIT",))
    engine = make_engine(f"sqlite:///{path}")
    try:
        started = time.monotonic()
        release.start()
        create_schema(engine)
        assert time.monotonic() - started >= HELD_SECONDS
        assert current_revision(engine) is not None
        with engine.connect() as connection:  # writes wait the busy timeout again, no longer
            timeout = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
        assert timeout == 100
    finally:
        release.join()
        holder.close()
        engine.dispose()
