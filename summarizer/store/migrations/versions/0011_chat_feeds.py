"""Feeds per chat (on the operator's feed rows), articles per feed, what a chat
reads (its own feeds only or all), and the channel that receives a chat's briefings.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 13:06:48.227063
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chat_channel",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("channel_id", sa.BigInteger(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["chat_id"], ["chat.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("chat_id"),
        sa.UniqueConstraint("channel_id"),
    )
    op.create_table(
        "chat_feed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("feed_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["chat_id"], ["chat.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["feed_id"], ["feed.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("chat_id", "feed_id", name="uq_chat_feed"),
    )
    with op.batch_alter_table("chat_feed", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chat_feed_chat_id"), ["chat_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_chat_feed_feed_id"), ["feed_id"], unique=False)

    op.create_table(
        "chat_reading",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("own_feeds_only", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["chat_id"], ["chat.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("chat_id"),
    )
    op.create_table(
        "feed_article",
        sa.Column("feed_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("article_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["feed_id"], ["feed.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("feed_id", "article_id"),
    )
    with op.batch_alter_table("feed_article", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_feed_article_article_id"), ["article_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("feed_article", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feed_article_article_id"))

    op.drop_table("feed_article")
    op.drop_table("chat_reading")
    with op.batch_alter_table("chat_feed", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_feed_feed_id"))
        batch_op.drop_index(batch_op.f("ix_chat_feed_chat_id"))

    op.drop_table("chat_feed")
    op.drop_table("chat_channel")
