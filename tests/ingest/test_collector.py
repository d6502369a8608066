"""The collector paused while a process decodes the origin, and as it was after."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer.ingest import runner
from summarizer.ingest.collector import collector_paused
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.store.ingest_state import Origin, load_origin
from tests.ingest.synthetic import synthetic_stream


@pytest.fixture
def collecting() -> Iterator[None]:
    """The collector on for the test, and as it was after."""
    enabled = gc.isenabled()
    gc.enable()
    yield
    if not enabled:
        gc.disable()


@pytest.mark.usefixtures("collecting")
def test_the_collector_is_off_in_the_block_and_on_again_after_it_even_on_an_error() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(KeyError), collector_paused():
        raise KeyError("x")
    assert gc.isenabled()


@pytest.mark.usefixtures("collecting")
def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


@pytest.mark.usefixtures("collecting")
def test_a_process_that_follows_the_origin_decodes_it_with_the_collector_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'relay.db'}")
    create_schema(engine)
    stream = [str(p) for p in synthetic_stream(tmp_path, 12)]
    first = BriefingService(engine)
    for location in stream[:10]:
        first.ingest([location])
    seen: list[tuple[bool, bool]] = []

    def load(**kwargs: object) -> Origin | None:
        enabled = gc.isenabled()
        origin = load_origin(**kwargs)  # type: ignore[arg-type]
        seen.append((enabled, origin is not None))
        return origin

    monkeypatch.setattr(runner, "load_origin", load)
    second = BriefingService(engine)  # a new process: it follows the origin
    second.ingest([stream[10]])
    assert seen == [(False, True)]  # one origin decoded, with the collector off
    assert gc.isenabled()
