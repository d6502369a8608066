"""Data access for channels that receive a chat's scheduled briefings (one channel per chat)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlmodel import Session, col, select

from bot.store.feed_tables import ChatChannel


def set_channel(
    *, session: Session, chat_id: int, channel_id: int, title: str, now: datetime
) -> None:
    """Send a chat's scheduled briefings to a channel (taken from any chat that had it)."""
    session.exec(delete(ChatChannel).where(col(ChatChannel.channel_id) == channel_id))
    row = session.get(ChatChannel, chat_id) or ChatChannel(chat_id=chat_id, channel_id=channel_id)
    row.channel_id, row.title, row.set_at = channel_id, title[:200], now
    session.add(row)
    session.commit()


def channel_of(*, session: Session, chat_id: int) -> tuple[int, str] | None:
    """The channel (id, name) receiving a chat's briefings, or None: the chat itself."""
    row = session.get(ChatChannel, chat_id)
    return (row.channel_id, row.title) if row is not None else None


def clear_channel(*, session: Session, chat_id: int) -> bool:
    """Send a chat's briefings to the chat again; False when it had no channel."""
    row = session.get(ChatChannel, chat_id)
    if row is None:
        return False
    session.delete(row)
    session.commit()
    return True


def drop_channel(*, session: Session, channel_id: int) -> tuple[int, str] | None:
    """Forget a channel that removed the bot; return (chat id, channel name) it served."""
    row = session.exec(select(ChatChannel).where(ChatChannel.channel_id == channel_id)).first()
    if row is None:
        return None
    owner = (row.chat_id, row.title)
    session.delete(row)
    session.commit()
    return owner


__all__ = ["channel_of", "clear_channel", "drop_channel", "set_channel"]
