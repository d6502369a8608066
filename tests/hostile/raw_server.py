"""A raw HTTP server on 127.0.0.1 whose responses are written byte by byte by the test."""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import BinaryIO, cast

Respond = Callable[[str, BinaryIO, "Log"], None]


@dataclass
class Log:
    """Request paths seen and bytes written back (the respond function adds to `sent`)."""

    paths: list[str] = field(default_factory=list)
    sent: int = 0
    base: str = ""


@contextmanager
def raw_server(respond: Respond) -> Iterator[Log]:
    """Serve `respond(path, wfile, log)` on an ephemeral 127.0.0.1 port."""
    log = Log()

    class Handler(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            request_line = self.rfile.readline().decode("latin-1")
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass  # the request headers
            parts = request_line.split()
            path = parts[1] if len(parts) > 1 else "/"
            log.paths.append(path)
            with suppress(BrokenPipeError, ConnectionResetError):
                respond(path, cast(BinaryIO, self.wfile), log)

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    log.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield log
    finally:
        server.shutdown()
        server.server_close()
