"""Two processes upgrading one fresh database at the same moment: both succeed, on both backends."""

from __future__ import annotations

import multiprocessing
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier

from alembic import command

from summarizer.store.db import alembic_config, create_schema, current_revision, make_engine

ROUNDS = 3


def _upgrade(url: str, barrier: Barrier, results: Queue[str]) -> None:
    """Open the database, wait for the other process, then migrate (runs in a child process)."""
    engine = make_engine(url)
    try:
        barrier.wait(60)
        create_schema(engine)
        results.put("ok")
    except Exception as exc:  # reported to the test, which shows it
        results.put(repr(exc))
    finally:
        engine.dispose()


def test_two_processes_migrating_one_fresh_database_at_once_both_succeed(
    database_url: str,
) -> None:
    # Two bots started together on a new database (the scale-out path) both run the migrations.
    context = multiprocessing.get_context("spawn")
    for _round in range(ROUNDS):
        if _round:  # back to an empty schema (every migration's downgrade) for the next round
            engine = make_engine(database_url)
            try:
                command.downgrade(alembic_config(engine), "base")
                assert current_revision(engine) is None
            finally:
                engine.dispose()
        barrier = context.Barrier(2)
        results: Queue[str] = context.Queue()
        children = [
            context.Process(target=_upgrade, args=(database_url, barrier, results))
            for _ in range(2)
        ]
        for child in children:
            child.start()
        outcomes = sorted(results.get(timeout=120) for _ in children)
        for child in children:
            child.join(30)
        assert outcomes == ["ok", "ok"]
        engine = make_engine(database_url)
        try:
            assert current_revision(engine) is not None
        finally:
            engine.dispose()
