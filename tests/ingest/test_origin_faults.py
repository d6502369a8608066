"""The ingest origin under faults: an origin the indexes fail on is rebuilt, not followed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from summarizer.events.cluster import EventIndex
from summarizer.ingest import runner
from summarizer.service import BriefingService
from summarizer.store import events as event_store
from summarizer.store import ingest_state
from summarizer.store.ingest_state import origin_mark
from tests.ingest.synthetic import synthetic_stream
from tests.ingest.test_ingest_origin import _counting_rebuilds, _engine, _state


def _origin_at_the_newest(
    path: Path, stream: Sequence[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[Any, tuple[int, int]]:
    """A SQLite file holding the first 30 inputs, with an origin covering all of them (a
    process that rebuilt, at a replay limit of 0, before finding its input a duplicate)."""
    engine = _engine(path)
    BriefingService(engine).ingest(stream[:30])  # type: ignore[arg-type]
    with monkeypatch.context() as patch:
        patch.setattr(runner, "REPLAY_LIMIT", 0)
        assert BriefingService(engine).ingest([stream[0]]).duplicate == 1  # type: ignore[arg-type]
    return engine, _mark(engine)


def _mark(engine: Any) -> tuple[int, int]:
    with Session(engine) as session:
        mark = origin_mark(session=session)
    assert mark is not None
    return mark


def _unreadable(_origin: ingest_state.Origin) -> Callable[[int], object]:
    def read(key: int) -> object:
        raise ValueError(f"story {key} damaged")

    return read


def test_a_story_the_origin_cannot_give_back_while_linking_replaces_the_origin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nothing to replay: the unreadable story is met linking a new article, where errors.stage
    # wraps it in an InternalError. Following the origin again would meet it again, for every
    # article and every process.
    stream = [str(p) for p in synthetic_stream(tmp_path, 40)]
    engine, before = _origin_at_the_newest(tmp_path / "linking.db", stream, monkeypatch)
    with monkeypatch.context() as patch:
        patch.setattr(ingest_state.Origin, "reader", _unreadable)
        late = BriefingService(engine)
        rebuilt = _counting_rebuilds(late)
        reports = [late.ingest([path]) for path in stream[30:35]]
    assert rebuilt == [1]
    assert reports[0].failed == 1 and "UnreadableStory" in reports[0].errors[0]
    assert [r.failed for r in reports[1:]] == [0] * 4
    after = _mark(engine)
    assert after[0] > before[0] and after[1] >= before[1]  # the rebuild replaced the origin
    # A process that starts now follows the new origin: nothing rebuilt, the same indexes.
    starting = BriefingService(engine)
    assert _counting_rebuilds(starting) == []
    assert starting.ingest([stream[0]]).duplicate == 1
    assert _state(starting) == _state(late)


@pytest.mark.parametrize("where", ["loading", "replaying"])
def test_an_origin_the_indexes_fail_on_is_rebuilt_not_a_failed_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    # Not only the ValueError, KeyError or TypeError of a state that does not read: any failure
    # of the indexes but the database's. Before, the batch failed at its first catch-up, and so
    # did every later one of every process, each following the same origin.
    stream = [str(p) for p in synthetic_stream(tmp_path, 40)]
    engine, before = _origin_at_the_newest(tmp_path / "failing.db", stream, monkeypatch)
    writer = BriefingService(engine)
    writer.ingest(stream[30:32])  # two articles after the origin: a replay
    origin = _mark(engine)

    def broken(*_: object, **__: object) -> None:
        raise IndexError("injected")

    late = BriefingService(engine)
    rebuilt = _counting_rebuilds(late)
    with monkeypatch.context() as patch:
        patch.setattr(EventIndex, "load" if where == "loading" else "add", broken)
        if where == "replaying":  # a rebuild restores the index; it adds nothing
            assert late.ingest([stream[0]]).duplicate == 1
        else:
            assert late.ingest([stream[32]]).failed == 0
    assert rebuilt == [1]
    assert _mark(engine)[0] > max(origin[0], before[0])
    assert BriefingService(engine).ingest(stream[33:35]).failed == 0


def test_a_storage_error_after_indexing_follows_the_origin_it_does_not_replace_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The database refused a write: the indexes are not in question, so the process takes up
    # the origin again (what it would hold without the article) and the origin stays.
    stream = [str(p) for p in synthetic_stream(tmp_path, 40)]
    engine, before = _origin_at_the_newest(tmp_path / "storage.db", stream, monkeypatch)
    late = BriefingService(engine)
    rebuilt = _counting_rebuilds(late)

    def refused(*_: object, **__: object) -> None:
        raise OperationalError("UPDATE event", {}, Exception("disk I/O error"))

    with monkeypatch.context() as patch:
        patch.setattr(event_store.EventWriter, "attach", refused)  # after the article is indexed
        report = late.ingest([stream[30]])
    assert report.failed == 1 and report.failures[0].kind == "storage"
    assert rebuilt == [] and _mark(engine) == before
    assert late.ingest([stream[30]]).new == 1  # the indexes held nothing of it


def test_an_origin_that_fails_a_replay_is_rebuilt_without_being_loaded_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A process that follows the origin fails replaying what another stored: loading the same
    # origin again would replay the same articles onto the same state and fail again.
    stream = [str(p) for p in synthetic_stream(tmp_path, 40)]
    engine, before = _origin_at_the_newest(tmp_path / "replay.db", stream, monkeypatch)
    late = BriefingService(engine)
    assert late.ingest([stream[0]]).duplicate == 1  # it follows the origin
    BriefingService(engine).ingest(stream[30:32])  # another process stores two articles
    rebuilt = _counting_rebuilds(late)
    loaded: list[int] = []
    load = runner.load_origin

    def counting(**kwargs: Any) -> object:
        loaded.append(1)
        return load(**kwargs)

    def broken(*_: object, **__: object) -> None:
        raise IndexError("injected")

    with monkeypatch.context() as patch:
        patch.setattr(runner, "load_origin", counting)
        patch.setattr(EventIndex, "add", broken)
        assert late.ingest([stream[0]]).duplicate == 1
    assert loaded == [] and rebuilt == [1]
    assert _mark(engine)[0] > before[0]
    assert late.ingest(stream[33:35]).failed == 0
