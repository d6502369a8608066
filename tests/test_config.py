"""Configuration: each section is read through its dataclass; a misspelt key fails with its name."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import SECTIONS, BotSettings
from summarizer.config import DEFAULT_CONFIG, load_config
from summarizer.errors import InputError

# One real key of each section, misspelt.
MISSPELT = {
    "bot": ("defualt_times", '["08:00"]'),
    "feeds": ("pol_minutes", "5"),
    "summaries": ("sentence", "2"),
    "store": ("retention_day", "30"),
    "database": ("uri", '"sqlite:///x.db"'),
    "ingest": ("timeout", "3"),
}


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "briefing.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_configuration_loads_into_every_section() -> None:
    config = load_config(DEFAULT_CONFIG, environ={}, sections=SECTIONS)
    assert set(config) == set(SECTIONS)
    settings = BotSettings.from_env(config, {})
    assert settings.default_times == ("08:00",) and settings.webhook_port == 8443
    assert settings.lengths == {"short": 60, "medium": 120, "long": 250}


def test_defaults_of_the_dataclasses_match_the_shipped_file() -> None:
    shipped = BotSettings.from_env(load_config(DEFAULT_CONFIG, environ={}, sections=SECTIONS), {})
    assert BotSettings.from_env({}, {}) == shipped


@pytest.mark.parametrize("section", sorted(MISSPELT))
def test_a_misspelt_key_fails_with_its_name_and_section(tmp_path: Path, section: str) -> None:
    key, value = MISSPELT[section]
    path = _write(tmp_path, f"[{section}]\n{key} = {value}\n")
    with pytest.raises(InputError) as raised:
        load_config(path, environ={}, sections=SECTIONS)
    message = str(raised.value)
    assert message.startswith(f"{path} [{section}]: unknown key {key!r} (known: ")
    assert "\n" not in message


def test_an_unknown_section_and_a_value_of_the_wrong_type_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"unknown section \[bto\]"):
        load_config(_write(tmp_path, "[bto]\napi_url = 'x'\n"), environ={}, sections=SECTIONS)
    with pytest.raises(InputError, match=r"bot\.max_retries = 'five': expected int, like 5"):
        load_config(
            _write(tmp_path, "[bot]\nmax_retries = 'five'\n"), environ={}, sections=SECTIONS
        )
    with pytest.raises(InputError, match=r"feeds\.urls = 'http://x': expected a list"):
        load_config(_write(tmp_path, "[feeds]\nurls = 'http://x'\n"), environ={}, sections=SECTIONS)


def test_settings_built_from_a_dict_refuse_a_misspelt_key_too() -> None:
    with pytest.raises(InputError, match=r"\[bot\]: unknown key 'grace_minute'"):
        BotSettings.from_env({"bot": {"grace_minute": 5}}, {})


def test_environment_overrides_still_win(tmp_path: Path) -> None:
    path = _write(tmp_path, "[feeds]\npoll_minutes = 30\n[bot]\nwebhook_port = 8443\n")
    environ = {
        "BRIEFING_POLL_MINUTES": "5",
        "BRIEFING_GRACE_MINUTES": "7",
        "BRIEFING_DIGEST_WORDS": "80",
        "BRIEFING_WEBHOOK_PORT": "9000",
        "ADMIN_CHAT_IDS": "1, 2",
    }
    config = load_config(path, environ=environ, sections=SECTIONS)
    settings = BotSettings.from_env(config, environ)
    assert settings.poll_minutes == 5.0 and settings.grace.total_seconds() == 7 * 60
    assert settings.digest_words == 80 and settings.webhook_port == 9000
    assert settings.admin_ids == {1, 2}


@pytest.mark.parametrize("command", [["feeds", "list"], ["run"]])
def test_the_cli_stops_at_start_with_one_line_naming_the_key(
    tmp_path: Path, command: list[str]
) -> None:
    path = _write(tmp_path, '[bot]\ndefualt_times = ["08:00"]\n')
    env = {
        **os.environ,
        "BRIEFING_CONFIG": str(path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
        "TELEGRAM_BOT_TOKEN": "123:abc",
        "TELEGRAM_API_URL": "http://127.0.0.1:9",  # never reached: the config fails first
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"briefing: {path} [bot]: unknown key 'defualt_times' (known: ")
    assert not (tmp_path / "x.db").exists()  # nothing was created before the check
