"""Feeds per chat in the bot: polling each followed address once, and the events a chat reads.

Every fetch goes through the domain's `ingest` (summarizer.ingest.fetch: private addresses
refused unless the operator allows them, size, time and redirect caps). Addresses are polled one
at a time so each one's error and new articles are known; an address many chats follow is one
`feed` row and one fetch per poll.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from bot.runtime import Runtime
from summarizer.store import chat_feeds
from summarizer.store.chat_feeds import Reader
from summarizer.views import EventView, IngestReport

logger = logging.getLogger(__name__)

# Candidates ranked before a chat's reading is applied: a chat reading only its own feeds sees
# their best events among this many of the best-ranked ones.
CANDIDATES = 100


def _feed_error(report: IngestReport, url: str) -> str:
    """The feed's own failure (fetch, not a feed) from an ingest of that one address."""
    for failure in report.failures:
        if failure.location == url:
            return failure.message
    if report.new == 0 and report.duplicate == 0 and report.errors:
        return report.errors[0]
    return ""


async def poll_chat_feeds(rt: Runtime, urls: Sequence[str] | None = None) -> IngestReport:
    """Fetch the addresses chats follow (those that are not operator feeds), each once.

    Args:
        rt: shared services.
        urls: only these addresses (a chat's new feeds); default every followed one.

    Returns:
        The summed counts and errors of the polls.
    """
    new = duplicate = failed = 0
    errors: list[str] = []
    async with rt.feed_poll:  # a poll job and a /feeds add may meet
        targets = list(urls) if urls is not None else await rt.db(chat_feeds.followed_feed_urls)
        for url in dict.fromkeys(targets):
            try:
                report = await rt.domain(rt.service.ingest, [url])
                error = _feed_error(report, url)
            except Exception as exc:  # one bad feed never stops the others
                logger.exception("chat feed %s failed", url)
                report, error = IngestReport(failed=1), f"{type(exc).__name__}: {exc}"
            new, duplicate = new + report.new, duplicate + report.duplicate
            failed += 1 if error else 0
            if error:
                errors.append(error)
            await rt.db(
                chat_feeds.record_poll,
                url=url,
                now=rt.now(),
                error=error,
                article_ids=report.article_ids,
            )
    if targets:
        logger.info("polled %d chat feed(s): %d new, %d failed", len(targets), new, failed)
    return IngestReport(new=new, duplicate=duplicate, failed=failed, errors=tuple(errors))


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


__all__ = ["CANDIDATES", "chat_events", "poll_chat_feeds", "reader_of"]
