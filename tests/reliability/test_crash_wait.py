"""The crash harness waits for a restarted bot to start before it counts a pause as the end.

The flake of test_restart_after_the_claim_timeout_delivers_every_missed_briefing_once: on a
loaded machine the restarted bot took longer to send its first briefing than the 6 s the
harness allowed between two briefings, so the harness stopped it while it was starting: every
missed briefing lost, and the log's tail held PTB's errors from the interrupted start-up rather
than the cause. The clock here is driven by the test: no real time passes.
"""

from __future__ import annotations

from collections import Counter

from tests.reliability.crash import Waited, wait_served

CHATS = [1, 2, 3]


class Script:
    """A fake clock and the briefings that arrive at given instants on it."""

    def __init__(self, arrivals: list[tuple[float, int]], *, before: Counter[int]) -> None:
        """Args: arrivals: (instant, chat) of each briefing; before: what the killed bot sent."""
        self.now = 0.0
        self.arrivals = arrivals
        self.before = before

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds

    def counts(self) -> Counter[int]:
        arrived = Counter(chat for at, chat in self.arrivals if at <= self.now)
        return self.before + arrived


def test_a_start_up_longer_than_the_idle_limit_is_waited_for() -> None:
    # Chat 1 was served before the kill; the restarted bot needs 10 s to send anything.
    script = Script([(10.0, 2), (10.5, 3)], before=Counter({1: 1}))
    waited = wait_served(
        script.counts,
        CHATS,
        start_up=90.0,
        idle_give_up=6.0,
        clock=script.clock,
        sleep=script.sleep,
    )
    assert waited.served
    assert waited.first is not None and 10.0 <= waited.first < 10.5


def test_a_pause_after_the_first_briefing_still_ends_the_wait() -> None:
    # The bot starts, sends one briefing, then nothing: the wait ends one idle limit later.
    script = Script([(2.0, 2)], before=Counter({1: 1}))
    waited = wait_served(
        script.counts,
        CHATS,
        start_up=90.0,
        idle_give_up=6.0,
        clock=script.clock,
        sleep=script.sleep,
    )
    assert waited == Waited(served=False, first=waited.first)
    assert waited.first is not None and 2.0 <= waited.first < 2.1
    assert 8.0 < script.now < 8.2


def test_a_bot_that_never_sends_is_given_up_after_the_start_up_limit() -> None:
    script = Script([], before=Counter({1: 1}))
    waited = wait_served(
        script.counts,
        CHATS,
        start_up=30.0,
        idle_give_up=6.0,
        clock=script.clock,
        sleep=script.sleep,
    )
    assert waited == Waited(served=False, first=None)
    assert 30.0 < script.now < 30.2


def test_a_briefing_sent_before_the_first_look_counts_as_the_first() -> None:
    # The restarted bot sends chat 2's briefing at once, then pauses: counted from the count
    # taken before the restart, that briefing starts the idle limit (not the start-up's).
    four = [1, 2, 3, 4]
    script = Script([(0.0, 2), (20.0, 3)], before=Counter({1: 1}))
    waited = wait_served(
        script.counts,
        four,
        start_up=90.0,
        idle_give_up=6.0,
        before=1,
        clock=script.clock,
        sleep=script.sleep,
    )
    assert not waited.served
    assert waited.first == 0.0
