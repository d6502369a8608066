"""Abuse load on the bot (issue 14): far pages and long searches from many chats at once, and how
long another chat then waits for its /event reply, beside the same bot idle.

Run: .venv/bin/python -m benchmarks.bot_abuse [--articles 1000] [--attackers 6] [--rounds 3]
     [--repo PATH]

A corpus of --articles plain-text articles is built from ../shared/eval/bbc (as
benchmarks.ingest_speed does) and ingested with `briefing ingest` into a fresh SQLite file. The
bot runs as `briefing run`, its own process, against the fake Bot API of tests/bot on 127.0.0.1
(Telegram's flood limits: 30 msg/s, 1/s per chat, 20/min per group), with its default
command limit (a burst of 8, then 20 a minute per chat). --repo runs the bot from another
checkout (e.g. the code before the fix) with this checkout's fake, corpus and measuring.

Idle: the victim (a private chat) sends /event ID for --rounds events in turn, each its own
uncached digest; latency is from the getUpdates answer that delivered the command to the reply
reaching the server. Attacked: in each round every attacker group queues, at once, a full
burst of 8 commands alternating /events N (N random up to twice the last page: past the
last page with --pages far, the default, or from page 1 with --pages deep, where most pages
exist) and /search with about 4,000 characters of random long words and an unspaced run;
the victim's /event ID (another uncached event) is queued right behind them.
"""

from __future__ import annotations

import argparse
import functools
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlmodel import Session, col, select

from benchmarks.ingest_speed import build_corpus, shared_dir
from summarizer.store.db import make_engine
from summarizer.store.models import Event
from tests.bot.fake_api import Limits
from tests.fakeclock import python_command
from tests.reliability.fakes import FaultyBotApi
from tests.reliability.procs import REPO_ROOT, TOKEN, BotConfig, BotProcess, wait_until

RESULTS = Path(__file__).parent / "results" / "bot_abuse.md"
VICTIM = 4_200_000
FIRST_GROUP = -1_009_000_000
BURST = 8  # the bot's per-chat burst: every attacker command runs (--burst)
PAGE_SIZE = 5  # bot.events_page_size's default


class RepoBotProcess(BotProcess):
    """`briefing -v run` started from a given checkout (its code, this machine's venv)."""

    def __init__(self, repo: Path, config: Path, fake: FaultyBotApi, log: Path) -> None:
        super().__init__(config, fake, log)
        self.repo = repo
        self.env["PYTHONPATH"] = str(repo)

    def start(self) -> BotProcess:
        """Start the process in the checkout; return self."""
        self._out = self.log.open("ab")
        self.process = subprocess.Popen(
            [*python_command("bot.cli"), "-v", "run", *self.args],
            cwd=self.repo,
            env=self.env,
            stdout=self._out,
            stderr=subprocess.STDOUT,
        )
        return self


def ingest_corpus(work: Path, articles: int, shared: Path) -> str:
    """Build and ingest the corpus; return the database URL."""
    corpus = work / "corpus"
    corpus.mkdir()
    build_corpus(shared, corpus, articles)
    db_url = f"sqlite:///{work / 'abuse.db'}"
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "ingest", str(corpus), "--db", db_url, "--json"],
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
        timeout=1800,
    )
    return db_url


def event_ids(db_url: str) -> list[int]:
    """Every stored event id, oldest first."""
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            ids = session.exec(select(Event.id).order_by(col(Event.id)))
            return [int(i) for i in ids if i is not None]
    finally:
        engine.dispose()


def long_search(rng: random.Random) -> str:
    """About 4,000 characters: long random words, then an unspaced run of Chinese characters."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(40, 120))) for _ in range(40)]
    run = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(600))
    return "/search " + " ".join(words)[:3_300] + " " + run


def ask(fake: FaultyBotApi, chat_id: int, text: str) -> float:
    """Queue one command and wait for its reply; return the latency in seconds.

    It waits a little over a second first: Telegram's one message a second per chat would
    otherwise hold back a reply that follows the previous one at once.
    """
    time.sleep(1.1)
    before = len(fake.sent(chat_id))
    update_id = fake.user_says(chat_id, text)
    if not wait_until(lambda: len(fake.sent(chat_id)) > before, 600, 0.005):
        raise RuntimeError(f"no reply to {text!r}")
    return fake.sent(chat_id)[before].at - fake.delivered[update_id]


def _served(fake: FaultyBotApi, counts: dict[int, int], burst: int) -> bool:
    """Whether every attacking group got a reply to each command of its burst."""
    return all(len(fake.sent(group)) - count >= burst for group, count in counts.items())


def run(
    work: Path, db_url: str, repo: Path, attackers: int, rounds: int, pages: str, burst: int
) -> dict[str, float]:
    """Measure the victim's /event latency idle and under attack; return the figures (s)."""
    ids = event_ids(db_url)
    last_page = max(1, -(-len(ids) // PAGE_SIZE))
    rng = random.Random(14)
    picks = rng.sample(ids, 2 * rounds + 1)
    fake = FaultyBotApi(
        token=TOKEN, limits=Limits(chat_interval=1.0, group_per_minute=20, global_per_second=30)
    )
    fake.start()
    groups = [FIRST_GROUP - n for n in range(attackers)]
    try:
        fake.private_chat(VICTIM)
        for group in groups:
            fake.group_chat(group, f"attackers {group}")
        config = BotConfig(db_url=db_url).write(work / "bot.toml")
        bot = RepoBotProcess(repo, config, fake, work / "bot.log").start()
        try:
            if not wait_until(lambda: bool(fake.calls("setMyCommands")), 120, 0.05):
                raise RuntimeError(bot.log_tail())
            ask(fake, VICTIM, f"/event {picks[-1]}")  # imports and first queries
            idle = [ask(fake, VICTIM, f"/event {event_id}") for event_id in picks[:rounds]]
            attacked, attack_seconds, answered = [], [], 0
            for event_id in picks[rounds : 2 * rounds]:
                texts: list[tuple[int, str]] = []
                for group in groups:
                    for n in range(burst):
                        low = last_page + 1 if pages == "far" else 1
                        page = rng.randint(low, 2 * last_page)
                        text = f"/events {page}" if n % 2 == 0 else long_search(rng)
                        texts.append((group, text))
                counts = {group: len(fake.sent(group)) for group in groups}
                started = time.monotonic()
                fake.queue_many(texts)
                attacked.append(ask(fake, VICTIM, f"/event {event_id}"))

                wait_until(functools.partial(_served, fake, counts, burst), 1800, 0.05)
                attack_seconds.append(time.monotonic() - started)
                answered += sum(len(fake.sent(g)) - counts[g] for g in groups)
                time.sleep(60 * burst / 20)  # let each group's command bucket refill
        finally:
            bot.stop()
        rejected = len(fake.state.rejected)
    finally:
        fake.stop()
    return {
        "events": len(ids),
        "pages": last_page,
        "idle p50": statistics.median(idle),
        "idle max": max(idle),
        "attacked p50": statistics.median(attacked),
        "attacked max": max(attacked),
        "burst seconds": statistics.median(attack_seconds),
        "answered": answered,
        "sent": attackers * burst * rounds,
        "rejected": rejected,
    }


HEADER = [
    "# bot_abuse: another chat's /event while groups send far pages and long searches",
    "",
    "| bot code | pages asked | events | pages | attacking groups x commands "
    "| victim /event idle p50 / max (s) | under attack p50 / max (s) "
    "| attacked max / idle max | a burst answered in (s, p50) "
    "| attacker replies | rejected by the API |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
]


def main() -> None:
    """Ingest the corpus, measure each checkout and page mode, print and save the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--attackers", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--burst", type=int, default=BURST, help="commands per group and round")
    parser.add_argument(
        "--repo",
        type=Path,
        action="append",
        help="a checkout the bot runs from (repeatable; default: this one)",
    )
    parser.add_argument("--shared", help="the shared data folder (default ../shared)")
    parser.add_argument(
        "--pages",
        default="far,deep",
        help="far: pages past the last one; deep: any page up to twice the last (most exist)",
    )
    parser.add_argument("--db", help="a database ingested already (skips building the corpus)")
    args = parser.parse_args()
    repos = [repo.resolve() for repo in args.repo or [REPO_ROOT]]
    modes = [mode for mode in args.pages.split(",") if mode in {"far", "deep"}]
    lines = list(HEADER)
    print("\n".join(lines), flush=True)
    with tempfile.TemporaryDirectory(prefix="bot-abuse-") as folder:
        work = Path(folder)
        source = args.db or ingest_corpus(work, args.articles, shared_dir(args.shared))
        for index, (repo, mode) in enumerate((r, m) for r in repos for m in modes):
            where = work / f"run-{index}"
            where.mkdir()
            db_url = _copy(source, where)  # every run starts from the same data, caches cold
            row = run(where, db_url, repo, args.attackers, args.rounds, mode, args.burst)
            ratio = row["attacked max"] / row["idle max"]
            lines.append(
                f"| {'this branch' if repo == REPO_ROOT else repo} | {mode} | {row['events']:.0f} "
                f"| {row['pages']:.0f} | {args.attackers} x {args.burst} "
                f"| {row['idle p50']:.3f} / {row['idle max']:.3f} "
                f"| {row['attacked p50']:.3f} / {row['attacked max']:.3f} | {ratio:.2f} "
                f"| {row['burst seconds']:.1f} | {row['answered']:.0f} of {row['sent']:.0f} "
                f"| {row['rejected']:.0f} |"
            )
            print(lines[-1], flush=True)
    others = "".join(f" --repo {repo}" for repo in repos if repo != REPO_ROOT)
    lines += [
        "",
        f"Command: `.venv/bin/python -m benchmarks.bot_abuse --articles {args.articles} "
        f"--attackers {args.attackers} --burst {args.burst} --rounds {args.rounds} "
        f"--pages {','.join(modes)}{others}`",
    ]
    table = "\n".join(lines)
    print(table)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(table + "\n", encoding="utf-8")


def _copy(db_url: str, folder: Path) -> str:
    """Copy a SQLite database (with what its WAL holds) into `folder`; return the copy's URL."""
    source = Path(db_url.removeprefix("sqlite:///"))
    target = folder / source.name
    with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
        original.backup(copy)
    return f"sqlite:///{target}"


if __name__ == "__main__":
    main()
