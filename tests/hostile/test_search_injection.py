"""Search text is data: FTS syntax and SQL in queries never raise and never touch the database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, inspect, select, table
from sqlalchemy.engine import Engine
from sqlmodel import Session

from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from tests.hostile.corpus import SAMPLE

# Each query mentions "comet" as a plain word among syntax: the comet article must still be found.
WITH_COMET = [
    '"comet',
    'comet"',
    '"comet" "',
    "comet*",
    "*comet",
    "NEAR(comet binoculars",
    "NEAR(comet binoculars, 2)",
    "comet AND OR NOT",
    "NOT comet",
    "comet NOT",
    "^comet",
    "title:comet",
    "body:comet OR title:",
    "{title body}: comet",
    "- comet",
    "+comet",
    "(comet",
    "comet)",
    "((((comet",
    "comet:*",
    "comet & binoculars | !x",
    "comet <-> binoculars",
    "comet'",
    "'comet'",
    "comet\\",
    "comet'; DROP TABLE article; --",
    'comet"; DELETE FROM article; --',
    "comet') OR 1=1 --",
    "comet\x00binoculars",
    "comet 😀 binoculars",
    "comet %",
    "comet_",
    "\u202ecomet",
    "COMET",
]
# Operators are words too: "near" occurs in the sample as text.
OPERATORS_AS_WORDS = ["NEAR(", "NEAR/2", "near", "NEAR(comet"]
# SQL injections: common words ("or", "1", "table") may match; nothing else may happen.
INJECTIONS = [
    "AND",
    "OR NOT",
    "title:",
    "AND OR NOT NEAR",
    "%' OR '1'='1",
    "' OR 1=1 --",
    '" OR ""="',
    "1; DELETE FROM article",
    "'); DROP TABLE article; --",
    "x'); UPDATE article SET title = 'owned'; --",
    "\\'; TRUNCATE source CASCADE; --",
    "$$; DROP TABLE event; $$",
    "E'\\x00'",
]
# Queries with no word that the sample contains: they find nothing, quietly.
NOTHING = [
    "",
    " ",
    '"',
    '""',
    "*",
    "^",
    ")",
    "(((",
    ":",
    "'",
    "\\",
    "%",
    "\x00",
    "😀",
    "\ud83d",
    "a" * 10_000,
    "zq" * 5_000,
    "x " * 5_000,
    "１２３４５",
    "杜夫拉河",
    "Переговоры",
    "!@#$%^&*()_+-=[]{}|;:,.<>?/~`",
]


def snapshot(engine: Engine) -> dict[str, int]:
    """Row counts of every table (the FTS shadow tables included on SQLite)."""
    names = inspect(engine).get_table_names()
    counts: dict[str, int] = {}
    with engine.connect() as connection:
        for name in names:
            rows = connection.execute(select(func.count()).select_from(table(name)))
            counts[name] = int(rows.scalar_one())
    return counts


@pytest.fixture
def service(database_url: str) -> Iterator[BriefingService]:
    """A service with the bundled sample ingested, on SQLite and PostgreSQL."""
    engine = make_engine(database_url)
    create_schema(engine)
    opened = BriefingService(engine, {})
    report = opened.ingest([str(SAMPLE)])
    assert report.failed == 0, report.errors
    yield opened
    engine.dispose()


def test_query_syntax_is_plain_text(service: BriefingService) -> None:
    before = snapshot(service.engine)
    assert before["article"] == 13
    for query in WITH_COMET:
        hits = service.search(query)
        assert any("omet" in hit.article.title for hit in hits), repr(query[:40])
    for query in NOTHING:
        assert service.search(query) == [], repr(query[:40])
    for query in OPERATORS_AS_WORDS:
        assert service.search(query), query
    for query in INJECTIONS:
        assert all(hit.article.title != "owned" for hit in service.search(query))
    assert snapshot(service.engine) == before


def test_limits_are_kept_for_any_query(service: BriefingService) -> None:
    before = snapshot(service.engine)
    for query in ("the", "the OR and", '"the" * NEAR(and'):
        assert len(service.search(query, limit=2)) <= 2
    assert service.search("the", limit=0) == []
    assert snapshot(service.engine) == before


def test_search_inside_an_open_session_changes_nothing(service: BriefingService) -> None:
    # Every hostile query in one session: a stray statement would be visible before commit.
    with Session(service.engine) as session:
        from summarizer.store.search import search_articles

        for query in WITH_COMET + NOTHING + OPERATORS_AS_WORDS + INJECTIONS:
            search_articles(session=session, query=query, limit=5)
        assert not session.new and not session.dirty and not session.deleted
    assert snapshot(service.engine)["article"] == 13
