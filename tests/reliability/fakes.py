"""Fake Bot API variants: dropped and stalled connections, 409 on competing polls, update times."""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass
from typing import Any

from tests.bot.fake_api import FakeBotApi
from tests.bot.fake_methods import JSONDict, as_int, error_reply

__all__ = ["ConnectionFault", "FaultyBotApi"]


@dataclass(slots=True)
class ConnectionFault:
    """Break the next `count` matching calls at the TCP level instead of answering them.

    Attributes:
        mode: "drop-before" closes the socket before the call runs (nothing happens),
            "drop-after" runs the call and closes the socket after half of the answer,
            "stall" runs the call and answers only after `delay` seconds.
        method: the Bot API method to break (None: any except getUpdates).
        count: how many calls to break.
        delay: seconds to hold the answer back in "stall" mode.
    """

    mode: str
    method: str | None = "sendMessage"
    count: int = 1
    delay: float = 0.0


class FaultyBotApi(FakeBotApi):
    """FakeBotApi plus connection faults, Telegram's 409 for competing long polls, update times.

    Every update handed out by getUpdates gets its first delivery time (time.monotonic) in
    `delivered`, so a benchmark can measure from delivery to the reply reaching the server.
    `latency` holds every answer but getUpdates' back that many seconds, as the network between
    a bot and Telegram would (the call itself, and its flood-limit check, happen on arrival).
    """

    def __init__(
        self, *args: Any, conflict: bool = False, latency: float = 0.0, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.conflict = conflict
        self.latency = latency
        self.connection_faults: list[ConnectionFault] = []
        self.broken: list[tuple[str, str]] = []  # (mode, method) of every broken call
        self.conflicts = 0
        self.delivered: dict[int, float] = {}
        self._poll_generation = 0

    def start(self) -> FaultyBotApi:
        """Start serving in a background thread; return self."""
        super().start()
        return self

    def break_connection(self, fault: ConnectionFault) -> None:
        """Queue a connection fault for the next matching call(s)."""
        with self._lock:
            self.connection_faults.append(fault)

    def _take_fault(self, method: str) -> ConnectionFault | None:
        with self._lock:
            for fault in self.connection_faults:
                wanted = fault.method in (None, method) and method != "getUpdates"
                if fault.count > 0 and wanted:
                    fault.count -= 1
                    self.broken.append((fault.mode, method))
                    return fault
        return None

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while (request := await self._read_request(reader)) is not None:
                path, headers, body = request
                method = path.rsplit("/", 1)[-1].split("?")[0]
                fault = self._take_fault(method)
                if fault is not None and fault.mode == "drop-before":
                    break
                status, payload = await self._dispatch(path, headers, body)
                head, data = self._response(status, payload)
                if fault is not None and fault.mode == "drop-after":
                    writer.write(head + data[: len(data) // 2])
                    await writer.drain()
                    break
                if fault is not None and fault.mode == "stall":
                    await asyncio.sleep(fault.delay)
                if self.latency and method != "getUpdates":
                    await asyncio.sleep(self.latency)
                writer.write(head + data)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    async def _get_updates(self, params: JSONDict) -> tuple[int, JSONDict]:
        if not self.conflict:
            status, payload = await super()._get_updates(params)
            self._stamp(payload)
            return status, payload
        # Telegram ends an older long poll with 409 when another getUpdates call arrives.
        with self._lock:
            self._poll_generation += 1
            mine = self._poll_generation
        if self._wakeup is not None:
            self._wakeup.set()
        offset = as_int(params.get("offset")) or 0
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        while True:
            with self._lock:
                if mine != self._poll_generation:
                    self.conflicts += 1
                    return error_reply(
                        409,
                        "Conflict: terminated by other getUpdates request; make sure that only "
                        "one bot instance is running",
                    )
                self.state.updates = [u for u in self.state.updates if u["update_id"] >= offset]
                ready = list(self.state.updates[: int(params.get("limit") or 100)])
                done = bool(ready) or time.monotonic() >= deadline
                if not done:
                    assert self._wakeup is not None
                    self._wakeup.clear()
            if done:
                payload = {"ok": True, "result": ready}
                self._stamp(payload)
                return 200, payload
            assert self._wakeup is not None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), max(0.0, deadline - time.monotonic()))

    def _stamp(self, payload: JSONDict) -> None:
        now = time.monotonic()
        with self._lock:
            for update in payload.get("result") or []:
                self.delivered.setdefault(int(update["update_id"]), now)

    def queue_many(self, texts: list[tuple[int, str]]) -> list[int]:
        """Queue one user message per (chat id, text) pair at once; return the update ids."""
        return [self.user_says(chat_id, text) for chat_id, text in texts]
