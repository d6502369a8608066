"""Feed polling: a repeating job that polls the due feeds in a worker thread, off the event loop.

Each tick asks the service to poll the feeds whose time has come; every feed has its own
interval and a failing one backs off (summarizer.polling), and a lease in the database lets
several bots (or a cron `briefing feeds poll`) share the work without fetching a feed twice.
"""

from __future__ import annotations

import logging

from telegram.ext import ContextTypes

from bot.runtime import Runtime, runtime_of
from summarizer.views import PollReport

logger = logging.getLogger(__name__)

JOB_NAME = "poll-feeds"
TICK_SECONDS = 60.0  # how often due feeds are looked for (each feed keeps its own interval)


async def poll_feeds(rt: Runtime, *, due_only: bool = True) -> PollReport:
    """Poll the due feeds (every active one when not `due_only`) in a worker thread.

    Args:
        rt: shared services.
        due_only: False polls every active feed now (an admin's /sources poll).

    Returns:
        What the run did (an empty report when no feed was due).
    """
    report = await rt.domain(rt.service.poll_feeds, due_only=due_only)
    if report.polled:
        logger.info(
            "polled %d feed(s): %d new, %d duplicate, %d failed",
            report.polled,
            report.new,
            report.duplicate,
            report.failed,
        )
    for error in report.errors:
        logger.warning("feed poll: %s", error)
    return report


def tick_seconds(poll_minutes: float) -> float:
    """Seconds between looks for due feeds: a minute, or the interval when that is shorter."""
    return max(1.0, min(TICK_SECONDS, poll_minutes * 60))


async def poll_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Run one poll from the job queue; a failure is logged and the next poll still runs."""
    try:
        await poll_feeds(runtime_of(context))
    except Exception:
        logger.exception("feed poll failed")
