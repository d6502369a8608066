"""The domain API the bot depends on (summarizer.service.BriefingService satisfies it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from summarizer.views import (
    ArticleView,
    EventView,
    FeedStatus,
    IngestReport,
    PollReport,
    PruneReport,
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

    def event_count(self) -> int:
        """Return how many events are stored."""
        ...

    def event(
        self, event_id: int, *, words: int | None = None, since: datetime | None = None
    ) -> EventView:
        """Return one event with its digest; raises NotFoundError."""
        ...

    def story(self, story_id: int) -> StoryView:
        """Return one story's timeline; raises NotFoundError."""
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
