"""Fetching over real HTTP on 127.0.0.1: conditional GET, caps, redirects, refused addresses."""

from __future__ import annotations

import os
import select
import socket
import threading
import time
from contextlib import suppress

import pytest

from summarizer.errors import FetchError
from summarizer.ingest.fetch import FetchPolicy, check_address, fetch
from summarizer.values import Validators
from tests.ingest.http_server import Route, Site, serve

LOCAL = FetchPolicy(
    timeout_seconds=2, max_bytes=10_000, max_redirects=2, allow_private_addresses=True
)


def test_conditional_get_sends_validators_and_reads_304() -> None:
    with serve(Site(routes={"/a": Route(body=b"<html>x</html>", etag='"v1"')})) as site:
        first = fetch(f"{site.base}/a", policy=LOCAL)
        assert first.content == b"<html>x</html>"
        assert first.validators == Validators('"v1"', None)
        second = fetch(f"{site.base}/a", policy=LOCAL, validators=first.validators)
        assert second.not_modified
        assert site.requests[-1][1]["if-none-match"] == '"v1"'


def test_a_304_without_validators_keeps_the_known_ones() -> None:
    known = Validators('"v1"', "Wed, 03 Sep 2014 10:11:00 GMT")
    with serve(Site(routes={"/a": Route(status=304)})) as site:
        answer = fetch(f"{site.base}/a", policy=LOCAL, validators=known)
    assert answer.not_modified and answer.validators == known


def test_size_cap() -> None:
    with (
        serve(Site(routes={"/big": Route(body=b"x" * 20_000)})) as site,
        pytest.raises(FetchError, match="too large"),
    ):
        fetch(f"{site.base}/big", policy=LOCAL)


def test_timeout() -> None:
    slow = FetchPolicy(timeout_seconds=0.3, allow_private_addresses=True)
    with (
        serve(Site(routes={"/slow": Route(body=b"late", delay=1.5)})) as site,
        pytest.raises(FetchError, match="timed out"),
    ):
        fetch(f"{site.base}/slow", policy=slow)


def test_redirects_are_followed_and_capped() -> None:
    routes = {
        "/r1": Route(status=302, headers={"Location": "/r2"}),
        "/r2": Route(status=302, headers={"Location": "/done"}),
        "/done": Route(body=b"ok"),
        "/loop": Route(status=302, headers={"Location": "/loop"}),
    }
    with serve(Site(routes=routes)) as site:
        assert fetch(f"{site.base}/r1", policy=LOCAL).content == b"ok"
        with pytest.raises(FetchError, match="redirects"):
            fetch(f"{site.base}/loop", policy=LOCAL)


def test_http_errors_name_the_url() -> None:
    with serve(Site()) as site:
        with pytest.raises(FetchError, match="HTTP 404") as caught:
            fetch(f"{site.base}/missing", policy=LOCAL)
        assert site.base in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/x",
        "http://localhost/x",
        "http://10.0.0.1/x",
        "http://192.168.1.1/x",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/x",
    ],
)
def test_private_addresses_are_refused_by_default(url: str) -> None:
    with pytest.raises(FetchError, match="non-public address"):
        check_address(url, allow_private=False)


def test_redirect_to_private_address_is_refused() -> None:
    # The first hop is allowed only because the test server is local; the policy is then strict.
    with serve(Site()) as site:
        strict = FetchPolicy(allow_private_addresses=False)
        with pytest.raises(FetchError, match="non-public"):
            fetch(f"{site.base}/a", policy=strict)


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "javascript:x"])
def test_only_http_urls(url: str) -> None:
    with pytest.raises(FetchError, match="only http"):
        check_address(url, allow_private=True)


class TrickleServer:
    """A raw server on 127.0.0.1: `/start` answers a redirect to `/feed` slowly (over
    `redirect_seconds`, closing that connection), `/feed` trickles its status line one byte per
    0.1 s and never finishes its headers. It notes when the client hangs up on `/feed`.
    """

    def __init__(self, redirect_seconds: float = 0.0) -> None:
        self.redirect_seconds = redirect_seconds
        self.paths: list[str] = []
        self.hung_up = threading.Event()
        self.stopping = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.1)  # accept() wakes to see `stopping` (close() would not wake it)
        self.base = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.threads = [threading.Thread(target=self._accept, daemon=True)]

    def __enter__(self) -> TrickleServer:
        self.threads[0].start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stopping.set()
        for thread in list(self.threads):
            thread.join(5)
        self.sock.close()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            conn.settimeout(None)
            thread = threading.Thread(target=self._answer, args=(conn,), daemon=True)
            self.threads.append(thread)
            thread.start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            request = b""
            while b"\r\n\r\n" not in request:
                request += conn.recv(4096)
            path = request.split()[1].decode()
            self.paths.append(path)
            if path == "/start":
                redirect = b"HTTP/1.1 302 Found\r\nLocation: /feed\r\nConnection: close\r\n"
                pieces = [redirect[i : i + 5] for i in range(0, len(redirect), 5)] + [b"\r\n"]
                for piece in pieces:
                    time.sleep(self.redirect_seconds / len(pieces))
                    conn.sendall(piece)
                return
            status = b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nX-Slow: "
            for index in range(300):  # 30 s at most, then the connection ends
                if self.stopping.is_set():
                    return
                with suppress(OSError):
                    conn.sendall(status[index : index + 1] or b"x")
                readable, _, _ = select.select([conn], [], [], 0.1)
                if readable and not _receive(conn):
                    self.hung_up.set()
                    return


def _receive(conn: socket.socket) -> bytes:
    """What the peer sent, or b"" once it has hung up (closed or reset)."""
    try:
        return conn.recv(4096)
    except OSError:
        return b""


def _deadline_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "fetch-deadline"]


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts descriptors in /proc")
def test_trickled_headers_hit_the_whole_fetch_deadline_and_the_socket_is_closed() -> None:
    # Each byte comes well inside the read timeout: only a limit on the whole fetch stops it.
    policy = FetchPolicy(timeout_seconds=1, allow_private_addresses=True)
    before = _open_descriptors()
    with TrickleServer() as server:
        started = time.monotonic()
        with pytest.raises(FetchError, match="timed out after 1 s") as caught:
            fetch(f"{server.base}/feed", policy=policy)
        elapsed = time.monotonic() - started
        assert server.hung_up.wait(5), "the client never hung up"
    assert f"{server.base}/feed" in str(caught.value)
    assert elapsed < 5, f"took {elapsed:.1f} s"  # generous: the server trickles for 30 s
    assert _deadline_threads() == []
    assert _open_descriptors() == before  # the shut-down socket was closed, not leaked


def test_the_deadline_spans_redirect_hops() -> None:
    # The redirect itself uses 1.6 of the 2 s; a deadline per hop would end at 3.6 s or later.
    policy = FetchPolicy(timeout_seconds=2, max_redirects=2, allow_private_addresses=True)
    with TrickleServer(redirect_seconds=1.6) as server:
        started = time.monotonic()
        with pytest.raises(FetchError, match="timed out after 2 s"):
            fetch(f"{server.base}/start", policy=policy)
        elapsed = time.monotonic() - started
        assert server.hung_up.wait(5), "the client never hung up on the second hop"
    assert server.paths == ["/start", "/feed"]
    assert elapsed < 3.2, f"took {elapsed:.1f} s"  # generous over 2 s, short of 3.6 s
    assert _deadline_threads() == []
