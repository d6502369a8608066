"""Two processes ingesting one stream at once store what one process would (PostgreSQL, SQLite)."""

from __future__ import annotations

import multiprocessing
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from multiprocessing.synchronize import Event as Signal
from pathlib import Path

import pytest
from sqlalchemy import text

from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.store.snapshot import arrival_order, differences, ingest_outcome
from tests.ingest.synthetic import synthetic_stream

SAMPLE = Path(__file__).resolve().parents[2] / "summarizer" / "data" / "sample"
_SYNDICATION = " (Edited for the Continental Wire Syndicate.)"


def _stream(folder: Path) -> list[Path]:
    """The bundled sample and a near-duplicate of each (a syndicator's edit in one paragraph)."""
    originals = sorted(SAMPLE.glob("*.txt"))
    variants = []
    for number, path in enumerate(originals):
        lines = path.read_text(encoding="utf-8").splitlines()
        variant = folder / f"syndicated-{number:02d}-{path.name}"
        longest = max(range(len(lines)), key=lambda index: len(lines[index]))
        lines[longest] = lines[longest].replace(" the ", " a ", 1) + _SYNDICATION
        variant.write_text("\n".join(lines), encoding="utf-8")
        variants.append(variant)
    stream: list[Path] = []
    for original, variant in zip(originals, variants, strict=True):
        stream += [original, variant]
    return stream


def _worker(url: str, paths: list[str], barrier: Barrier, results: Queue[str]) -> None:
    """Ingest one file per call, as a feed poll does (runs in a child process)."""
    engine = make_engine(url)
    try:
        service = BriefingService(engine)
        barrier.wait(60)
        for path in paths:
            service.ingest([path])
        results.put("ok")
    except Exception as exc:  # reported to the test, which shows it
        results.put(repr(exc))
    finally:
        engine.dispose()


def _batch_worker(url: str, paths: list[str], barrier: Barrier, results: Queue[str]) -> None:
    """Ingest every file in one call, as `briefing ingest` does (runs in a child process)."""
    engine = make_engine(url)
    try:
        service = BriefingService(engine)
        barrier.wait(60)
        report = service.ingest(paths)
        results.put("ok" if report.failed == 0 else f"{report.failed} failed")
    except Exception as exc:  # reported to the test, which shows it
        results.put(repr(exc))
    finally:
        engine.dispose()


def _late_worker(
    url: str, paths: list[str], alone: int, joined: Signal, leader: bool, results: Queue[str]
) -> None:
    """Ingest one file per call; the leader signals after `alone` files, the other waits."""
    engine = make_engine(url)
    try:
        service = BriefingService(engine)
        if not leader:
            joined.wait(120)
        for number, path in enumerate(paths):
            if leader and number == alone:
                joined.set()
            service.ingest([path])
        joined.set()
        results.put("ok")
    except Exception as exc:  # reported to the test, which shows it
        results.put(repr(exc))
    finally:
        engine.dispose()


def _run_late(url: str, leader: list[str], follower: list[str], alone: int) -> None:
    """The leader ingests `alone` files by itself, then the follower starts beside it."""
    context = multiprocessing.get_context("spawn")
    joined = context.Event()
    results: Queue[str] = context.Queue()
    children = [
        context.Process(target=_late_worker, args=(url, paths, alone, joined, first, results))
        for paths, first in ((leader, True), (follower, False))
    ]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=300) for _ in children]
    for child in children:
        child.join(60)
    assert outcomes == ["ok", "ok"]


def _run(url: str, halves: list[list[str]], *, batches: bool = False) -> None:
    """Run one worker per half at once: feed polls (one file per call), or one batch each."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(halves))
    results: Queue[str] = context.Queue()
    target = _batch_worker if batches else _worker
    children = [
        context.Process(target=target, args=(url, half, barrier, results)) for half in halves
    ]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=300) for _ in children]
    for child in children:
        child.join(60)
    assert outcomes == ["ok"] * len(halves)


def _fresh(url: str) -> str:
    engine = make_engine(url)
    try:
        create_schema(engine)
    finally:
        engine.dispose()
    return url


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_two_workers_over_interleaved_halves_store_what_one_worker_stores(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    stream = [str(path) for path in _stream(tmp_path)]
    urls = [_fresh(_database(backend, tmp_path, request, name)) for name in ("single", "pair")]
    _run(urls[1], [stream[0::2], stream[1::2]])  # each original in one half, its copy in the other
    pair = _outcome(urls[1])
    # One worker given the stream in the order the two workers' ingests took turns: the
    # same result to the last story (the clustering step was serialized, nothing was lost).
    order = _order(urls[1])
    assert sorted(order) == sorted(stream)
    _run(urls[0], [order])
    replayed = _outcome(urls[0])
    assert differences(replayed, pair) == 0, _diff(replayed, pair)
    # One worker given the stream in its own order: the same articles, copies and events.
    # (Stories may differ with the arrival order: an event links to a story with its profile
    # at that moment.)
    ordered_url = _fresh(_database(backend, tmp_path, request, "ordered"))
    _run(ordered_url, [stream])
    single = _outcome(ordered_url)
    assert single["copies"] == single["articles"]  # every text has a copy: its variant
    assert len(single["events"]) < len(single["articles"])  # the talks are one event
    for part in ("articles", "copies", "events"):
        assert single[part] == pair[part], _diff(single, pair)


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_a_worker_joining_late_stores_what_one_worker_stores_in_the_storing_order(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    # The bot has been ingesting for a while (its indexes grew in memory) when a CLI starts
    # beside it: the CLI must take up the bot's indexes, not rebuild its own from the rows.
    stream = [str(path) for path in synthetic_stream(tmp_path, 240)]
    urls = [_fresh(_database(backend, tmp_path, request, name)) for name in ("single", "pair")]
    _run_late(urls[1], stream[0::2], stream[1::2], alone=60)
    pair = _outcome(urls[1])
    order = _order(urls[1])
    assert sorted(order) == sorted(stream)
    _run(urls[0], [order])
    single = _outcome(urls[0])
    assert len(single["copies"]) > 5 and len(single["stories"]) < len(single["events"])
    assert len(single["events"]) < len(single["articles"]) - 40
    assert differences(single, pair) == 0, _diff(single, pair)


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_two_batches_over_interleaved_halves_store_what_one_batch_stores(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    # Two `briefing ingest` runs at once over a stream whose outlets end every report with a
    # standing line: what each strips as furniture is decided from the counts stored before
    # the article, whoever stored them, so the pair stores the texts one batch stores when
    # given the pair's storing order (an earlier history read, or a batch's own look-ahead,
    # would strip the line from other articles in the pair than in the single batch).
    stream = [str(path) for path in synthetic_stream(tmp_path, 200, seed=5, standing_lines=True)]
    urls = [_fresh(_database(backend, tmp_path, request, name)) for name in ("single", "pair")]
    for url in urls:  # some history: a few outlets' lines counted
        _run(url, [stream[:20]], batches=True)
    _run(urls[1], [stream[20::2], stream[21::2]], batches=True)
    pair = _outcome(urls[1])
    order = _order(urls[1])
    assert sorted(order) == sorted(stream)
    _run(urls[0], [order[20:]], batches=True)
    single = _outcome(urls[0])
    assert len(single["copies"]) > 5 and len(single["events"]) < len(single["articles"]) - 30
    bodies = _bodies(urls[0])
    kept = sum("owned by its readers" in body for body in bodies.values())
    assert 0 < kept < len(bodies) / 4  # the first two reports of each outlet keep it
    assert differences(single, pair) == 0, _diff(single, pair)
    assert bodies == _bodies(urls[1])


def _database(backend: str, tmp_path: Path, request: pytest.FixtureRequest, name: str) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / name}.db"
    return _second_schema(request.getfixturevalue("postgres_url"), request)


def _outcome(url: str) -> dict[str, frozenset[object]]:
    engine = make_engine(url)
    try:
        return ingest_outcome(engine)
    finally:
        engine.dispose()


def _bodies(url: str) -> dict[str, str]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT location, title, body FROM article")).all()
    finally:
        engine.dispose()
    return {location: f"{title}\n\n{body}" for location, title, body in rows}


def _order(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        return arrival_order(engine)
    finally:
        engine.dispose()


def _diff(first: dict[str, frozenset[object]], second: dict[str, frozenset[object]]) -> object:
    return {part: (first[part] - second[part], second[part] - first[part]) for part in first}


def _second_schema(url: str, request: pytest.FixtureRequest) -> str:
    """Another fresh schema beside the fixture's, dropped after the test."""
    import uuid

    import sqlalchemy

    base, _, options = url.partition("?")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sqlalchemy.create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")

    def drop() -> None:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()

    request.addfinalizer(drop)
    kept = "&".join(part for part in options.split("&") if not part.startswith("options="))
    return f"{base}?{kept + '&' if kept else ''}options=-csearch_path%3D{schema}"
