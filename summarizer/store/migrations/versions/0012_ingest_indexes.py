"""Ingest state in tables: near-duplicate shingles per article, and the ingest counter

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 13:00:00
"""

from collections.abc import Sequence
from datetime import timedelta

import sqlalchemy as sa
from alembic import op

from summarizer.store.types import UTCDateTime
from summarizer.text.fingerprint import shingle_sample, stored_shingles

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

# Near-duplicates are looked for among the articles of the last 14 days (before the newest):
# only those need their shingles now; every article stored from here on gets its own.
_BACKFILL_DAYS = 14
_CHUNK = 500


def upgrade() -> None:
    op.create_table(
        "article_shingle",
        sa.Column("shingle", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("article_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("shingle", "article_id"),
    )
    op.create_index(
        "ix_article_shingle_article_id", "article_shingle", ["article_id"], unique=False
    )
    op.create_table(
        "ingest_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute(sa.text("INSERT INTO ingest_state (id, version) VALUES (1, 0)"))
    _backfill_shingles()


def _backfill_shingles() -> None:
    """Stored shingles of the articles a new text may copy (the last 14 days before the newest)."""
    connection = op.get_bind()
    article = sa.table(
        "article", sa.column("id"), sa.column("body"), sa.column("published", UTCDateTime())
    )
    newest = connection.execute(sa.select(sa.func.max(article.c.published))).scalar()
    if newest is None:
        return
    rows = connection.execute(
        sa.select(article.c.id, article.c.body).where(
            article.c.published >= newest - timedelta(days=_BACKFILL_DAYS)
        )
    )
    insert = sa.text("INSERT INTO article_shingle (shingle, article_id) VALUES (:key, :id)")
    batch: list[dict[str, int]] = []
    for article_id, body in rows.fetchall():
        batch.extend(
            {"key": key, "id": article_id} for key in sorted(stored_shingles(shingle_sample(body)))
        )
        if len(batch) >= _CHUNK:
            connection.execute(insert, batch)
            batch = []
    if batch:
        connection.execute(insert, batch)


def downgrade() -> None:
    op.drop_table("ingest_state")
    op.drop_index("ix_article_shingle_article_id", table_name="article_shingle")
    op.drop_table("article_shingle")
