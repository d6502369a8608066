"""Connections opening one new SQLite database at once all switch it to WAL mode."""

from __future__ import annotations

import threading
from pathlib import Path

from summarizer.store.db import make_engine

ROUNDS = 300
CONNECTIONS = 4


def _open_all_at_once(url: str) -> list[BaseException]:
    """Open CONNECTIONS engines' first connections at one moment; return what they raised."""
    engines = [make_engine(url) for _ in range(CONNECTIONS)]
    barrier = threading.Barrier(CONNECTIONS)
    errors: list[BaseException] = []

    def connect(index: int) -> None:
        barrier.wait(30)
        try:
            with engines[index].connect() as connection:
                connection.exec_driver_sql("SELECT 1")
        except Exception as exc:  # collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=connect, args=(index,)) for index in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for engine in engines:
        engine.dispose()
    return errors


def test_connections_racing_to_switch_a_new_database_to_wal_all_succeed(tmp_path: Path) -> None:
    # SQLite answers one of two connections switching a new file to WAL "database is locked"
    # without waiting; before the retry this failed in about one round in seventy.
    for round_ in range(ROUNDS):
        url = f"sqlite:///{tmp_path / f'round{round_}.db'}"
        errors = _open_all_at_once(url)
        assert errors == [], f"round {round_}: {errors[0]!r}"
        engine = make_engine(url)
        try:
            with engine.connect() as connection:
                mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        finally:
            engine.dispose()
        assert mode == "wal"
