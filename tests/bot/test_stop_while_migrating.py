"""`briefing run` stopped while it migrates its database: the run is undone whole, a clean stop."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect
from sqlmodel import Session

from bot.store import chats
from summarizer.store.db import alembic_config, create_schema, current_revision, make_engine
from tests.bot.conftest import REPO_ROOT
from tests.bot.fake_api import FakeBotApi
from tests.reliability.procs import subscribe, wait_until

WAIT = 120.0  # generous: a loaded machine may take long to import and start the bot
BEFORE = "0017"  # the upgrade runs 0018 (a data change) and 0019 (a new table, columns dropped)

# `briefing -v run` with one migration slowed down: revision 0019 sleeps right after creating
# its table (0018 ran before it, in the same run), having said so in a file. A test hook from
# outside the product: a SQLAlchemy event on every engine the process makes.
_SLOW_RUN = """
import runpy, sys, time
from pathlib import Path
from sqlalchemy import event
from sqlalchemy.engine import Engine

inside = Path(sys.argv[1])

def slow(connection, cursor, statement, parameters, context, executemany):
    if "CREATE TABLE ingest_origin" in statement:
        inside.touch()
        time.sleep(120)

event.listen(Engine, "after_cursor_execute", slow)
sys.argv = ["bot.cli", "-v", "run"]
runpy.run_module("bot.cli", run_name="__main__", alter_sys=True)
"""


@pytest.fixture
def fake() -> Iterator[FakeBotApi]:
    api = FakeBotApi().start()
    try:
        yield api
    finally:
        api.stop()


def _schema(url: str) -> list[object]:
    """Every table with its columns and indexes, as the database describes them."""
    engine = make_engine(url)
    try:
        inspector = inspect(engine)
        return [
            (
                table,
                [(c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)],
                sorted(
                    (str(i["name"]), list(i["column_names"]), bool(i["unique"]))
                    for i in inspector.get_indexes(table)
                ),
            )
            for table in sorted(inspector.get_table_names())
        ]
    finally:
        engine.dispose()


def _bot(command_line: list[str], fake: FakeBotApi, url: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": fake.token,
        "TELEGRAM_API_URL": fake.url,
        "DATABASE_URL": url,
        "BRIEFING_POLL_MINUTES": "0",
    }
    return subprocess.Popen(
        command_line,
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _stopped(process: subprocess.Popen[str], stop: signal.Signals) -> str:
    """Send the stop signal and return the process's output once it ended."""
    try:
        process.send_signal(stop)
        output, _ = process.communicate(timeout=WAIT)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return output


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_while_migrating_rolls_the_run_back_and_the_next_start_migrates(
    fake: FakeBotApi, database_url: str, stop: signal.Signals, tmp_path: Path
) -> None:
    engine = make_engine(database_url)
    try:
        create_schema(engine)
        head, migrated = current_revision(engine), _schema(database_url)
        command.downgrade(alembic_config(engine), BEFORE)
        subscribe(engine, [7], "08:00")  # data the migrations must keep
    finally:
        engine.dispose()
    before = _schema(database_url)
    assert before != migrated
    inside = tmp_path / "inside-0019"
    process = _bot([sys.executable, "-c", _SLOW_RUN, str(inside)], fake, database_url)
    if not wait_until(inside.exists, WAIT):
        process.kill()
        pytest.fail(f"the bot never reached migration 0019:\n{process.communicate()[0]}")
    output = _stopped(process, stop)
    # A clean stop (as one while PTB starts, tests/bot/test_serve.py), and the whole run undone:
    # 0018 as well as the half of 0019, the version stamp with them.
    assert process.returncode == 0, output
    assert "Traceback" not in output and "internal error" not in output, output
    assert "stop signal while opening the database" in output, output
    assert len(fake.calls("getMe")) == 1  # the check before the database; PTB never started
    engine = make_engine(database_url)
    try:
        assert current_revision(engine) == BEFORE
    finally:
        engine.dispose()
    assert _schema(database_url) == before
    # The next start migrates the whole way, keeps the data, and serves.
    process = _bot([sys.executable, "-m", "bot.cli", "-v", "run"], fake, database_url)
    if not wait_until(lambda: bool(fake.calls("deleteWebhook")), WAIT):  # starts polling
        process.kill()
        pytest.fail(f"the restarted bot never polled:\n{process.communicate()[0]}")
    output = _stopped(process, signal.SIGTERM)
    assert process.returncode == 0, output
    engine = make_engine(database_url)
    try:
        assert current_revision(engine) == head
        with Session(engine) as session:
            assert chats.get_chat(session=session, chat_id=7) is not None
    finally:
        engine.dispose()
    assert _schema(database_url) == migrated
