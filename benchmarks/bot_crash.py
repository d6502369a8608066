"""Kill `briefing run` with SIGKILL at random moments of a broadcast and count lost and duplicates.

Run: .venv/bin/python -m benchmarks.bot_crash [--runs 10] [--chats 200] [--rate 20] [--seed 7]

Three scenarios, each against the fake Bot API of tests/bot with the bot as a real process:
- catch-up, restart after the claim timeout: the slot was missed, the start-up catch-up sends it;
  the restart comes after the (shortened, 3 s) claim timeout, so claimed rows are retaken.
- catch-up, immediate restart: the killed process's claims are younger than the claim timeout
  (8 s) at the restart, so the running bot's stale-claim sweep must retake them.
- scheduled, restart after the claim timeout: the slot falls 6 s after start, the chats' jobs
  fire together (waits for a minute boundary: about a minute per run).
"""

from __future__ import annotations

import argparse
import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.reliability.crash import CrashResult, CrashSetup, run_crash

RESULTS = Path(__file__).parent / "results" / "bot_crash.md"


@dataclass(frozen=True, slots=True)
class Scenario:
    """One kind of crash and restart."""

    name: str
    claim_timeout: float
    restart_delay: float
    scheduled: bool


SCENARIOS = (
    Scenario("catch-up, restart after claim timeout (3 s)", 3.0, 3.5, False),
    Scenario("catch-up, immediate restart (claim timeout 8 s)", 8.0, 0.0, False),
    Scenario("scheduled, restart after claim timeout (3 s)", 3.0, 3.5, True),
)


def run(scenario: Scenario, fraction: float, delay: float, chats: int, rate: int) -> CrashResult:
    """Run one kill `delay` seconds after `fraction` of the broadcast, in a fresh folder."""
    setup = CrashSetup(
        chats=chats,
        rate=rate,
        kill_fraction=fraction,
        kill_delay=delay,
        claim_timeout=scenario.claim_timeout,
        restart_delay=scenario.restart_delay,
        scheduled=scenario.scheduled,
        idle_give_up=scenario.claim_timeout + 7.0,
    )
    with tempfile.TemporaryDirectory(prefix="bot-crash-") as work:
        return run_crash(Path(work), setup)


def main() -> None:
    """Run every scenario `--runs` times (the scheduled one `--scheduled-runs` times)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--scheduled-runs", type=int, default=3)
    parser.add_argument("--quick-runs", type=int, default=5)
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--rate", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    counts = dict(zip(SCENARIOS, (args.runs, args.quick_runs, args.scheduled_runs), strict=True))
    rows = [
        "| scenario | run | killed after (briefings) | rows sent / unfinished at kill "
        "| lost | duplicated |",
        "|---|---|---|---|---|---|",
    ]
    summary = []
    for scenario, runs in counts.items():
        lost = duplicated = 0
        for index in range(runs):
            fraction = rng.uniform(0.05, 0.95)
            delay = rng.uniform(0.0, 1.0 / args.rate)  # anywhere between two messages
            result = run(scenario, fraction, delay, args.chats, args.rate)
            lost += result.lost
            duplicated += result.duplicated
            rows.append(
                f"| {scenario.name} | {index + 1} | {result.kill_after} of {result.chats} "
                f"| {result.sent_rows_at_kill} / {result.unfinished_at_kill} "
                f"| {result.lost} | {result.duplicated} |"
            )
            print(rows[-1], flush=True)
        summary.append(
            f"| {scenario.name} | {runs} | {lost} | {duplicated} "
            f"| {duplicated / runs if runs else 0:.1f} |"
        )
    table = "\n".join(
        [
            f"# Crash mid-broadcast: SIGKILL at random moments ({args.chats} chats, "
            f"{args.rate} msg/s, seed {args.seed})",
            "",
            "| scenario | kills | lost in all | duplicated in all | duplicated per kill |",
            "|---|---|---|---|---|",
            *summary,
            "",
            "Lost: chats without the slot's briefing once the restarted bot went quiet. "
            "Duplicated: briefings beyond the first. The physical limit is the message in "
            "flight at the kill (Telegram has no idempotency key): at most 1 per kill.",
            "",
            *rows,
            "",
            "Command: `.venv/bin/python -m benchmarks.bot_crash "
            f"--runs {args.runs} --quick-runs {args.quick_runs} "
            f"--scheduled-runs {args.scheduled_runs} --chats {args.chats} --rate {args.rate} "
            f"--seed {args.seed}`",
        ]
    )
    print(table)
    RESULTS.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
