"""The ingest origin: the restore point every ingest process's event and story indexes grow from

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("ingest_state", sa.Column("origin", sa.BigInteger(), nullable=True))
    op.add_column("ingest_state", sa.Column("origin_article", sa.BigInteger(), nullable=True))
    op.add_column("ingest_state", sa.Column("origin_state", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ingest_state") as batch:
        batch.drop_column("origin_state")
        batch.drop_column("origin_article")
        batch.drop_column("origin")
