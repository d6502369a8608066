"""Full-text index: characters of unspaced scripts (Chinese, Japanese, Thai) indexed one by one

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 10:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

from summarizer.store.fts_schema import create_fts, drop_fts

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

# The index as 0001 made it, for downgrade (this file keeps its own copy).
_SQLITE_BEFORE = (
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
_POSTGRES_BEFORE = (
    "CREATE INDEX IF NOT EXISTS ix_article_fts ON article USING GIN "
    "(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(body, '')))",
)


def upgrade() -> None:
    connection = op.get_bind()
    drop_fts(connection)
    create_fts(connection)


def downgrade() -> None:
    connection = op.get_bind()
    drop_fts(connection)
    before = _SQLITE_BEFORE if connection.dialect.name == "sqlite" else _POSTGRES_BEFORE
    for statement in before:
        connection.exec_driver_sql(statement)
