"""Run the bot until a stop signal; a stop during start-up winds the start-up down, in the loop.

PTB's run_polling and run_webhook raise SystemExit from a stop signal's handler, inside the
event loop. While the bot starts, that leaves the step it interrupts half done: PTB closes the
updater's coroutine while a task still runs it (httpcore's clean-up then fails outside the
loop, and whatever runs next finds no loop), our post_init keeps running into the shut-down,
and a signal that lands as a step ends can stop the shut-down's own loop ("Event loop stopped
before Future completed"). Here a stop signal during start-up cancels the start-up, as asyncio
stops work, so every request winds down inside the loop; afterwards it ends the wait. Both
end in PTB's own stop and shutdown, as run_polling does. A second stop signal is not caught:
a second Ctrl-C interrupts a shut-down that hangs (KeyboardInterrupt, and 130 even where a
clean-up swallowed it), a second SIGTERM ends the process by its default action.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable, Iterator
from types import FrameType
from typing import Any

from telegram.ext import Application

from bot.ratelimit import PacingRateLimiter

logger = logging.getLogger(__name__)

AnyApp = Application[Any, Any, Any, Any, Any, Any]
StartUpdater = Callable[[], Awaitable[object]]
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGABRT)  # run_polling's


class _Stop:
    """What a stop signal does: cancel the start-up while it runs, else end the wait."""

    def __init__(self, loop: asyncio.AbstractEventLoop, task: asyncio.Task[Any]) -> None:
        self.loop = loop
        self.task = task
        self.starting = True
        self.requested = asyncio.Event()
        self.interrupted = False  # a second Ctrl-C came during the shut-down

    def __call__(self) -> None:
        """Handle the first stop signal and give the next ones their default action; a second
        Ctrl-C is also remembered (see `_interrupt`)."""
        for sig in STOP_SIGNALS:
            self.loop.remove_signal_handler(sig)
        signal.signal(signal.SIGINT, self._interrupt)
        self.requested.set()
        if self.starting:
            self.task.cancel()

    def _interrupt(self, signum: int, frame: FrameType | None) -> None:
        """A second Ctrl-C: KeyboardInterrupt where the shut-down is, as by default, and
        remembered, so the process ends with 130 even where a library's clean-up swallows the
        exception (PTB's last get_updates turns whatever interrupts it into a logged error)."""
        self.interrupted = True
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.default_int_handler(signum, frame)

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        """Handle the stop signals for the body of a with-block (where the loop can)."""
        try:
            for sig in STOP_SIGNALS:
                self.loop.add_signal_handler(sig, self)
        except NotImplementedError:  # no signal handlers on this loop: Ctrl-C interrupts
            logger.warning("stop signals cannot be handled here; Ctrl-C interrupts the bot")
        try:
            yield
        finally:
            for sig in STOP_SIGNALS:
                with contextlib.suppress(NotImplementedError):
                    self.loop.remove_signal_handler(sig)
            if signal.getsignal(signal.SIGINT) == self._interrupt:
                signal.signal(signal.SIGINT, signal.default_int_handler)


class StoppedStarting(BaseException):
    """A stop signal arrived in a `stop_unwinds` block (a BaseException, as KeyboardInterrupt
    is: no `except Exception` on the way swallows it)."""


@contextlib.contextmanager
def stop_unwinds() -> Iterator[None]:
    """Make the first stop signal in the block raise StoppedStarting where the block is.

    Before the event loop runs, the bot opens its database and brings its schema up to date:
    the whole migration run is one transaction (summarizer/store/migrations/env.py), so the
    exception rolls it back and the schema stays at its last committed revision, never half
    migrated, and the bot can stop cleanly. (Python's default for SIGTERM ends the process at
    once, which the database rolls back as well, but as a failure; SIGINT's KeyboardInterrupt
    ended it with 130.) Later stop signals get their former action: a second one ends a
    rollback that hangs.
    """
    former = {sig: signal.getsignal(sig) for sig in STOP_SIGNALS}

    def restore() -> None:
        for sig, action in former.items():
            signal.signal(sig, signal.SIG_DFL if action is None else action)

    def stop(signum: int, _frame: FrameType | None) -> None:
        restore()
        raise StoppedStarting(signal.Signals(signum).name)

    for sig in STOP_SIGNALS:
        signal.signal(sig, stop)
    try:
        yield
    finally:
        restore()


def serve(app: AnyApp, start_updater: StartUpdater) -> None:
    """Start the application, run it until SIGINT, SIGTERM or SIGABRT, then shut it down.

    Args:
        app: the application (bot.app.build_application).
        start_updater: starts its updater (Updater.start_polling or start_webhook, arguments
            bound).
    """
    asyncio.run(_run(app, start_updater))


async def _run(app: AnyApp, start_updater: StartUpdater) -> None:
    task = asyncio.current_task()
    assert task is not None
    stop = _Stop(asyncio.get_running_loop(), task)
    with stop.installed():
        try:
            try:
                await _start(app, start_updater)
            except asyncio.CancelledError:
                if not stop.requested.is_set():
                    raise
                task.uncancel()
                logger.info("stop signal while starting: shutting down")
            finally:
                stop.starting = False
            await stop.requested.wait()
        finally:
            await _wind_down(app)
    if stop.interrupted:  # the shut-down was interrupted, though something swallowed it
        raise KeyboardInterrupt
    logger.info("bot stopped")


async def _start(app: AnyApp, start_updater: StartUpdater) -> None:
    """What run_polling does before it waits: initialize, post_init, the updater, start."""
    await app.initialize()
    if app.post_init is not None:
        await app.post_init(app)
    await start_updater()
    await app.start()


async def _wind_down(app: AnyApp) -> None:
    """What run_polling does after a stop, for whatever of the start-up has happened.

    First the rate limiter learns that the bot stops (PTB tells it only in `app.shutdown`):
    `app.stop` waits for running jobs, and a briefing in a network backoff or a flood-limit
    wait would keep retrying until then, past a supervisor's patience (Docker's 10 s).
    """
    limiter = app.bot.rate_limiter
    if isinstance(limiter, PacingRateLimiter):
        limiter.stop()
    if app.updater is not None and app.updater.running:
        await app.updater.stop()
    if app.running:
        await app.stop()
        if app.post_stop is not None:
            await app.post_stop(app)
    await app.shutdown()
    if app.post_shutdown is not None:
        await app.post_shutdown(app)


__all__ = ["STOP_SIGNALS", "StartUpdater", "StoppedStarting", "serve", "stop_unwinds"]
