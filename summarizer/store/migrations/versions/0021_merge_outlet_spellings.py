"""One source per outlet: sources stored under two spellings of one outlet's name merged

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03 17:00:00
"""

from collections import defaultdict
from collections.abc import Iterator, Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

from summarizer.outlets import outlet_key
from summarizer.store.ingest_state import INGEST_LOCK
from summarizer.views import UNKNOWN_OUTLET

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

_CHUNK = 500  # ids bound per statement
_SOURCE = sa.table("source", sa.column("id", sa.Integer()), sa.column("name", sa.String()))
_ARTICLE = sa.table(
    "article",
    sa.column("id", sa.Integer()),
    sa.column("source_id", sa.Integer()),
    sa.column("event_id", sa.Integer()),
)
_COPY = sa.table(
    "articlecopy",
    sa.column("id", sa.Integer()),
    sa.column("article_id", sa.Integer()),
    sa.column("source_id", sa.Integer()),
)
_LINE = sa.table(
    "sourceline",
    sa.column("id", sa.Integer()),
    sa.column("source_id", sa.Integer()),
    sa.column("line_key", sa.String()),
    sa.column("articles", sa.Integer()),
)
_EVENT = sa.table("event", sa.column("id", sa.Integer()), sa.column("source_count", sa.Integer()))
_STATE = sa.table("ingest_state", sa.column("id", sa.Integer()), sa.column("version"))


def upgrade() -> None:
    # Sources were once found by exact name; now another spelling of an outlet is filed under
    # the source first stored for it (summarizer.outlets.outlet_key), and what was stored
    # before still counts such an outlet twice (an event's sources, its outlets).
    # Every row that names a source (articles, copies, furniture line counts) moves to the
    # first source of its outlet, whose name stays, as a new row of it would; the other
    # spellings go.
    connection = op.get_bind()
    # A process still on the old code may store an article under a spelling while it goes:
    # on PostgreSQL wait for its ingest, as ingest waits for another (summarizer.store.
    # ingest_state.lock_ingest), until the migration commits; SQLite's migration transaction
    # already holds the write lock (summarizer/store/migrations/env.py).
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({INGEST_LOCK})")
    merged = _spellings(connection)
    if not merged:
        return
    for table in (_ARTICLE, _COPY):
        for part in _chunks(sorted(merged)):
            connection.execute(
                sa.update(table)
                .where(table.c.source_id.in_(part))
                .values(source_id=sa.case({d: merged[d] for d in part}, value=table.c.source_id))
            )
    kept = sorted(set(merged.values()))
    _merge_lines(connection, merged, kept)
    _recount_events(connection, kept)
    for part in _chunks(sorted(merged)):
        connection.execute(sa.delete(_SOURCE).where(_SOURCE.c.id.in_(part)))
    # Event rows changed: processes that keep them in memory read them again (as after a prune).
    connection.execute(
        sa.update(_STATE).where(_STATE.c.id == 1).values(version=_STATE.c.version + 1)
    )


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    """The ids a statement at a time."""
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _spellings(connection: Connection) -> dict[int, int]:
    """Each source stored under another spelling of an earlier source's outlet, to that source
    (the unnamed source, UNKNOWN_OUTLET's, is no spelling of any)."""
    first: dict[str, int] = {}
    merged: dict[int, int] = {}
    for source_id, name in connection.execute(
        sa.select(_SOURCE.c.id, _SOURCE.c.name).order_by(_SOURCE.c.id)
    ):
        if name == UNKNOWN_OUTLET:
            continue
        kept = first.setdefault(outlet_key(name), int(source_id))
        if kept != source_id:
            merged[int(source_id)] = kept
    return merged


def _merge_lines(connection: Connection, merged: dict[int, int], kept: Sequence[int]) -> None:
    """One furniture count per line of a merged outlet: the counts of its spellings added up
    in the row counted first (prunes read when a line was first counted from its id)."""
    rows = [
        row
        for part in _chunks(sorted({*merged, *kept}))
        for row in connection.execute(
            sa.select(_LINE.c.id, _LINE.c.source_id, _LINE.c.line_key, _LINE.c.articles).where(
                _LINE.c.source_id.in_(part)
            )
        )
    ]
    lines: defaultdict[tuple[int, str], list[tuple[int, int, int]]] = defaultdict(list)
    for row_id, source_id, line_key, articles in rows:
        outlet = merged.get(int(source_id), int(source_id))
        lines[outlet, str(line_key)].append((int(row_id), int(source_id), int(articles)))
    gone: list[int] = []
    moved: list[dict[str, int]] = []
    for (outlet, _key), counted in lines.items():
        counted.sort()
        (row_id, source_id, articles), rest = counted[0], counted[1:]
        if rest or source_id != outlet:
            gone += [other for other, _source, _articles in rest]
            total = articles + sum(n for _row, _source, n in rest)
            moved.append({"row": row_id, "outlet": outlet, "total": total})
    for part in _chunks(sorted(gone)):  # first, so that no moved row meets another of its line
        connection.execute(sa.delete(_LINE).where(_LINE.c.id.in_(part)))
    if moved:
        connection.execute(
            sa.update(_LINE)
            .where(_LINE.c.id == sa.bindparam("row"))
            .values(source_id=sa.bindparam("outlet"), articles=sa.bindparam("total")),
            moved,
        )


def _recount_events(connection: Connection, kept: Sequence[int]) -> None:
    """Count the sources of the events a merged outlet reported again, as ingest counts them
    (summarizer.store.events.own_source_counts): the outlets its articles' and their copies'
    inputs named, and the unnamed source for an article whose text no input named one."""
    unnamed = connection.execute(
        sa.select(_SOURCE.c.id).where(_SOURCE.c.name == UNKNOWN_OUTLET)
    ).scalar()
    events: set[int] = set()
    for part in _chunks(kept):
        events.update(
            connection.execute(
                sa.union(
                    sa.select(_ARTICLE.c.event_id).where(
                        _ARTICLE.c.source_id.in_(part), _ARTICLE.c.event_id.is_not(None)
                    ),
                    sa.select(_ARTICLE.c.event_id)
                    .join(_COPY, _COPY.c.article_id == _ARTICLE.c.id)
                    .where(_COPY.c.source_id.in_(part), _ARTICLE.c.event_id.is_not(None)),
                )
            ).scalars()
        )
    named_copy = _COPY.c.source_id != unnamed if unnamed is not None else sa.true()
    counted_copies = (
        sa.select(_COPY.c.id)
        .where(_COPY.c.article_id == _ARTICLE.c.id, named_copy)
        .correlate(_ARTICLE)
    )
    own = (
        sa.or_(_ARTICLE.c.source_id != unnamed, ~sa.exists(counted_copies))
        if unnamed is not None
        else sa.true()
    )
    counts: list[dict[str, int]] = []
    for part in _chunks(sorted(events)):
        outlets = sa.union(
            sa.select(_ARTICLE.c.event_id, _ARTICLE.c.source_id).where(
                _ARTICLE.c.event_id.in_(part), own
            ),
            sa.select(_ARTICLE.c.event_id, _COPY.c.source_id)
            .join(_ARTICLE, _ARTICLE.c.id == _COPY.c.article_id)
            .where(_ARTICLE.c.event_id.in_(part), named_copy),
        ).subquery()
        counts += [
            {"event": int(event), "sources": int(n)}
            for event, n in connection.execute(
                sa.select(outlets.c.event_id, sa.func.count()).group_by(outlets.c.event_id)
            )
        ]
    if counts:
        connection.execute(
            sa.update(_EVENT)
            .where(_EVENT.c.id == sa.bindparam("event"))
            .values(source_count=sa.bindparam("sources")),
            counts,
        )


def downgrade() -> None:
    pass  # the spellings merged stay merged: each is still found, as its outlet's source
