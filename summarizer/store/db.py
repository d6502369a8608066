"""Engines and schema: SQLite in WAL mode by default, any SQLAlchemy URL, Alembic migrations."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlmodel import Session, create_engine

from summarizer.errors import StorageError
from summarizer.store.fts_schema import FTS_FUNCTION, fts_text

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 15_000
#: How long a process waits for another's migrations of one SQLite database (PostgreSQL's
#: advisory lock waits as long as they take). The busy timeout bounds one write; a migration
#: run holds the write lock for all its steps, which on a large database, or a loaded machine,
#: take longer than that.
SQLITE_MIGRATION_WAIT_MS = 600_000
#: Pause between tries of the switch to WAL mode (`_enter_wal`); the tries last about as
#: long as the busy timeout, counted in tries rather than by a clock.
_WAL_RETRY_PAUSE_S = 0.02
_WAL_TRIES = SQLITE_BUSY_TIMEOUT_MS // 20


def _enter_wal(cursor: sqlite3.Cursor) -> None:
    """Put the database in WAL mode, trying again while another connection holds it.

    Two processes opening a new database at once both switch it from the rollback journal to
    WAL; SQLite answers one of them "database is locked" at once, without waiting (it skips the
    busy handler where waiting could deadlock). Seen as a failed start of one of two bots.
    """
    for attempt in range(_WAL_TRIES):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == _WAL_TRIES - 1:
                raise
            time.sleep(_WAL_RETRY_PAUSE_S)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Turn on WAL, a busy timeout and foreign keys; add the full-text function (per connection)."""
    cursor = dbapi_connection.cursor()
    _enter_wal(cursor)
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # The full-text index's triggers call it (summarizer.store.fts_schema).
    dbapi_connection.create_function(FTS_FUNCTION, 1, fts_text, deterministic=True)


def _create_private(path: Path) -> None:
    """Create an empty database file only its owner can read (it holds chat ids, names and
    topics); SQLite gives its -wal and -shm files the same mode. An existing file is kept."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


#: The oldest SQLite taken: it binds up to 32,766 values a statement (older ones 999), and
#: queries over long id lists bind up to `store.ranking.CHUNK` (10,000) at once.
_SQLITE_AT_LEAST = (3, 32)


def make_engine(url: str) -> Engine:
    """Create an engine for a SQLAlchemy URL (postgresql:// is served by psycopg 3).

    Args:
        url: e.g. ``sqlite:///briefing.db`` or ``postgresql://postgres@127.0.0.1/test``.

    Returns:
        The engine; SQLite connections run in WAL mode with a 15 s busy timeout.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(f"not a database URL: {url!r} (try sqlite:///briefing.db)") from exc
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        if sqlite3.sqlite_version_info < _SQLITE_AT_LEAST:
            raise StorageError(
                f"SQLite {sqlite3.sqlite_version} is too old: Briefing needs "
                f"{'.'.join(map(str, _SQLITE_AT_LEAST))} or newer (up to 32,766 values a query)"
            )
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            _create_private(Path(database).expanduser())
        engine = create_engine(parsed, connect_args={"check_same_thread": False, "timeout": 15})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def alembic_config(engine: Engine) -> Config:
    """Alembic configuration bound to an engine (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def create_schema(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to a revision; existing data is kept.

    Args:
        engine: the database.
        revision: target Alembic revision (default: the newest).
    """
    # The migrations create every table, the bot's (bot.store) too; the models only describe them.
    import summarizer.store.models  # noqa: F401

    command.upgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    """Return the schema's Alembic revision, or None for an empty database."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return str(row[0]) if row else None


def begin_write(session: Session) -> Connection:
    """Open the session's transaction as a writer from its first statement (SQLite).

    A SQLite transaction that reads and then writes is refused at once with "database is
    locked" when another connection wrote in between (it cannot wait: its snapshot is stale);
    BEGIN IMMEDIATE takes the write lock first, waiting up to the busy timeout. Other databases
    need nothing here.

    Returns:
        The session's connection, inside the transaction.
    """
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        raw = connection.connection.dbapi_connection
        if raw is not None and not getattr(raw, "in_transaction", True):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
    return connection
