"""Data access for feeds per chat: follow and drop, and what a chat's briefings read (which
articles its feeds brought).

Addresses arrive normalised (summarizer.ingest.urls.normalize_feed_url, through
summarizer.ingest.opml.plan_import): one `feed` row per address, shared by every chat and the
operator, polled once whoever follows it (summarizer.polling; its state is the feed row's, and
the articles it brought for chats are the domain's FeedArticle rows).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, exists
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from bot.store.chats import get_chat
from bot.store.feed_tables import ChatChannel, ChatFeed, ChatReading
from bot.store.tables import Chat
from bot.store.values import ChatFeedInfo, ChatInfo, FeedListing, Reader
from summarizer.store.models import Feed, FeedArticle
from summarizer.store.ranking import CHUNK
from summarizer.store.tables import INGEST_STATE


def chat_feeds(*, session: Session, chat_id: int) -> list[ChatFeedInfo]:
    """A chat's feeds in the order they were added, numbered from 1, with their last poll."""
    rows = session.exec(
        select(ChatFeed, Feed)
        .join(Feed, col(Feed.id) == col(ChatFeed.feed_id))
        .where(ChatFeed.chat_id == chat_id)
        .order_by(col(ChatFeed.id))
    ).all()
    return [
        ChatFeedInfo(
            number=number,
            url=feed.url,
            title=link.title or feed.title or "",
            polled_at=feed.last_polled,
            succeeded_at=feed.last_success,
            error=feed.last_error or "",
            operator_feed=feed.active,
        )
        for number, (link, feed) in enumerate(rows, start=1)
    ]


# A chat's zone, language and reading choice, in one statement that gives one row (NULLs for a
# chat the bot has not met).
_LISTED_CHAT = sa_select(
    *(
        sa_select(column).where(key == bindparam("chat_id")).scalar_subquery()
        for column, key in (
            (col(Chat.timezone), col(Chat.id)),
            (col(Chat.language), col(Chat.id)),
            (col(ChatReading.own_feeds_only), col(ChatReading.chat_id)),
        )
    )
)


def feed_listing(*, session: Session, chat_id: int) -> FeedListing:
    """What /feeds shows of a chat, in two statements (its settings, then its feeds)."""
    timezone, language, own_only = session.execute(_LISTED_CHAT, {"chat_id": chat_id}).one()
    return FeedListing(
        feeds=tuple(chat_feeds(session=session, chat_id=chat_id)),
        own_only=bool(own_only),
        timezone=timezone,
        language=language,
    )


def chat_feed_urls(*, session: Session, chat_id: int) -> list[str]:
    """The addresses a chat follows, in the order they were added."""
    return list(
        session.exec(
            select(Feed.url)
            .join(ChatFeed, col(ChatFeed.feed_id) == col(Feed.id))
            .where(ChatFeed.chat_id == chat_id)
            .order_by(col(ChatFeed.id))
        )
    )


def add_chat_feeds(
    *, session: Session, chat_id: int, feeds: Sequence[tuple[str, str]], now: datetime
) -> int:
    """Make a chat follow feeds (a `feed` row is created, not active globally, when new).

    Args:
        session: open database session.
        chat_id: the chat (registered already).
        feeds: (normalised address, title) pairs the chat does not follow yet.
        now: when they are added.

    Returns:
        How many were added (an address the chat follows already is skipped).
    """
    added = 0
    for url, title in feeds:
        feed = session.exec(select(Feed).where(Feed.url == url)).first()
        if feed is None:
            feed = Feed(url=url, active=False)
            session.add(feed)
            session.flush()
        assert feed.id is not None
        known = session.exec(
            select(ChatFeed.id).where(ChatFeed.chat_id == chat_id, ChatFeed.feed_id == feed.id)
        ).first()
        if known is None:
            session.add(ChatFeed(chat_id=chat_id, feed_id=feed.id, title=title[:200], added_at=now))
            added += 1
    session.commit()
    return added


def remove_chat_feed(*, session: Session, chat_id: int, url: str) -> bool:
    """Make a chat stop following a feed; False when it did not follow it.

    The `feed` row stays (other chats or the operator may follow it; its articles stay
    attributed); it is no longer polled once no chat follows it and it is not an operator feed.
    """
    feed_id = session.exec(select(Feed.id).where(Feed.url == url)).first()
    if feed_id is None:
        return False
    link = session.exec(
        select(ChatFeed).where(ChatFeed.chat_id == chat_id, ChatFeed.feed_id == feed_id)
    ).first()
    if link is None:
        return False
    session.delete(link)
    session.commit()
    return True


def never_polled(*, session: Session, urls: Iterable[str]) -> list[str]:
    """The addresses among `urls` that no poll has fetched yet."""
    wanted = list(dict.fromkeys(urls))
    fresh = set(
        session.exec(
            select(Feed.url).where(col(Feed.url).in_(wanted), col(Feed.last_polled).is_(None))
        )
    )
    return [url for url in wanted if url in fresh]


def own_feeds_only(*, session: Session, chat_id: int) -> bool:
    """Whether a chat's briefings read only its own feeds (default: its own and the operator's)."""
    row = session.get(ChatReading, chat_id)
    return bool(row and row.own_feeds_only)


def set_own_feeds_only(*, session: Session, chat_id: int, value: bool) -> None:
    """Choose what a chat's briefings read: only its own feeds (True) or all (False)."""
    row = session.get(ChatReading, chat_id) or ChatReading(chat_id=chat_id)
    row.own_feeds_only = value
    session.add(row)
    session.commit()


# How a chat reads, in one statement (built once): its choice, whether any feed of a chat
# brought an article, and whether it follows a feed. A reading command pays one query for it.
_READING = sa_select(
    sa_select(col(ChatReading.own_feeds_only))
    .where(col(ChatReading.chat_id) == bindparam("chat_id"))
    .scalar_subquery(),
    exists().where(col(FeedArticle.feed_id).is_not(None)),
    exists().where(col(ChatFeed.chat_id) == bindparam("chat_id")),
)


# What the openness of stored articles depends on beyond a chat's own choice and feeds (the
# key under which readers share what they read, bot.chatfeeds): the ingest counter (every
# ingest and prune, any process) and the links counter (every write of a feed's links to its
# articles, every operator feed added or removed; summarizer.store.ingest_state.bump_links).
# The ingest counter stays in the key for every reader, not only those whose feeds brought the
# new articles: what a reading shares is a cut of the domain's ranking, and any new article can
# move every event in it (its event's score, order, articles). After an ingest the ranking is
# built again once for all readers (summarizer.service clears its views); a reading then costs
# one query over the ranked events' articles, so a narrower key would save that query alone.
_LINKS = sa_select(INGEST_STATE.c.version, INGEST_STATE.c.links).where(INGEST_STATE.c.id == 1)


def reader(*, session: Session, chat_id: int) -> Reader | None:
    """How a chat reads; None when it may read everything stored (no chat feeds anywhere).

    One statement when no chat follows feeds; else two more (the chat's feeds, the links' mark).
    """
    own_only, linked, follows = session.execute(_READING, {"chat_id": chat_id}).one()
    if not own_only and not linked:
        return None
    feeds = frozenset(
        session.execute(select(ChatFeed.feed_id).where(ChatFeed.chat_id == chat_id)).scalars()
        if follows
        else ()
    )
    links = tuple(int(value) for value in session.execute(_LINKS).first() or ())
    return Reader(chat_id, bool(own_only), bool(own_only) or bool(feeds), feeds, links)


def chat_and_reader(*, session: Session, chat_id: int) -> tuple[ChatInfo | None, Reader | None]:
    """A chat's settings (None when unknown) and how it reads, in one session (one hop)."""
    return get_chat(session=session, chat_id=chat_id), reader(session=session, chat_id=chat_id)


@dataclass(frozen=True, slots=True)
class Route:
    """Where a chat's scheduled briefing goes (its channel, else the chat) and what it reads."""

    send_to: int
    to_channel: bool
    reader: Reader | None


def route(*, session: Session, chat_id: int) -> Route:
    """A chat's briefing route, read in one session (one worker-thread hop per delivery)."""
    channel = session.get(ChatChannel, chat_id)
    return Route(
        send_to=channel.channel_id if channel is not None else chat_id,
        to_channel=channel is not None,
        reader=reader(session=session, chat_id=chat_id),
    )


# The feeds that brought some articles, and whether each is an operator's (built once).
_LINKS_OF = (
    sa_select(col(FeedArticle.article_id), col(FeedArticle.feed_id), col(Feed.active))
    .join(Feed, col(Feed.id) == col(FeedArticle.feed_id))
    .where(col(FeedArticle.article_id).in_(bindparam("ids", expanding=True)))
)


def open_articles(*, session: Session, reader: Reader, article_ids: Iterable[int]) -> set[int]:
    """The articles among `article_ids` a chat may read.

    An article is open when one of the chat's feeds (as `reader` read them) brought it, or,
    unless the chat reads only its own feeds, when no feed of a chat brought it (the operator's
    feeds and files) or an operator feed did too. Costs one query over the given articles,
    whatever the store's size.
    """
    ids = sorted(set(article_ids))
    mine = reader.feeds
    links: dict[int, list[tuple[int, bool]]] = {}
    for start in range(0, len(ids), CHUNK):  # SQLite takes at most 32,766 parameters
        chunk = {"ids": ids[start : start + CHUNK]}
        for article_id, feed_id, active in session.execute(_LINKS_OF, chunk):
            links.setdefault(article_id, []).append((feed_id, active))

    def is_open(brought: list[tuple[int, bool]]) -> bool:
        if any(feed_id in mine for feed_id, _ in brought):
            return True
        return not reader.own_only and (not brought or any(active for _, active in brought))

    return {article_id for article_id in ids if is_open(links.get(article_id, []))}


__all__ = [
    "Reader",
    "Route",
    "add_chat_feeds",
    "chat_and_reader",
    "chat_feed_urls",
    "chat_feeds",
    "feed_listing",
    "never_polled",
    "open_articles",
    "own_feeds_only",
    "reader",
    "remove_chat_feed",
    "route",
    "set_own_feeds_only",
]
