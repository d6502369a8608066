"""article published_date_only: a published time whose source gave only the day

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: batch mode would rebuild the article table on SQLite and lose the
    # full-text triggers on it. Rows stored before this revision keep no day-only flag.
    op.add_column(
        "article",
        sa.Column("published_date_only", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("article", "published_date_only")
