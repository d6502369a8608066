"""A chat's row as the bot stores it, for tests that need a chat before they follow feeds."""

from __future__ import annotations

from sqlmodel import Session

from bot.store import chats


def private_chat(session: Session, chat_id: int) -> None:
    """Store a private chat (UTC, one briefing at 08:00) unless it is there already."""
    chats.ensure_chat(
        session=session,
        chat_id=chat_id,
        kind="private",
        title="t",
        default_timezone="UTC",
        default_times=["08:00"],
    )
