"""The bot's chat data (bot.ports.ChatData) kept in the database through bot.store."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from bot.ports import ChatData
from bot.store import channels as chat_channels
from bot.store import chat_feeds, chats
from bot.store.values import ChatFeedInfo, ChatInfo, FeedListing, Reader

T = TypeVar("T")


class StoredChats(ChatData):
    """Every ChatData method (documented there), one store function each, run off the loop."""

    def __init__(self, db: Callable[..., Awaitable[Any]]) -> None:
        """Args: db: runs a keyword-only store function with a fresh session (Runtime.db)."""
        self._run = db

    async def _db(self, fn: Callable[..., T], **kwargs: Any) -> T:
        result: T = await self._run(fn, **kwargs)
        return result

    async def get_chat(self, *, chat_id: int) -> ChatInfo | None:
        return await self._db(chats.get_chat, chat_id=chat_id)

    async def get_chat_reading(self, *, chat_id: int) -> tuple[ChatInfo | None, Reader | None]:
        return await self._db(chat_feeds.chat_and_reader, chat_id=chat_id)

    async def ensure_chat(
        self,
        *,
        chat_id: int,
        kind: str,
        title: str,
        default_timezone: str,
        default_times: Sequence[str],
    ) -> ChatInfo:
        return await self._db(
            chats.ensure_chat,
            chat_id=chat_id,
            kind=kind,
            title=title,
            default_timezone=default_timezone,
            default_times=default_times,
        )

    async def update_chat(
        self,
        *,
        chat_id: int,
        timezone: str | None = None,
        words: int | None = None,
        quiet_days: Sequence[str] | None = None,
        language: str | None = None,
    ) -> None:
        return await self._db(
            chats.update_chat,
            chat_id=chat_id,
            timezone=timezone,
            words=words,
            quiet_days=quiet_days,
            language=language,
        )

    async def set_subscription(
        self, *, chat_id: int, active: bool, reason: str = "", now: datetime | None = None
    ) -> None:
        return await self._db(
            chats.set_subscription, chat_id=chat_id, active=active, reason=reason, now=now
        )

    async def set_times(self, *, chat_id: int, times: Sequence[str]) -> None:
        return await self._db(chats.set_times, chat_id=chat_id, times=times)

    async def add_topics(
        self, *, chat_id: int, keywords: Sequence[str], limit: int | None = None
    ) -> list[str]:
        return await self._db(chats.add_topics, chat_id=chat_id, keywords=keywords, limit=limit)

    async def remove_topics(self, *, chat_id: int, keywords: Sequence[str] = ()) -> int:
        return await self._db(chats.remove_topics, chat_id=chat_id, keywords=keywords)

    async def chat_counts(self) -> dict[str, int]:
        return await self._db(chats.chat_counts)

    async def chat_languages(self, *, limit: int) -> dict[int, str]:
        return await self._db(chats.chat_languages, limit=limit)

    async def language_of(self, *, chat_id: int) -> str | None:
        return await self._db(chats.language_of, chat_id=chat_id)

    async def migrate_chat(self, *, old_id: int, new_id: int) -> bool:
        return await self._db(chats.migrate_chat, old_id=old_id, new_id=new_id)

    async def forget_chat(self, *, chat_id: int) -> bool:
        return await self._db(chats.forget_chat, chat_id=chat_id)

    async def chat_feeds(self, *, chat_id: int) -> list[ChatFeedInfo]:
        return await self._db(chat_feeds.chat_feeds, chat_id=chat_id)

    async def feed_listing(self, *, chat_id: int) -> FeedListing:
        return await self._db(chat_feeds.feed_listing, chat_id=chat_id)

    async def chat_feed_urls(self, *, chat_id: int) -> list[str]:
        return await self._db(chat_feeds.chat_feed_urls, chat_id=chat_id)

    async def add_chat_feeds(
        self, *, chat_id: int, feeds: Sequence[tuple[str, str]], now: datetime
    ) -> int:
        return await self._db(chat_feeds.add_chat_feeds, chat_id=chat_id, feeds=feeds, now=now)

    async def remove_chat_feed(self, *, chat_id: int, url: str) -> bool:
        return await self._db(chat_feeds.remove_chat_feed, chat_id=chat_id, url=url)

    async def never_polled(self, *, urls: Iterable[str]) -> list[str]:
        return await self._db(chat_feeds.never_polled, urls=urls)

    async def own_feeds_only(self, *, chat_id: int) -> bool:
        return await self._db(chat_feeds.own_feeds_only, chat_id=chat_id)

    async def set_own_feeds_only(self, *, chat_id: int, value: bool) -> None:
        return await self._db(chat_feeds.set_own_feeds_only, chat_id=chat_id, value=value)

    async def channel_of(self, *, chat_id: int) -> tuple[int, str] | None:
        return await self._db(chat_channels.channel_of, chat_id=chat_id)

    async def set_channel(
        self, *, chat_id: int, channel_id: int, title: str, now: datetime
    ) -> None:
        return await self._db(
            chat_channels.set_channel, chat_id=chat_id, channel_id=channel_id, title=title, now=now
        )

    async def clear_channel(self, *, chat_id: int) -> bool:
        return await self._db(chat_channels.clear_channel, chat_id=chat_id)
