"""Run tests at a faked wall-clock time, the processes they start included (time-machine).

As a pytest plugin (`pytest -p tests.fakeclock`), with CLOCK_TEST_NOW set to an ISO instant
("2026-10-25T00:59:30Z"), every test starts at that instant and the clock ticks on from there;
`time.monotonic` and the event loop's timers stay real, so sleeps and timeouts behave. Without
CLOCK_TEST_NOW the plugin does nothing. `make test-clock` runs the tests marked `clock` this
way at several instants, timezones, locales and hash seeds.

A test that starts a Python process gives it the same clock with `python_command`: the child
runs through this module (`python -m tests.fakeclock MODULE ARGS`), which applies the offset
the parent exported in CLOCK_TEST_OFFSET before running MODULE as __main__.
"""

from __future__ import annotations

import os
import runpy
import sys
import time
from collections.abc import Iterator
from datetime import datetime

import pytest
import time_machine

NOW_ENV = "CLOCK_TEST_NOW"
OFFSET_ENV = "CLOCK_TEST_OFFSET"


def faked_instant() -> datetime | None:
    """The instant CLOCK_TEST_NOW names (aware), or None when it is not set.

    Raises:
        pytest.UsageError: the value is not an ISO 8601 instant with a UTC offset.
    """
    value = os.environ.get(NOW_ENV, "").strip()
    if not value:
        return None
    try:
        instant = datetime.fromisoformat(value)
    except ValueError as exc:
        raise pytest.UsageError(f"{NOW_ENV}={value!r} is not an ISO 8601 instant") from exc
    if instant.tzinfo is None:
        raise pytest.UsageError(f"{NOW_ENV}={value!r} needs a UTC offset, e.g. 'Z' or '+00:00'")
    return instant


def pytest_report_header() -> str | None:
    """Say at the top of the run which instant the tests start at."""
    instant = faked_instant()
    return f"faked clock: every test starts at {instant.isoformat()}" if instant else None


@pytest.fixture(autouse=True)
def _faked_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Start the test at CLOCK_TEST_NOW and export the offset for the processes it starts."""
    instant = faked_instant()
    if instant is None:
        yield
        return
    offset = instant.timestamp() - time.time()
    monkeypatch.setenv(OFFSET_ENV, repr(offset))
    with time_machine.travel(instant, tick=True):
        yield


def python_command(module: str) -> list[str]:
    """The command that runs `python -m MODULE` on this process's (possibly faked) clock."""
    if os.environ.get(OFFSET_ENV):
        return [sys.executable, "-m", "tests.fakeclock", module]
    return [sys.executable, "-m", module]


def main() -> None:
    """Apply CLOCK_TEST_OFFSET, then run the module named by the first argument as __main__."""
    if len(sys.argv) < 2:
        sys.exit("usage: python -m tests.fakeclock MODULE [ARGS...]")
    module = sys.argv[1]
    offset = float(os.environ.get(OFFSET_ENV) or 0.0)
    if offset:
        time_machine.travel(time.time() + offset, tick=True).start()
    sys.argv = [module, *sys.argv[2:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
