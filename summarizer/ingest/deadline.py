"""The overall time limit of one fetch: a watchdog that shuts its sockets down when time is up."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Mapping
from contextlib import suppress
from types import TracebackType
from typing import Any

# Why a watchdog: httpx's timeouts bound each socket operation, not the whole request, so a
# server sending one byte per read timeout is never timed out, and a blocked recv cannot be
# abandoned from the thread that waits in it. Running the request in a worker thread would
# not help either: the worker stays blocked in recv until its socket dies, so the socket has
# to be dealt with anyway. The watchdog (one timer thread per fetch, cancelled and joined when
# the fetch ends) shuts the sockets down at the deadline. shutdown(), not close(): it wakes a
# recv blocked in another thread at once (close() does not, on Linux) and leaves the file
# descriptor with httpcore, which still closes it itself, so no descriptor is closed twice or
# reused behind its back. The sockets are found through httpcore's documented "trace"
# request extension, so the same pinned-address transport keeps doing the connecting.

_CONNECTED = (".connect_tcp.complete", ".start_tls.complete")


class FetchDeadline:
    """A fetch's deadline; use as a context manager around the whole fetch, every hop.

    Pass ``trace`` as the httpx "trace" request extension so every connection the fetch opens
    is watched, and ``watch`` a response's network stream to cover a reused connection.
    """

    def __init__(self, seconds: float) -> None:
        self.ends = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.name = "fetch-deadline"
        self._timer.daemon = True

    def __enter__(self) -> FetchDeadline:
        self._timer.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._timer.cancel()
        self._timer.join()

    def remaining(self) -> float:
        """Seconds left (negative once the deadline has passed)."""
        return self.ends - time.monotonic()

    def passed(self) -> bool:
        """Whether the deadline has passed (the watchdog may not have fired yet)."""
        return self.expired or self.remaining() <= 0

    def trace(self, event: str, info: Mapping[str, Any]) -> None:
        """The httpcore trace hook: watch each network stream the fetch connects."""
        if event.endswith(_CONNECTED):
            self.watch(info.get("return_value"))

    def watch(self, stream: object) -> None:
        """Shut this httpcore network stream down at the deadline (at once if it has passed)."""
        get_extra_info = getattr(stream, "get_extra_info", None)
        sock = get_extra_info("socket") if callable(get_extra_info) else None
        if not isinstance(sock, socket.socket):
            return  # not a real socket (a MockTransport, or a backend without one)
        with self._lock:
            if not self.expired:
                self._sockets.append(sock)
                return
        _shut_down(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shut_down(sock)


def _shut_down(sock: socket.socket) -> None:
    """Shut both directions; the plain socket's own method even for TLS (no TLS state change)."""
    with suppress(OSError):  # already closed, or detached when TLS took it over
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
