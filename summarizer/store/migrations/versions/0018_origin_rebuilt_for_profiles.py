"""The stored ingest origin dropped: the next process rebuilds it from the rows (profiles remade)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01 06:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    # An origin holds the stories' event profiles as they were stored; a process that follows
    # it never reads the rows, so profiles made before `s:` names would stay as they are.
    op.execute("UPDATE ingest_state SET origin = NULL, origin_article = NULL, origin_state = NULL")


def downgrade() -> None:
    pass  # the origin is rebuilt from the rows by the next ingest process either way
