"""Feed addresses as people give them: checked and normalised without touching the network."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from summarizer.errors import InputError
from summarizer.ingest.addresses import is_public_host

MAX_URL_LENGTH = 2_000  # longer addresses break Telegram messages and are never real feeds
_DEFAULT_PORTS = {"http": 80, "https": 443}
_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f]")


def normalize_feed_url(text: str, *, allow_private: bool = False) -> str:
    """Check a feed address and return its normal form.

    The normal form lower-cases the scheme and host, drops a default port and the fragment,
    and gives an empty path "/", so the same feed written two ways is stored once. The old
    ``feed://`` and ``feed:https://`` forms become http(s). Host names are not resolved here:
    the fetch checks every address it connects to (summarizer.ingest.fetch.check_address).

    Args:
        text: the address as given (surrounding spaces are ignored).
        allow_private: accept loopback and private IP literals and ``localhost``
            (the operator's ``ingest.allow_private_addresses``).

    Returns:
        The normalised address.

    Raises:
        InputError: the address is not a usable http(s) feed address; the message says why.
    """
    url = text.strip()
    if not url:
        raise InputError("empty address")
    if len(url) > MAX_URL_LENGTH:
        raise InputError(f"address longer than {MAX_URL_LENGTH:,} characters")
    if _UNSAFE.search(url):
        raise InputError("address contains spaces or control characters")
    lowered = url.lower()
    if lowered.startswith("feed://"):
        url = "http://" + url[len("feed://") :]
    elif lowered.startswith("feed:"):
        url = url[len("feed:") :]
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if not scheme or "." in scheme:  # "example.org/rss" or "example.org:8080/rss"
        raise InputError(f"not a web address: write it as https://{url[:60]}")
    if scheme not in _DEFAULT_PORTS:
        raise InputError(f"only http and https addresses are supported, not {scheme}:")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise InputError("address has no host name")
    if parts.username is not None or parts.password is not None:
        raise InputError("address contains a user name or password; feeds are shared, so no")
    try:
        port = parts.port
    except ValueError as exc:
        raise InputError("address has an invalid port") from exc
    if not allow_private and _is_private_host(host):
        raise InputError(f"{host} is a private or local address")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def _is_private_host(host: str) -> bool:
    """Tell whether a host is ``localhost`` or an IP literal that is not global unicast."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    return is_public_host(host) is False  # a name: the fetch resolves and checks it
