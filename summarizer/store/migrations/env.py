"""Alembic environment: runs migrations on the engine handed over by summarizer.store.db."""

from alembic import context
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from summarizer.store import db

target_metadata = SQLModel.metadata
engine = context.config.attributes["engine"]


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Leave the full-text index (FTS5 shadow tables) out of autogenerate."""
    return not (type_ == "table" and str(name).startswith("article_fts"))


# Any fixed 64-bit number: every Briefing process takes the same lock before migrating.
MIGRATION_LOCK = 0x6272696566696E67  # "briefing"


def serialize_migrations(connection: Connection) -> None:
    """Make processes migrating one database at once take turns (held until commit).

    Without it two bots started together on a new database both see no schema and both
    create it; the second fails on a table that already exists. After waiting, the second
    reads the version the first committed and has nothing left to do.
    """
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
    elif connection.dialect.name == "sqlite":
        # pysqlite opens transactions lazily and never before DDL: take the write lock now,
        # waiting for another process's whole migration run (not just the busy timeout of one
        # write), then wait as long as any write again.
        connection.exec_driver_sql(f"PRAGMA busy_timeout={db.SQLITE_MIGRATION_WAIT_MS}")
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        connection.exec_driver_sql(f"PRAGMA busy_timeout={db.SQLITE_BUSY_TIMEOUT_MS}")


with engine.begin() as connection:
    serialize_migrations(connection)
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()
