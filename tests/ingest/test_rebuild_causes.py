"""When the next ingest follows the stored origin and when it rebuilds its indexes.

A process that finds a usable ingest origin loads it and replays the articles stored after it;
one that does not rebuilds the event and story indexes from the rows (6.7 times the CPU of an
empty database at 100,000 articles). Only a software upgrade of the article features or of the
origin's format may cost a rebuild; the normal operations of a deployment are followed here,
each on a real database file (and PostgreSQL where a second worker matters).

Causes that rebuild by design, tested where they are made: an origin of another format or made
from other features (`test_ingest_origin.py`: older format, other features, other story
settings, a changed or cut state), and an origin the indexes failed on
(`test_origin_faults.py`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from summarizer.ingest import runner
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.store.ingest_state import load_origin, origin_articles, origin_mark
from summarizer.store.snapshot import differences, ingest_outcome
from summarizer.store.types import as_utc
from tests.ingest.synthetic import synthetic_stream
from tests.ingest.test_ingest_origin import _state


class _Process:
    """A service (one process) on a database, counting its rebuilds from the rows."""

    def __init__(self, engine: Engine) -> None:
        self.service = BriefingService(engine)
        self.rebuilds = 0
        ingestor = self.service._ingestor
        original = ingestor._restore

        def counting(session: Session) -> None:
            self.rebuilds += 1
            original(session)

        ingestor._restore = counting  # type: ignore[method-assign]

    def ingest(self, paths: Sequence[str]) -> None:
        report = self.service.ingest(list(paths))
        assert report.failed == 0, report.errors


_OPEN: list[Engine] = []


@pytest.fixture(autouse=True)
def _disposed() -> Iterator[None]:
    """Every engine a test opened is disposed after it (PostgreSQL connections close)."""
    yield
    while _OPEN:
        _OPEN.pop().dispose()


def _engine(url: str, *, schema: bool = True) -> Engine:
    engine = make_engine(url)
    _OPEN.append(engine)
    if schema:
        create_schema(engine)
    return engine


def _mark(engine: Engine) -> tuple[int, int] | None:
    with Session(engine) as session:
        return origin_mark(session=session)


def _published(engine: Engine) -> dict[int, datetime]:
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, published FROM article")).all()
    return {int(key): as_utc(when) for key, when in rows}


def _origin_at(
    engine: Engine, stream: Sequence[str], count: int, monkeypatch: pytest.MonkeyPatch
) -> _Process:
    """`count` inputs stored by one process, then an origin written over them by another
    (the rebuild of a process too far behind); that process is returned, still running."""
    _Process(engine).ingest(stream[:count])
    with monkeypatch.context() as patch:
        patch.setattr(runner, "REPLAY_LIMIT", 0)
        running = _Process(engine)
        running.ingest([stream[count]])
    assert running.rebuilds == 1
    return running


def _caught_up(first: _Process, second: _Process, duplicate: str) -> None:
    """Both processes catch up (a duplicate writes nothing) and hold the same indexes."""
    first.ingest([duplicate])
    second.ingest([duplicate])
    assert _state(first.service) == _state(second.service)


def test_a_daily_prune_of_what_the_origin_covers_is_followed(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = [str(p) for p in synthetic_stream(tmp_path, 100)]
    engine = _engine(database_url)
    bot = _origin_at(engine, stream, 80, monkeypatch)
    mark = _mark(engine)
    with Session(engine) as session:
        held = origin_articles(session=session)
    assert mark is not None and held is not None and held[0] == mark[1]
    published = _published(engine)
    # The cutoff: the oldest article the origin's events hold or stored after it; older ones go.
    cutoff = min(when for key, when in published.items() if key > mark[1] or key in held[1])
    report = bot.service.prune(days=1, now=cutoff + timedelta(days=1))
    assert report.articles == sum(when < cutoff for when in published.values()) > 0
    kept = _mark(engine)
    assert kept is not None and kept[1] == mark[1]  # the origin stays, at the same article
    with Session(engine) as session:  # without the stories the prune deleted
        origin = load_origin(session=session)
        stored = set(session.connection().execute(text("SELECT id FROM story")).scalars())
    assert origin is not None and {key for key, _, _ in origin.stories} <= stored
    assert report.stories > 0 and kept[0] > mark[0]
    cli = _Process(engine)
    cli.ingest(stream[81:90])
    bot.ingest(stream[90:95])  # the bot's next poll
    assert (bot.rebuilds, cli.rebuilds) == (1, 0)  # the bot's one: the origin written above
    _caught_up(bot, cli, stream[0])


def test_a_prune_of_an_article_stored_after_the_origin_drops_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An article published before the cutoff but stored after the origin (an old item a feed
    # brought late): a running process holds it, one that follows would not replay it, so
    # the processes would disagree. The origin goes and the next process rebuilds.
    stream = [str(p) for p in synthetic_stream(tmp_path, 60)]
    engine = _engine(f"sqlite:///{tmp_path / 'late.db'}")
    bot = _origin_at(engine, stream, 40, monkeypatch)
    mark = _mark(engine)
    assert mark is not None
    published = _published(engine)
    cutoff = max(published[key] for key in published if key > mark[1]) + timedelta(seconds=1)
    assert bot.service.prune(days=1, now=cutoff + timedelta(days=1)).articles > 0
    assert _mark(engine) is None
    cli = _Process(engine)
    cli.ingest(stream[41:45])
    assert cli.rebuilds == 1


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_second_worker_and_the_first_follow_each_other(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    stream = [str(p) for p in synthetic_stream(tmp_path, 40)]
    url = (
        f"sqlite:///{tmp_path / 'two.db'}"
        if backend == "sqlite"
        else request.getfixturevalue("postgres_url")
    )
    engine = _engine(url)
    bot = _Process(engine)
    for path in stream[:20]:
        bot.ingest([path])
    cli = _Process(engine)
    cli.ingest(stream[20:30])  # a CLI batch beside the bot
    for path in stream[30:35]:
        bot.ingest([path])  # the bot's polls after it
    cli.ingest(stream[35:38])
    assert (bot.rebuilds, cli.rebuilds) == (1, 0)  # the bot's one: the empty database's
    _caught_up(bot, cli, stream[0])


def test_removing_a_feed_is_followed(tmp_path: Path) -> None:
    stream = [str(p) for p in synthetic_stream(tmp_path, 20)]
    engine = _engine(f"sqlite:///{tmp_path / 'feeds.db'}")
    bot = _Process(engine)
    bot.service.add_feed("https://example.org/feed.xml")
    bot.ingest(stream[:10])
    assert bot.service.remove_feed("https://example.org/feed.xml")
    cli = _Process(engine)
    cli.ingest(stream[10:15])
    bot.ingest(stream[15:18])
    assert (bot.rebuilds, cli.rebuilds) == (1, 0)
    _caught_up(bot, cli, stream[0])


def test_a_schema_migrated_down_and_up_again_is_followed(tmp_path: Path) -> None:
    # A migration that does not change the article features keeps the origin as it is
    # (0019 moved it to its own table and back); 0018, a features upgrade, dropped it.
    stream = [str(p) for p in synthetic_stream(tmp_path, 20)]
    engine = _engine(f"sqlite:///{tmp_path / 'migrated.db'}")
    bot = _Process(engine)
    bot.ingest(stream[:10])
    mark = _mark(engine)
    create_schema(engine, "0018")
    create_schema(engine)
    assert _mark(engine) == mark
    cli = _Process(engine)
    cli.ingest(stream[10:15])
    assert cli.rebuilds == 0


def test_a_restored_backup_is_followed(tmp_path: Path) -> None:
    stream = [str(p) for p in synthetic_stream(tmp_path, 20)]
    live, backup = tmp_path / "live.db", tmp_path / "backup.db"
    engine = _engine(f"sqlite:///{live}")
    bot = _Process(engine)
    bot.ingest(stream[:10])
    with sqlite3.connect(live) as source, sqlite3.connect(backup) as target:
        source.backup(target)
    engine.dispose()
    restored = _Process(_engine(f"sqlite:///{backup}", schema=False))
    restored.ingest(stream[10:15])
    bot.ingest(stream[10:15])
    assert restored.rebuilds == 0
    assert _state(restored.service) == _state(bot.service)


# The origin used to be written by rebuilds alone, so it fell behind as the bot ingested: past
# REPLAY_LIMIT articles (then 250, about an hour of 200 feeds) every process that started
# rebuilt, and so did the bot after a CLI batch of more than the limit. A process now stores
# its indexes as the origin once they hold CHECKPOINT_AFTER articles past it when a call ends,
# CHECKPOINT_WITHIN within a call (small here).


@pytest.fixture
def near_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "REPLAY_LIMIT", 12)
    monkeypatch.setattr(runner, "CHECKPOINT_AFTER", 6)
    monkeypatch.setattr(runner, "CHECKPOINT_WITHIN", 10)


@pytest.mark.usefixtures("near_limits")
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_process_started_after_the_bot_ingested_far_past_the_origin_follows(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    stream = [str(p) for p in synthetic_stream(tmp_path, 120)]
    urls = {
        name: f"sqlite:///{tmp_path / name}.db"
        if backend == "sqlite"
        else _schema(request, name == "single")
        for name in ("single", "relay")
    }
    single = _Process(_engine(urls["single"]))
    relay = _engine(urls["relay"])
    bot = _Process(relay)
    for path in stream[:60]:
        bot.ingest([path])
        single.ingest([path])
    mark = _mark(relay)
    assert mark is not None and mark[1] > 40  # checkpoints followed the bot
    cli = _Process(relay)  # a CLI, or the bot restarted
    for number, path in enumerate(stream[60:110]):
        (cli if number % 3 else bot).ingest([path])
        single.ingest([path])
    cli.ingest(stream[110:])  # a batch beside them
    single.ingest(stream[110:])
    assert (bot.rebuilds, cli.rebuilds, single.rebuilds) == (1, 0, 1)
    assert differences(ingest_outcome(relay), ingest_outcome(single.service.engine)) == 0
    _caught_up(bot, cli, stream[0])


@pytest.mark.usefixtures("near_limits")
def test_the_bot_after_a_batch_longer_than_the_replay_limit_follows(tmp_path: Path) -> None:
    stream = [str(p) for p in synthetic_stream(tmp_path, 60)]
    engine = _engine(f"sqlite:///{tmp_path / 'batch.db'}")
    bot = _Process(engine)
    for path in stream[:5]:
        bot.ingest([path])
    cli = _Process(engine)
    cli.ingest(stream[5:50])  # 45 articles, far more than the bot replays
    bot.ingest(stream[50:55])
    assert (bot.rebuilds, cli.rebuilds) == (1, 0)
    _caught_up(bot, cli, stream[0])


def _schema(request: pytest.FixtureRequest, first: bool) -> str:
    """A fresh PostgreSQL schema: the fixture's, or another beside it."""
    from tests.ingest.test_concurrent_ingest import _second_schema

    url: str = request.getfixturevalue("postgres_url")
    return url if first else _second_schema(url, request)
