"""feed polling that scales out (per-feed interval, lease, backoff, health); prune marks

Revision ID: 0008
Revises: 0006
Create Date: 2026-11-30 13:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0006"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

_COLUMNS = (
    ("title", sa.String(length=200)),
    ("interval_minutes", sa.Float()),
    ("next_poll", sa.DateTime(timezone=True)),
    ("leased_until", sa.DateTime(timezone=True)),
    ("lease_owner", sa.String(length=200)),
    ("last_error", sa.String(length=500)),
    ("last_success", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    # Plain ADD COLUMNs (no table rebuild on SQLite); existing feeds are due at once.
    for name, kind in _COLUMNS:
        op.add_column("feed", sa.Column(name, kind, nullable=True))
    op.add_column(
        "feed", sa.Column("failures", sa.Integer(), nullable=False, server_default=sa.text("0"))
    )
    op.create_index("ix_feed_due", "feed", ["active", "next_poll"], unique=False)
    op.create_table(
        "prune_mark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_prune_mark_at", "prune_mark", ["at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_prune_mark_at", table_name="prune_mark")
    op.drop_table("prune_mark")
    op.drop_index("ix_feed_due", table_name="feed")
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.drop_column("failures")
        for name, _kind in reversed(_COLUMNS):
            batch_op.drop_column(name)
