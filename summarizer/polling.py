"""Feed polling that scales out: each due feed leased to one process, polled, then rescheduled.

Any number of processes (bots, `briefing feeds poll` from cron) may poll one database: a feed
is claimed with a lease in its row (summarizer.store.feeds.claim_feed), fetched and ingested
(conditional GET through the fetch cache; what it brings is linked to it in the transaction
that stores it, summarizer.store.feeds.link_articles), and given its next time: its own
interval after a success, an exponential backoff after a failure (one interval, then two,
four... capped at `feeds.max_backoff_hours`). A process that dies mid-poll leaves a lease that
lapses after `feeds.lease_minutes`, and another process takes the feed over.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from summarizer.config import FeedsSection, read_section
from summarizer.errors import BriefingError
from summarizer.store import feeds as feed_store
from summarizer.views import FeedStatus, IngestReport, PollReport

logger = logging.getLogger(__name__)

_FEEDS = FeedsSection()
MIN_INTERVAL = timedelta(minutes=1)  # the backoff's base when a feed's interval is shorter


@dataclass(frozen=True, slots=True)
class PollPolicy:
    """How often feeds are polled, how long a lease holds, and the longest backoff."""

    # The defaults are those of the [feeds] section.
    interval: timedelta = timedelta(minutes=_FEEDS.poll_minutes)
    lease: timedelta = timedelta(minutes=_FEEDS.lease_minutes)
    max_backoff: timedelta = timedelta(hours=_FEEDS.max_backoff_hours)

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> PollPolicy:
        """The policy of the configuration's [feeds] section (defaults where absent)."""
        feeds = read_section(config, "feeds", FeedsSection)
        return cls(
            interval=timedelta(minutes=max(0.0, feeds.poll_minutes)),
            lease=timedelta(minutes=max(1.0, feeds.lease_minutes)),
            max_backoff=timedelta(hours=max(0.0, feeds.max_backoff_hours)),
        )

    def interval_of(self, minutes: float | None) -> timedelta:
        """A feed's interval: its own when set, else the configured one."""
        return timedelta(minutes=minutes) if minutes is not None else self.interval

    def retry_after(self, minutes: float | None, failures: int) -> timedelta:
        """The wait before retrying a feed that failed `failures` times in a row (at least 1).

        One interval after the first failure, doubling with each further one, capped at
        `max_backoff` (and never under MIN_INTERVAL).
        """
        base = max(self.interval_of(minutes), MIN_INTERVAL)
        doublings = min(max(failures - 1, 0), 32)  # 2**32 intervals outlast any cap
        return min(base * (1 << doublings), max(self.max_backoff, MIN_INTERVAL))


def process_name() -> str:
    """A name for this process as a lease owner: host, pid and a random tag."""
    return f"{socket.gethostname()[:80]}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def _feed_error(url: str, report: IngestReport) -> str | None:
    """The error of the feed itself (not fetched, not a feed), None when it was read."""
    for failure in report.failures:
        if failure.location == url:
            return failure.message
    return None


def poll_feeds(
    engine: Engine,
    ingest: Callable[[str, int], IngestReport],
    *,
    policy: PollPolicy,
    owner: str,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    due_only: bool = True,
    limit: int | None = None,
) -> PollReport:
    """Poll feeds one at a time, each under a lease, until none is free (and due).

    Args:
        engine: the database holding the feeds.
        ingest: ingests a feed, given its address and id (BriefingService.ingest with the
            feed: what it brings is linked to it as it is stored, for the chats reading it).
        policy: intervals, lease and backoff.
        owner: this process's name as lease owner.
        clock: the current time (tests pass a fixed one).
        due_only: only feeds whose time has come; False polls every active feed once.
        limit: the most feeds to poll in this run (None: all).

    Returns:
        Counts over the feeds polled, and the feeds that failed with their status after it.
    """
    polled: list[int] = []
    new = duplicate = failed = 0
    errors: list[str] = []
    failing: list[FeedStatus] = []
    while limit is None or len(polled) < limit:
        with Session(engine) as session:
            claimed = feed_store.claim_feed(
                session=session,
                owner=owner,
                now=clock(),
                lease=policy.lease,
                due_only=due_only,
                skip=polled,
            )
        if claimed is None:
            break
        feed_id, url = claimed
        polled.append(feed_id)
        try:
            report = ingest(url, feed_id)
            error = _feed_error(url, report)
        except Exception as exc:  # a bug or a lost database: recorded on the feed, run goes on
            logger.exception("polling %s failed", url)
            # Briefing's own errors name the feed and the step (linking its articles).
            error = str(exc) if isinstance(exc, BriefingError) else f"{url}: internal error: {exc}"
            report = IngestReport(failed=1)
            errors.append(error)
        new, duplicate, failed = (
            new + report.new,
            duplicate + report.duplicate,
            failed + report.failed,
        )
        errors.extend(report.errors)
        status = _finish(engine, feed_id, owner=owner, policy=policy, now=clock(), error=error)
        if error is not None and status is not None:
            failing.append(status)
            logger.warning(
                "feed %s failed %d time(s) in a row; next try %s: %s",
                url,
                status.failures,
                status.next_poll,
                error,
            )
    return PollReport(
        polled=len(polled),
        new=new,
        duplicate=duplicate,
        failed=failed,
        errors=tuple(errors),
        failing=tuple(failing),
    )


def _finish(
    engine: Engine,
    feed_id: int,
    *,
    owner: str,
    policy: PollPolicy,
    now: datetime,
    error: str | None,
) -> FeedStatus | None:
    """Reschedule a polled feed (interval, or backoff after a failure) and release its lease."""
    with Session(engine) as session:
        failures, minutes = feed_store.feed_failures(session=session, feed_id=feed_id)
        wait = (
            policy.interval_of(minutes)
            if error is None
            else policy.retry_after(minutes, failures + 1)
        )
        return feed_store.finish_poll(
            session=session,
            feed_id=feed_id,
            owner=owner,
            now=now,
            next_poll=now + wait,
            error=error,
        )
