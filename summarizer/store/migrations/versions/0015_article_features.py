"""Each article's event features stored at ingest, so rebuilding the event index reads them

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 20:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    # Articles stored before have none: their features are computed again when needed.
    op.add_column("article", sa.Column("features", sa.Text(), nullable=True))


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+): a batch copy of the table would break the FTS view.
    op.drop_column("article", "features")
