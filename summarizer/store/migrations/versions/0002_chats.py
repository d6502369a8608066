"""Bot chats, subscriptions, topics, schedules and deliveries.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 17:57:59.699300
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chat",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("words", sa.Integer(), nullable=True),
        sa.Column("quiet_days", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "chat_delivery",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("slot", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("messages", sa.Integer(), nullable=False),
        sa.Column("error", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(["chat_id"], ["chat.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("chat_id", "slot", name="uq_chat_delivery_slot"),
    )
    with op.batch_alter_table("chat_delivery", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chat_delivery_chat_id"), ["chat_id"], unique=False)

    op.create_table(
        "chat_schedule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("local_time", sa.String(length=5), nullable=False),
        sa.ForeignKeyConstraint(["chat_id"], ["chat.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("chat_id", "local_time", name="uq_chat_schedule"),
    )
    with op.batch_alter_table("chat_schedule", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chat_schedule_chat_id"), ["chat_id"], unique=False)

    op.create_table(
        "chat_subscription",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["chat_id"], ["chat.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("chat_id", name="uq_chat_subscription_chat"),
    )
    with op.batch_alter_table("chat_subscription", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chat_subscription_chat_id"), ["chat_id"], unique=False)

    op.create_table(
        "chat_topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("keyword", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["chat_id"], ["chat.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("chat_id", "keyword", name="uq_chat_topic"),
    )
    with op.batch_alter_table("chat_topic", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chat_topic_chat_id"), ["chat_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("chat_topic", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_topic_chat_id"))

    op.drop_table("chat_topic")
    with op.batch_alter_table("chat_subscription", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_subscription_chat_id"))

    op.drop_table("chat_subscription")
    with op.batch_alter_table("chat_schedule", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_schedule_chat_id"))

    op.drop_table("chat_schedule")
    with op.batch_alter_table("chat_delivery", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_delivery_chat_id"))

    op.drop_table("chat_delivery")
    op.drop_table("chat")
