"""Load on the bot: scheduled broadcasts at several flood limits, 1,000 commands at once.

Run: .venv/bin/python -m benchmarks.bot_load [--broadcasts SPEC,...] [--commands 1000]

The fake Bot API of tests/bot (HTTP on 127.0.0.1, Telegram's checks, 429 on any flood-limit breach)
runs in this process; the bot runs as `briefing run`, a separate process with its own GIL.
(a) Broadcast: every chat is due at one slot, the next minute boundary after start-up. Each
    SPEC is CHATS:RATE:LATENCY_MS:IN_FLIGHT[:ASKING]: the fake's global limit and the bot's
    messages_per_second are set to RATE (Telegram's is 30; 1/s per chat stays), the fake holds
    each answer back LATENCY_MS (0: loopback; real Telegram is tens of ms away), and the bot
    runs with bot.max_in_flight = IN_FLIGHT. Reported: briefings per second from the first to
    the last, as a share of the limit, and 429 answers. With ASKING, other users send /help
    and /events, ASKING a second for ASK_SECONDS from the first briefing on, and their
    latency (update delivered to reply) shows whether the bot stays responsive while it
    broadcasts.
(b) Commands: --commands updates from as many chats (half /help, half /events, or /help only)
    queued at once; latency from the getUpdates answer that delivered an update to the reply
    reaching the server. At a flood limit of R msg/s, N replies cannot all be out before N/R s,
    so the table shows the p95 that pacing alone would give beside each; the rows with the
    limit lifted measure the bot itself (benchmarks.command_floor measures it with no network
    and no server at all).
(c) Sending alone: --chats messages through the bot's PacingRateLimiter and PTB (no database,
    no rendering), in a process of its own, to show what the sending path reaches.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import Session

from bot.store import chats
from summarizer.store.db import make_engine
from tests.bot.fake_api import Limits
from tests.reliability.fakes import FaultyBotApi
from tests.reliability.procs import (
    REPO_ROOT,
    TOKEN,
    BotConfig,
    BotProcess,
    briefings_per_chat,
    ingest_sample,
    minute_slot,
    subscribe_chats,
    wait_until,
)

RESULTS = Path(__file__).parent / "results" / "bot_load.md"
FIRST_CHAT = 100_000
FIRST_ASKER = 900_000  # chats that ask during a broadcast (not subscribed)
ASK_SECONDS = 20.0


def broadcast(
    work: Path,
    chats: int,
    rate: int,
    lead: float,
    in_flight: int,
    latency: float = 0.0,
    asking: float = 0.0,
) -> dict[str, float]:
    """Run one scheduled broadcast to `chats` chats with the limit scaled to `rate` msg/s.

    Args:
        work: an empty folder for the database, the config and the log.
        chats: how many subscribed chats.
        rate: the flood limit in msg/s, in the fake and in the bot.
        lead: at least this many seconds from the start to the slot.
        in_flight: the bot's max_in_flight (unrecorded sends at once).
        latency: seconds the fake holds each answer back (the network's round trip).
        asking: commands per second other users send during the broadcast (0: none).

    Returns:
        Chats served, seconds from the first briefing to the last, achieved rate, 429 count,
        and with `asking` the commands' latency percentiles (ms).
    """
    limits = Limits(chat_interval=1.0, global_per_second=rate)
    fake = FaultyBotApi(token=TOKEN, limits=limits, latency=latency)
    fake.start()
    try:
        ids = list(range(FIRST_CHAT, FIRST_CHAT + chats))
        askers = list(range(FIRST_ASKER, FIRST_ASKER + round(asking * ASK_SECONDS)))
        for chat_id in ids + askers:
            fake.private_chat(chat_id)
        db_url = f"sqlite:///{work / 'load.db'}"
        ingest_sample(db_url)
        subscribe_chats(db_url, ids, "00:00")
        now, minutes = datetime.now(UTC), 1
        while (minute_slot(minutes, now)[0] - now).total_seconds() < lead:
            minutes += 1
        _slot, hhmm = minute_slot(minutes, now)
        _set_times(db_url, ids, hhmm)
        config = BotConfig(db_url=db_url, messages_per_second=rate, max_in_flight=in_flight)
        bot = BotProcess(config.write(work / "bot.toml"), fake, work / "bot.log").start()
        asked: list[tuple[int, str, int]] = []
        asker = threading.Thread(target=_ask_during, args=(fake, askers, asking, asked))
        asker.start()
        try:
            last = [0, time.monotonic()]

            def done() -> bool:
                count = len(fake.sent())
                if count != last[0]:
                    last[0], last[1] = count, time.monotonic()
                expected = chats + len(askers)  # one message per briefing and per reply
                return count >= expected or (count > 0 and time.monotonic() - last[1] > 60)

            wait_until(done, lead + 3600, 0.5)
        finally:
            bot.stop()
            asker.join()
        sent = sorted(s.at for s in fake.sent() if s.text.startswith("Briefing"))
        served = len(briefings_per_chat(fake))
        span = sent[-1] - sent[0] if len(sent) > 1 else float("nan")
        achieved = (len(sent) - 1) / span if len(sent) > 1 else 0.0
        log = bot.log.read_text(encoding="utf-8", errors="replace")
        return {
            "chats": chats,
            "served": served,
            "messages": len(sent),
            "seconds": span,
            "achieved": achieved,
            "allowed": rate,
            "ratio": achieved / rate,
            "429": len(fake.state.violations),
            "catch_up": float("catch-up after start" in log),
            **_percentiles(_latencies(fake, asked)),
        }
    finally:
        fake.stop()


def _ask_during(
    fake: FaultyBotApi, askers: list[int], per_second: float, asked: list[tuple[int, str, int]]
) -> None:
    """From the first briefing on, queue /help and /events from `askers`, `per_second` a second.

    Each (chat, command, update id) goes into `asked`.
    """
    if not askers or not wait_until(lambda: bool(fake.sent()), 3600, 0.01):
        return
    start = time.monotonic()
    for index, chat_id in enumerate(askers):
        time.sleep(max(0.0, start + index / per_second - time.monotonic()))
        text = "/events" if index % 2 else "/help"
        asked.append((chat_id, text, fake.user_says(chat_id, text)))


def _latencies(fake: FaultyBotApi, asked: list[tuple[int, str, int]]) -> dict[str, list[float]]:
    """Milliseconds from each command's delivery to the first message in its chat, by command."""
    first_reply: dict[int, float] = {}
    for message in fake.sent():
        first_reply.setdefault(message.chat_id, message.at)
    latencies: dict[str, list[float]] = {"/help": [], "/events": []}
    for chat_id, text, update_id in asked:
        if chat_id in first_reply and update_id in fake.delivered:
            latencies[text].append(1000 * (first_reply[chat_id] - fake.delivered[update_id]))
    return latencies


def _percentiles(latencies: dict[str, list[float]]) -> dict[str, float]:
    """p50, p95 and p99 of every command ("all") and of each kind, and how many were answered."""
    every = latencies["/help"] + latencies["/events"]
    row = {"answered": float(len(every))}
    for name, values in (("all", every), *latencies.items()):
        values = sorted(values)
        for pct in (50, 95, 99):
            row[f"{name} p{pct}"] = _percentile(values, pct)
        row[f"{name} max"] = values[-1] if values else float("nan")
    return row


def _set_times(db_url: str, chat_ids: list[int], hhmm: str) -> None:
    """Move every chat's delivery time (the slot is picked once the chats exist)."""
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            for chat_id in chat_ids:
                chats.set_times(session=session, chat_id=chat_id, times=[hhmm])
    finally:
        engine.dispose()


def commands(work: Path, count: int, rate: int, mix: bool = True) -> dict[str, float]:
    """Queue `count` commands from as many chats at once; return latency percentiles (ms).

    Args:
        work: a folder for the database and the logs.
        count: how many commands (one per chat).
        rate: the flood limit, msg/s, in the fake and in the bot.
        mix: half /help, half /events; False: /help only.

    Returns:
        Percentiles of every command and of each kind, answers and 429 count.
    """
    fake = FaultyBotApi(token=TOKEN, limits=Limits(chat_interval=1.0, global_per_second=rate))
    fake.start()
    try:
        db_url = f"sqlite:///{work / f'commands-{rate}-{mix}.db'}"
        ingest_sample(db_url)
        config = BotConfig(db_url=db_url, messages_per_second=rate).write(work / "cmd.toml")
        ids = list(range(FIRST_CHAT, FIRST_CHAT + count))
        for chat_id in ids:
            fake.private_chat(chat_id)
        warm = FIRST_CHAT - 1
        fake.private_chat(warm)
        bot = BotProcess(config, fake, work / "cmd.log").start()
        try:
            if not wait_until(lambda: bool(fake.calls("setMyCommands")), 60, 0.05):
                raise RuntimeError(bot.log_tail())
            fake.user_says(warm, "/events")  # first call pays for imports and caches
            wait_until(lambda: bool(fake.sent(warm)), 30, 0.05)
            texts = [(c, "/help" if i % 2 or not mix else "/events") for i, c in enumerate(ids)]
            update_ids = fake.queue_many(texts)
            wait_until(lambda: len(fake.sent()) >= count + 1, 600, 0.1)
        finally:
            bot.stop()
        asked = [(c, text, u) for (c, text), u in zip(texts, update_ids, strict=True)]
        row = {"commands": count, "allowed": rate, "429": len(fake.state.violations)}
        return row | _percentiles(_latencies(fake, asked))
    finally:
        fake.stop()


def _percentile(values: list[float], pct: int) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def send_only(chats: int, rate: int) -> dict[str, float]:
    """Send one message to each of `chats` chats through PacingRateLimiter and PTB.

    The sender is its own process (tests/reliability/send_only.py), as the bot is in (a).
    """
    fake = FaultyBotApi(token=TOKEN, limits=Limits(chat_interval=1.0, global_per_second=rate))
    fake.start()
    try:
        for chat_id in range(FIRST_CHAT, FIRST_CHAT + chats):
            fake.private_chat(chat_id)
        command = [sys.executable, "-m", "tests.reliability.send_only", fake.url, TOKEN]
        command += [str(FIRST_CHAT), str(chats), str(rate)]
        subprocess.run(command, cwd=REPO_ROOT, check=True, timeout=3600)
        sent = sorted(s.at for s in fake.sent())
        achieved = (len(sent) - 1) / (sent[-1] - sent[0])
        return {
            "messages": len(sent),
            "achieved": achieved,
            "allowed": rate,
            "ratio": achieved / rate,
            "429": len(fake.state.violations),
        }
    finally:
        fake.stop()


@dataclass(frozen=True, slots=True)
class BroadcastSpec:
    """One broadcast row: chats, flood limit (msg/s), answer latency (ms), bot.max_in_flight,
    and commands a second from other users during the broadcast."""

    chats: int
    rate: int
    latency_ms: float
    in_flight: int
    asking: float = 0.0

    @classmethod
    def parse(cls, text: str) -> BroadcastSpec:
        """Read CHATS:RATE:LATENCY_MS:IN_FLIGHT[:ASKING]."""
        chats, rate, latency, in_flight, *asking = text.split(":")
        extra = float(asking[0]) if asking else 0.0
        return cls(int(chats), int(rate), float(latency), int(in_flight), extra)

    def __str__(self) -> str:
        text = f"{self.chats}:{self.rate}:{self.latency_ms:g}:{self.in_flight}"
        return f"{text}:{self.asking:g}" if self.asking else text


DEFAULT_BROADCASTS = (
    "10000:300:0:1,10000:100:0:1,2000:30:50:1,2000:30:50:2,2000:30:0:1,2000:30:50:2:5"
)
COMMAND_ROWS = ((30, True), (1000, True), (100_000, True), (100_000, False))


def main() -> None:
    """Run the three measurements, print the Markdown table and write it to results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--broadcasts", default=DEFAULT_BROADCASTS, help="SPEC,SPEC,...")
    parser.add_argument("--chats", type=int, default=10_000, help="messages of (c)")
    parser.add_argument("--rate", type=int, default=300, help="flood limit of (c)")
    parser.add_argument("--commands", type=int, default=1000)
    parser.add_argument("--lead", type=float, default=60.0, help="seconds from start to slot")
    parser.add_argument("--skip-broadcast", action="store_true")
    args = parser.parse_args()
    specs = [BroadcastSpec.parse(text) for text in args.broadcasts.split(",") if text]
    lines = ["# bot_load: scheduled broadcasts, commands at once, sending alone", ""]
    with tempfile.TemporaryDirectory(prefix="bot-load-") as folder:
        work = Path(folder)
        lines += [
            "#### (c) Sending alone (PacingRateLimiter + PTB, no database, no rendering)",
            "",
            "| messages | allowed msg/s | achieved msg/s | achieved / allowed | 429 |",
            "|---|---|---|---|---|",
        ]
        alone = send_only(args.chats, args.rate)
        lines.append(
            f"| {alone['messages']:.0f} | {args.rate} | {alone['achieved']:.1f} "
            f"| {alone['ratio']:.0%} | {alone['429']:.0f} |"
        )
        print("\n".join(lines), flush=True)
        if not args.skip_broadcast:
            lines += [
                "",
                "#### (a) Scheduled broadcast through `briefing run`",
                "",
                "| chats | allowed msg/s | answer latency (ms) | bot.max_in_flight | chats served "
                "| seconds first to last | achieved msg/s | achieved / allowed | 429 "
                "| commands meanwhile (/s) | their p50 / p95 / max (ms) |",
                "|---|---|---|---|---|---|---|---|---|---|---|",
            ]
            for index, spec in enumerate(specs):
                where = work / f"broadcast-{index}"
                where.mkdir()
                result = broadcast(
                    where,
                    spec.chats,
                    spec.rate,
                    args.lead,
                    spec.in_flight,
                    latency=spec.latency_ms / 1000,
                    asking=spec.asking,
                )
                meanwhile = "| – | – |"
                if spec.asking:
                    meanwhile = (
                        f"| {spec.asking:g} ({result['answered']:.0f} answered) "
                        f"| {result['all p50']:.0f} / {result['all p95']:.0f} "
                        f"/ {result['all max']:.0f} |"
                    )
                lines.append(
                    f"| {spec.chats} | {spec.rate} | {spec.latency_ms:g} | {spec.in_flight} "
                    f"| {result['served']:.0f} | {result['seconds']:.1f} "
                    f"| {result['achieved']:.1f} | {result['ratio']:.0%} | {result['429']:.0f} "
                    + meanwhile
                )
                print(lines[-1], flush=True)
        lines += [
            "",
            "#### (b) Commands queued at once, one per chat, latency in ms",
            "",
            "| commands | allowed msg/s | answered | p95 the limit alone gives (0.95 N / rate) "
            "| all p50 | all p95 | all p99 | /help p95 | /events p95 | 429 |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for rate, mix in COMMAND_ROWS:
            row = commands(work, args.commands, rate, mix)
            kinds = "/help + /events" if mix else "/help only"
            floor = 1000 * 0.95 * args.commands / rate
            lines.append(
                f"| {kinds} | {rate:,} | {row['answered']:.0f} of {args.commands} "
                f"| {floor:.0f} | {row['all p50']:.0f} "
                f"| {row['all p95']:.0f} | {row['all p99']:.0f} | {row['/help p95']:.0f} "
                f"| {row['/events p95']:.0f} | {row['429']:.0f} |"
            )
            print(lines[-1], flush=True)
    lines += [
        "",
        "Command: `.venv/bin/python -m benchmarks.bot_load "
        f"--broadcasts {','.join(str(spec) for spec in specs)} "
        f"--chats {args.chats} --rate {args.rate} --commands {args.commands}`",
    ]
    table = "\n".join(lines)
    print(table)
    RESULTS.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
