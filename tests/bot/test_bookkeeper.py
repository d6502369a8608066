"""The delivery bookkeeping thread: order, errors, and a queue drained at interpreter exit."""

from __future__ import annotations

import asyncio
import functools
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from bot.bookkeeper import Bookkeeper

REPO_ROOT = Path(__file__).resolve().parents[2]


def _run_to_the_end(script: str, before: Sequence[str] = ()) -> None:
    """Run a script in a fresh interpreter (behind `before`, a wrapper command) and check that
    its main part ran and the process then ended by itself."""
    done = subprocess.run(
        [*before, sys.executable, "-c", script],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,  # a guard against a hang, not a measure
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "main done" in done.stdout


def test_calls_return_results_and_errors() -> None:
    bookkeeper = Bookkeeper(name="test-bookkeeper")

    def fail() -> None:
        raise ValueError("bad row")

    async def scenario() -> int:
        assert await bookkeeper.run(lambda: 41) == 41
        with pytest.raises(ValueError, match="bad row"):
            await bookkeeper.run(fail)
        return await bookkeeper.run(lambda: 42, urgent=True)

    assert asyncio.run(scenario()) == 42
    bookkeeper.drain()
    assert bookkeeper._thread is None  # ended, and a later call starts another


def test_urgent_calls_go_ahead_of_routine_ones() -> None:
    bookkeeper = Bookkeeper(name="test-bookkeeper")
    order: list[str] = []

    async def scenario() -> None:
        gate = asyncio.Event()
        loop = asyncio.get_running_loop()

        def hold() -> None:
            # Keeps the thread busy while the next calls queue behind it.
            asyncio.run_coroutine_threadsafe(gate.wait(), loop).result()

        first = asyncio.create_task(bookkeeper.run(hold))
        await asyncio.sleep(0.05)
        routine = asyncio.create_task(bookkeeper.run(lambda: order.append("routine")))
        urgent = asyncio.create_task(bookkeeper.run(lambda: order.append("urgent"), urgent=True))
        await asyncio.sleep(0.05)
        gate.set()
        await asyncio.gather(first, routine, urgent)

    asyncio.run(scenario())
    bookkeeper.drain()
    assert order == ["urgent", "routine"]


def test_a_drain_from_the_bookkeeping_thread_is_refused_and_the_thread_goes_on() -> None:
    bookkeeper = Bookkeeper(name="test-bookkeeper")

    async def scenario() -> int:
        with pytest.raises(RuntimeError, match="own thread"):
            await bookkeeper.run(bookkeeper.drain)
        return await bookkeeper.run(lambda: 42)

    assert asyncio.run(scenario()) == 42
    bookkeeper.drain()


def test_drains_at_once_from_many_threads_and_calls_meanwhile_lose_nothing() -> None:
    # Two drains queued two stops, and a call queued between the thread taking a stop and
    # ending waited for ever: one stop is queued however many drain, and the thread ends only
    # with nothing left in its queue.
    bookkeeper = Bookkeeper(name="test-bookkeeper")
    done: list[int] = []

    async def scenario() -> None:
        for round_ in range(200):
            drains = [threading.Thread(target=bookkeeper.drain) for _ in range(2)]
            calls = [bookkeeper.run(functools.partial(done.append, round_)) for _ in range(3)]
            first = asyncio.ensure_future(calls[0])
            await asyncio.sleep(0)
            for drain in drains:
                drain.start()
            await asyncio.wait_for(asyncio.gather(first, *calls[1:]), timeout=30)
            for drain in drains:
                drain.join()
            assert bookkeeper._queue.empty()

    asyncio.run(scenario())
    bookkeeper.drain()
    assert len(done) == 600


def test_the_queue_is_drained_at_exit_and_the_process_ends(tmp_path: Path) -> None:
    # The call is queued, its coroutine abandoned and the loop closed before it runs: the record
    # is still written before the process ends, and an idle thread does not hold the exit.
    record = tmp_path / "record.txt"
    script = textwrap.dedent(
        f"""
        import asyncio, time
        from pathlib import Path
        from bot.bookkeeper import Bookkeeper

        idle = Bookkeeper(name="idle")
        busy = Bookkeeper(name="busy")

        def slow_record() -> None:
            time.sleep(0.3)
            Path({str(record)!r}).write_text("recorded")

        async def main() -> None:
            await idle.run(lambda: None)
            asyncio.get_running_loop().create_task(busy.run(lambda: time.sleep(0.1)))
            asyncio.get_running_loop().create_task(busy.run(slow_record))
            await asyncio.sleep(0.01)

        asyncio.run(main())
        print("main done", flush=True)
        """
    )
    _run_to_the_end(script)
    assert record.read_text() == "recorded"


@pytest.mark.skipif(
    shutil.which("faketime") is None, reason="libfaketime's faketime is not installed"
)
def test_an_idle_thread_ends_under_a_frozen_monotonic_clock() -> None:
    # libfaketime freezes the monotonic clock: a thread polling its queue with a timed wait never
    # woke, and the interpreter's exit waited on it for ever.
    script = textwrap.dedent(
        """
        import asyncio
        from bot.bookkeeper import Bookkeeper

        idle = Bookkeeper(name="idle")

        async def main() -> None:
            await idle.run(lambda: None)

        asyncio.run(main())
        print("main done", flush=True)
        """
    )
    _run_to_the_end(script, before=["faketime", "2026-03-29 06:30:00"])
