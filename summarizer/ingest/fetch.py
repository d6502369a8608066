"""HTTP fetching with timeouts, a size cap, redirect and address checks, and conditional GET."""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from summarizer.errors import FetchError

logger = logging.getLogger(__name__)

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "Briefing/0.1 (+https://github.com/briefing-news/briefing)"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Limits of one fetch: time, size, redirects, and whether private addresses are allowed."""

    timeout_seconds: float = 15.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_private_addresses: bool = False


@dataclass(frozen=True, slots=True)
class Validators:
    """Conditional-GET validators remembered from the last fetch of a URL."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A fetched resource: ``not_modified`` when the server answered 304."""

    url: str
    content: bytes
    content_type: str
    charset: str | None
    validators: Validators
    not_modified: bool = False


def check_address(url: str, *, allow_private: bool) -> None:
    """Refuse non-HTTP URLs and hosts resolving to private, loopback or link-local addresses.

    Raises:
        FetchError: the URL is not http(s) or a resolved address is not public.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"{url}: cannot resolve host {parts.hostname!r} ({exc})") from exc
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global or address.is_multicast:
            raise FetchError(
                f"{url}: refused: {parts.hostname} resolves to non-public address {address} "
                "(set ingest.allow_private_addresses to allow it)"
            )


def fetch(
    url: str,
    *,
    policy: FetchPolicy,
    validators: Validators | None = None,
    client: httpx.Client | None = None,
) -> FetchResult:
    """GET a URL within the policy, following redirects by hand so each hop is checked.

    Args:
        url: the http(s) URL.
        policy: time, size, redirect and address limits.
        validators: ETag/Last-Modified of an earlier fetch (If-None-Match/If-Modified-Since).
        client: an httpx client to reuse (tests pass one with a MockTransport).

    Returns:
        The result; ``not_modified`` with empty content when the server answered 304.

    Raises:
        FetchError: network error, timeout, bad status, too large, too many redirects, refused.
    """
    own_client = client is None
    http = client or httpx.Client(
        timeout=httpx.Timeout(policy.timeout_seconds), follow_redirects=False, trust_env=False
    )
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if validators and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    try:
        current = url
        for _hop in range(policy.max_redirects + 1):
            check_address(current, allow_private=policy.allow_private_addresses)
            result = _get_once(http, current, headers=headers, policy=policy)
            if isinstance(result, FetchResult):
                return result
            current = urljoin(current, result)
        raise FetchError(f"{url}: more than {policy.max_redirects} redirects")
    finally:
        if own_client:
            http.close()


def _get_once(
    http: httpx.Client, url: str, *, headers: dict[str, str], policy: FetchPolicy
) -> FetchResult | str:
    """One GET: a result, or the Location of a redirect."""
    try:
        with http.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                return FetchResult(url, b"", "", None, _validators(response), not_modified=True)
            if response.status_code in _REDIRECTS:
                location = str(response.headers.get("location") or "")
                if not location:
                    raise FetchError(f"{url}: redirect without a Location header")
                return location
            if response.status_code >= 400:
                raise FetchError(f"{url}: HTTP {response.status_code}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > policy.max_bytes:
                raise FetchError(f"{url}: too large ({int(declared):,} bytes declared)")
            chunks: list[bytes] = []
            size = 0
            deadline = time.monotonic() + policy.timeout_seconds
            for chunk in response.iter_bytes():
                if time.monotonic() > deadline:
                    raise FetchError(
                        f"{url}: body not received within {policy.timeout_seconds:g} s"
                    )
                size += len(chunk)
                if size > policy.max_bytes:
                    raise FetchError(f"{url}: too large (over {policy.max_bytes:,} bytes)")
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "")
            return FetchResult(
                url=str(response.url),
                content=b"".join(chunks),
                content_type=content_type.split(";")[0].strip().lower(),
                charset=response.charset_encoding,
                validators=_validators(response),
            )
    except httpx.TimeoutException as exc:
        raise FetchError(f"{url}: timed out after {policy.timeout_seconds:g} s") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from exc


def _validators(response: httpx.Response) -> Validators:
    """ETag and Last-Modified of a response."""
    return Validators(response.headers.get("etag"), response.headers.get("last-modified"))
