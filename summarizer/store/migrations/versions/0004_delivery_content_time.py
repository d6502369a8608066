"""delivery content time

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 18:32:32.508162
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("chat_delivery", schema=None) as batch_op:
        batch_op.add_column(sa.Column("content_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("chat_delivery", schema=None) as batch_op:
        batch_op.drop_column("content_at")
