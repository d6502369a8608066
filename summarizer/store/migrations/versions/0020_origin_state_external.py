"""The ingest origin's state stored uncompressed out of line on PostgreSQL, so parts read in place

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03 14:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    # The origin is read in windows (`substring`): with EXTERNAL storage PostgreSQL fetches
    # only a window's TOAST chunks, where a compressed value is decompressed whole for each.
    # Its parts are compressed already or hashes, so little space is given up. Values
    # written from now on are stored so (the next checkpoint rewrites the origin).
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE ingest_origin ALTER COLUMN state SET STORAGE EXTERNAL")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE ingest_origin ALTER COLUMN state SET STORAGE EXTENDED")
