"""Run `briefing run` as a real process against a fake Bot API: config, database, start, kill."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.store import chats, deliveries
from summarizer.store.db import create_schema, make_engine
from tests.bot.fake_api import FakeBotApi
from tests.fakeclock import python_command

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLE = REPO_ROOT / "summarizer" / "data" / "sample"
TOKEN = "123:TEST"


@dataclass(frozen=True, slots=True)
class BotConfig:
    """The settings a test gives the bot process through its TOML file."""

    db_url: str
    messages_per_second: float = 30.0
    chat_interval: float = 1.0
    claim_timeout: float = 300.0
    grace_minutes: float = 120.0
    digest_words: int = 40
    poll_minutes: float = 0.0
    feeds: tuple[str, ...] = ()
    fetch_timeout: float = 15.0
    max_in_flight: int = 1
    reply_reserve: float = 0.03

    def toml(self) -> str:
        """Return the configuration file's text."""
        feeds = ", ".join(f'"{url}"' for url in self.feeds)
        return (
            f'[database]\nurl = "{self.db_url}"\n\n'
            f"[summaries]\ndigest_words = {self.digest_words}\n\n"
            f"[ingest]\ntimeout_seconds = {self.fetch_timeout}\nallow_private_addresses = true\n\n"
            f"[feeds]\nurls = [{feeds}]\npoll_minutes = {self.poll_minutes}\n\n"
            '[bot]\ndefault_times = ["08:00"]\ndefault_timezone = "UTC"\n'
            f"grace_minutes = {self.grace_minutes}\n"
            f"claim_timeout_seconds = {self.claim_timeout}\n"
            f"messages_per_second = {self.messages_per_second}\n"
            f"chat_interval_seconds = {self.chat_interval}\n"
            "group_messages_per_minute = 20\nmax_retries = 5\n"
            f"max_in_flight = {self.max_in_flight}\n"
            f"reply_reserve = {self.reply_reserve}\n"
        )

    def write(self, path: Path) -> Path:
        """Write the configuration file and return its path."""
        path.write_text(self.toml(), encoding="utf-8")
        return path


def minute_slot(minutes_from_now: int, now: datetime | None = None) -> tuple[datetime, str]:
    """Return a minute-boundary slot relative to now (negative: in the past) and its UTC HH:MM."""
    moment = (now or datetime.now(UTC)) + timedelta(minutes=minutes_from_now)
    slot = moment.replace(second=0, microsecond=0)
    return slot, slot.strftime("%H:%M")


def ingest_sample(db_url: str) -> None:
    """Create the schema and ingest the bundled sample with the real CLI (`briefing ingest`)."""
    subprocess.run(
        [*python_command("bot.cli"), "ingest", str(SAMPLE), "--db", db_url, "--json"],
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )


def subscribe_chats(db_url: str, chat_ids: Iterable[int], hhmm: str) -> None:
    """Create private chats delivered daily at HH:MM UTC, subscribed since yesterday.

    Args:
        db_url: the database (schema created here when missing).
        chat_ids: chat ids to create.
        hhmm: the one delivery time of every chat.
    """
    engine = make_engine(db_url)
    create_schema(engine)
    try:
        subscribe(engine, chat_ids, hhmm)
    finally:
        engine.dispose()


def subscribe(engine: Engine, chat_ids: Iterable[int], hhmm: str) -> None:
    """Like `subscribe_chats`, on an open engine whose schema exists."""
    since = datetime.now(UTC) - timedelta(days=1)
    with Session(engine) as session:
        for chat_id in chat_ids:
            chats.ensure_chat(
                session=session,
                chat_id=chat_id,
                kind="private",
                title=f"user{chat_id}",
                default_timezone="UTC",
                default_times=[hhmm],
            )
            chats.set_subscription(session=session, chat_id=chat_id, active=True, now=since)


def delivery_statuses(db_url: str, chat_ids: Sequence[int]) -> Counter[str]:
    """Count the delivery rows of some chats by status."""
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            return Counter(
                row.status
                for chat_id in chat_ids
                for row in deliveries.deliveries(session=session, chat_id=chat_id)
            )
    finally:
        engine.dispose()


def briefings_per_chat(fake: FakeBotApi) -> Counter[int]:
    """Count the briefings (messages with the briefing header) each chat has received."""
    return Counter(s.chat_id for s in fake.sent() if s.text.startswith("Briefing"))


class BotProcess:
    """One `briefing -v run` process with its own log file."""

    def __init__(
        self,
        config: Path,
        fake: FakeBotApi,
        log: Path,
        *,
        extra_env: dict[str, str] | None = None,
        args: Sequence[str] = (),
    ) -> None:
        """Prepare (not start) a bot process.

        Args:
            config: the TOML file (BRIEFING_CONFIG).
            fake: the Bot API server the bot talks to.
            log: where stdout and stderr go.
            extra_env: more environment variables.
            args: more arguments of `briefing run` (e.g. --webhook-url).
        """
        self.args = list(args)
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("TELEGRAM_", "BRIEFING_", "DATABASE_URL", "ADMIN_CHAT_IDS"))
        }
        self.env.update(
            {
                "TELEGRAM_BOT_TOKEN": fake.token,
                "TELEGRAM_API_URL": fake.url,
                "BRIEFING_CONFIG": str(config),
                "PYTHONUNBUFFERED": "1",
                **(extra_env or {}),
            }
        )
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None
        self._out: IO[bytes] | None = None

    def start(self) -> BotProcess:
        """Start the process; return self."""
        self._out = self.log.open("ab")
        self.process = subprocess.Popen(
            [*python_command("bot.cli"), "-v", "run", *self.args],
            cwd=REPO_ROOT,
            env=self.env,
            stdout=self._out,
            stderr=subprocess.STDOUT,
        )
        return self

    def kill(self) -> None:
        """SIGKILL the process (no clean-up of any kind) and reap it."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self._reap()

    def stop(self, timeout: float = 30.0, sig: signal.Signals = signal.SIGINT) -> int | None:
        """Stop the process cleanly (SIGINT, as Ctrl-C, or SIGTERM); return its exit code."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
        return self._reap()

    def alive(self) -> bool:
        """Tell whether the process is still running."""
        return self.process is not None and self.process.poll() is None

    def _reap(self) -> int | None:
        code = None
        if self.process is not None:
            code = self.process.wait(30)
        if self._out is not None:
            self._out.close()
            self._out = None
        return code

    def log_tail(self, lines: int = 40) -> str:
        """Return the end of the process log (for assertion messages)."""
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(condition: Callable[[], bool], timeout: float, step: float = 0.02) -> bool:
    """Poll a condition until it holds or the timeout passes; return whether it held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()
