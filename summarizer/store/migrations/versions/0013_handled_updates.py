"""Telegram updates taken on by a bot process, so two processes never answer one twice

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 16:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "handled_update",
        sa.Column("bot_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("bot_id", "update_id"),
    )
    with op.batch_alter_table("handled_update", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_handled_update_claimed_at"), ["claimed_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("handled_update", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handled_update_claimed_at"))
    op.drop_table("handled_update")
