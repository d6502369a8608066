"""SIGKILL `briefing run` in the middle of a broadcast, start it again: nothing lost, no duplicate.

The bot runs as a real process against the fake Bot API on 127.0.0.1, with 200 subscribers and a
20 msg/s limit so the broadcast lasts about ten seconds; it is killed when the server has accepted
half of the briefings. Telegram has no idempotency key, so a message in flight at the instant of
the kill may arrive twice: that one is allowed, nothing more (see benchmarks/bot_crash.py for
the counts over many kills at random moments).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.crash import CrashResult, CrashSetup, run_crash


def _explain(result: CrashResult) -> str:
    start = "never" if result.start_seconds is None else f"{result.start_seconds:.1f} s"
    return (
        f"lost {result.lost}, duplicated {result.duplicated}; at the kill the server had "
        f"{result.kill_after} briefings, the database {result.sent_rows_at_kill} 'sent' and "
        f"{result.unfinished_at_kill} unfinished rows; the restarted bot's first briefing: "
        f"{start} after its start\n{result.log}"
    )


def test_restart_after_the_claim_timeout_delivers_every_missed_briefing_once(
    tmp_path: Path,
) -> None:
    # The slot was missed (due 2 minutes ago): the start-up catch-up sends it, 8 chats at a time.
    result = run_crash(tmp_path, CrashSetup(chats=200, claim_timeout=3.0, restart_delay=3.5))
    assert result.kill_after < result.chats, "killed too late to test anything"
    assert result.lost == 0, _explain(result)
    assert result.duplicated <= 1, _explain(result)


@pytest.mark.slow
def test_quick_restart_loses_no_briefing(tmp_path: Path) -> None:
    # An immediate restart, as a supervisor does it: the killed process's claims are still
    # younger than the claim timeout (8 s here, 5 minutes by default) and must be retaken later.
    setup = CrashSetup(chats=200, claim_timeout=8.0, restart_delay=0.0, idle_give_up=15.0)
    result = run_crash(tmp_path, setup)
    assert result.kill_after < result.chats, "killed too late to test anything"
    assert result.lost == 0, _explain(result)
    assert result.duplicated <= 1, _explain(result)


@pytest.mark.slow
def test_kill_mid_scheduled_broadcast_sends_no_duplicates(tmp_path: Path) -> None:
    # The slot is the next minute boundary; the bot starts 6 s before it (waits up to a minute).
    setup = CrashSetup(chats=100, claim_timeout=3.0, restart_delay=3.5, scheduled=True)
    result = run_crash(tmp_path, setup)
    assert result.kill_after < result.chats, "killed too late to test anything"
    assert result.lost == 0, _explain(result)
    assert result.duplicated <= 1, _explain(result)
