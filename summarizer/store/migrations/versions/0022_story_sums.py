"""Each recent story's sums as a row, so a rebuild sums only the stories changed since the last

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-03 20:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    # A new table that only a rebuild of this version reads and writes: a process still on
    # the old code never touches it, so nothing waits for the ingest lock. Empty at first: the
    # first rebuild sums every story as before and fills it.
    op.create_table(
        "story_sum",
        sa.Column("story_id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("digest", sa.Text(), nullable=False),
        sa.Column("text", sa.LargeBinary(), nullable=False),
        sa.Column("posted", sa.Text(), nullable=False),
        sa.Column("held", sa.LargeBinary(), nullable=False),
        sa.Column("checksum", sa.BigInteger(), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        # The texts are zlib's already and the held hashes do not compress: PostgreSQL's
        # compression would be tried on every row in vain (out of line, uncompressed).
        op.execute("ALTER TABLE story_sum ALTER COLUMN text SET STORAGE EXTERNAL")
        op.execute("ALTER TABLE story_sum ALTER COLUMN held SET STORAGE EXTERNAL")


def downgrade() -> None:
    op.drop_table("story_sum")
