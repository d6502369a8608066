"""DDL of the full-text index: FTS5 on SQLite, a GIN tsvector index on PostgreSQL."""

from __future__ import annotations

from sqlalchemy.engine import Connection

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5("
    "title, body, content='article', content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER IF NOT EXISTS article_fts_ai AFTER INSERT ON article BEGIN "
    "INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER IF NOT EXISTS article_fts_ad AFTER DELETE ON article BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER IF NOT EXISTS article_fts_au AFTER UPDATE OF title, body ON article BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS article_fts_ai",
    "DROP TRIGGER IF EXISTS article_fts_ad",
    "DROP TRIGGER IF EXISTS article_fts_au",
    "DROP TABLE IF EXISTS article_fts",
)
POSTGRES_DOCUMENT = "to_tsvector('english', coalesce(title, '') || ' ' || coalesce(body, ''))"
POSTGRES_CREATE = (
    f"CREATE INDEX IF NOT EXISTS ix_article_fts ON article USING GIN ({POSTGRES_DOCUMENT})",
)
POSTGRES_DROP = ("DROP INDEX IF EXISTS ix_article_fts",)


def create_fts(connection: Connection) -> None:
    """Create the full-text index for the connection's dialect."""
    statements = SQLITE_CREATE if connection.dialect.name == "sqlite" else POSTGRES_CREATE
    for statement in statements:
        connection.exec_driver_sql(statement)


def drop_fts(connection: Connection) -> None:
    """Drop the full-text index for the connection's dialect."""
    statements = SQLITE_DROP if connection.dialect.name == "sqlite" else POSTGRES_DROP
    for statement in statements:
        connection.exec_driver_sql(statement)
