"""Values of the bot's data as handlers, jobs and deliveries read them (never table rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ChatInfo:
    """A chat's settings as the bot reads them."""

    id: int
    kind: str
    title: str
    timezone: str
    times: tuple[str, ...]
    topics: tuple[str, ...]
    words: int | None
    quiet_days: tuple[str, ...]
    subscribed: bool
    subscribed_at: datetime | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class DeliveryInfo:
    """One delivery row as the bot reads it."""

    chat_id: int
    slot: datetime
    status: str
    claimed_at: datetime
    sent_at: datetime | None
    attempts: int


@dataclass(frozen=True, slots=True)
class ChatFeedInfo:
    """A chat's feed as /feeds lists it: its number in the list, address, title and state."""

    number: int
    url: str
    title: str
    polled_at: datetime | None
    succeeded_at: datetime | None
    error: str
    operator_feed: bool  # also one of the operator's global feeds (polled with those)


@dataclass(frozen=True, slots=True)
class FeedListing:
    """What /feeds shows of a chat: its feeds, whether its briefings read only them, and its
    stored zone and language (zone None: a chat the bot has not met)."""

    feeds: tuple[ChatFeedInfo, ...]
    own_only: bool
    timezone: str | None
    language: str | None


@dataclass(frozen=True, slots=True)
class Reader:
    """What a chat's briefings draw on when chats follow feeds of their own.

    `personal`: the chat follows feeds or reads only its own, so its briefings are its own;
    chats that are not personal all read the same thing (everything but other chats' feeds).
    """

    chat_id: int
    own_only: bool
    personal: bool
    feeds: frozenset[int] = frozenset()  # the feeds it follows (ids)
    # The state of the feeds' links it was read at (bot.store.chat_feeds.reader): readers with
    # the same choice, feeds and links read the same articles.
    links: tuple[int, ...] = ()

    @property
    def reading(self) -> tuple[bool, frozenset[int], tuple[int, ...]]:
        """What decides which articles it reads (shared by every reader with the same)."""
        return self.own_only, self.feeds, self.links


__all__ = ["ChatFeedInfo", "ChatInfo", "DeliveryInfo", "FeedListing", "Reader"]
