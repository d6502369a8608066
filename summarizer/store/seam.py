"""The bot's tables the domain touches, named here only (summarizer never imports bot/).

The bot keeps its data in the same database (bot.store). Two domain jobs need a glimpse of it:
feed polling polls, besides the operator's feeds, the feeds chats follow (and records which
articles those feeds brought), and retention drops the delivery records of old briefing slots.
Each reads or deletes through the lightweight table below, with only the columns it uses;
tests/bot/test_layers.py checks they match bot.store's tables.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, ColumnElement, Integer, TableClause, column, exists
from sqlalchemy import select as sa_select
from sqlalchemy import table as lightweight_table
from sqlalchemy.sql.elements import SQLCoreOperations
from sqlmodel import AutoString

from summarizer.store.types import UTCDateTime

# bot.store.feed_tables.ChatFeed: which chat follows which feed.
CHAT_FEED: TableClause = lightweight_table(
    "chat_feed", column("id", Integer), column("feed_id", Integer)
)

# bot.store.tables.ChatDelivery: one scheduled briefing of one chat.
CHAT_DELIVERY: TableClause = lightweight_table(
    "chat_delivery",
    column("id", Integer),
    column("chat_id", BigInteger),
    column("slot", UTCDateTime),
    column("status", AutoString),
    column("sent_at", UTCDateTime),
)
DELIVERY_SENT = "sent"  # bot.store.tables.SENT


def followed(feed_id: SQLCoreOperations[int | None]) -> ColumnElement[bool]:
    """A condition: at least one chat follows the feed `feed_id` names."""
    return exists(sa_select(CHAT_FEED.c.id).where(CHAT_FEED.c.feed_id == feed_id))


__all__ = ["CHAT_DELIVERY", "CHAT_FEED", "DELIVERY_SENT", "followed"]
