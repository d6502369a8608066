"""OPML in the bot over real HTTP: a file sent to the bot imports its feeds with a report,
/feeds export sends them back as OPML 2.0, and hostile files get a clear refusal."""

from __future__ import annotations

import asyncio
from xml.etree import ElementTree as ET

import pytest

from summarizer.ingest.opml import parse_opml
from tests.bot.conftest import Harness
from tests.bot.fake_api import FakeBotApi, Sent
from tests.bot.feedsite import FeedSite
from tests.bot.test_feeds import feed_harness, fetched, listed  # noqa: F401 (fixture)

ADA = 71
GROUP, ADMIN, MEMBER = -1007001, 72, 73


async def _documents(fake_api: FakeBotApi, chat: int, timeout: float = 10.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if fake_api.documents(chat):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no document sent to {chat}")


async def _send(fake_api: FakeBotApi, chat: int, data: bytes, name: str, user: int) -> Sent:
    before = len(fake_api.sent(chat))
    fake_api.user_sends_document(chat, data, name, user_id=user)
    return (await fake_api.wait_sent(chat, before + 1))[before]


def _opml(feeds: list[tuple[str, str]]) -> bytes:
    outlines = "".join(
        f'<outline text="{title}" title="{title}" type="rss" xmlUrl="{url}"/>'
        for url, title in feeds
    )
    return (
        '<?xml version="1.0"?><opml version="1.0"><head><title>Mine</title></head><body>'
        f'<outline text="News">{outlines}</outline></body></opml>'
    ).encode()


async def test_import_a_file_then_export_it(
    feed_harness: Harness,  # noqa: F811
    fake_api: FakeBotApi,
    site: FeedSite,
) -> None:
    wire = site.feed("wire", ["rail_northwire"])
    farm = site.feed("farm", ["orchard_coastal"])
    fake_api.private_chat(ADA)
    data = _opml([(wire, "Rail wire"), (farm, "Farm news"), (wire, "Again"), ("gopher://x", "Old")])
    async with feed_harness.running():
        report = await _send(fake_api, ADA, data, "subscriptions.opml", ADA)
        lines = report.text.splitlines()
        assert lines[0] == "Import of subscriptions.opml"
        assert lines[1] == "Added 2, already followed 1, refused 1."
        assert lines[2:6] == [
            f"Added: {wire}",
            f"Added: {farm}",
            f"Already followed: {wire}",
            "Refused: gopher://x (only http and https addresses are supported, not gopher:)",
        ]
        assert "2 feeds added" in report.text
        await fetched(feed_harness.engine, ADA, 2)
        again = await _send(fake_api, ADA, data, "subscriptions.opml", ADA)
        assert again.text.splitlines()[1] == "Added 0, already followed 3, refused 1."
        fake_api.user_says(ADA, "/feeds export")
        await _documents(fake_api, ADA)
    ((chat, name, document, caption),) = fake_api.documents(ADA)
    assert (chat, name) == (ADA, "briefing-feeds.opml")
    assert caption.startswith("Your 2 feeds as OPML")
    root = ET.fromstring(document)
    assert root.tag == "opml" and root.get("version") == "2.0"
    outlines = root.findall("./body/outline")
    assert [(o.get("type"), o.get("xmlUrl"), o.get("title")) for o in outlines] == [
        ("rss", wire, "Rail wire"),
        ("rss", farm, "Farm news"),
    ]
    assert [f.url for f in parse_opml(document).feeds] == [wire, farm]


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<opml version="2.0"><head/><body><outline xmlUrl="https://example.org/&lol3;"/></body></opml>"""


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (BOMB, "bomb.opml", "I cannot import that file: bomb.opml: refused: EntitiesForbidden"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "photo.opml", "not well-formed XML"),
        (b"<html><body>hi</body></html>", "page.xml", "the document is <html>"),
        (
            b'<?xml version="1.0"?><opml version="2.0"><body><outline text="x"/></body></opml>',
            "empty.opml",
            "no feeds in this OPML file",
        ),
        (b" " * 10_000_001, "huge.opml", "I cannot import that file: it is over 10 MB."),
    ],
)
async def test_hostile_files_are_refused_with_the_reason(
    feed_harness: Harness,  # noqa: F811
    fake_api: FakeBotApi,
    data: bytes,
    name: str,
    expected: str,
) -> None:
    fake_api.private_chat(ADA)
    async with feed_harness.running():
        answer = await _send(fake_api, ADA, data, name, ADA)
    assert answer.text.startswith("I cannot import that file"), answer.text
    assert expected in answer.text, answer.text
    if name == "huge.opml":
        assert fake_api.calls("getFile") == []  # refused by its size, never downloaded
    assert listed(feed_harness.engine, ADA) == []


async def test_in_groups_only_administrators_import(
    feed_harness: Harness,  # noqa: F811
    fake_api: FakeBotApi,
    site: FeedSite,
) -> None:
    wire = site.feed("wire", ["rail_northwire"])
    fake_api.group_chat(GROUP)
    fake_api.set_admins(GROUP, ADMIN)
    data = _opml([(wire, "Rail wire")])
    async with feed_harness.running():
        refused = await _send(fake_api, GROUP, data, "feeds.opml", MEMBER)
        assert refused.text.startswith("Only the administrators of this group"), refused.text
        assert fake_api.calls("getFile") == []
        done = await _send(fake_api, GROUP, data, "feeds.opml", ADMIN)
        assert done.text.splitlines()[1] == "Added 1, already followed 0, refused 0."
        await fetched(feed_harness.engine, GROUP, 1)
        fake_api.user_says(GROUP, "/feeds export", user_id=MEMBER)  # reading: everyone
        await _documents(fake_api, GROUP)
    assert [f.url for f in parse_opml(fake_api.documents(GROUP)[0][2]).feeds] == [wire]
