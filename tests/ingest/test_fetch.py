"""Fetching over real HTTP on 127.0.0.1: conditional GET, caps, redirects, refused addresses."""

from __future__ import annotations

import pytest

from summarizer.errors import FetchError
from summarizer.ingest.fetch import FetchPolicy, Validators, check_address, fetch
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
