"""OPML: real export shapes read, hostile files refused, each feed judged, OPML 2.0 written."""

from __future__ import annotations

from datetime import UTC, datetime
from xml.etree import ElementTree as ET

import pytest

from summarizer.errors import InputError
from summarizer.ingest.opml import (
    MAX_FOLDERS,
    MAX_OPML_BYTES,
    MAX_OUTLINES_READ,
    ImportStatus,
    OpmlFeed,
    parse_opml,
    plan_import,
    write_opml,
)
from summarizer.ingest.urls import normalize_feed_url

# The shapes the three readers export (attribute sets and order as they write them).
FEEDLY = b"""<?xml version="1.0" encoding="UTF-8"?>

<opml version="1.0">
  <head>
    <title>Ada subscriptions in feedly Cloud</title>
  </head>
  <body>
    <outline text="World" title="World">
      <outline type="rss" text="BBC News - World" title="BBC News - World"
        xmlUrl="http://feeds.bbci.co.uk/news/world/rss.xml" htmlUrl="https://www.bbc.co.uk/news/world"/>
      <outline type="rss" text="Meduza" title="Meduza" xmlUrl="https://meduza.io/rss/all"
        htmlUrl="https://meduza.io"/>
    </outline>
    <outline text="Tech" title="Tech">
      <outline type="rss" text="Ars Technica" title="Ars Technica"
        xmlUrl="https://feeds.arstechnica.com/arstechnica/index" htmlUrl="https://arstechnica.com"/>
    </outline>
  </body>
</opml>
"""

THUNDERBIRD = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0" xmlns:fz="urn:forumzilla:">
  <head>
    <title>Thunderbird OPML Export - Blogs &amp; News Feeds</title>
    <dateCreated>Mon, 30 Nov 2026 08:00:00 GMT</dateCreated>
  </head>
  <body>
    <outline title="Новини" text="Новини">
      <outline type="rss" title="Українська правда" text="Українська правда" version="RSS"
        fz:quickMode="false" fz:useQuickMode="true" fz:updateMinutes="100"
        xmlUrl="https://www.pravda.com.ua/rss/" htmlUrl="https://www.pravda.com.ua/"
        fz:lastModified="Mon, 30 Nov 2026 07:55:00 GMT"/>
      <outline title="Europe" text="Europe">
        <outline type="rss" title="DW Deutsch" text="DW Deutsch" version="ATOM"
          xmlUrl="https://rss.dw.com/atom/rss-de-all" htmlUrl="https://www.dw.com/de/"/>
      </outline>
    </outline>
    <outline type="rss" title="Hacker News" text="Hacker News" version="RSS"
      xmlUrl="https://news.ycombinator.com/rss" htmlUrl="https://news.ycombinator.com/"/>
  </body>
</opml>
""".encode()

INOREADER = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head>
    <title>Subscriptions from Inoreader [https://www.inoreader.com]</title>
  </head>
  <body>
    <outline text="Politics" title="Politics">
      <outline text="Politico Europe" title="Politico Europe" type="rss"
        xmlUrl="https://www.politico.eu/feed/" htmlUrl="https://www.politico.eu"/>
      <outline text="Reuters archive" title="Reuters archive" type="link"
        url="https://www.reuters.com/world/"/>
    </outline>
    <outline text="Science" title="Science">
      <outline text="Nature" title="Nature" type="atom" xmlUrl="https://www.nature.com/nature.rss"/>
    </outline>
  </body>
</opml>
"""


def test_feedly_export_with_categories() -> None:
    document = parse_opml(FEEDLY)
    assert document.title == "Ada subscriptions in feedly Cloud"
    assert [(f.title, f.folders) for f in document.feeds] == [
        ("BBC News - World", ("World",)),
        ("Meduza", ("World",)),
        ("Ars Technica", ("Tech",)),
    ]
    assert document.feeds[0].url == "http://feeds.bbci.co.uk/news/world/rss.xml"
    assert document.feeds[0].site == "https://www.bbc.co.uk/news/world"
    assert {f.kind for f in document.feeds} == {"rss"}


def test_thunderbird_export_with_namespaced_attributes_and_nested_folders() -> None:
    document = parse_opml(THUNDERBIRD)
    assert document.title == "Thunderbird OPML Export - Blogs & News Feeds"
    assert [(f.title, f.folders) for f in document.feeds] == [
        ("Українська правда", ("Новини",)),
        ("DW Deutsch", ("Новини", "Europe")),
        ("Hacker News", ()),
    ]


def test_inoreader_export_keeps_atom_and_skips_plain_links() -> None:
    document = parse_opml(INOREADER)
    assert [(f.url, f.kind) for f in document.feeds] == [
        ("https://www.politico.eu/feed/", "rss"),
        ("https://www.nature.com/nature.rss", "atom"),
    ]


def test_attribute_case_and_title_fallbacks() -> None:
    data = b"""<opml version="2.0"><body>
      <outline TEXT="Only text" XMLURL="https://a.example/rss"/>
      <outline xmlurl="https://b.example/rss"/>
      <outline title="  Two\n lines\t" text="ignored" xmlUrl=" https://c.example/rss "/>
    </body></opml>"""
    feeds = parse_opml(data).feeds
    assert [(f.title, f.url) for f in feeds] == [
        ("Only text", "https://a.example/rss"),
        ("", "https://b.example/rss"),
        ("Two lines", "https://c.example/rss"),
    ]


def test_legacy_encoding_and_utf16_are_read() -> None:
    cyrillic = (
        '<?xml version="1.0" encoding="windows-1251"?><opml version="1.1"><body>'
        '<outline text="Новости" xmlUrl="https://lenta.example/rss"/></body></opml>'
    ).encode("cp1251")
    assert parse_opml(cyrillic).feeds[0].title == "Новости"
    utf16 = '<opml><body><outline text="Ώρα" xmlUrl="https://x.example/"/></body></opml>'
    assert parse_opml(utf16.encode("utf-16")).feeds[0].title == "Ώρα"


def test_nested_folders_are_kept_to_a_bounded_depth() -> None:
    depth = 1_000
    data = (
        b"<opml><body>"
        + b'<outline text="f">' * depth
        + b'<outline text="deep" xmlUrl="https://deep.example/rss"/>'
        + b"</outline>" * depth
        + b"</body></opml>"
    )
    (feed,) = parse_opml(data).feeds
    assert feed.title == "deep" and feed.folders == ("f",) * MAX_FOLDERS


def test_files_near_the_size_cap_read_a_bounded_number_of_outlines() -> None:
    outline = b'<outline text="f" xmlUrl="https://x.example/a"/>'
    many = outline * ((MAX_OPML_BYTES - 100) // len(outline))
    document = parse_opml(b"<opml><body>" + many + b"</body></opml>")
    assert len(document.feeds) == MAX_OUTLINES_READ
    assert document.unread == many.count(b"<outline") - MAX_OUTLINES_READ


def test_feeds_past_the_outlines_read_are_reported_as_such() -> None:
    folders = b'<outline text="empty folder"/>' * MAX_OUTLINES_READ
    late = b'<outline text="late" xmlUrl="https://x.example/a"/>'
    with pytest.raises(InputError, match="no feeds in the first 20,000 outlines"):
        parse_opml(b"<opml><body>" + folders + late + b"</body></opml>")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE opml [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<opml version="2.0"><head><title>&lol3;</title></head>
<body><outline text="x" xmlUrl="https://x.example/rss"/></body></opml>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><body><outline text="&secret;" xmlUrl="https://x.example/rss"/></body></opml>"""


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (BILLION_LAUGHS, "refused: EntitiesForbidden"),
        (EXTERNAL_ENTITY, "refused: EntitiesForbidden"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not well-formed XML"),
        (b"<html><body><p>Feeds</p></body></html>", "the document is <html>"),
        (b'<opml version="2.0"><body><outline text="x"', "not well-formed XML"),
        (b"", "not well-formed XML"),
        (b'<?xml version="1.0" encoding="x-klingon"?><opml/>', "cannot read it"),
        (
            b'<rss version="2.0"><channel><title>t</title></channel></rss>',
            "this is a feed itself",
        ),
        (b'<opml version="2.0"><head/><body/></opml>', "no feeds in this OPML file"),
        (
            b'<opml><body><outline text="Folder"><outline text="Link" url="https://x/"/>'
            b"</outline></body></opml>",
            "no feeds in this OPML file",
        ),
    ],
)
def test_hostile_and_broken_files_are_refused_with_a_reason(data: bytes, expected: str) -> None:
    with pytest.raises(InputError, match=expected) as caught:
        parse_opml(data, location="subs.opml")
    assert str(caught.value).startswith("subs.opml: ")
    assert "\n" not in str(caught.value)


def test_files_over_the_size_cap_are_refused_before_parsing() -> None:
    padding = b" " * MAX_OPML_BYTES
    data = b'<opml><body><outline xmlUrl="https://x.example/"/>' + padding + b"</body></opml>"
    cap = r"too large \(10,000,0\d\d bytes; the cap is 10,000,000\)"
    with pytest.raises(InputError, match=cap):
        parse_opml(data)


def test_plan_reports_added_already_there_and_refused_with_reasons() -> None:
    feeds = [
        OpmlFeed("https://Meduza.io:443/rss/all#top", "Meduza"),
        OpmlFeed("https://www.politico.eu/feed/", "Politico"),
        OpmlFeed("HTTPS://WWW.POLITICO.EU/feed/", "Politico again"),
        OpmlFeed("feed://example.org/rss.xml", "Old Firefox"),
        OpmlFeed("javascript:alert(1)", "Script"),
        OpmlFeed("ftp://files.example.org/feed.xml", "FTP"),
        OpmlFeed("http://127.0.0.1:8080/rss", "Local"),
        OpmlFeed("http://localhost/rss", "Localhost"),
        OpmlFeed("https://user:secret@example.org/private.rss", "Credentials"),
        OpmlFeed("example.org/rss", "No scheme"),
        OpmlFeed("https://example.org/" + "a" * 2_100, "Long"),
    ]
    lines = plan_import(feeds, existing={"https://meduza.io/rss/all"})
    assert [(line.status, line.url) for line in lines[:4]] == [
        (ImportStatus.ALREADY, "https://meduza.io/rss/all"),
        (ImportStatus.ADDED, "https://www.politico.eu/feed/"),
        (ImportStatus.ALREADY, "https://www.politico.eu/feed/"),
        (ImportStatus.ADDED, "http://example.org/rss.xml"),
    ]
    reasons = {line.title: line.reason for line in lines if line.status is ImportStatus.REFUSED}
    assert reasons == {
        "Script": "only http and https addresses are supported, not javascript:",
        "FTP": "only http and https addresses are supported, not ftp:",
        "Local": "127.0.0.1 is a private or local address",
        "Localhost": "localhost is a private or local address",
        "Credentials": "address contains a user name or password; feeds are shared, so no",
        "No scheme": "not a web address: write it as https://example.org/rss",
        "Long": "address longer than 2,000 characters",
    }


def test_plan_respects_the_limit_and_private_addresses_when_allowed() -> None:
    feeds = [OpmlFeed(f"http://127.0.0.1:9/{i}") for i in range(4)]
    lines = plan_import(feeds, existing={"https://a.example/"}, limit=3, allow_private=True)
    assert [line.status for line in lines] == [
        ImportStatus.ADDED,
        ImportStatus.ADDED,
        ImportStatus.REFUSED,
        ImportStatus.REFUSED,
    ]
    assert lines[-1].reason == "over the limit of 3 feeds"


@pytest.mark.parametrize(
    ("given", "normal"),
    [
        ("HTTP://Example.ORG", "http://example.org/"),
        ("https://example.org:443/a?b=1#frag", "https://example.org/a?b=1"),
        ("http://example.org:8080/rss", "http://example.org:8080/rss"),
        ("feed:https://example.org/atom", "https://example.org/atom"),
        ("  https://пример.рф/rss  ", "https://пример.рф/rss"),
        ("https://[2001:db8::1]/rss", None),  # documentation range: not global
        ("https://[2606:4700::1111]:8443/rss", "https://[2606:4700::1111]:8443/rss"),
        ("http://10.0.0.5/feed", None),
        ("http://example.org/a b", None),
        ("http://example.org:99999/", None),
        ("https:///rss", None),
    ],
)
def test_normalize_feed_url(given: str, normal: str | None) -> None:
    if normal is None:
        with pytest.raises(InputError):
            normalize_feed_url(given)
    else:
        assert normalize_feed_url(given) == normal


CREATED = datetime(2026, 11, 30, 8, 15, tzinfo=UTC)


def test_written_document_is_opml_2_as_feedly_and_thunderbird_import_it() -> None:
    feeds = [
        OpmlFeed("https://meduza.io/rss/all", "Meduza", site="https://meduza.io"),
        OpmlFeed("https://rss.dw.com/atom/rss-de-all", "DW", kind="atom", folders=("Europe",)),
        OpmlFeed("https://www.pravda.com.ua/rss/", "Правда", folders=("Europe", "Україна")),
    ]
    data = write_opml(feeds, title="Briefing feeds of Newsroom", created=CREATED)
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<opml version=\"2.0\">")
    root = ET.fromstring(data)
    assert root.findtext("head/title") == "Briefing feeds of Newsroom"
    assert root.findtext("head/dateCreated") == "Mon, 30 Nov 2026 08:15:00 +0000"
    top = root.find("body/outline")
    assert top is not None and top.attrib == {
        "type": "rss",
        "text": "Meduza",
        "title": "Meduza",
        "xmlUrl": "https://meduza.io/rss/all",
        "htmlUrl": "https://meduza.io",
    }
    europe = root.find("body/outline[@text='Europe']")
    assert europe is not None and "xmlUrl" not in europe.attrib
    nested = europe.find("outline[@text='Україна']/outline")
    assert nested is not None and nested.get("type") == "rss" and nested.get("title") == "Правда"
    assert "htmlUrl" not in nested.attrib  # written only when known


def test_written_document_round_trips_with_awkward_titles() -> None:
    feeds = [
        OpmlFeed("https://example.org/a?x=1&y=2", 'Tom & Jerry\'s "<News>"'),
        OpmlFeed("https://example.org/b", "bell\x07 and\nnewline", folders=("A & B",)),
        OpmlFeed("https://example.org/c", ""),
    ]
    document = parse_opml(write_opml(feeds, title="Mine <3", created=CREATED))
    assert document.title == "Mine <3"
    assert [(f.url, f.title, f.folders) for f in document.feeds] == [
        ("https://example.org/a?x=1&y=2", 'Tom & Jerry\'s "<News>"', ()),
        ("https://example.org/b", "bell and newline", ("A & B",)),
        ("https://example.org/c", "https://example.org/c", ()),  # a title is never empty
    ]


def test_an_export_imported_back_is_all_already_there() -> None:
    document = parse_opml(FEEDLY)
    first = plan_import(document.feeds, existing=set())
    added = [line.url for line in first if line.status is ImportStatus.ADDED]
    exported = write_opml(
        [OpmlFeed(url) for url in added], title="Feeds", created=CREATED
    )  # what /feeds export would send back
    again = plan_import(parse_opml(exported).feeds, existing=set(added))
    assert {line.status for line in again} == {ImportStatus.ALREADY}
