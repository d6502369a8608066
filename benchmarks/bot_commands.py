"""Commands answered per second by one bot process, ours beside a bare python-telegram-bot echo bot.

Run: .venv/bin/python -m benchmarks.bot_commands [--commands 1000] [--rounds 3]
     (add --profile FILE to run ours and the bare echo bot once more each under cProfile, timed
     by CPU time, and save their statistics in FILE and FILE.echo)

One fake Bot API (tests/bot, HTTP on 127.0.0.1, its flood limits lifted) serves, one after the
other, four bots that each run as a process of their own: a bare PTB echo bot as PTB's
defaults build it (one update at a time), the same echo bot with 64 updates in flight (what
ours allows), and ours (`briefing run` on the bundled sample in SQLite, its rate limiter lifted,
logging at its default level) answering /help alone, then /help and /events half and half.
Each bot is warmed up with one command, then --commands commands from as many chats are queued
at once; the rate is commands over the seconds from the first one handed out by getUpdates to
the last reply reaching the server, and commands per CPU second divide them by the CPU time the
bot process used meanwhile (/proc), which a busy neighbour on the shared machine disturbs less.
Rounds alternate the bots; the table shows medians and our rates as a share of the bare echo
bot's (issue 13's target: at least 0.8), so the cost of our handlers, settings, database reads,
rate limiter and rendering shows as a ratio.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.bot.fake_api import Limits
from tests.reliability.fakes import FaultyBotApi
from tests.reliability.procs import REPO_ROOT, TOKEN, BotConfig, ingest_sample, wait_until

RESULTS = Path(__file__).parent / "results" / "bot_commands.md"
IN_FLIGHT = 64  # bot.updates.PerChatUpdateProcessor's default


@dataclass(frozen=True, slots=True)
class Kind:
    """One bot and the commands it is sent."""

    name: str
    ours: bool
    mix: bool = False  # half /help, half /events
    concurrent: int = 0  # the echo bot's concurrent_updates (0: PTB's default, one at a time)


KINDS = (
    Kind("echo bot, PTB defaults (one update at a time)", ours=False),
    Kind(f"echo bot, {IN_FLIGHT} updates in flight", ours=False, concurrent=IN_FLIGHT),
    Kind("Briefing, /help", ours=True),
    Kind("Briefing, /help + /events", ours=True, mix=True),
)


def _bot_env(fake: FaultyBotApi, config: Path | None) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TELEGRAM_", "BRIEFING_", "DATABASE_URL", "ADMIN_CHAT_IDS"))
    }
    env.update({"TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": fake.url})
    if config is not None:
        env["BRIEFING_CONFIG"] = str(config)
    return env


def _start(
    kind: Kind, fake: FaultyBotApi, config: Path, log: Path, profile: Path | None
) -> subprocess.Popen[bytes]:
    """Start one bot process (ours as `briefing run` without -v, as it is deployed)."""
    if kind.ours:
        module = ["bot.cli", "run"]
    else:
        module = ["benchmarks.bot_commands", "echo", "--concurrent", str(kind.concurrent)]
    prefix = ["-m", "benchmarks.cpu_profile", str(profile)] if profile else ["-m"]
    command = [sys.executable, *prefix, *module]
    out = log.open("ab")
    process = subprocess.Popen(
        command, cwd=REPO_ROOT, env=_bot_env(fake, config), stdout=out, stderr=subprocess.STDOUT
    )
    out.close()
    return process


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a bot as Ctrl-C would (so cProfile writes its file); kill it if it hangs."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(30)


def burst(
    kind: Kind,
    fake: FaultyBotApi,
    config: Path,
    work: Path,
    first_chat: int,
    count: int,
    profile: Path | None = None,
) -> dict[str, float]:
    """Start a bot, warm it up, queue `count` commands at once, return its rate; stop it.

    Returns:
        Commands answered per second, the p95 latency (ms, delivery to reply), answers.
    """
    chats = list(range(first_chat, first_chat + count + 1))
    for chat_id in chats:
        fake.private_chat(chat_id)
    warm, chats = chats[0], chats[1:]
    log = work / f"{first_chat}.log"
    process = _start(kind, fake, config, log, profile)
    try:
        fake.user_says(warm, "/events" if kind.ours else "/help")  # imports, caches, database
        if not wait_until(lambda: bool(fake.sent(warm)), 120, 0.05):
            raise RuntimeError(log.read_text(encoding="utf-8", errors="replace")[-3000:])
        time.sleep(1.0)  # let start-up jobs (catch-up, setMyCommands) finish
        before = len(fake.sent())
        bot_cpu, server_cpu = _cpu_seconds(process.pid), time.process_time()
        texts = [(c, "/events" if kind.mix and i % 2 else "/help") for i, c in enumerate(chats)]
        updates = fake.queue_many(texts)
        wait_until(lambda: len(fake.sent()) >= before + count, 600, 0.2)
        bot_cpu = _cpu_seconds(process.pid) - bot_cpu
        server_cpu = time.process_time() - server_cpu
    finally:
        _stop(process)
    replies = _first_replies(fake, set(chats))
    start = min(fake.delivered[u] for u in updates if u in fake.delivered)
    latencies = sorted(
        1000 * (replies[chat] - fake.delivered[update])
        for (chat, _), update in zip(texts, updates, strict=True)
        if chat in replies and update in fake.delivered
    )
    span = max(replies.values()) - start
    return {
        "rate": len(replies) / span if span > 0 else float("nan"),
        "p95": statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else float("nan"),
        "answered": float(len(replies)),
        "cpu rate": len(replies) / bot_cpu if bot_cpu > 0 else float("nan"),
        "server cpu": server_cpu / span if span > 0 else float("nan"),
    }


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _first_replies(fake: FaultyBotApi, chats: set[int]) -> dict[int, float]:
    """When each of these chats got its first message (time.monotonic, as `delivered`)."""
    first: dict[int, float] = {}
    for message in fake.sent():
        if message.chat_id in chats:
            first.setdefault(message.chat_id, message.at)
    return first


def measure(count: int, rounds: int, profile: Path | None) -> dict[Kind, list[dict[str, float]]]:
    """Run every kind `rounds` times, alternating, against one fake server; return the rows.

    With `profile`, one more /help burst of ours and of the bare echo bot runs under cProfile
    afterwards (not counted), their statistics saved in `profile` and `profile`.echo.
    """
    limits = Limits(chat_interval=0.0, global_per_second=10_000_000)
    fake = FaultyBotApi(token=TOKEN, limits=limits)
    fake.start()
    results: dict[Kind, list[dict[str, float]]] = {kind: [] for kind in KINDS}
    try:
        with tempfile.TemporaryDirectory(prefix="bot-commands-") as folder:
            work = Path(folder)
            db_url = f"sqlite:///{work / 'commands.db'}"
            ingest_sample(db_url)
            config = BotConfig(db_url=db_url, messages_per_second=100_000, chat_interval=0.0)
            toml = config.write(work / "bot.toml")
            block = 0
            for round_number in range(rounds):
                for kind in KINDS:
                    block += 1
                    row = burst(kind, fake, toml, work, block * 1_000_000, count)
                    results[kind].append(row)
                    print(
                        f"round {round_number + 1} {kind.name}: {row['rate']:.0f} commands/s, "
                        f"{row['cpu rate']:.0f} per CPU second, p95 {row['p95']:.0f} ms, "
                        f"server {row['server cpu']:.0%} of a core, "
                        f"{row['answered']:.0f} answered",
                        flush=True,
                    )
            if profile is not None:
                echo = profile.with_name(profile.name + ".echo")
                for offset, kind, out in ((1, KINDS[2], profile), (2, KINDS[0], echo)):
                    first = (block + offset) * 1_000_000
                    row = burst(kind, fake, toml, work, first, count, out)
                    print(f"{kind.name} under cProfile: {row['cpu rate']:.0f} per CPU s; {out}")
    finally:
        fake.stop()
    return results


def table(results: dict[Kind, list[dict[str, float]]], count: int, rounds: int, load: str) -> str:
    """The Markdown table of medians, with our rates as a share of the bare echo bot's."""

    def median(kind: Kind, key: str) -> float:
        return statistics.median(row[key] for row in results[kind])

    echo = KINDS[0]
    lines = [
        "# bot_commands: commands answered per second, one process, fake Bot API on 127.0.0.1",
        "",
        f"{count} commands from as many chats queued at once; medians of {rounds} rounds "
        f"(each round runs every bot in turn). Load average: {load} on 2 shared cores, so the "
        "wall-clock rates are noisy; commands per CPU second of the bot process depend less "
        "on the neighbours.",
        "",
        "| bot | commands/s | each round | p95 latency (ms) | commands per CPU second "
        "| fake server's busy share of a core | of the bare echo bot: per second "
        "| per CPU second |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for kind, rows in results.items():
        each = " / ".join(f"{row['rate']:.0f}" for row in rows)
        lines.append(
            f"| {kind.name} | {median(kind, 'rate'):.0f} | {each} | {median(kind, 'p95'):.0f} "
            f"| {median(kind, 'cpu rate'):.0f} | {median(kind, 'server cpu'):.0%} "
            f"| {median(kind, 'rate') / median(echo, 'rate'):.2f} "
            f"| {median(kind, 'cpu rate') / median(echo, 'cpu rate'):.2f} |"
        )
    command = f".venv/bin/python -m benchmarks.bot_commands --commands {count} --rounds {rounds}"
    lines += ["", f"Command: `{command}`"]
    return "\n".join(lines)


def echo_bot(concurrent: int) -> None:
    """A bare python-telegram-bot echo bot: every text message is sent back to its chat."""
    from telegram import Update
    from telegram.ext import Application, ContextTypes, MessageHandler, filters

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_chat is not None and update.effective_message is not None
        text = update.effective_message.text or ""
        await context.bot.send_message(update.effective_chat.id, text)

    api = os.environ["TELEGRAM_API_URL"]
    builder = (
        Application.builder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(f"{api}/bot")
        .base_file_url(f"{api}/file/bot")
    )
    if concurrent:
        builder = builder.concurrent_updates(concurrent)
    app = builder.build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    app.run_polling()


def main(argv: Sequence[str] | None = None) -> None:
    """Measure and save the table, or (`echo`) run the echo bot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", nargs="?", default="measure", choices=["measure", "echo"])
    parser.add_argument("--commands", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrent", type=int, default=0, help="echo bot: updates in flight")
    parser.add_argument("--profile", type=Path, help="save CPU profiles of ours (/help) and echo")
    args = parser.parse_args(argv)
    if args.mode == "echo":
        echo_bot(args.concurrent)
        return
    started = time.monotonic()
    before = os.getloadavg()[0]
    results = measure(args.commands, args.rounds, args.profile)
    load = f"{before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    text = table(results, args.commands, args.rounds, load)
    print(text)
    print(f"({time.monotonic() - started:.0f} s)")
    RESULTS.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
