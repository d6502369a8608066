"""The chat feed that brought a copy (articlecopy.feed_id): its outlet is private to that feed

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("articlecopy", sa.Column("feed_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("articlecopy", "feed_id")
