"""Preparing a batch in worker processes stores what one process stores; failures stay typed."""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from benchmarks.ingest_rows import rows
from summarizer.errors import ExtractionError, FetchError, InternalError
from summarizer.ingest import prepare as prepare_module
from summarizer.ingest.prepare import Job, Prepared, prepare, prepare_all
from summarizer.ingest.sources import Failure
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.values import RawInput
from tests.test_cli import briefing

SAMPLE = Path(__file__).resolve().parents[2] / "summarizer" / "data" / "sample"
NOW = datetime(2026, 3, 20, tzinfo=UTC)
MENU = "Home\nNews\nSport\n"  # no article text: an extraction failure


def _ingest(folder: Path, db: Path, workers: int) -> tuple[Any, dict[str, Any]]:
    url = f"sqlite:///{db}"
    engine = make_engine(url)
    create_schema(engine)
    report = BriefingService(engine, {}).ingest([str(folder)], now=NOW, workers=workers)
    engine.dispose()
    return report, rows(url)


def _batch(tmp_path: Path) -> Path:
    """The bundled sample with an article that has no text between its good ones."""
    folder = tmp_path / "batch"
    shutil.copytree(SAMPLE, folder)
    (folder / "2026-03-12_zz-menu.txt").write_text(MENU, encoding="utf-8")
    return folder


def test_a_batch_prepared_in_workers_stores_the_rows_of_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _batch(tmp_path)
    serial_report, serial_rows = _ingest(folder, tmp_path / "serial.db", workers=0)
    monkeypatch.setattr(prepare_module, "PARALLEL_MIN", 2)  # the sample is a small batch
    parallel_report, parallel_rows = _ingest(folder, tmp_path / "parallel.db", workers=2)
    assert serial_rows["events"], "the sample forms events"
    assert parallel_rows == serial_rows
    assert (parallel_report.new, parallel_report.duplicate) == (
        serial_report.new,
        serial_report.duplicate,
    )
    # The article without text fails alone, with its one-line typed error, in either way.
    assert parallel_report.failures == serial_report.failures
    assert [(f.kind, Path(f.location).name) for f in parallel_report.failures] == [
        ("extraction", "2026-03-12_zz-menu.txt")
    ]


def test_results_from_workers_equal_those_prepared_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = next(SAMPLE.glob("*.txt"))
    good = RawInput(location=str(article), content=article.read_text(encoding="utf-8"), kind="text")
    fetched = Failure("https://example.org/a", FetchError("https://example.org/a: HTTP 404"))
    menu = RawInput(location="menu.txt", content=MENU, kind="text")
    jobs = [Job(item, frozenset()) for item in (good, menu, fetched, good)]
    here = list(prepare_all(jobs, summary=None, now=NOW, workers=0))
    monkeypatch.setattr(prepare_module, "PARALLEL_MIN", 1)
    monkeypatch.setattr(prepare_module, "_CHUNK", 1)  # one input per round trip
    there = list(prepare_all(jobs, summary=None, now=NOW, workers=2))
    assert isinstance(there[0], Prepared) and there[0] == here[0] == there[3]
    assert there[0].sample and there[0].features.counts
    for failed in (there[1], there[2]):
        assert isinstance(failed, Failure)
    assert isinstance(there[1], Failure) and isinstance(there[1].error, ExtractionError)
    assert isinstance(there[2], Failure) and isinstance(there[2].error, FetchError)
    assert [f.message for f in there[1:3] if isinstance(f, Failure)] == [
        f.message for f in here[1:3] if isinstance(f, Failure)
    ]


def test_an_internal_error_crosses_a_process_boundary_with_its_stage() -> None:
    failure = Failure(
        "a.txt", InternalError("a.txt: internal error while dating: X", stage="dating")
    )
    copy = pickle.loads(pickle.dumps(failure))
    assert isinstance(copy.error, InternalError)
    assert (copy.error.stage, copy.error.kind, copy.message) == (
        "dating",
        "internal",
        failure.message,
    )


class _BrokenPool:
    """A pool whose workers all died: every result raises BrokenProcessPool."""

    def __init__(self, **_: Any) -> None:
        self.shut = False

    def submit(self, *_: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_exception(BrokenProcessPool("a worker died"))
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.shut = True


class _RefusingPool(_BrokenPool):
    """A pool that broke after its first chunk: it refuses any further work, as a real one does."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.submitted = 0

    def submit(self, *args: Any) -> Future[Any]:
        self.submitted += 1
        if self.submitted > 1:
            raise BrokenProcessPool("a worker died")
        return super().submit(*args)


@pytest.mark.parametrize("pool", [_BrokenPool, _RefusingPool])
def test_a_broken_pool_leaves_the_batch_to_this_process(
    monkeypatch: pytest.MonkeyPatch, pool: type[_BrokenPool]
) -> None:
    article = next(SAMPLE.glob("*.txt"))
    good = RawInput(location=str(article), content=article.read_text(encoding="utf-8"), kind="text")
    jobs = [Job(good, frozenset()), Job(RawInput("menu.txt", MENU, "text"), frozenset())]
    monkeypatch.setattr(prepare_module, "PARALLEL_MIN", 1)
    monkeypatch.setattr(prepare_module, "_CHUNK", 1)  # one input per chunk: several chunks
    monkeypatch.setattr(prepare_module, "ProcessPoolExecutor", pool)
    jobs = jobs * 3
    results = list(prepare_all(jobs, summary=None, now=NOW, workers=1))
    assert len(results) == 6
    for result in results[0::2]:
        assert result == prepare(good, summary=None, known_boilerplate=frozenset(), now=NOW)
    for result in results[1::2]:
        assert isinstance(result, Failure) and isinstance(result.error, ExtractionError)


def test_the_cli_module_a_worker_imports_again_leaves_the_database_layer_out() -> None:
    # A spawned worker runs the parent's main module again (`briefing` imports bot.cli):
    # the commands and their database layer load only when a command runs.
    code = "import sys, bot.cli; print(sorted({'sqlalchemy', 'sqlmodel'} & set(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"


def test_ingest_takes_a_number_of_workers(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    refused = briefing("ingest", str(SAMPLE), "--db", db, "--workers", "-1")
    assert refused.returncode == 2 and "--workers" in refused.stderr
    done = briefing("ingest", str(SAMPLE), "--db", db, "--workers", "0", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["new"] > 0
