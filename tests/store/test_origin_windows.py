"""The ingest origin read in windows on PostgreSQL: the stored bytes exactly, damage refused."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from summarizer.ingest import runner
from summarizer.service import BriefingService
from summarizer.store import ingest_state
from summarizer.store.db import alembic_config, create_schema, make_engine
from tests.ingest.synthetic import synthetic_stream

WINDOW = 16
#: Reads that start and end inside windows, on their edges, across several, and past the end.
READS = [3, 13, 16, 1, 15, 17, 40, 0, 5, 11, 16, 64, 2, 1000]


@pytest.fixture
def engine(postgres_url: str) -> Iterator[Engine]:
    engine = make_engine(postgres_url)
    create_schema(engine)
    try:
        yield engine
    finally:
        engine.dispose()


def _store(engine: Engine, state: bytes) -> None:
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM ingest_origin"))
        connection.execute(
            text("INSERT INTO ingest_origin (id, serial, article, state) VALUES (1, 1, 1, :s)"),
            {"s": state},
        )


def _reads(engine: Engine, reads: Sequence[int]) -> tuple[list[bytes], int]:
    """What the windows give for each read in turn, and the state's length."""
    with Session(engine) as session, ingest_state._state(session.connection()) as stored:
        assert stored is not None
        state, length = stored
        assert isinstance(state, ingest_state._Windows)
        return [state.read(size) for size in reads], length


@pytest.mark.parametrize("size", [0, 5, WINDOW, WINDOW + 1, 200])
def test_the_windows_give_the_stored_bytes_whatever_the_reads(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    monkeypatch.setattr(ingest_state, "_WINDOW", WINDOW)
    state = random.Random(size).randbytes(size)
    _store(engine, state)
    got, length = _reads(engine, READS)
    expected = io.BytesIO(state)
    assert length == size
    assert got == [expected.read(read) for read in READS]
    assert b"".join(got) == state


def _origin_database(url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """A PostgreSQL database holding 30 inputs and an origin with stories (a process that
    rebuilt, too far behind at a replay limit of 0, and stored one more)."""
    stream = [str(path) for path in synthetic_stream(tmp_path, 31)]
    engine = make_engine(url)
    create_schema(engine)
    BriefingService(engine).ingest(stream[:30])
    with monkeypatch.context() as patch:
        patch.setattr(runner, "REPLAY_LIMIT", 0)
        BriefingService(engine).ingest([stream[30]])
    return engine


def _parts(origin: ingest_state.Origin) -> tuple[Any, ...]:
    return (
        origin.serial,
        origin.article,
        origin.events,
        origin.event_state,
        origin.stories,
        origin.postings.parts(),
        origin.held.data(),
        origin.texts,
        origin.linker,
    )


def test_an_origin_read_in_small_windows_is_the_one_written(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = _origin_database(postgres_url, tmp_path, monkeypatch)
    try:
        with Session(engine) as session:
            whole = ingest_state.load_origin(session=session)
            monkeypatch.setattr(ingest_state, "_WINDOW", 7)  # every part straddles windows
            windowed = ingest_state.load_origin(session=session)
            with engine.connect() as connection:
                size = connection.execute(
                    text("SELECT octet_length(state) FROM ingest_origin")
                ).scalar_one()
        assert whole is not None and windowed is not None and whole.stories
        assert _parts(windowed) == _parts(whole)
        assert size > 1000  # many windows
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "damage",
    [
        "substring(state FROM 1 FOR octet_length(state) - 3)",  # cut short
        "state || '\\x00'::bytea",  # a byte more
        "overlay(state PLACING '\\xff'::bytea FROM octet_length(state) - 1)",  # a text changed
        "substring(state FROM 1 FOR 10)",  # inside the head's length
    ],
)
def test_a_damaged_state_read_in_windows_is_refused(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    engine = _origin_database(postgres_url, tmp_path, monkeypatch)
    try:
        with engine.begin() as connection:
            connection.execute(text(f"UPDATE ingest_origin SET state = {damage}"))
        monkeypatch.setattr(ingest_state, "_WINDOW", 64)
        with Session(engine) as session:
            with (
                ingest_state._state(session.connection()) as stored,
                pytest.raises(ValueError),
            ):
                assert stored is not None
                ingest_state._read(stored, serial=1, article=1)
            assert ingest_state.load_origin(session=session) is None
    finally:
        engine.dispose()


def _storage(engine: Engine) -> str:
    with engine.connect() as connection:
        return str(
            connection.execute(
                text(
                    "SELECT attstorage FROM pg_attribute"
                    " WHERE attrelid = 'ingest_origin'::regclass AND attname = 'state'"
                )
            ).scalar_one()
        )


def test_the_state_is_stored_uncompressed_out_of_line_and_back(engine: Engine) -> None:
    # Migration 0020: a window reads only its own TOAST chunks, nothing decompressed.
    assert _storage(engine) == "e"
    command.downgrade(alembic_config(engine), "0019")
    assert _storage(engine) == "x"  # bytea's default, compressed when it pays


def test_a_read_of_nothing_fetches_nothing_and_a_lost_connection_is_a_database_error(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store(engine, bytes(range(100)))
    with Session(engine) as session, ingest_state._state(session.connection()) as stored:
        assert stored is not None
        state = stored[0]
        assert isinstance(state, ingest_state._Windows)
        fetched: list[tuple[int, int]] = []
        fetch = ingest_state._Windows._fetch

        def noted(self: ingest_state._Windows, start: int, size: int) -> bytes:
            fetched.append((start, size))
            return fetch(self, start, size)

        monkeypatch.setattr(ingest_state._Windows, "_fetch", noted)
        assert state.read(100) == bytes(range(100)) and state.read(0) == b"" == state.read(5)
        assert len(fetched) == 1  # the empty reads at the end ask the server for nothing
    with Session(engine) as session, ingest_state._state(session.connection()) as stored:
        assert stored is not None
        session.connection().connection.dbapi_connection.close()  # type: ignore[union-attr]
        with pytest.raises(DBAPIError):  # a database failure, as any statement's: not the indexes'
            stored[0].read(5)
        session.connection().invalidate()  # the pool forgets the closed connection
