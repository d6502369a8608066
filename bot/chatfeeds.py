"""Feeds per chat in the bot: what a chat reads (its own feeds, and the operator's unless it
chose not), for its briefings and for every command that shows news. The feeds themselves are
polled with the operator's (bot.polling), each address once whoever follows it.

One rule decides what a chat sees (bot.store.chat_feeds.open_articles says which articles are
open to it): an event, a story or an article is shown when one of its articles is open to the
chat, and then as the chat reads it, built from its open articles alone (digest, sources,
links, time span). Everything else is answered as if it did not exist.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlmodel import Session

from bot.ports import Briefings
from bot.runtime import Runtime
from bot.store import chat_feeds
from bot.store.chat_feeds import Reader
from summarizer.errors import NotFoundError
from summarizer.views import ArticleView, EventView, SearchHit, StoryView

logger = logging.getLogger(__name__)
V = TypeVar("V")

# Candidates ranked before a chat's reading is applied: a chat that reads only part of the
# store sees its best events among this many of the best-ranked ones, or, when too few of them
# are open to it, among four times as many, and so on until the ranking ends (a chat reading
# its own feeds only ranks just the events its feeds brought: each is open to it).
CANDIDATES = 100
# Search hits read before a chat's reading is applied (it sees the best of those open to it).
SEARCH_CANDIDATES = 50


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a chat's ranked events: its events, its number (from 0, clamped to the last
    page there is) and whether a next page exists."""

    events: list[EventView]
    number: int
    more: bool


async def reader_of(rt: Runtime, chat_id: int) -> Reader | None:
    """How a chat reads (None: everything stored, when no chat follows feeds of its own)."""
    return await rt.db(chat_feeds.reader, chat_id=chat_id)


async def chat_events(
    rt: Runtime,
    reader: Reader | None,
    *,
    limit: int,
    since: datetime | None = None,
    words: int | None = None,
    topics: Sequence[str] = (),
) -> list[EventView]:
    """The best events a chat reads, each as the chat reads it (see the module's rule).

    Without a reader (see `reader_of`) this is the domain's ranking as it is.
    """
    if reader is None:
        return await rt.domain(
            rt.service.top_events, limit=limit, since=since, words=words, topics=topics
        )
    visible = await _visible(rt, reader, wanted=limit, since=since, topics=topics)
    return await _views(rt, visible[:limit], words=words, since=since)


async def chat_page(rt: Runtime, reader: Reader | None, *, page: int, size: int) -> Page:
    """Page `page` (from 0) of the events a chat reads, clamped to the last page there is.

    Only the page's events are built: a far page costs a ranking down to it (for a chat that
    reads part of the store, down to its events on that page), one query and `size` views.
    """
    if reader is None:
        return await rt.domain(_whole_page, rt.service, page, size)
    visible = await _visible(rt, reader, wanted=(page + 1) * size + 1, since=None, topics=())
    number = min(page, max(0, (len(visible) - 1) // size))
    shown = visible[number * size : (number + 1) * size]
    views = await _views(rt, shown, words=None, since=None)
    return Page(views, number, len(visible) > (number + 1) * size)


def _whole_page(service: Briefings, page: int, size: int) -> Page:
    """Page `page` of everything stored, clamped (count and page in one worker-thread hop)."""
    total = service.event_count()
    number = min(page, max(0, (total - 1) // size))
    ranked = service.top_events(limit=size + 1, offset=number * size)
    return Page(ranked[:size], number, len(ranked) > size)


async def chat_event(
    rt: Runtime, reader: Reader | None, event_id: int, *, words: int | None
) -> EventView:
    """One event as the chat reads it; raises NotFoundError when none of it is open to it."""
    if reader is None:
        return await rt.domain(rt.service.event, event_id, words=words)
    return await rt.db(
        _as_read,
        reader=reader,
        article_ids=functools.partial(rt.service.event_article_ids, event_id),
        build=lambda reading: rt.service.event(event_id, words=words, articles=reading),
        missing=f"no event with id {event_id}",
    )


async def chat_story(rt: Runtime, reader: Reader | None, story_id: int) -> StoryView:
    """One story as the chat reads it; raises NotFoundError when none of it is open to it."""
    if reader is None:
        return await rt.domain(rt.service.story, story_id)
    return await rt.db(
        _as_read,
        reader=reader,
        article_ids=functools.partial(rt.service.story_article_ids, story_id),
        build=lambda reading: rt.service.story(story_id, articles=reading),
        missing=f"no story with id {story_id}",
    )


def _as_read(
    *,
    session: Session,
    reader: Reader,
    article_ids: Callable[[], frozenset[int]],
    build: Callable[[frozenset[int]], V],
    missing: str,
) -> V:
    """An event, a story or an article as the chat reads it, in one worker-thread hop: its
    article ids (the domain's), which of them the chat reads (one prebuilt query), the view,
    always built from that set (see `_open`).

    Raises:
        NotFoundError: none of its articles is open to the chat (or it does not exist).
    """
    ids = article_ids()
    reading = frozenset(chat_feeds.open_articles(session=session, reader=reader, article_ids=ids))
    if not reading:
        raise NotFoundError(missing)
    return build(reading)


async def chat_article(rt: Runtime, reader: Reader | None, article_id: int) -> ArticleView:
    """One article; raises NotFoundError when it is not open to the chat."""
    if reader is None:
        return await rt.domain(rt.service.article, article_id)
    return await rt.db(
        _as_read,
        reader=reader,
        article_ids=lambda: frozenset([article_id]),
        build=lambda _reading: rt.service.article(article_id),
        missing=f"no article with id {article_id}",
    )


async def chat_search(
    rt: Runtime, reader: Reader | None, query: str, *, limit: int
) -> list[SearchHit]:
    """The best search hits among the articles open to the chat (of SEARCH_CANDIDATES read)."""
    if reader is None:
        return await rt.domain(rt.service.search, query, limit=limit)
    hits = await rt.domain(rt.service.search, query, limit=max(limit, SEARCH_CANDIDATES))
    allowed = await _open(rt, reader, [hit.article.id for hit in hits])
    return [hit for hit in hits if hit.article.id in allowed][:limit]


Visible = tuple[int, frozenset[int]]  # an event id, and its articles the chat reads


async def _visible(
    rt: Runtime, reader: Reader, *, wanted: int, since: datetime | None, topics: Sequence[str]
) -> tuple[Visible, ...]:
    """The events of the ranking a chat reads, in order, until `wanted` or the ranking's end.

    Shared by the chats that read alike (Reader.reading: the same choice, the same feeds, the
    feeds' links at the same state) for a short time, and built once however many ask.
    """
    wanted = _bucket(wanted)
    key = (reader.reading, wanted, since, tuple(topics))
    found: tuple[Visible, ...] = await rt.readings.get(
        key, lambda: _scan(rt, reader, wanted=wanted, since=since, topics=topics)
    )
    return found


def _bucket(wanted: int) -> int:
    """How many events a scan looks for: `wanted`, or beyond the first candidates the next of
    CANDIDATES times a power of 4, so far pages (any page number a chat sends) share a few
    readings instead of each ranking the store again."""
    if wanted <= CANDIDATES:
        return wanted
    bucket = CANDIDATES
    while bucket < wanted:
        bucket *= 4
    return bucket


async def _scan(
    rt: Runtime, reader: Reader, *, wanted: int, since: datetime | None, topics: Sequence[str]
) -> tuple[Visible, ...]:
    """`_visible` built: the ranking (ids only, no digest) is the domain's, shared by every
    chat (by every chat with the same feeds, for one that reads its own feeds only); the
    reading's part is one query over the ranked events' articles."""
    if reader.own_only and not reader.feeds:
        return ()
    feeds = reader.feeds if reader.own_only else None
    scanned = CANDIDATES
    while True:
        ranked = await rt.domain(
            rt.service.ranked_events, limit=scanned, since=since, topics=topics, feeds=feeds
        )
        allowed = await _open(rt, reader, [a for event in ranked for a in event.article_ids])
        visible = tuple(
            (event.id, reading)
            for event in ranked
            if (reading := frozenset(event.article_ids).intersection(allowed))
        )
        if len(visible) >= wanted or len(ranked) < scanned:
            return visible
        scanned *= 4


async def _views(
    rt: Runtime, visible: Iterable[Visible], *, words: int | None, since: datetime | None
) -> list[EventView]:
    """The views of events as the chat reads them (one worker-thread hop for all)."""
    return await rt.domain(_build_views, rt.service, list(visible), words, since)


def _build_views(
    service: Briefings, visible: list[Visible], words: int | None, since: datetime | None
) -> list[EventView]:
    """Build the views of `_views`; one that cannot be built is left out."""
    views = []
    for event_id, reading in visible:
        try:
            views.append(service.event(event_id, words=words, since=since, articles=reading))
        except NotFoundError:  # pruned since it was ranked
            continue
        except Exception:  # one event that cannot be shown never fails the list
            logger.exception("event %s cannot be shown; left out", event_id)
    return views


async def _open(rt: Runtime, reader: Reader, article_ids: Sequence[int]) -> frozenset[int]:
    """The articles among `article_ids` open to the chat (one query; empty: none is).

    A view is always built from this set, even when it holds every article: an article stored
    after the set was read (another chat's private one, say) is never shown with it.
    """
    if not article_ids:
        return frozenset()
    return frozenset(await rt.db(chat_feeds.open_articles, reader=reader, article_ids=article_ids))


__all__ = [
    "CANDIDATES",
    "SEARCH_CANDIDATES",
    "Page",
    "Reader",
    "chat_article",
    "chat_event",
    "chat_events",
    "chat_page",
    "chat_search",
    "chat_story",
    "reader_of",
]
