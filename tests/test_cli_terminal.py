"""What the CLI leaves on a terminal and a disk (issue 14 item 6): no control characters from
stored content, and database files only their owner can read."""

from __future__ import annotations

import stat
from pathlib import Path

from summarizer.cli.printable import printable
from tests.bot.conftest import DATA
from tests.test_cli import briefing

ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x9b31m\x08"
TITLE = f"Harbour {ESCAPES}bridge closed"


def test_printable_drops_controls_and_keeps_text() -> None:
    assert printable(f"a\tb\n{ESCAPES}ç中😀") == "a\tb\n[2J]0;pwned31mç中😀"


def test_search_and_events_print_no_control_characters(tmp_path: Path) -> None:
    body = (DATA / "bridge_ledger.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    article = tmp_path / "escapes.txt"
    article.write_text(f"{TITLE}\n{body}", encoding="utf-8")
    database = tmp_path / "new" / "briefing.db"
    url = f"sqlite:///{database}"
    done = briefing("ingest", str(article), "--db", url)
    assert done.returncode == 0, done.stderr
    for args in (("search", "harbour"), ("events",), ("digest", "1"), ("article", str(article))):
        shown = briefing(*args, "--db", url)
        assert shown.returncode == 0, shown.stderr
        assert "Harbour" in shown.stdout, args
        assert not any(c in shown.stdout + shown.stderr for c in "\x1b\x07\x9b\r\x08"), args
    assert stat.S_IMODE(database.stat().st_mode) == 0o600


def test_an_existing_database_file_keeps_its_mode(tmp_path: Path) -> None:
    database = tmp_path / "shared.db"
    database.touch(mode=0o640)
    database.chmod(0o640)
    done = briefing("stats", "--db", f"sqlite:///{database}")
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(database.stat().st_mode) == 0o640
