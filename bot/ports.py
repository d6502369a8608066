"""The two ports the bot depends on: the news (`Briefings`) and its own chat data (`ChatData`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Protocol

from bot.store.values import ChatFeedInfo, ChatInfo, FeedListing, Reader
from summarizer.views import (
    ArticleView,
    EventView,
    FeedStatus,
    IngestReport,
    PollReport,
    PruneReport,
    RankedEvent,
    SearchHit,
    StoryView,
)


class Briefings(Protocol):
    """Read and ingest news; every method is synchronous (call it off the event loop)."""

    def ingest(self, locations: Sequence[str]) -> IngestReport:
        """Ingest files, directories, URLs or feed URLs."""
        ...

    def top_events(
        self,
        *,
        limit: int = 10,
        offset: int = 0,
        since: datetime | None = None,
        words: int | None = None,
        topics: Sequence[str] = (),
    ) -> list[EventView]:
        """Return the most important events, optionally only what is new since a time."""
        ...

    def ranked_events(
        self,
        *,
        limit: int = 10,
        offset: int = 0,
        since: datetime | None = None,
        topics: Sequence[str] = (),
        feeds: frozenset[int] | None = None,
    ) -> list[RankedEvent]:
        """Return the ranking of top_events without digests: event ids with their article ids
        (only events with an article one of `feeds` brought, when given)."""
        ...

    def event_article_ids(self, event_id: int) -> frozenset[int]:
        """Return the ids of an event's articles (NotFoundError when there is no such event)."""
        ...

    def story_article_ids(self, story_id: int) -> frozenset[int]:
        """Return the ids of a story's articles (NotFoundError when there is no such story)."""
        ...

    def event_count(self) -> int:
        """Return how many events are stored."""
        ...

    def event(
        self,
        event_id: int,
        *,
        words: int | None = None,
        since: datetime | None = None,
        articles: frozenset[int] | None = None,
    ) -> EventView:
        """Return one event with its digest (built from `articles` alone when given);
        raises NotFoundError."""
        ...

    def story(
        self, story_id: int, *, words: int | None = None, articles: frozenset[int] | None = None
    ) -> StoryView:
        """Return one story's timeline (from `articles` alone when given); raises NotFoundError."""
        ...

    def article(self, article_id: int) -> ArticleView:
        """Return one article with its summary; raises NotFoundError."""
        ...

    def search(self, query: str, *, limit: int = 10) -> list[SearchHit]:
        """Return full-text search hits."""
        ...

    def stats(self) -> dict[str, int]:
        """Return counts of articles, events, stories, sources and feeds."""
        ...

    def feeds(self) -> list[str]:
        """Return the active feed URLs."""
        ...

    def feed_statuses(self) -> list[FeedStatus]:
        """Return every active feed with its schedule and health (last error, next try)."""
        ...

    def add_feed(self, url: str) -> bool:
        """Add a feed URL; return False when it was already followed."""
        ...

    def remove_feed(self, url: str) -> bool:
        """Remove a feed URL; return False when it was not configured."""
        ...

    def poll_feeds(self, *, due_only: bool = True) -> PollReport:
        """Poll the due feeds (every active one when not due_only), each under a lease."""
        ...

    def prune(self) -> PruneReport:
        """Remove articles older than the retention period (store.retention_days)."""
        ...


class ChatData(Protocol):
    """The bot's own data: chats, their settings, topics, feeds and channels (async, off the loop).

    bot.chat_data.StoredChats keeps them in the database through bot.store.
    """

    async def get_chat(self, *, chat_id: int) -> ChatInfo | None:
        """One chat's settings, None when unknown."""
        ...

    async def get_chat_reading(self, *, chat_id: int) -> tuple[ChatInfo | None, Reader | None]:
        """One chat's settings (None when unknown) and how it reads (bot.chatfeeds), one read."""
        ...

    async def ensure_chat(
        self,
        *,
        chat_id: int,
        kind: str,
        title: str,
        default_timezone: str,
        default_times: Sequence[str],
    ) -> ChatInfo:
        """The chat's settings, stored with the defaults on first contact."""
        ...

    async def update_chat(
        self,
        *,
        chat_id: int,
        timezone: str | None = None,
        words: int | None = None,
        quiet_days: Sequence[str] | None = None,
        language: str | None = None,
    ) -> None:
        """Change the settings given (the others stay)."""
        ...

    async def set_subscription(
        self, *, chat_id: int, active: bool, reason: str = "", now: datetime | None = None
    ) -> None:
        """Subscribe or unsubscribe a chat (with the reason it stopped)."""
        ...

    async def set_times(self, *, chat_id: int, times: Sequence[str]) -> None:
        """The chat's local delivery times."""
        ...

    async def add_topics(
        self, *, chat_id: int, keywords: Sequence[str], limit: int | None = None
    ) -> list[str]:
        """Follow topics; return those refused by the limit."""
        ...

    async def remove_topics(self, *, chat_id: int, keywords: Sequence[str] = ()) -> int:
        """Drop topics (all when none given); return how many went."""
        ...

    async def chat_counts(self) -> dict[str, int]:
        """Counts of chats, subscriptions and deliveries for /stats."""
        ...

    async def chat_languages(self, *, limit: int) -> dict[int, str]:
        """The stored language of up to `limit` chats."""
        ...

    async def language_of(self, *, chat_id: int) -> str | None:
        """One chat's stored language."""
        ...

    async def migrate_chat(self, *, old_id: int, new_id: int) -> bool:
        """Move a group's data to its supergroup id."""
        ...

    async def forget_chat(self, *, chat_id: int) -> bool:
        """Delete everything stored about a chat."""
        ...

    async def chat_feeds(self, *, chat_id: int) -> list[ChatFeedInfo]:
        """The chat's feeds with their state, numbered."""
        ...

    async def feed_listing(self, *, chat_id: int) -> FeedListing:
        """What /feeds shows of the chat: its feeds, reading choice, zone and language."""
        ...

    async def chat_feed_urls(self, *, chat_id: int) -> list[str]:
        """The URLs of the chat's feeds, in their numbered order."""
        ...

    async def add_chat_feeds(
        self, *, chat_id: int, feeds: Sequence[tuple[str, str]], now: datetime
    ) -> int:
        """Follow feeds (URL, title); return how many were new."""
        ...

    async def remove_chat_feed(self, *, chat_id: int, url: str) -> bool:
        """Stop following a feed; False when the chat did not follow it."""
        ...

    async def never_polled(self, *, urls: Iterable[str]) -> list[str]:
        """Those of the URLs no process has fetched yet."""
        ...

    async def own_feeds_only(self, *, chat_id: int) -> bool:
        """Whether the chat's briefings draw on its own feeds only."""
        ...

    async def set_own_feeds_only(self, *, chat_id: int, value: bool) -> None:
        """/settings sources mine|all."""
        ...

    async def channel_of(self, *, chat_id: int) -> tuple[int, str] | None:
        """The channel (id, title) that receives the chat's briefings, if any."""
        ...

    async def set_channel(
        self, *, chat_id: int, channel_id: int, title: str, now: datetime
    ) -> None:
        """Send the chat's briefings to a channel."""
        ...

    async def clear_channel(self, *, chat_id: int) -> bool:
        """Stop sending the chat's briefings to its channel."""
        ...


__all__ = ["Briefings", "ChatData", "ChatFeedInfo", "ChatInfo", "FeedListing", "Reader"]
