"""The ingest lock and counter: one process at a time clusters, and each knows if others did.

Clustering reads the event and story indexes, assigns an article and writes the result: two
processes doing that at once would both open an event for one happening (and both take the
next event id). Each ingest transaction therefore starts with `lock_ingest`, which waits for
the other processes' ingest transactions to end (PostgreSQL: a transaction-level advisory lock;
SQLite: the database's write lock, taken at once with BEGIN IMMEDIATE), and returns the ingest
counter; it ends with `bump`. A process whose in-memory indexes were built at the counter it
reads can go on with them; otherwise another process wrote and the indexes are rebuilt.
Anything else that changes events, stories or articles (pruning) calls `bump` in its
transaction too.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select, update
from sqlmodel import Session

from summarizer.store import tables

# Any fixed 64-bit number, distinct from the migration lock (summarizer/store/migrations/env.py).
INGEST_LOCK = 0x6272696566696E69  # "briefini"

_STATE = tables.INGEST_STATE
_VERSION = select(_STATE.c.version).where(_STATE.c.id == 1)
_BUMP = update(_STATE).where(_STATE.c.id == 1).values(version=_STATE.c.version + 1)
_INSERT = _STATE.insert().values(id=1, version=bindparam("version"))


def lock_ingest(*, session: Session) -> int:
    """Take the ingest lock for the session's transaction (waiting for it); return the counter.

    Must be the transaction's first statement: on SQLite it opens the transaction with the
    write lock (BEGIN IMMEDIATE); the lock is held until commit or rollback.
    """
    connection = session.connection()
    dialect = connection.dialect.name
    if dialect == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({INGEST_LOCK})")
    elif dialect == "sqlite" and not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    version = connection.execute(_VERSION).scalar()
    if version is None:  # a database whose row went missing: start the count again
        connection.execute(_INSERT, {"version": 0})
        return 0
    return int(version)


def bump(*, session: Session) -> int:
    """Raise the counter (under the ingest lock) and return its new value."""
    connection = session.connection()
    connection.execute(_BUMP)
    return int(connection.execute(_VERSION).scalar_one())
