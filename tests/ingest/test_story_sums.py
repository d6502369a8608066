"""Stories' sums as rows: a rebuild from the rows writes the origin one from the profiles writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from summarizer.ingest import runner
from summarizer.service import BriefingService
from summarizer.store import story_sums
from summarizer.store.db import create_schema, make_engine
from summarizer.store.ingest_state import lock_ingest
from summarizer.store.snapshot import ingest_outcome
from summarizer.store.story_sums import StorySums
from tests.ingest.synthetic import synthetic_stream


def _rebuild(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, int, int]:
    """Rebuild the indexes from the database as a process with no usable origin does; return
    the origin's state and how many stories were taken from rows and how many summed."""
    made: list[StorySums] = []

    class Counted(StorySums):
        def save(self) -> None:
            made.append(self)
            super().save()

    monkeypatch.setattr(runner, "StorySums", Counted)
    with Session(engine) as session:
        lock_ingest(session=session)
        runner.Ingestor(engine)._restore(session)
        session.commit()
    with engine.connect() as connection:
        state = connection.execute(text("SELECT state FROM ingest_origin")).scalar_one()
    (sums,) = made
    return bytes(state), sums.taken, sums.summed


def _execute(engine: Engine, statement: str) -> None:
    with engine.begin() as connection:
        connection.execute(text(statement))


def _rows(engine: Engine) -> dict[int, str]:
    with engine.connect() as connection:
        found = connection.execute(text("SELECT story_id, digest FROM story_sum"))
        return {int(key): str(digest) for key, digest in found}


def test_a_rebuild_from_the_rows_writes_the_origin_a_rebuild_from_the_profiles_writes(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = [str(p) for p in synthetic_stream(tmp_path, 70)]
    engine = make_engine(database_url)
    create_schema(engine)
    try:
        BriefingService(engine).ingest(stream[:50])
        _execute(engine, "DELETE FROM story_sum")
        # No rows: every story summed from its events' profiles, and its row written.
        summed, taken, count = _rebuild(engine, monkeypatch)
        stories = len(_rows(engine))
        assert taken == 0 and count == stories > 5
        # Every row matches: no story summed, the same origin, byte for byte.
        again, taken, count = _rebuild(engine, monkeypatch)
        assert (taken, count) == (stories, 0) and again == summed

        # Stories change (new events, grown ones, merges) and a row is stale or foreign.
        before = _rows(engine)
        BriefingService(engine).ingest(stream[50:])
        key = min(before)
        _execute(engine, f"UPDATE story_sum SET digest = 'x' WHERE story_id = {key}")
        _execute(
            engine,
            "INSERT INTO story_sum (story_id, digest, text, posted, held, checksum)"
            " VALUES (999999, 'y', 'z', '[]', '', 0)",
        )
        mixed, taken, count = _rebuild(engine, monkeypatch)
        rows = _rows(engine)
        assert 999999 not in rows and rows[key] != "x"  # foreign row gone, stale one summed
        assert taken > 0 and count > 1 and taken + count == len(rows)
        _execute(engine, "DELETE FROM story_sum")
        fresh, taken, count = _rebuild(engine, monkeypatch)
        assert taken == 0 and mixed == fresh  # from rows and sums == from the profiles alone
        assert _rows(engine) == rows
    finally:
        engine.dispose()


def test_ingest_after_a_rebuild_from_the_rows_stores_what_one_from_the_profiles_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two copies of one database, each told to rebuild (its origin deleted) before the same
    # articles: one holds the stories' rows, the other none. Articles, copies, events and
    # stories stored after are the same.
    stream = [str(p) for p in synthetic_stream(tmp_path, 80)]
    outcomes = []
    for name, rows in (("rows.db", True), ("profiles.db", False)):
        engine = make_engine(f"sqlite:///{tmp_path / name}")
        create_schema(engine)
        try:
            BriefingService(engine).ingest(stream[:50])
            _rebuild(engine, monkeypatch)  # fills the rows
            if not rows:
                _execute(engine, "DELETE FROM story_sum")
            _execute(engine, "DELETE FROM ingest_origin")
            service = BriefingService(engine)
            for location in stream[50:]:
                service.ingest([location])
            outcomes.append(ingest_outcome(engine))
        finally:
            engine.dispose()
    assert outcomes[0] == outcomes[1]


def test_a_row_that_does_not_read_as_written_is_summed_again_and_ingestion_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A row whose digest matches but whose held hashes do not read: the rebuild does not fail,
    # it sums every story as if there were no rows and writes them afresh.
    stream = [str(p) for p in synthetic_stream(tmp_path, 60)]
    engine = make_engine(f"sqlite:///{tmp_path / 'damaged.db'}")
    create_schema(engine)
    try:
        BriefingService(engine).ingest(stream[:50])
        clean, _, _ = _rebuild(engine, monkeypatch)
        rows = _rows(engine)
        key = min(rows)
        _execute(
            engine, f"UPDATE story_sum SET held = X'00FF00', posted = '{{' WHERE story_id = {key}"
        )
        state, taken, count = _rebuild(engine, monkeypatch)
        assert state == clean and (taken, count) == (0, len(rows)) and _rows(engine) == rows
        again, taken, _ = _rebuild(engine, monkeypatch)
        assert again == clean and taken == len(rows)  # the rewritten rows are taken again
        # A story's text damaged in its row: its checksum tells, the rebuild sums every story
        # and rewrites the rows, and no article fails.
        _execute(engine, f"UPDATE story_sum SET text = X'0001' WHERE story_id = {key}")
        _execute(engine, "DELETE FROM ingest_origin")
        report = BriefingService(engine).ingest(stream[50:])
        assert (report.failed, report.new) == (0, len(stream[50:]))
        with engine.connect() as connection:
            found = connection.execute(text(f"SELECT text FROM story_sum WHERE story_id = {key}"))
            assert bytes(found.scalar_one()) != b"\x00\x01"
    finally:
        engine.dispose()


def test_a_story_sums_version_change_makes_every_row_be_summed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A change to how stories are summed raises stories.SUMS_VERSION: no row is taken after it.
    stream = [str(p) for p in synthetic_stream(tmp_path, 50)]
    engine = make_engine(f"sqlite:///{tmp_path / 'version.db'}")
    create_schema(engine)
    try:
        BriefingService(engine).ingest(stream)
        _rebuild(engine, monkeypatch)
        rows = _rows(engine)
        monkeypatch.setattr(story_sums, "SUMS_VERSION", story_sums.SUMS_VERSION + 1)
        _, taken, count = _rebuild(engine, monkeypatch)
        assert (taken, count) == (0, len(rows))
        assert _rows(engine).keys() == rows.keys() and _rows(engine) != rows
    finally:
        engine.dispose()


def test_a_failure_that_is_not_a_row_goes_up_without_a_second_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = [str(p) for p in synthetic_stream(tmp_path, 50)]
    engine = make_engine(f"sqlite:///{tmp_path / 'failing.db'}")
    create_schema(engine)
    try:
        BriefingService(engine).ingest(stream)
        calls: list[bool] = []

        def failing(self: runner.Ingestor, session: Session, *, trusted: bool) -> None:
            calls.append(trusted)
            raise MemoryError("not a row")

        monkeypatch.setattr(runner.Ingestor, "_rebuild", failing)
        with Session(engine) as session, pytest.raises(MemoryError):
            lock_ingest(session=session)
            runner.Ingestor(engine)._restore(session)
        assert calls == [True]
    finally:
        engine.dispose()
