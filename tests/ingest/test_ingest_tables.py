"""Ingest state in tables: near-duplicates by stored shingles, batch-only furniture reads, the
ingest counter that lets a long-lived process follow another's writes, and migration 0007."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from summarizer.service import BriefingService
from summarizer.store import articles as article_store
from summarizer.store import shingles as shingle_store
from summarizer.store.db import alembic_config, create_schema, make_engine
from summarizer.store.snapshot import differences, ingest_outcome
from summarizer.text.fingerprint import shingle_sample, stored_shingles
from summarizer.values import Article

SAMPLE = Path(__file__).resolve().parents[2] / "summarizer" / "data" / "sample"
T0 = datetime(2026, 3, 10, tzinfo=UTC)
WORDS = (
    "harbour bridge council engineers bearings span commuters detours ferry timetable island",
    "operator",
    "evening sailings fares market traders parking museum fleet lighthouse keeper cottage visitors",
    "heritage volunteers roof kitchen children month river treaty water",
)
VOCABULARY = " ".join(WORDS).split()


def text_of(seed: int, words: int = 120) -> str:
    """A text of distinct word sequences (its shingles are its own)."""
    return " ".join(
        f"{VOCABULARY[(seed * 7 + i * 3) % len(VOCABULARY)]}{(seed * 31 + i) % 97}"
        for i in range(words)
    )


def store(session: Session, body: str, *, published: datetime = T0, name: str = "x") -> int:
    source = article_store.source_id(
        session=session, name="Gazette", keys=article_store.SourceKeys()
    )
    article = Article(
        title=name,
        body=body,
        source="Gazette",
        location=name,
        published=published,
        published_estimated=False,
        published_date_only=False,
        language="en",
        fingerprint=f"{name}-{hash(body)}",
        summary=(),
    )
    article_id = article_store.insert_article(session=session, article=article, source_id=source)
    shingle_store.add_shingles(
        session=session, article_id=article_id, shingles=stored_shingles(shingle_sample(body))
    )
    return article_id


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    create_schema(engine)
    yield engine
    engine.dispose()


def find(session: Session, body: str, since: datetime = T0 - timedelta(days=1)) -> object:
    return shingle_store.find_near_duplicate(
        session=session, sample=shingle_sample(body), since=since, after_id=10**9
    )


def test_a_text_contained_in_a_stored_one_is_found_either_way(engine: Engine) -> None:
    long, other = text_of(1, 200), text_of(2, 200)
    short = " ".join(long.split()[:60])  # a cut version: all of it is in the long text
    with Session(engine) as session:
        long_id = store(session, long, name="long")
        store(session, other, name="other")
        found = find(session, short)
        assert found is not None and found[0] == long_id and found[1] == 1.0
        assert find(session, text_of(3, 200)) is None  # an unrelated text
        short_id = store(session, " ".join(text_of(4, 200).split()[:60]), name="short")
        grown = " ".join(text_of(4, 200).split()[:60]) + " " + text_of(5, 10)
        found = find(session, grown)  # a longer new text holding a stored short one
        assert found is not None and found[0] == short_id and found[1] >= 0.8


def test_articles_before_the_window_are_not_candidates(engine: Engine) -> None:
    body = text_of(6, 150)
    with Session(engine) as session:
        article_id = store(session, body, published=T0 - timedelta(days=30), name="old")
        lookup = shingle_store.find_near_duplicate
        sample = shingle_sample(body)
        assert lookup(session=session, sample=sample, since=T0, after_id=article_id) is None
        found = lookup(session=session, sample=sample, since=T0, after_id=article_id - 1)
        assert found is not None and found[0] == article_id  # stored during this batch


def test_the_lowest_candidate_bounds_the_window_by_id(engine: Engine) -> None:
    recent, old = text_of(8, 150), text_of(9, 150)
    since = T0 - timedelta(days=1)
    lowest = shingle_store.lowest_candidate
    with Session(engine) as session:
        assert lowest(session=session, since=since, after_id=0) == 1  # nothing stored yet
        recent_id = store(session, recent, name="recent")  # in the window, the lower id
        old_id = store(session, old, published=T0 - timedelta(days=30), name="old")
        assert lowest(session=session, since=since, after_id=old_id) == recent_id
        assert lowest(session=session, since=T0 + timedelta(days=1), after_id=old_id) == old_id + 1
        assert lowest(session=session, since=T0 + timedelta(days=1), after_id=0) == 1
        window = {"since": since, "after_id": old_id}
        bound = lowest(session=session, **window)
        found = shingle_store.find_near_duplicate(
            session=session, sample=shingle_sample(recent), lowest_id=bound, **window
        )
        assert found is not None and found[0] == recent_id  # the bound keeps what the window has
        beyond = shingle_store.find_near_duplicate(
            session=session, sample=shingle_sample(recent), lowest_id=recent_id + 1, **window
        )
        assert beyond is None  # the bound is applied by the look-up itself


def test_the_lowest_candidate_is_read_through_the_publication_index(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'plan.db'}")
    create_schema(engine)
    statement = str(shingle_store._LOWEST.compile(engine, compile_kwargs={"literal_binds": False}))
    with engine.connect() as connection:
        plan = connection.exec_driver_sql(
            f"EXPLAIN QUERY PLAN {statement}", (T0.isoformat(),)
        ).all()
    engine.dispose()
    assert any("ix_article_published" in str(row) for row in plan), plan


def test_stock_phrases_are_no_evidence(engine: Engine) -> None:
    stock = text_of(7, 40)
    with Session(engine) as session:
        for number in range(70):  # the same stock passage in more than 64 texts
            store(session, f"{text_of(100 + number, 8)} {stock}", name=f"s{number}")
        assert find(session, f"{text_of(300, 8)} {stock}") is None
        most = session.connection().execute(
            text("SELECT count(*) AS n FROM article_shingle GROUP BY shingle ORDER BY n DESC")
        )
        assert most.scalar() == 65  # a stock phrase stops gaining rows: lookups stay bounded


def test_furniture_counts_are_read_for_the_batch_lines_only(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'f.db'}")
    create_schema(engine)
    service = BriefingService(engine)
    service.ingest([str(SAMPLE)], now=T0)
    statements: list[tuple[str, object]] = []

    def remember(
        _conn: object, _cursor: object, statement: str, parameters: object, *_: object
    ) -> None:
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", remember)
    service.ingest([str(sorted(SAMPLE.glob("*.txt"))[0])], now=T0)
    event.remove(engine, "before_cursor_execute", remember)
    engine.dispose()
    reads = [s for s in statements if "FROM sourceline" in s[0] and "line_key IN" in s[0]]
    assert reads, "the furniture counts are read by line key"
    assert not [s for s in statements if "FROM sourceline" in s[0] and "line_key IN" not in s[0]]


def test_a_long_lived_service_follows_another_process_writes(tmp_path: Path) -> None:
    # Two services on one database (two processes: a bot and a CLI) taking turns give what
    # one service gives, and neither rebuilds its indexes from history on every call: the
    # first builds them from the database (the origin), the second takes up that origin and
    # replays what the first stored.
    files = [str(path) for path in sorted(SAMPLE.glob("*.txt"))]
    url = f"sqlite:///{tmp_path / 'pair.db'}"
    engines = [make_engine(url), make_engine(url)]
    create_schema(engines[0])
    pair = [BriefingService(engines[0]), BriefingService(engines[1])]
    rebuilt: list[int] = []
    for service in pair:
        original = service._ingestor._restore

        def counting(session: Session, original: object = original) -> None:
            rebuilt.append(1)
            original(session)  # type: ignore[operator]

        service._ingestor._restore = counting  # type: ignore[method-assign]
    for number, path in enumerate(files):
        pair[number % 2].ingest([path], now=T0)
    assert len(rebuilt) == 1  # once, at the first ingest of the first service
    single = make_engine(f"sqlite:///{tmp_path / 'single.db'}")
    create_schema(single)
    one = BriefingService(single)
    for path in files:
        one.ingest([path], now=T0)
    try:
        assert differences(ingest_outcome(single), ingest_outcome(engines[0])) == 0
    finally:
        for engine in (single, *engines):
            engine.dispose()


def test_migration_0012_backfills_the_recent_articles_shingles(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    create_schema(engine, "0011")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO source (id, name) VALUES (1, 'Gazette')"))
        for number, days in ((1, 0), (2, 3), (3, 40)):
            connection.execute(
                text(
                    "INSERT INTO article (id, title, body, source_id, location, published, "
                    "published_estimated, published_date_only, language, fingerprint, "
                    "ingested_at) VALUES (:id, 't', :body, 1, :loc, :published, 0, 0, 'en', "
                    ":fp, :published)"
                ),
                {
                    "id": number,
                    "body": text_of(number, 150),
                    "loc": f"a{number}",
                    "published": (T0 - timedelta(days=days)).replace(tzinfo=None),
                    "fp": f"f{number}",
                },
            )
    command.upgrade(alembic_config(engine), "0012")
    with engine.connect() as connection:
        backfilled = {
            row[0]
            for row in connection.execute(text("SELECT DISTINCT article_id FROM article_shingle"))
        }
        version = connection.execute(text("SELECT version FROM ingest_state")).scalar()
    engine.dispose()
    assert backfilled == {1, 2}  # the article 40 days old is outside the 14-day window
    assert version == 0


def test_the_sample_cache_returns_the_stored_texts_sample_and_forgets_on_clear() -> None:
    from summarizer.store.shingles import SampleCache
    from summarizer.text.fingerprint import shingle_sample

    cache = SampleCache(size=2)
    first, second, third = (text_of(n, 120) for n in (1, 2, 3))
    cache.remember(1, first, shingle_sample(first))
    assert cache.sample(1, first) == shingle_sample(first)
    # Another text under a reused id (a rolled-back insert) is never given the old sample.
    assert cache.sample(1, first + " more words here") == shingle_sample(first + " more words here")
    cache.remember(2, second, shingle_sample(second))
    cache.remember(3, third, shingle_sample(third))  # the least recently used goes
    assert len(cache._samples) == 2
    cache.clear()
    assert cache.sample(3, third) == shingle_sample(third)


def test_only_what_writes_raises_the_ingest_counter(tmp_path: Path) -> None:
    # The counter tells other processes (and the bot's shared readings) that something
    # changed: new articles and copies do; inputs that are exact duplicates write nothing, so a
    # feed polled again with the same entries changes nothing another process holds.
    engine = make_engine(f"sqlite:///{tmp_path / 'counter.db'}")
    create_schema(engine)
    sample = Path(__file__).resolve().parents[2] / "summarizer" / "data" / "sample"
    copy = sample / "2026-03-10_kelmar-herald_duvra-talks-open.txt"
    originals = [str(p) for p in sorted(sample.glob("2026-03-10_*.txt")) if p != copy]

    def counter() -> int:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT version FROM ingest_state")).scalar_one())

    service = BriefingService(engine)
    assert service.ingest(originals).new == 3
    after_new = counter()
    assert service.ingest(originals).duplicate == 3
    assert counter() == after_new  # exact duplicates: nothing written
    assert len(service.ingest([str(copy)]).copies) == 1
    assert counter() > after_new  # a copy changes its event's sources
    engine.dispose()
