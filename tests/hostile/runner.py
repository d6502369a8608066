"""Run the `briefing` CLI as a real subprocess, under a memory limit, with a clean environment."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# A normal batch needs about 150 MB; the cap turns a memory blow-up into a failure, not swapping.
MEMORY_LIMIT = 1_000_000_000
_DROPPED = ("DATABASE_URL", "BRIEFING_CONFIG", "TELEGRAM_BOT_TOKEN", "TELEGRAM_API_URL")


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def clean_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The test process's environment without Briefing's variables, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED}
    env.update(extra or {})
    return env


def briefing(
    args: Sequence[str], *, timeout: float = 120, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot.cli ARGS` in the repository and capture its output.

    Args:
        args: the command line after `briefing`.
        timeout: seconds before the run counts as hung (raises TimeoutExpired).
        env: extra environment variables.

    Returns:
        The finished process with text stdout and stderr.
    """
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=REPO,
        env=clean_env(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limit_memory,
        check=False,
    )


def stderr_lines(process: subprocess.CompletedProcess[str]) -> list[str]:
    """The non-empty lines the process wrote to stderr."""
    return [line for line in process.stderr.splitlines() if line.strip()]
