"""Feed polling: an interval job that ingests the configured feeds off the event loop."""

from __future__ import annotations

import logging

from telegram.ext import ContextTypes

from bot.runtime import Runtime, runtime_of
from summarizer.views import IngestReport

logger = logging.getLogger(__name__)

JOB_NAME = "poll-feeds"


async def poll_feeds(rt: Runtime) -> IngestReport:
    """Ingest every feed (configured and added by admins) in a worker thread.

    Args:
        rt: shared services.

    Returns:
        The ingest report (an empty one when there are no feeds).
    """
    stored = await rt.domain(rt.service.feeds)
    feeds = list(dict.fromkeys([*rt.settings.feeds, *stored]))
    if not feeds:
        return IngestReport()
    report = await rt.domain(rt.service.ingest, feeds)
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


async def poll_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Run one poll from the job queue; a failure is logged and the next poll still runs."""
    try:
        await poll_feeds(runtime_of(context))
    except Exception:
        logger.exception("feed poll failed")
