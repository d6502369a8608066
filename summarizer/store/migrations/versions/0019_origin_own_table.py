"""The ingest origin moved to its own table: raising the ingest counter no longer rewrites it

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 04:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    # The origin (25 MB at 100,000 articles) shared the counter's row: every raise of the
    # counter made the database read and write it again. It is moved as it is (still valid).
    op.create_table(
        "ingest_origin",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("serial", sa.BigInteger(), nullable=False),
        sa.Column("article", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.LargeBinary(), nullable=False),
    )
    op.execute(
        "INSERT INTO ingest_origin (id, serial, article, state)"
        " SELECT id, origin, origin_article, origin_state FROM ingest_state"
        " WHERE origin IS NOT NULL AND origin_article IS NOT NULL AND origin_state IS NOT NULL"
    )
    with op.batch_alter_table("ingest_state") as batch:
        batch.drop_column("origin_state")
        batch.drop_column("origin_article")
        batch.drop_column("origin")


def downgrade() -> None:
    op.add_column("ingest_state", sa.Column("origin", sa.BigInteger(), nullable=True))
    op.add_column("ingest_state", sa.Column("origin_article", sa.BigInteger(), nullable=True))
    op.add_column("ingest_state", sa.Column("origin_state", sa.LargeBinary(), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, serial, article, state FROM ingest_origin")).all()
    for key, serial, article, state in rows:
        bind.execute(
            sa.text(
                "UPDATE ingest_state SET origin = :serial, origin_article = :article,"
                " origin_state = :state WHERE id = :key"
            ),
            {"serial": serial, "article": article, "state": state, "key": key},
        )
    op.drop_table("ingest_origin")
