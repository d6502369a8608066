"""Retention: prune articles published before a cutoff, with everything that hangs on them.

An article goes with its search rows (the FTS5 triggers on SQLite; the expression index on
PostgreSQL), summaries, linked copies, any other row that references it, and its share of its
source's furniture line counts. Its event keeps coherent: counts, sources and first/last times
are recomputed from the articles left, and an event left without articles goes (its digest is
built from its articles, so it goes too), then a story left without events. Article URLs'
conditional-GET validators not used since the cutoff go as well, and furniture line counts
no stored article can still need (see `_forget_old_lines`), and chats' delivery records of
slots before the cutoff (each chat's newest sent one stays).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import Table, bindparam, delete, func, insert, or_, select, union, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql.dml import Delete
from sqlmodel import Session, SQLModel

from summarizer.clean.furniture_lines import MIN_ARTICLES, line_key, short_lines
from summarizer.store import tables
from summarizer.store.db import begin_write
from summarizer.store.events import named_copy, own_source_counts
from summarizer.store.fts_schema import optimize_fts
from summarizer.store.ingest_state import (
    bump,
    forget_origin,
    lock_ingest,
    origin_articles,
    origin_mark,
    without_stories,
)
from summarizer.store.models import FetchCache, PruneMark, Summary
from summarizer.store.seam import CHAT_DELIVERY, DELIVERY_SENT
from summarizer.store.types import as_utc
from summarizer.views import PruneReport

logger = logging.getLogger(__name__)

BATCH = 500  # articles removed per transaction (each batch commits: locks stay short)
PRUNE_LOCK = 0x6272696566707275  # "briefpru": any fixed 64-bit number, distinct from others

_ARTICLES, _COPIES, _EVENTS = tables.ARTICLES, tables.COPIES, tables.EVENTS
_STORIES, _LINES = tables.STORIES, tables.LINES
_SUMMARIES: Table = Summary.__table__  # type: ignore[attr-defined]
_FETCHES: Table = FetchCache.__table__  # type: ignore[attr-defined]
_MARKS: Table = PruneMark.__table__  # type: ignore[attr-defined]
_DELIVERIES = CHAT_DELIVERY  # the bot's table (bot.store), named in summarizer.store.seam


def prune(
    *,
    session: Session,
    before: datetime,
    now: datetime,
    dry_run: bool = False,
    batch: int = BATCH,
) -> PruneReport:
    """Remove the articles published before `before` and keep events and stories coherent.

    Args:
        session: the database session.
        before: articles published strictly before this time go.
        now: the time of this prune (the retention counts back from it), kept as a mark.
        dry_run: count what would go and change nothing (one transaction, rolled back).
        batch: articles per transaction (a real run commits after each).

    Returns:
        How many articles, copies, summaries, events, stories and furniture line counts went.
    """
    counts: Counter[str] = Counter()
    connection = _begin(session)
    origin = _Origin(session)
    last = 0  # ids ascend: a dry run, which deletes nothing for good, reads each batch once
    while True:
        ids = [
            int(i)
            for i in connection.execute(
                select(_ARTICLES.c.id)
                .where(_ARTICLES.c.published < before, _ARTICLES.c.id > last)
                .order_by(_ARTICLES.c.id)
                .limit(batch)
            ).scalars()
        ]
        if not ids:
            break
        gone = _prune_articles(connection, ids, counts)
        last = ids[-1]
        if not dry_run:
            bump(session=session)  # processes keeping indexes in memory look again
            origin.prune(ids, gone)
            session.commit()
            connection = _begin(session)
    counts["furniture_lines"] += _forget_old_lines(connection, before=before, now=now)
    counts["deliveries"] += _forget_deliveries(connection, before=before)
    counts["fetch_validators"] += _delete(
        connection, delete(_FETCHES).where(_FETCHES.c.fetched_at < before)
    )
    if dry_run:
        session.rollback()
    else:
        origin.finish()
        if counts["articles"]:
            optimize_fts(connection)
        session.commit()
    report = PruneReport(
        before=before,
        articles=counts["articles"],
        copies=counts["copies"],
        summaries=counts["summaries"],
        events=counts["events"],
        stories=counts["stories"],
        furniture_lines=counts["furniture_lines"],
        fetch_validators=counts["fetch_validators"],
        deliveries=counts["deliveries"],
        dry_run=dry_run,
    )
    logger.info("pruned before %s%s: %s", before, " (dry run)" if dry_run else "", report)
    return report


class _Origin:
    """The stored ingest origin as a prune sees it: kept while what it holds stays stored.

    A process that follows the origin loads its indexes and replays the articles stored after
    it (summarizer.store.ingest_state); the articles before it are history the origin has
    already summed. So pruning those leaves the event index as it was, and the origin stays
    (processes follow it instead of rebuilding, daily prune or not) without the stories the
    prune deleted (`without_stories`: a new serial, which every process takes up, so none
    links a new event to a story that is gone, and the origin keeps to the retention), unless
    the prune takes an article the origin's own events hold (a process that follows checks
    they are stored) or one stored after it (a process that follows would not replay it, a
    running one holds it): then the origin goes and the next process rebuilds, as after any
    change the indexes cannot follow.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._serial: int | None = None
        self._held: tuple[int, frozenset[int]] | None = None
        self._gone: set[int] = set()  # stories the prune deleted so far

    def prune(self, ids: Sequence[int], stories: Sequence[int]) -> None:
        """Drop the origin when it holds any of these articles being pruned (see the class);
        remember the stories the prune deleted.

        Called under the ingest lock of the batch's transaction; the origin's head is read
        again only when another process stored a new one since the batch before.
        """
        self._gone.update(stories)
        mark = origin_mark(session=self._session)
        if mark is None:
            return
        if mark[0] != self._serial:
            self._serial, self._held = mark[0], origin_articles(session=self._session)
        if self._held is None:  # unreadable: the next process rebuilds anyway
            return
        article, events = self._held
        if max(ids) > article or not events.isdisjoint(ids):
            logger.info("the prune takes articles the ingest origin holds: it is dropped")
            forget_origin(session=self._session)

    def finish(self) -> None:
        """Take the stories the prune deleted out of the origin, once for the whole prune (a
        new serial: every process takes it up); under the ingest lock of its last transaction.
        Between its batches processes may still link to them: a story row comes back then."""
        if self._gone and without_stories(session=self._session, stories=self._gone):
            self._gone.clear()


def _begin(session: Session) -> Connection:
    """Open a prune transaction that waits its turn instead of failing half-way.

    On PostgreSQL prunes take turns (a transaction-level advisory lock), so two bots pruning at
    once never deadlock on the same rows. On SQLite the transaction takes the write lock at
    once (BEGIN IMMEDIATE, waiting up to the busy timeout): a transaction that read first and
    wrote later would be refused with "database is locked" if another process wrote between.
    """
    connection = begin_write(session)
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PRUNE_LOCK})")
    lock_ingest(session=session)  # no ingest clusters against events being pruned
    return connection


def _delete(connection: Connection, statement: Delete) -> int:
    """Run a DELETE and return how many rows it removed."""
    return max(int(connection.execute(statement).rowcount or 0), 0)


def _prune_articles(connection: Connection, ids: Sequence[int], counts: Counter[str]) -> list[int]:
    """Delete one batch of articles with what hangs on them; refresh their events and stories.

    Returns:
        The stories deleted (left without events).
    """
    events = {
        int(e)
        for e in connection.execute(
            select(_ARTICLES.c.event_id)
            .distinct()
            .where(_ARTICLES.c.id.in_(ids), _ARTICLES.c.event_id.is_not(None))
        ).scalars()
    }
    counts["furniture_lines"] += _forget_lines(connection, ids)
    counts["summaries"] += _delete(
        connection, delete(_SUMMARIES).where(_SUMMARIES.c.article_id.in_(ids))
    )
    counts["copies"] += _delete(connection, delete(_COPIES).where(_COPIES.c.article_id.in_(ids)))
    _delete_dependents(connection, "article", ids, handled={"summary", "articlecopy"})
    counts["articles"] += _delete(connection, delete(_ARTICLES).where(_ARTICLES.c.id.in_(ids)))
    stories = _refresh_events(connection, events, counts)
    return _refresh_stories(connection, stories, counts)


def _forget_lines(connection: Connection, ids: Sequence[int]) -> int:
    """Take the pruned articles' short lines out of their sources' furniture counts.

    The lines counted at ingest were those of the raw text; the stored body still holds every
    one that was not furniture yet, and those are what piles up (furniture itself stays known).
    A count that reaches zero goes. Returns the number of line counts removed.
    """
    rows = connection.execute(
        select(_ARTICLES.c.source_id, _ARTICLES.c.body).where(_ARTICLES.c.id.in_(ids))
    )
    lowered: Counter[tuple[int, str]] = Counter()
    for source_id, body in rows:
        lowered.update((int(source_id), line_key(line)) for line in short_lines(str(body)))
    if not lowered:
        return 0
    connection.execute(
        update(_LINES)
        .where(_LINES.c.source_id == bindparam("source"), _LINES.c.line_key == bindparam("key"))
        .values(articles=_LINES.c.articles - bindparam("count")),
        [{"source": s, "key": k, "count": n} for (s, k), n in sorted(lowered.items())],
    )
    sources = sorted({source for source, _key in lowered})
    return _delete(
        connection,
        delete(_LINES).where(_LINES.c.source_id.in_(sources), _LINES.c.articles <= 0),
    )


def _forget_old_lines(connection: Connection, *, before: datetime, now: datetime) -> int:
    """Drop furniture line counts that no stored article can still need.

    Those of sources without articles left, and lines first counted before the cutoff that
    never became furniture (fewer than MIN_ARTICLES articles carried them within the retention
    period). When a line was first counted is read from the marks earlier prunes left (the
    newest line id at their time); this prune leaves its own.

    Returns:
        How many line counts went.
    """
    orphaned = ~select(_ARTICLES.c.id).where(_ARTICLES.c.source_id == _LINES.c.source_id).exists()
    removed = _delete(connection, delete(_LINES).where(orphaned))
    mark = connection.execute(
        select(_MARKS.c.at, _MARKS.c.line_id)
        .where(_MARKS.c.at <= before)
        .order_by(_MARKS.c.at.desc(), _MARKS.c.id.desc())
        .limit(1)
    ).first()
    if mark is not None:
        removed += _delete(
            connection,
            delete(_LINES).where(_LINES.c.id <= mark.line_id, _LINES.c.articles < MIN_ARTICLES),
        )
        # Older marks can no longer be the newest at or before any later cutoff.
        _delete(connection, delete(_MARKS).where(_MARKS.c.at < mark.at))
    newest = connection.execute(select(func.max(_LINES.c.id))).scalar()
    connection.execute(insert(_MARKS).values(at=now, line_id=int(newest or 0)))
    return removed


def _forget_deliveries(connection: Connection, *, before: datetime) -> int:
    """Drop the delivery records of briefings scheduled before the cutoff.

    Each chat keeps its newest sent record (the next briefing carries what is new since its
    content time). A slot this old is far outside the catch-up grace, so no process can send
    it again once its record is gone.
    """
    newer = _DELIVERIES.alias("newer")
    superseded = (
        select(newer.c.id)
        .where(
            newer.c.chat_id == _DELIVERIES.c.chat_id,
            newer.c.status == DELIVERY_SENT,
            newer.c.sent_at > _DELIVERIES.c.sent_at,
        )
        .exists()
    )
    return _delete(
        connection,
        delete(_DELIVERIES).where(
            _DELIVERIES.c.slot < before,
            or_(_DELIVERIES.c.status != DELIVERY_SENT, _DELIVERIES.c.sent_at.is_(None), superseded),
        ),
    )


def _delete_dependents(
    connection: Connection, table: str, ids: Iterable[int], handled: set[str]
) -> None:
    """Delete rows of any other table that reference these rows (e.g. index rows of an article)."""
    wanted = list(ids)
    for other in SQLModel.metadata.sorted_tables:
        if other.name in handled or other.name == table:
            continue
        for key in other.foreign_keys:
            if key.column.table.name == table and key.parent.table is other:
                _delete(connection, delete(other).where(key.parent.in_(wanted)))


def _refresh_events(connection: Connection, events: set[int], counts: Counter[str]) -> set[int]:
    """Recompute the events that lost articles; delete those left empty. Returns their stories."""
    if not events:
        return set()
    ids = sorted(events)
    stories = {
        int(s)
        for s in connection.execute(
            select(_EVENTS.c.story_id)
            .distinct()
            .where(_EVENTS.c.id.in_(ids), _EVENTS.c.story_id.is_not(None))
        ).scalars()
    }
    spans = {
        int(event): (int(n), first, last)
        for event, n, first, last in connection.execute(
            select(
                _ARTICLES.c.event_id,
                func.count(),
                func.min(_ARTICLES.c.published),
                func.max(_ARTICLES.c.published),
            )
            .where(_ARTICLES.c.event_id.in_(ids))
            .group_by(_ARTICLES.c.event_id)
        )
    }
    outlets = union(
        select(_ARTICLES.c.event_id, _ARTICLES.c.source_id).where(
            _ARTICLES.c.event_id.in_(ids), own_source_counts()
        ),
        select(_ARTICLES.c.event_id, _COPIES.c.source_id)
        .join(_ARTICLES, _ARTICLES.c.id == _COPIES.c.article_id)
        .where(_ARTICLES.c.event_id.in_(ids), named_copy()),
    ).subquery()
    sources: dict[int, int] = {
        int(event): int(n)
        for event, n in connection.execute(
            select(outlets.c.event_id, func.count()).group_by(outlets.c.event_id)
        )
    }
    empty = [event for event in ids if event not in spans]
    if empty:
        _delete_dependents(connection, "event", empty, handled={"article"})
        counts["events"] += _delete(connection, delete(_EVENTS).where(_EVENTS.c.id.in_(empty)))
    kept = [
        {
            "event": event,
            "n": n,
            "first": _column_time(first),
            "last": _column_time(last),
            "sources": int(sources.get(event, 0)),
        }
        for event, (n, first, last) in spans.items()
    ]
    if kept:
        connection.execute(
            update(_EVENTS)
            .where(_EVENTS.c.id == bindparam("event"))
            .values(
                article_count=bindparam("n"),
                source_count=bindparam("sources"),
                first_seen=bindparam("first", type_=_EVENTS.c.first_seen.type),
                last_seen=bindparam("last", type_=_EVENTS.c.last_seen.type),
            ),
            kept,
        )
    return stories


def _refresh_stories(connection: Connection, stories: set[int], counts: Counter[str]) -> list[int]:
    """Re-span the stories whose events changed; delete those left without events (returned)."""
    if not stories:
        return []
    ids = sorted(stories)
    spans = {
        int(story): (first, last)
        for story, first, last in connection.execute(
            select(
                _EVENTS.c.story_id, func.min(_EVENTS.c.first_seen), func.max(_EVENTS.c.last_seen)
            )
            .where(_EVENTS.c.story_id.in_(ids))
            .group_by(_EVENTS.c.story_id)
        )
    }
    empty = [story for story in ids if story not in spans]
    if empty:
        _delete_dependents(connection, "story", empty, handled={"event"})
        counts["stories"] += _delete(connection, delete(_STORIES).where(_STORIES.c.id.in_(empty)))
    if spans:
        connection.execute(
            update(_STORIES)
            .where(_STORIES.c.id == bindparam("story"))
            .values(
                first_seen=bindparam("first", type_=_STORIES.c.first_seen.type),
                last_seen=bindparam("last", type_=_STORIES.c.last_seen.type),
            ),
            [
                {"story": story, "first": _column_time(first), "last": _column_time(last)}
                for story, (first, last) in spans.items()
            ],
        )
    return empty


def _column_time(value: object) -> datetime:
    """An aggregated time column (text on SQLite, aware on PostgreSQL) as an aware datetime."""
    return as_utc(value)
