"""Feed polling: an interval job that ingests the configured feeds off the event loop."""

from __future__ import annotations

import logging
from dataclasses import replace

from telegram.ext import ContextTypes

from bot.chatfeeds import poll_chat_feeds
from bot.runtime import Runtime, runtime_of
from summarizer.views import IngestReport

logger = logging.getLogger(__name__)

JOB_NAME = "poll-feeds"


async def poll_feeds(rt: Runtime) -> IngestReport:
    """Ingest every feed (configured, added by admins, followed by chats) in worker threads.

    Args:
        rt: shared services.

    Returns:
        The ingest report of all of them (an empty one when there are no feeds).
    """
    own = await poll_chat_feeds(rt)
    stored = await rt.domain(rt.service.feeds)
    feeds = list(dict.fromkeys([*rt.settings.feeds, *stored]))
    if not feeds:
        return own
    report = _sum(await rt.domain(rt.service.ingest, feeds), own)
    logger.info(
        "polled %d feed(s): %d new, %d duplicate, %d failed",
        len(feeds),
        report.new,
        report.duplicate,
        report.failed,
    )
    for error in report.errors:
        logger.warning("feed poll: %s", error)
    return report


def _sum(first: IngestReport, second: IngestReport) -> IngestReport:
    """The counts and errors of two polls together."""
    return replace(
        first,
        new=first.new + second.new,
        duplicate=first.duplicate + second.duplicate,
        failed=first.failed + second.failed,
        errors=first.errors + second.errors,
    )


async def poll_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Run one poll from the job queue; a failure is logged and the next poll still runs."""
    try:
        await poll_feeds(runtime_of(context))
    except Exception:
        logger.exception("feed poll failed")
