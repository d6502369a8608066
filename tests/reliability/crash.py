"""One crash experiment: a broadcast, SIGKILL part-way, restart, count lost and duplicates."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tests.bot.fake_api import Limits
from tests.reliability.fakes import FaultyBotApi
from tests.reliability.procs import (
    TOKEN,
    BotConfig,
    BotProcess,
    briefings_per_chat,
    delivery_statuses,
    ingest_sample,
    minute_slot,
    subscribe_chats,
    wait_until,
)

logger = logging.getLogger(__name__)

FIRST_CHAT = 10_001


@dataclass(frozen=True, slots=True)
class CrashResult:
    """What one kill-and-restart left behind."""

    chats: int
    kill_after: int  # briefings the server had accepted when the kill was sent
    unfinished_at_kill: int  # delivery rows left 'claimed' or 'sending' by the killed process
    sent_rows_at_kill: int
    lost: int  # chats without any briefing for the slot at the end
    duplicated: int  # briefings beyond the first, over all chats
    restart_seconds: float  # from the second start to the last chat served (or giving up)
    start_seconds: float | None  # from the second start to its first briefing (None: none)
    log: str  # the tail of the restarted process's log


@dataclass(frozen=True, slots=True)
class CrashSetup:
    """Parameters of one experiment."""

    chats: int = 200
    rate: int = 20  # messages per second, in the fake and in the bot
    kill_fraction: float = 0.5
    kill_delay: float = 0.0  # seconds between reaching kill_fraction and the kill
    claim_timeout: float = 300.0
    restart_delay: float = 0.0
    settle: float = 1.5  # wait for late duplicates after every chat is served
    idle_give_up: float = 6.0  # once the restarted bot sends, give up after this long idle
    start_up: float = 90.0  # how long the restarted bot may take to send its first briefing
    scheduled: bool = False  # slot a few seconds after start (jobs) instead of 2 minutes ago


def _scheduled_slot() -> tuple[datetime, str]:
    """The next minute boundary at least 12 s away (start-up takes a few seconds)."""
    now = datetime.now(UTC)
    slot, hhmm = minute_slot(1, now)
    if (slot - now).total_seconds() < 12:
        slot, hhmm = minute_slot(2, now)
    return slot, hhmm


def prepare(work: Path, setup: CrashSetup) -> tuple[str, list[int], datetime]:
    """Create the database: the sample ingested, `chats` chats due at one slot; return it."""
    db_url = f"sqlite:///{work / 'crash.db'}"
    ingest_sample(db_url)
    ids = list(range(FIRST_CHAT, FIRST_CHAT + setup.chats))
    slot, hhmm = _scheduled_slot() if setup.scheduled else minute_slot(-2)
    subscribe_chats(db_url, ids, hhmm)
    return db_url, ids, slot


def run_crash(work: Path, setup: CrashSetup) -> CrashResult:
    """Start the bot, kill it with SIGKILL after `kill_fraction` of the briefings, restart it.

    Args:
        work: an empty folder for the database, the config and the logs.
        setup: the experiment's parameters.

    Returns:
        The counts of lost and duplicated briefings.
    """
    fake = FaultyBotApi(token=TOKEN, limits=Limits(chat_interval=1.0, global_per_second=setup.rate))
    fake.start()
    try:
        db_url, ids, slot = prepare(work, setup)
        for chat_id in ids:
            fake.private_chat(chat_id)
        config = BotConfig(
            db_url=db_url, messages_per_second=setup.rate, claim_timeout=setup.claim_timeout
        ).write(work / "bot.toml")
        kill_after = max(1, round(setup.chats * setup.kill_fraction))
        if setup.scheduled:  # start 6 s before the slot: the jobs fire, not the catch-up
            time.sleep(max(0.0, (slot - datetime.now(UTC)).total_seconds() - 6))
        first = BotProcess(config, fake, work / "bot-1.log").start()
        try:
            reached = wait_until(lambda: sum(briefings_per_chat(fake).values()) >= kill_after, 90)
            time.sleep(setup.kill_delay)
        finally:
            first.kill()
        if not reached:
            raise RuntimeError(f"the broadcast never got going:\n{first.log_tail()}")
        accepted = sum(briefings_per_chat(fake).values())
        statuses = delivery_statuses(db_url, ids)
        time.sleep(setup.restart_delay)
        before = sum(briefings_per_chat(fake).values())  # taken before the restart can send
        second = BotProcess(config, fake, work / "bot-2.log").start()
        started = time.monotonic()
        try:
            wait = wait_served(
                lambda: briefings_per_chat(fake),
                ids,
                start_up=setup.start_up,
                idle_give_up=setup.idle_give_up,
                before=before,
            )
            served = time.monotonic() - started
            time.sleep(setup.settle)
        finally:
            second.stop()
        counts = briefings_per_chat(fake)
        return CrashResult(
            chats=len(ids),
            kill_after=accepted,
            unfinished_at_kill=statuses.get("claimed", 0) + statuses.get("sending", 0),
            sent_rows_at_kill=statuses.get("sent", 0),
            lost=sum(1 for chat_id in ids if counts[chat_id] == 0),
            duplicated=sum(max(0, counts[chat_id] - 1) for chat_id in ids),
            restart_seconds=served,
            start_seconds=None if wait.first is None else wait.first - started,
            log=second.log_tail(),
        )
    finally:
        fake.stop()


@dataclass(frozen=True, slots=True)
class Waited:
    """How `wait_served` ended: every chat served or not, and when the first new briefing came."""

    served: bool
    first: float | None  # clock reading of the first briefing after the restart (None: none)


def wait_served(
    counts: Callable[[], Counter[int]],
    ids: Sequence[int],
    *,
    start_up: float,
    idle_give_up: float,
    before: int | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> Waited:
    """Wait until every chat has a briefing, or the restarted bot stops sending.

    The bot first starts (interpreter, imports, getMe, its schedules, the first rendering),
    which on a loaded machine can take longer than any pause between two briefings: it has
    `start_up` seconds to send its first, and only from then on does a pause longer than
    `idle_give_up` end the wait. (Giving up while it starts would count every briefing it
    was about to send as lost: the stop that follows is clean, bot.serve winds a start-up
    down, but the next run would send them, not this one.)

    Args:
        counts: briefings per chat so far (the fake Bot API's).
        ids: the chats that must be served.
        start_up: seconds allowed until the first new briefing.
        idle_give_up: seconds allowed between two briefings after that.
        before: the briefings sent before the restart (taken before it starts, so one it sends
            before the first look counts as its first); None: those of the first look.
        clock: monotonic seconds (tests drive it).
        sleep: waits between two looks (tests drive it).

    Returns:
        Whether every chat was served, and when the first new briefing was seen.
    """
    last_total = sum(counts().values()) if before is None else before  # the killed one's
    last_change = clock()
    first: float | None = None
    while True:
        now_counts = counts()
        now = clock()
        if all(now_counts[chat_id] for chat_id in ids):
            return Waited(served=True, first=now if first is None else first)
        total = sum(now_counts.values())
        if total != last_total:
            last_total, last_change = total, now
            first = now if first is None else first
        elif now - last_change > (start_up if first is None else idle_give_up):
            return Waited(served=False, first=first)
        sleep(0.05)
