"""Keyword-only data access for bot chats: settings, subscriptions, topics and schedules."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVarTuple

from sqlalchemy import ColumnElement, Select, func, update
from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.store.feed_tables import ChatChannel, ChatFeed, ChatReading
from bot.store.tables import (
    Chat,
    ChatDelivery,
    ChatSchedule,
    ChatSubscription,
    ChatTopic,
    utcnow,
)
from bot.store.values import ChatInfo

Ts = TypeVarTuple("Ts")
# Every table with rows of a chat besides `chat` itself: moved with a group that becomes a
# supergroup, deleted by /forget.
_CHAT_ROWS: tuple[type[Any], ...] = (
    ChatSubscription,
    ChatTopic,
    ChatSchedule,
    ChatDelivery,
    ChatFeed,
    ChatReading,
    ChatChannel,
)


def _load(session: Session, where: ColumnElement[bool]) -> list[ChatInfo]:
    """Read the settings of the chats matching `where`, by id, in three queries however many.

    Chats, their delivery times and their topics are read apart (each joined to the same
    filter), so a chat's rows never multiply: times sorted, topics in the order followed.
    """
    rows = session.execute(  # sqlmodel's select() types at most four columns
        _matching(
            sa_select(
                col(Chat.id),
                col(Chat.kind),
                col(Chat.title),
                col(Chat.timezone),
                col(Chat.words),
                col(Chat.quiet_days),
                col(Chat.language),
                col(ChatSubscription.active),
                col(ChatSubscription.changed_at),
            ),
            where,
        ).order_by(col(Chat.id))
    ).all()
    if not rows:
        return []
    times = _per_chat(
        session, where, ChatSchedule, value=ChatSchedule.local_time, order=ChatSchedule.local_time
    )
    topics = _per_chat(session, where, ChatTopic, value=ChatTopic.keyword, order=ChatTopic.id)
    return [
        ChatInfo(
            id=chat_id,
            kind=kind,
            title=title,
            timezone=zone,
            times=tuple(times.get(chat_id, ())),
            topics=tuple(topics.get(chat_id, ())),
            words=words,
            quiet_days=tuple(d for d in quiet.split(",") if d),
            subscribed=bool(active),
            subscribed_at=changed_at if active else None,
            language=language,
        )
        for chat_id, kind, title, zone, words, quiet, language, active, changed_at in rows
    ]


def _per_chat(
    session: Session,
    where: ColumnElement[bool],
    table: type[ChatSchedule] | type[ChatTopic],
    *,
    value: str,
    order: str | int | None,
) -> dict[int, list[str]]:
    """One column of a per-chat table (times, topics) for the chats matching `where`, listed
    by chat in `order`; one query however many chats."""
    chat_id = col(table.chat_id)
    found: dict[int, list[str]] = {}
    for chat, item in session.execute(
        _matching(sa_select(chat_id, col(value)), where)
        .join(table, chat_id == col(Chat.id))
        .order_by(col(order))
    ):
        found.setdefault(chat, []).append(item)
    return found


def _matching(query: Select[*Ts], where: ColumnElement[bool]) -> Select[*Ts]:
    """Restrict a query to the chats matching `where` (which may name the subscription)."""
    return (
        query.select_from(Chat)
        .outerjoin(ChatSubscription, col(ChatSubscription.chat_id) == col(Chat.id))
        .where(where)
    )


def ensure_chat(
    *,
    session: Session,
    chat_id: int,
    kind: str,
    title: str,
    default_timezone: str,
    default_times: Sequence[str],
) -> ChatInfo:
    """Return a chat's settings, creating the chat with the default schedule when it is new.

    Args:
        session: open database session.
        chat_id: Telegram chat id.
        kind: private, group, supergroup or channel.
        title: chat title or user name, for /stats and logs.
        default_timezone: IANA zone for a new chat.
        default_times: HH:MM delivery times for a new chat.

    Returns:
        The chat's settings.
    """
    chat = session.get(Chat, chat_id)
    if chat is None:
        chat = Chat(id=chat_id, kind=kind, title=title[:200], timezone=default_timezone)
        session.add(chat)
        session.flush()
        for value in dict.fromkeys(default_times):
            session.add(ChatSchedule(chat_id=chat_id, local_time=value))
        try:
            session.commit()
        except IntegrityError:  # created concurrently by another handler or process
            session.rollback()
            chat = session.get(Chat, chat_id)
            assert chat is not None
    return _load(session, col(Chat.id) == chat.id)[0]


def get_chat(*, session: Session, chat_id: int) -> ChatInfo | None:
    """Return a chat's settings, or None for a chat the bot has never seen."""
    found = _load(session, col(Chat.id) == chat_id)
    return found[0] if found else None


def subscribed_chats(*, session: Session) -> list[ChatInfo]:
    """Return every chat with an active subscription, by id."""
    return _load(session, col(ChatSubscription.active).is_(True))


def set_subscription(
    *,
    session: Session,
    chat_id: int,
    active: bool,
    reason: str = "",
    now: datetime | None = None,
) -> None:
    """Turn a chat's subscription on or off, recording why (e.g. "blocked: Forbidden") and when."""
    sub = session.exec(select(ChatSubscription).where(ChatSubscription.chat_id == chat_id)).first()
    if sub is None:
        sub = ChatSubscription(chat_id=chat_id)
    sub.active = active
    sub.reason = reason[:300]
    sub.changed_at = now or utcnow()
    session.add(sub)
    session.commit()


TOPIC_CHARS = 100  # the longest keyword kept (ChatTopic.keyword); longer ones are cut


def topic_word(keyword: str) -> str:
    """A keyword as it is stored and compared: trimmed, lower-cased, cut to TOPIC_CHARS."""
    return keyword.strip().lower()[:TOPIC_CHARS]


def add_topics(
    *, session: Session, chat_id: int, keywords: Sequence[str], limit: int | None = None
) -> list[str]:
    """Follow keywords (see topic_word; ones already followed are kept once).

    Args:
        session: open database session.
        chat_id: Telegram chat id.
        keywords: the words as typed.
        limit: the most keywords a chat may follow (None: no limit).

    Returns:
        The new keywords left out because the chat follows `limit` already.
    """
    known = set(session.exec(select(ChatTopic.keyword).where(ChatTopic.chat_id == chat_id)).all())
    room = len(known) + len(keywords) if limit is None else limit - len(known)
    refused: list[str] = []
    for word in dict.fromkeys(topic_word(k) for k in keywords):
        if not word or word in known:
            continue
        if room <= 0:
            refused.append(word)
            continue
        session.add(ChatTopic(chat_id=chat_id, keyword=word))
        known.add(word)
        room -= 1
    session.commit()
    return refused


def remove_topics(*, session: Session, chat_id: int, keywords: Sequence[str] = ()) -> int:
    """Drop followed keywords (all of them when none are given); return how many were dropped."""
    query = select(ChatTopic).where(ChatTopic.chat_id == chat_id)
    if keywords:
        query = query.where(col(ChatTopic.keyword).in_({topic_word(k) for k in keywords}))
    rows = session.exec(query).all()
    for row in rows:
        session.delete(row)
    session.commit()
    return len(rows)


def set_times(*, session: Session, chat_id: int, times: Sequence[str]) -> None:
    """Replace a chat's local delivery times (HH:MM strings, already validated)."""
    for row in session.exec(select(ChatSchedule).where(ChatSchedule.chat_id == chat_id)).all():
        session.delete(row)
    session.flush()
    for value in dict.fromkeys(times):
        session.add(ChatSchedule(chat_id=chat_id, local_time=value))
    session.commit()


def update_chat(
    *,
    session: Session,
    chat_id: int,
    timezone: str | None = None,
    words: int | None = None,
    quiet_days: Sequence[str] | None = None,
    language: str | None = None,
) -> None:
    """Change a chat's timezone, digest length, quiet days or language (None leaves a field)."""
    chat = session.get(Chat, chat_id)
    if chat is None:
        raise LookupError(f"chat {chat_id} is not known; send /start first")
    if timezone is not None:
        chat.timezone = timezone
    if words is not None:
        chat.words = words
    if quiet_days is not None:
        chat.quiet_days = ",".join(quiet_days)
    if language is not None:
        chat.language = language
    session.add(chat)
    session.commit()


def migrate_chat(*, session: Session, old_id: int, new_id: int) -> bool:
    """Move a group's settings, topics, times, deliveries, feeds and the rest (every table of
    _CHAT_ROWS) to its new supergroup id.

    Args:
        session: open database session.
        old_id: the group's id before Telegram upgraded it.
        new_id: the supergroup's id.

    Returns:
        True when something moved; False when the old chat is unknown or the new one exists.
    """
    old = session.get(Chat, old_id)
    if old is None or session.get(Chat, new_id) is not None:
        return False
    session.add(
        Chat(
            id=new_id,
            kind="supergroup",
            title=old.title,
            timezone=old.timezone,
            words=old.words,
            quiet_days=old.quiet_days,
            language=old.language,
            created_at=old.created_at,
        )
    )
    session.flush()
    for model in _CHAT_ROWS:
        session.exec(update(model).where(col(model.chat_id) == old_id).values(chat_id=new_id))
    session.flush()
    session.expire_all()
    session.delete(session.get(Chat, old_id))
    session.commit()
    return True


def chat_counts(*, session: Session) -> dict[str, int]:
    """Return counts for /stats: chats, subscribed chats and deliveries by status."""
    counts = {
        "chats": session.exec(select(func.count()).select_from(Chat)).one(),
        "subscribed": session.exec(
            select(func.count())
            .select_from(ChatSubscription)
            .where(col(ChatSubscription.active).is_(True))
        ).one(),
    }
    for status, number in session.exec(
        select(ChatDelivery.status, func.count()).group_by(col(ChatDelivery.status))
    ).all():
        counts[f"deliveries_{status}"] = number
    return counts


def forget_chat(*, session: Session, chat_id: int) -> bool:
    """Delete everything stored about a chat: settings, subscription, topics, times, deliveries,
    feeds (the shared feed rows stay), reading choice and channel.

    Returns:
        True when the chat was known.
    """
    for model in _CHAT_ROWS:
        for row in session.exec(select(model).where(col(model.chat_id) == chat_id)).all():
            session.delete(row)
    chat = session.get(Chat, chat_id)
    if chat is not None:
        session.delete(chat)
    session.commit()
    return chat is not None


def language_of(*, session: Session, chat_id: int) -> str | None:
    """Return a chat's stored language (None: not chosen, or a chat the bot has not met)."""
    return session.exec(select(Chat.language).where(Chat.id == chat_id)).first()


def chat_languages(*, session: Session, limit: int) -> dict[int, str]:
    """Return the chats that have a stored language, at most `limit` + 1 of them (so a caller
    can tell whether there are more than it keeps)."""
    rows = session.exec(
        select(Chat.id, Chat.language).where(col(Chat.language).is_not(None)).limit(limit + 1)
    ).all()
    return {chat_id: language for chat_id, language in rows if language}
