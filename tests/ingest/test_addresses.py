"""The address allow-list: global unicast only, in the fetch and in feed addresses; URL caps."""

from __future__ import annotations

import ipaddress

import pytest

from summarizer.errors import FetchError, InputError
from summarizer.ingest.addresses import is_public_address
from summarizer.ingest.feeds import parse_feed
from summarizer.ingest.fetch import check_address
from summarizer.ingest.urls import MAX_URL_LENGTH, normalize_feed_url

REFUSED = [
    "::7f00:1",  # IPv4-compatible ::127.0.0.1 (deprecated; `is_global` passes it)
    "::a00:1",  # ::10.0.0.1
    "::808:808",  # ::8.8.8.8: compatible form of a public one, still not global unicast
    "fec0::1",  # site-local (deprecated; `is_global` passes it)
    "fec0:1234::5",
    "fc00::1",  # unique local
    "fe80::1",
    "::1",
    "::",
    "::ffff:127.0.0.1",
    "::ffff:10.1.2.3",
    "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
    "2002:a00:1::",  # 6to4 of 10.0.0.1
    "2001:db8::1",  # documentation
    "ff02::1",
    "4000::1",  # outside 2000::/3, unallocated
    "10.0.0.1",
    "100.64.0.1",
    "169.254.169.254",
    "0.0.0.0",
    "240.0.0.1",
]
ALLOWED = ["8.8.8.8", "1.1.1.1", "2a00:1450:4001:80b::200e", "64:ff9b::808:808", "2002:808:808::1"]


@pytest.mark.parametrize("text", REFUSED)
def test_addresses_outside_global_unicast_are_refused(text: str) -> None:
    assert not is_public_address(ipaddress.ip_address(text))


@pytest.mark.parametrize("text", ALLOWED)
def test_global_unicast_addresses_are_allowed(text: str) -> None:
    assert is_public_address(ipaddress.ip_address(text))


@pytest.mark.parametrize("host", ["[::127.0.0.1]", "[::7f00:1]", "[fec0::1]", "[::10.0.0.1]"])
def test_the_fetch_and_feed_addresses_refuse_compatible_and_site_local(host: str) -> None:
    url = f"http://{host}/feed.xml"
    with pytest.raises(FetchError, match="non-public"):
        check_address(url, allow_private=False)
    with pytest.raises(InputError, match="private or local"):
        normalize_feed_url(url)


def test_an_address_longer_than_the_cap_is_not_fetched() -> None:
    url = "https://8.8.8.8/" + "a" * MAX_URL_LENGTH
    with pytest.raises(FetchError, match="longer than"):
        check_address(url, allow_private=False)


def test_a_feed_item_link_longer_than_the_cap_is_not_kept() -> None:
    long_link = "https://example.org/" + "x" * 5_000
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>One</title><link>{long_link}</link><description>Body one.</description>"
        "</item><item><title>Two</title><link>https://example.org/two</link>"
        "<description>Body two.</description></item></channel></rss>"
    )
    entries = parse_feed(feed, location="https://example.org/rss")
    assert [len(e.link) <= MAX_URL_LENGTH for e in entries] == [True, True]
    assert entries[0].link == "https://example.org/rss#1"
    assert entries[1].link == "https://example.org/two"
