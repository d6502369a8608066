"""Fetching under attack: address tricks, redirects to private hosts, endless and bomb bodies."""

from __future__ import annotations

import socket
import time
import tracemalloc
import zlib
from contextlib import suppress
from typing import Any, BinaryIO

import httpx
import pytest

from summarizer.errors import FetchError
from summarizer.ingest.fetch import FetchPolicy, check_address, fetch
from tests.hostile.raw_server import Log, raw_server

PUBLIC_IP = "93.184.216.34"  # a global address: passes the check, never contacted here
LOCAL = FetchPolicy(
    timeout_seconds=3, max_bytes=100_000, max_redirects=3, allow_private_addresses=True
)
STRICT = FetchPolicy(timeout_seconds=3, max_bytes=100_000, max_redirects=3)


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/x",
        "http://LocalHost:8080/x",
        "http://[::ffff:127.0.0.1]/x",
        "http://[::ffff:7f00:1]/x",
        "http://[::ffff:10.0.0.1]/x",
        "http://2130706433/x",
        "http://0x7f000001/x",
        "http://0177.0.0.1/x",
        "http://127.1/x",
        "http://0/x",
        "http://0.0.0.0/x",
        "http://[::]/x",
        "http://[fe80::1]/x",
        "http://100.64.0.1/x",
        "http://172.16.5.4/x",
        "http://198.18.0.1/x",
        "http://224.0.0.1/x",
        "http://255.255.255.255/x",
        "http://127。0。0。1/x",
        "https://127.0.0.1:443/x",
    ],
)
def test_disguised_private_addresses_are_refused(url: str) -> None:
    with pytest.raises(FetchError, match="non-public address") as caught:
        check_address(url, allow_private=False)
    assert url in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "http://user@127.0.0.1:80@localhost/x",
        "http://127.0.0.1:80\\@localhost/x",
        "http://8.8.8.8#@127.0.0.1/",
    ],
)
def test_userinfo_tricks_check_the_host_httpx_connects_to(url: str) -> None:
    host = httpx.URL(url).host
    if host in {"127.0.0.1", "localhost"}:
        with pytest.raises(FetchError, match="non-public"):
            check_address(url, allow_private=False)
    else:
        check_address(url, allow_private=False)  # the public host is the one contacted


@pytest.mark.parametrize("url", ["http://[64:ff9b::a00:1]/x", "http://[2002:a00:1::]/x"])
def test_ipv6_translations_of_private_ipv4_are_refused(url: str) -> None:
    with pytest.raises(FetchError, match="non-public"):
        check_address(url, allow_private=False)


class _PublicHop(httpx.BaseTransport):
    """Answers for the public address itself; every other host goes out over real HTTP."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.real = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == PUBLIC_IP:
            return httpx.Response(302, headers={"Location": self.location})
        return self.real.handle_request(request)

    def close(self) -> None:
        self.real.close()


def _ok(path: str, wfile: BinaryIO, log: Log) -> None:
    body = b"<html><body>internal admin page</body></html>"
    head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    wfile.write(head.encode() + body)
    log.sent += len(body)


@pytest.mark.parametrize(
    "target",
    ["{base}/admin", "http://localhost:{port}/admin", "http://[::ffff:127.0.0.1]:{port}/admin"],
)
def test_redirect_from_a_public_host_to_a_private_one_is_refused_at_the_hop(target: str) -> None:
    with raw_server(_ok) as log:
        port = log.base.rsplit(":", 1)[1]
        location = target.format(base=log.base, port=port)
        with (
            httpx.Client(transport=_PublicHop(location), follow_redirects=False) as client,
            pytest.raises(FetchError, match="non-public") as caught,
        ):
            fetch(f"http://{PUBLIC_IP}/feed.xml", policy=STRICT, client=client)
        assert log.paths == []  # refused before connecting
    assert location in str(caught.value)


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/"])
def test_redirect_to_another_scheme_is_refused(location: str) -> None:
    with (
        httpx.Client(transport=_PublicHop(location)) as client,
        pytest.raises(FetchError, match="only http"),
    ):
        fetch(f"http://{PUBLIC_IP}/feed.xml", policy=STRICT, client=client)


def test_dns_rebinding_cannot_reach_a_private_address(monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.getaddrinfo
    calls: list[str] = []

    def rebinding(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != "rebind.test":
            return real(host, port, *args, **kwargs)
        calls.append(host)
        address = PUBLIC_IP if len(calls) == 1 else "127.0.0.1"
        return real(address, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with raw_server(_ok) as log:
        port = log.base.rsplit(":", 1)[1]
        with suppress(FetchError):
            fetch(f"http://rebind.test:{port}/admin", policy=STRICT)
        assert log.paths == []


def _redirect_chain(path: str, wfile: BinaryIO, log: Log) -> None:
    number = int(path.strip("/") or 0)
    head = f"HTTP/1.1 302 Found\r\nLocation: /{number + 1}\r\nContent-Length: 0\r\n\r\n"
    wfile.write(head.encode())


def test_redirects_are_capped_and_counted() -> None:
    with raw_server(_redirect_chain) as log:
        with pytest.raises(FetchError, match="more than 3 redirects"):
            fetch(f"{log.base}/0", policy=LOCAL)
        assert log.paths == ["/0", "/1", "/2", "/3"]


def _endless(path: str, wfile: BinaryIO, log: Log) -> None:
    """No Content-Length: stream until the client hangs up (at most 50 MB)."""
    wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
    chunk = b"<p>" + b"x" * 65_530 + b"</p>"
    while log.sent < 50_000_000:
        wfile.write(chunk)
        log.sent += len(chunk)


def _endless_chunked(path: str, wfile: BinaryIO, log: Log) -> None:
    wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n")
    data = b"y" * 32_768
    while log.sent < 50_000_000:
        wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        log.sent += len(data)


@pytest.mark.parametrize("respond", [_endless, _endless_chunked])
def test_size_cap_holds_without_content_length(respond: Any) -> None:
    started = time.monotonic()
    with raw_server(respond) as log:
        with pytest.raises(FetchError, match="too large"):
            fetch(f"{log.base}/big", policy=LOCAL)
        time.sleep(0.2)
    assert time.monotonic() - started < 5
    # The client stopped reading soon after the cap (socket buffers hold a few MB at most).
    assert log.sent < 10_000_000


def _gzip_of_zeros(size: int) -> bytes:
    """Gzip of `size` zero bytes, compressed a megabyte at a time."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip container
    block = bytes(1_000_000)
    return b"".join(packer.compress(block) for _ in range(size // len(block))) + packer.flush()


def _bomb_server(bomb: bytes) -> Any:
    def respond(path: str, wfile: BinaryIO, log: Log) -> None:
        head = (
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
            f"Content-Length: {len(bomb)}\r\nConnection: close\r\n\r\n"
        )
        wfile.write(head.encode() + bomb)
        log.sent += len(bomb)

    return raw_server(respond)


def test_gzip_bomb_is_refused_on_the_decoded_size() -> None:
    bomb = _gzip_of_zeros(60_000_000)
    assert len(bomb) < LOCAL.max_bytes  # the declared length passes the cap
    with _bomb_server(bomb) as log, pytest.raises(FetchError, match="too large"):
        fetch(f"{log.base}/bomb", policy=LOCAL)


def test_gzip_bomb_memory_stays_near_the_cap() -> None:
    bomb = _gzip_of_zeros(60_000_000)
    tracemalloc.start()
    try:
        with _bomb_server(bomb) as log, pytest.raises(FetchError, match="too large"):
            fetch(f"{log.base}/bomb", policy=LOCAL)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * LOCAL.max_bytes, f"peak {peak:,} bytes"


def _drip(path: str, wfile: BinaryIO, log: Log) -> None:
    """A byte every 0.1 s: each read is quick, the whole body never ends."""
    wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
    wfile.flush()
    for _ in range(200):
        wfile.write(b"x")
        wfile.flush()
        log.sent += 1
        time.sleep(0.1)


def test_a_dripping_body_hits_the_total_time_limit() -> None:
    slow = FetchPolicy(timeout_seconds=1, max_bytes=100_000, allow_private_addresses=True)
    started = time.monotonic()
    with raw_server(_drip) as log, pytest.raises(FetchError, match="within 1 s"):
        fetch(f"{log.base}/drip", policy=slow)
    assert time.monotonic() - started < 4
