"""Migration 0019: the ingest origin moves to its own table, as it was, and back."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text
from sqlmodel import Session

from summarizer.store import ingest_state
from summarizer.store.db import alembic_config, create_schema, make_engine

STATE = b"BIO4" + bytes(range(256)) * 40


def test_the_origin_moves_to_its_own_table_and_back(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        create_schema(engine, revision="0018")
        with engine.begin() as connection:
            connection.execute(
                text(
                    "UPDATE ingest_state SET version = 7, origin = 6, origin_article = 41,"
                    " origin_state = :state WHERE id = 1"
                ),
                {"state": STATE},
            )
        create_schema(engine)
        with Session(engine) as session:
            assert ingest_state.origin_mark(session=session) == (6, 41)
            assert ingest_state.lock_ingest(session=session) == 7
            assert ingest_state.bump(session=session) == 8  # the origin's row is not touched
            session.commit()
        with engine.connect() as connection:
            stored = connection.execute(text("SELECT state FROM ingest_origin")).scalar_one()
            columns = connection.execute(text("SELECT * FROM ingest_state")).keys()
        assert bytes(stored) == STATE
        assert "origin_state" not in columns
        command.downgrade(alembic_config(engine), "0018")
        with engine.connect() as connection:
            row = connection.execute(
                text("SELECT version, origin, origin_article, origin_state FROM ingest_state")
            ).one()
        assert (row[0], row[1], row[2], bytes(row[3])) == (8, 6, 41, STATE)
    finally:
        engine.dispose()


def test_a_database_without_an_origin_gets_none_and_forgetting_drops_it(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    try:
        create_schema(engine, revision="0018")
        create_schema(engine)
        with Session(engine) as session:
            assert ingest_state.origin_mark(session=session) is None
            assert ingest_state.load_origin(session=session) is None
            session.connection().execute(
                text("INSERT INTO ingest_origin (id, serial, article, state) VALUES (1, 1, 2, :s)"),
                {"s": STATE},
            )
            assert ingest_state.origin_mark(session=session) == (1, 2)
            ingest_state.forget_origin(session=session)
            assert ingest_state.origin_mark(session=session) is None
    finally:
        engine.dispose()
