"""Feeds: RSS and Atom parse; malformed XML, entity bombs and external entities are refused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from summarizer.errors import InputError
from summarizer.ingest.feeds import looks_like_feed, parse_feed

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Northwire</title><link>https://example.org/</link>
<item><title>Talks open</title><link>https://example.org/a</link>
<pubDate>Tue, 10 Mar 2026 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Delegations met on Tuesday.&lt;/p&gt;</description></item>
<item><title>Draft agreed</title><link>https://example.org/b</link>
<description>Negotiators agreed a draft.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Lantern</title>
<entry><title>Comet found</title><link href="https://example.org/c"/>
<updated>2026-03-11T10:15:00Z</updated><id>urn:c</id>
<content type="html">&lt;p&gt;Astronomers found a comet.&lt;/p&gt;</content></entry></feed>"""

BOMB = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss version="2.0"><channel><title>&lol2;</title></channel></rss>"""

EXTERNAL = """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&x;</title></channel></rss>"""


def test_rss_entries() -> None:
    entries = parse_feed(RSS, location="feed.xml")
    assert [e.title for e in entries] == ["Talks open", "Draft agreed"]
    assert entries[0].link == "https://example.org/a"
    assert entries[0].published == datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    assert entries[0].source == "Northwire"
    assert "Delegations met" in entries[0].content
    assert entries[1].published is None


def test_atom_entries() -> None:
    (entry,) = parse_feed(ATOM, location="atom.xml")
    assert entry.title == "Comet found"
    assert entry.published == datetime(2026, 3, 11, 10, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BOMB, "refused feed"),
        (EXTERNAL, "refused feed"),
        ("<rss><channel><item><title>x</item></rss>", "malformed XML"),
        ('<rss version="2.0"><channel><title>t</title></channel></rss>', "no entries"),
    ],
)
def test_hostile_or_broken_feeds_are_refused(text: str, expected: str) -> None:
    with pytest.raises(InputError, match=expected):
        parse_feed(text, location="bad.xml")


def test_feed_detection() -> None:
    assert looks_like_feed(RSS)
    assert looks_like_feed(ATOM)
    assert not looks_like_feed("<!DOCTYPE html><html><body>rss feed</body></html>")
