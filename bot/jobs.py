"""Briefing jobs: one JobQueue job per chat for its next slot, rebuilt from the database at start.

Schedules live in the chat_schedule table, not in APScheduler's job store (PTB jobs cannot be
pickled). Each job fires once at the chat's next slot and schedules the one after it, so the
slot arithmetic of bot.schedule (DST-safe) decides the times rather than APScheduler's cron.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from datetime import datetime
from typing import Any

from apscheduler.jobstores.base import JobLookupError
from telegram.ext import Application, ContextTypes, Job

from bot.delivery import Outcome, deliver
from bot.runtime import Runtime, runtime_of
from bot.schedule import latest_slot, next_slot
from bot.store import chats, deliveries
from bot.store.values import ChatInfo

logger = logging.getLogger(__name__)

CATCH_UP_CONCURRENCY = 8
RETRY_SECONDS = 30.0  # a slot whose delivery raised is tried again after this, within grace

AnyApp = Application[Any, Any, Any, Any, Any, Any]


def job_name(chat_id: int) -> str:
    """Return the name of a chat's briefing job (one per chat, replaced on every change)."""
    return f"briefing:{chat_id}"


JOBS_KEY = "briefing_jobs"


def _jobs(app: AnyApp) -> dict[int, Job[Any]]:
    """Each chat's pending briefing job, kept beside the queue.

    JobQueue.get_jobs_by_name walks every job, which made rescheduling 10,000 chats after a
    broadcast quadratic; this map finds a chat's job at once.
    """
    table = app.bot_data.setdefault(JOBS_KEY, {})
    assert isinstance(table, dict)
    return table


def _queue_briefing(app: AnyApp, rt: Runtime, chat_id: int, slot: datetime, when: float) -> None:
    """Queue (and remember) the job that delivers a chat's slot `when` seconds from now."""
    assert app.job_queue is not None
    _jobs(app)[chat_id] = app.job_queue.run_once(
        _briefing_job,
        when=when,
        data=slot,
        chat_id=chat_id,
        name=job_name(chat_id),
        # A busy loop must delay a briefing, not drop it (APScheduler's default grace is 1 s).
        job_kwargs={"misfire_grace_time": int(rt.settings.grace.total_seconds()) or None},
    )


def schedule_chat(
    app: AnyApp, rt: Runtime, chat: ChatInfo, after: datetime | None = None
) -> datetime | None:
    """Replace a chat's briefing job with one for its next slot.

    Args:
        app: the application (its job queue runs the job).
        rt: shared services (clock, grace).
        chat: the chat's current settings.
        after: schedule the first slot strictly after this instant (default: now).

    Returns:
        The slot scheduled, or None when the chat is unsubscribed or has no times.
    """
    if app.job_queue is None:
        return None
    drop_chat_job(app, chat.id)
    if not chat.subscribed:
        return None
    now = rt.now()
    slot = next_slot(chat.times, chat.timezone, max(now, after) if after else now)
    if slot is None:
        return None
    _queue_briefing(app, rt, chat.id, slot, max((slot - now).total_seconds(), 0.0))
    return slot


def drop_chat_job(app: AnyApp, chat_id: int) -> None:
    """Remove a chat's briefing job, if it has one (one that already ran is simply forgotten)."""
    job = _jobs(app).pop(chat_id, None)
    if job is not None and not job.removed:
        with contextlib.suppress(JobLookupError):  # a run_once job leaves the queue when it runs
            job.schedule_removal()


async def refresh_chat_job(app: AnyApp, rt: Runtime, chat_id: int) -> datetime | None:
    """Re-read a chat from the database and replace (or drop) its briefing job accordingly."""
    chat = await rt.db(chats.get_chat, chat_id=chat_id)
    if chat is None:
        return None
    return schedule_chat(app, rt, chat)


async def _briefing_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Deliver the slot this job was scheduled for, then schedule the chat's next one."""
    job = context.job
    assert job is not None and job.chat_id is not None and isinstance(job.data, datetime)
    rt = runtime_of(context)
    chat = await rt.db(chats.get_chat, chat_id=job.chat_id)
    if chat is None or not chat.subscribed:
        return
    try:
        if await deliver(context.bot, rt, chat, job.data) is Outcome.STOPPED:
            return  # the next run restores the schedules and resumes this slot
    except Exception:  # e.g. the database stayed locked past its busy timeout
        logger.exception("briefing for chat %s at %s failed; retrying", chat.id, job.data)
        if rt.now() - job.data < rt.settings.grace and context.job_queue is not None:
            _queue_briefing(context.application, rt, chat.id, job.data, RETRY_SECONDS)
            return
    if _jobs(context.application).get(chat.id) is not job:
        return  # a command rescheduled or dropped the chat while it was being sent
    if chat.kind == "group":  # only a basic group can become a supergroup (a new id) meanwhile
        fresh = await rt.db(chats.get_chat, chat_id=job.chat_id)
        if fresh is None:  # it moved while sending: rebuild from the database
            await restore_schedules(context.application, rt)
            return
        chat = fresh
    # The settings read when the job fired are fresh enough for the next slot: a change made
    # since through this process replaced the job (above), and the next firing reads again.
    schedule_chat(context.application, rt, chat, after=job.data)


async def catch_up(app: AnyApp, rt: Runtime) -> dict[Outcome, int]:
    """Send briefings missed while the bot was down, within the grace period, once each.

    Rows left 'claimed' by a crash (older than the claim timeout) are taken over; each subscribed
    chat gets the newest slot of the grace window if no run has claimed it. Chats are served
    several at a time (the rate limiter paces the sends), each chat's slots in order.

    Args:
        app: the application.
        rt: shared services.

    Returns:
        How many deliveries ended in each way.
    """
    now = rt.now()
    work: dict[int, list[tuple[ChatInfo, datetime, bool]]] = {}
    stale = await rt.db(
        deliveries.stale_claims,
        claimed_before=now - rt.settings.claim_timeout,
        slot_after=now - rt.settings.grace,
    )
    for row in stale:
        chat = await rt.db(chats.get_chat, chat_id=row.chat_id)
        if chat is not None and chat.subscribed:
            work.setdefault(chat.id, []).append((chat, row.slot, True))
    for chat in await rt.db(chats.subscribed_chats):
        slot = latest_slot(chat.times, chat.timezone, now, rt.settings.grace)
        if slot is not None and (chat.subscribed_at is None or slot >= chat.subscribed_at):
            work.setdefault(chat.id, []).append((chat, slot, False))
    gate = asyncio.Semaphore(CATCH_UP_CONCURRENCY)

    async def serve(items: list[tuple[ChatInfo, datetime, bool]]) -> list[Outcome]:
        async with gate:
            done = []
            for chat, slot, retake in items:
                outcome = await deliver(app.bot, rt, chat, slot, retake=retake)
                done.append(outcome)
                if outcome is Outcome.STOPPED:
                    break
                if outcome is Outcome.BLOCKED:
                    await refresh_chat_job(app, rt, chat.id)
                    break
                if await rt.db(chats.get_chat, chat_id=chat.id) is None:  # now a supergroup
                    drop_chat_job(app, chat.id)
                    await restore_schedules(app, rt)
                    break
            return done

    results = await asyncio.gather(*(serve(items) for items in work.values()))
    outcomes = Counter(outcome for done in results for outcome in done)
    if outcomes:
        logger.info("catch-up after start: %s", {k.value: v for k, v in outcomes.items()})
    return dict(outcomes)


async def restore_schedules(app: AnyApp, rt: Runtime) -> int:
    """Rebuild every subscribed chat's job from the database; return how many were scheduled."""
    count = 0
    for chat in await rt.db(chats.subscribed_chats):
        if schedule_chat(app, rt, chat) is not None:
            count += 1
    logger.info("restored briefing schedules of %d chat(s)", count)
    return count


async def _catch_up_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Run the start-up catch-up from the job queue (once the application is running)."""
    await catch_up(context.application, runtime_of(context))


async def retake_stale(app: AnyApp, rt: Runtime) -> dict[Outcome, int]:
    """Finish deliveries whose sender died (claims older than the claim timeout), once each.

    Rows this process is handling are left alone; a live sender renews its claims on a
    heartbeat (three times per claim timeout) and after every part, so only a dead one's rows
    grow stale.
    """
    now = rt.now()
    stale = await rt.db(
        deliveries.stale_claims,
        claimed_before=now - rt.settings.claim_timeout,
        slot_after=now - rt.settings.grace,
    )
    outcomes: Counter[Outcome] = Counter()
    for row in stale:
        if (row.chat_id, row.slot) in rt.active:
            continue
        chat = await rt.db(chats.get_chat, chat_id=row.chat_id)
        if chat is not None and chat.subscribed:
            outcomes[await deliver(app.bot, rt, chat, row.slot, retake=True)] += 1
    if outcomes:
        logger.info("stale deliveries retaken: %s", {k.value: v for k, v in outcomes.items()})
    return dict(outcomes)


async def _stale_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Periodically retake deliveries left behind by a crashed sender (this or another bot)."""
    await retake_stale(context.application, runtime_of(context))


async def renew_claims(rt: Runtime) -> int:
    """Renew the claims of every delivery this process is handling; return how many."""
    if not rt.active:
        return 0
    keys = sorted(rt.active)
    return await rt.record(deliveries.renew_claims, keys=keys, now=rt.now())


async def _heartbeat_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Keep this process's claims young while their chats wait for their turn to be sent."""
    await renew_claims(runtime_of(context))


async def start_scheduling(app: AnyApp, rt: Runtime) -> None:
    """Restore jobs, then catch up missed slots in a job (start-up is not held up by sending).

    A repeating job also retakes stale claims, so a briefing claimed by a bot that died after
    this one started is still sent, one claim timeout later; another renews this process's
    own claims three times per claim timeout, so none of them looks stale while it waits.
    """
    await restore_schedules(app, rt)
    if app.job_queue is not None:
        app.job_queue.run_once(
            _catch_up_job, when=0, name="catch-up", job_kwargs={"misfire_grace_time": None}
        )
        every = max(5.0, rt.settings.claim_timeout.total_seconds() / 2)
        app.job_queue.run_repeating(
            _stale_job,
            interval=every,
            first=rt.settings.claim_timeout.total_seconds() + 1,
            name="stale-claims",
            job_kwargs={"misfire_grace_time": None, "coalesce": True},
        )
        beat = rt.settings.claim_timeout.total_seconds() / 3
        app.job_queue.run_repeating(
            _heartbeat_job,
            interval=beat,
            first=beat,
            name="claim-heartbeat",
            job_kwargs={"misfire_grace_time": None, "coalesce": True},
        )
