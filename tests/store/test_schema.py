"""Schema: migrations create every table, upgrades keep data, FTS and WAL are in place."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlmodel import Session, select

from summarizer.errors import StorageError
from summarizer.store import db, ranking
from summarizer.store.db import create_schema, current_revision, make_engine
from summarizer.store.models import Article, Source


def test_create_schema_builds_every_table(database_url: str) -> None:
    engine = make_engine(database_url)
    create_schema(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"article", "source", "summary", "event", "story", "feed", "articlecopy"} <= tables
    assert current_revision(engine) is not None
    create_schema(engine)  # idempotent
    engine.dispose()


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'wal.db'}")
    create_schema(engine)
    with engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        timeout = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
    assert mode == "wal"
    assert timeout == 15000
    engine.dispose()


def test_upgrade_from_first_revision_keeps_data(database_url: str) -> None:
    engine = make_engine(database_url)
    create_schema(engine, revision="0001")
    with Session(engine) as session:
        source = Source(name="Northwire")
        session.add(source)
        session.flush()
        assert source.id is not None
        # The columns of revision 0001 only: the model has grown since.
        session.connection().execute(
            text(
                "INSERT INTO article (title, body, source_id, location, published,"
                " published_estimated, language, fingerprint, ingested_at) VALUES (:title,"
                " :body, :source, 'a.txt', :published, false, 'en', :fingerprint, :published)"
            ),
            {
                "title": "Talks open",
                "body": "The delegations met on Tuesday to open talks on the river.",
                "source": source.id,
                "published": datetime(2026, 3, 10, tzinfo=UTC),
                "fingerprint": "f" * 64,
            },
        )
        session.commit()
    create_schema(engine)
    assert current_revision(engine) != "0001"
    with Session(engine) as session:
        article = session.exec(select(Article)).one()
        assert article.title == "Talks open"
        assert article.published == datetime(2026, 3, 10, tzinfo=UTC)
        assert article.published_date_only is False  # added by 0006 with its default
    engine.dispose()


def test_downgrade_and_upgrade_again(tmp_path: Path) -> None:
    from alembic import command

    from summarizer.store.db import alembic_config

    engine = make_engine(f"sqlite:///{tmp_path / 'down.db'}")
    create_schema(engine)
    command.downgrade(alembic_config(engine), "0001")
    assert "chat" not in set(inspect(engine).get_table_names())
    create_schema(engine)
    assert "chat" in set(inspect(engine).get_table_names())
    engine.dispose()


def test_an_sqlite_too_old_for_long_id_lists_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # queries bind up to ranking.CHUNK ids at once: SQLite binds 32,766 values from 3.32 on
    assert ranking.CHUNK + 100 <= 32_766
    monkeypatch.setattr(db.sqlite3, "sqlite_version_info", (3, 31, 1))
    monkeypatch.setattr(db.sqlite3, "sqlite_version", "3.31.1")
    with pytest.raises(StorageError, match=r"SQLite 3\.31\.1 is too old: Briefing needs 3\.32"):
        db.make_engine(f"sqlite:///{tmp_path / 'old.db'}")
