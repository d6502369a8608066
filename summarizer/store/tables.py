"""The Core `Table` of each model, typed once, for the statements ingest builds ahead of time."""

from __future__ import annotations

from sqlalchemy import Table, Update, bindparam, update

from summarizer.store.models import (
    Article,
    ArticleCopy,
    ArticleShingle,
    Event,
    IngestOrigin,
    IngestState,
    Source,
    SourceLine,
    Story,
    StorySum,
    Summary,
)

# SQLModel sets __table__ on table models at class creation; its stubs do not declare it.
ARTICLES: Table = Article.__table__  # type: ignore[attr-defined]
COPIES: Table = ArticleCopy.__table__  # type: ignore[attr-defined]
SOURCES: Table = Source.__table__  # type: ignore[attr-defined]
LINES: Table = SourceLine.__table__  # type: ignore[attr-defined]
SUMMARIES: Table = Summary.__table__  # type: ignore[attr-defined]
EVENTS: Table = Event.__table__  # type: ignore[attr-defined]
STORIES: Table = Story.__table__  # type: ignore[attr-defined]
SHINGLES: Table = ArticleShingle.__table__  # type: ignore[attr-defined]
INGEST_STATE: Table = IngestState.__table__  # type: ignore[attr-defined]
INGEST_ORIGIN: Table = IngestOrigin.__table__  # type: ignore[attr-defined]
STORY_SUMS: Table = StorySum.__table__  # type: ignore[attr-defined]


def set_by_id(table: Table, key: str, *columns: str) -> Update:
    """An UPDATE of these columns of the row whose id is bound as `key`, each column bound by
    its own name (a statement built once, run with a list of rows)."""
    return (
        update(table)
        .where(table.c.id == bindparam(key))
        .values({column: bindparam(column) for column in columns})
    )
