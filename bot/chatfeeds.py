"""Feeds per chat in the bot: the events a chat reads (its own feeds, and the operator's unless
it chose not). The feeds themselves are polled with the operator's (bot.polling), each address
once whoever follows it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from bot.runtime import Runtime
from bot.store import chat_feeds
from bot.store.chat_feeds import Reader
from summarizer.views import EventView

logger = logging.getLogger(__name__)

# Candidates ranked before a chat's reading is applied: a chat reading only its own feeds sees
# their best events among this many of the best-ranked ones.
CANDIDATES = 100


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
    """The best events a chat reads: from its own feeds, and the operator's unless it chose not.

    Without a reader (see `reader_of`) this is the domain's ranking as it is. Otherwise the
    ranking's first CANDIDATES events are kept when one of their articles is open to the chat.
    """
    if reader is None:
        return await rt.domain(
            rt.service.top_events, limit=limit, since=since, words=words, topics=topics
        )
    ranked = await rt.domain(
        rt.service.top_events,
        limit=max(limit, CANDIDATES),
        since=since,
        words=words,
        topics=topics,
    )
    ids = [article.id for event in ranked for article in event.articles]
    allowed = await rt.db(chat_feeds.open_articles, reader=reader, article_ids=ids)
    return [e for e in ranked if any(a.id in allowed for a in e.articles)][:limit]


__all__ = ["CANDIDATES", "chat_events", "reader_of"]
