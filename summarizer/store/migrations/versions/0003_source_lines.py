"""Per-source counts of short repeated lines (page furniture).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 18:14:08.348750
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sourceline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("line_key", sa.String(length=16), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_id", "line_key", name="uq_sourceline_key"),
    )
    with op.batch_alter_table("sourceline", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sourceline_source_id"), ["source_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sourceline", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sourceline_source_id"))

    op.drop_table("sourceline")
