"""The daily prune job: old articles go in a worker thread, off the event loop."""

from __future__ import annotations

import logging

from telegram.ext import ContextTypes

from bot.runtime import Runtime, runtime_of
from summarizer.views import PruneReport

logger = logging.getLogger(__name__)

JOB_NAME = "prune"
EVERY_SECONDS = 24 * 3600.0
FIRST_SECONDS = 300.0  # the first run waits for start-up (catch-up, the first polls)


async def prune_now(rt: Runtime) -> PruneReport:
    """Prune articles older than store.retention_days in a worker thread."""
    report = await rt.domain(rt.service.prune)
    logger.info(
        "pruned %d article(s), %d event(s), %d story(ies) published before %s",
        report.articles,
        report.events,
        report.stories,
        report.before,
    )
    return report


async def prune_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Run the prune from the job queue; a failure is logged and tomorrow's still runs."""
    try:
        await prune_now(runtime_of(context))
    except Exception:
        logger.exception("pruning failed")
