"""HTTP fetching with timeouts, a size cap, redirect and address checks, and conditional GET."""

from __future__ import annotations

import ipaddress
import logging
import socket
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from summarizer.config import IngestSection, read_section
from summarizer.errors import FetchError
from summarizer.ingest.addresses import is_public_address
from summarizer.ingest.deadline import FetchDeadline
from summarizer.ingest.urls import MAX_URL_LENGTH
from summarizer.values import Validators

logger = logging.getLogger(__name__)

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "Briefing/0.1 (+https://github.com/briefing-news/briefing)"
_INGEST = IngestSection()


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Limits of one fetch: time, size, redirects, and whether private addresses are allowed."""

    # The defaults are those of the [ingest] section.
    timeout_seconds: float = _INGEST.timeout_seconds
    max_bytes: int = _INGEST.max_bytes
    max_redirects: int = _INGEST.max_redirects
    allow_private_addresses: bool = _INGEST.allow_private_addresses

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> FetchPolicy:
        """The policy of the configuration's [ingest] section (defaults where absent)."""
        ingest = read_section(config, "ingest", IngestSection)
        return cls(
            timeout_seconds=ingest.timeout_seconds,
            max_bytes=ingest.max_bytes,
            max_redirects=ingest.max_redirects,
            allow_private_addresses=ingest.allow_private_addresses,
        )


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A fetched resource: ``not_modified`` when the server answered 304."""

    url: str
    content: bytes
    content_type: str
    charset: str | None
    validators: Validators
    not_modified: bool = False


def check_address(url: str, *, allow_private: bool) -> str | None:
    """Refuse non-HTTP URLs and hosts resolving to private, loopback or link-local addresses.

    Returns:
        The checked address to connect to (so a second DNS answer cannot differ: no DNS
        rebinding), or None when private addresses are allowed and httpx may resolve itself.

    Raises:
        FetchError: the URL is not http(s) or a resolved address is not public.
    """
    if len(url) > MAX_URL_LENGTH:  # a redirect may point anywhere, at any length
        raise FetchError(f"{url[:80]}…: address longer than {MAX_URL_LENGTH:,} characters")
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    if allow_private:
        return None
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"{url}: cannot resolve host {parts.hostname!r} ({exc})") from exc
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    for address in addresses:
        if not is_public_address(address):
            raise FetchError(
                f"{url}: refused: {parts.hostname} resolves to non-public address {address} "
                "(set ingest.allow_private_addresses to allow it)"
            )
    if not addresses:
        raise FetchError(f"{url}: cannot resolve host {parts.hostname!r}")
    return str(addresses[0])


def fetch(
    url: str,
    *,
    policy: FetchPolicy,
    validators: Validators | None = None,
    client: httpx.Client | None = None,
) -> FetchResult:
    """GET a URL within the policy, following redirects by hand so each hop is checked.

    ``policy.timeout_seconds`` bounds the whole fetch (every hop: connect, headers and body
    together), not only each read: see summarizer.ingest.deadline for how.

    Args:
        url: the http(s) URL.
        policy: time, size, redirect and address limits.
        validators: ETag/Last-Modified of an earlier fetch (If-None-Match/If-Modified-Since).
        client: an httpx client to reuse (tests pass one with a MockTransport); the policy's
            time limit replaces its timeouts.

    Returns:
        The result; ``not_modified`` with empty content when the server answered 304.

    Raises:
        FetchError: network error, timeout, bad status, too large, too many redirects, refused.
    """
    own_client = client is None
    http = client or httpx.Client(
        timeout=httpx.Timeout(policy.timeout_seconds), follow_redirects=False, trust_env=False
    )
    # identity: a compressed body is inflated here under the size cap (see _read_capped).
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if validators and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    try:
        with FetchDeadline(policy.timeout_seconds) as deadline:
            current = url
            for _hop in range(policy.max_redirects + 1):
                pinned = check_address(current, allow_private=policy.allow_private_addresses)
                if deadline.passed():
                    raise _timed_out(url, policy)
                result = _get_once(
                    http, current, pinned=pinned, headers=headers, policy=policy, deadline=deadline
                )
                if deadline.expired:  # the watchdog cut the connection: whatever came is partial
                    raise _timed_out(url, policy)
                if isinstance(result, FetchResult):
                    return _kept(result, validators)
                current = urljoin(current, result)
            raise FetchError(f"{url}: more than {policy.max_redirects} redirects")
    finally:
        if own_client:
            http.close()


def _kept(result: FetchResult, known: Validators | None) -> FetchResult:
    """A 304 answer keeps the known validators it does not send again (a server may send a
    304 without its ETag or Last-Modified: the copy held is still the one they name)."""
    if not result.not_modified or known is None:
        return result
    sent = result.validators
    validators = Validators(
        etag=sent.etag or known.etag, last_modified=sent.last_modified or known.last_modified
    )
    return replace(result, validators=validators)


def _timed_out(url: str, policy: FetchPolicy) -> FetchError:
    """The error of a fetch that ran out of time, naming the URL and the limit."""
    limit = policy.timeout_seconds
    return FetchError(
        f"{url}: timed out after {limit:g} s (the whole fetch, redirects included, "
        f"must end within {limit:g} s; see ingest.timeout_seconds)"
    )


def _get_once(
    http: httpx.Client,
    url: str,
    *,
    pinned: str | None,
    headers: dict[str, str],
    policy: FetchPolicy,
    deadline: FetchDeadline,
) -> FetchResult | str:
    """One GET (to the pinned address when given): a result, or the Location of a redirect."""
    target, request_headers = url, dict(headers)
    extensions: dict[str, Any] = {"trace": deadline.trace}
    if pinned is not None:
        parts = urlsplit(url)
        host = f"[{pinned}]" if ":" in pinned else pinned
        netloc = f"{host}:{parts.port}" if parts.port else host
        target = urlunsplit(parts._replace(netloc=netloc))
        request_headers["Host"] = parts.netloc.rsplit("@", 1)[-1]
        if parts.scheme == "https":
            extensions["sni_hostname"] = parts.hostname or ""
    try:
        # Every timeout of this hop is what is left of the fetch's time, so a slow connect or
        # a late first byte cannot outlast the deadline either.
        timeout = httpx.Timeout(max(deadline.remaining(), 0.001))
        request = http.build_request(
            "GET", target, headers=request_headers, extensions=extensions, timeout=timeout
        )
        response = http.send(request, stream=True)
        try:
            # A connection kept alive from before this fetch was not seen connecting.
            deadline.watch(response.extensions.get("network_stream"))
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
            content = _read_capped(response, url=url, policy=policy, deadline=deadline)
            content_type = response.headers.get("content-type", "")
            return FetchResult(
                url=url,
                content=content,
                content_type=content_type.split(";")[0].strip().lower(),
                charset=str(response.charset_encoding or "") or None,
                validators=_validators(response),
            )
        finally:
            response.close()
    except httpx.HTTPError as exc:
        # Once the watchdog has cut the connection, any error (EOF, reset) is the timeout.
        if isinstance(exc, httpx.TimeoutException) or deadline.expired:
            raise _timed_out(url, policy) from exc
        raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from exc


def _read_capped(
    response: httpx.Response, *, url: str, policy: FetchPolicy, deadline: FetchDeadline
) -> bytes:
    """Read the raw body, inflating gzip/deflate here, never holding more than the cap."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding in {"gzip", "x-gzip"}:
        inflater: zlib._Decompress | None = zlib.decompressobj(wbits=31)
    elif encoding == "deflate":
        inflater = zlib.decompressobj()
    elif encoding in {"", "identity"}:
        inflater = None
    else:
        raise FetchError(f"{url}: unsupported content encoding {encoding!r}")
    chunks: list[bytes] = []
    size = 0
    for raw in response.iter_raw():  # no chunk_size: it would buffer, hiding a slow drip
        if deadline.passed():  # also where no socket is watched (a caller's MockTransport)
            raise _timed_out(url, policy)
        pending = raw
        while pending:
            if inflater is None:
                piece, pending = pending, b""
            else:
                piece = inflater.decompress(pending, policy.max_bytes + 1 - size)
                pending = inflater.unconsumed_tail
            size += len(piece)
            if size > policy.max_bytes:
                raise FetchError(f"{url}: too large (over {policy.max_bytes:,} bytes)")
            chunks.append(piece)
            if inflater is not None and not piece:
                break
    return b"".join(chunks)


def _validators(response: httpx.Response) -> Validators:
    """ETag and Last-Modified of a response."""
    return Validators(response.headers.get("etag"), response.headers.get("last-modified"))
