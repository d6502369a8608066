"""Feeds per chat over real HTTP: /feeds list, add, remove, the per-chat limit, one fetch per
address whoever follows it, the address filter, group rights, and what briefings draw on."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.polling import poll_feeds
from bot.runtime import Runtime
from bot.settings import BotSettings
from bot.store import chat_feeds, chats
from bot.store.values import ChatFeedInfo
from summarizer.service import BriefingService
from tests.bot.conftest import DATA, Harness, config
from tests.bot.fake_api import FakeBotApi
from tests.bot.feedsite import FeedSite
from tests.bot.test_delivery import _hhmm, _subscribe

ADA, BEA = 61, 62
GROUP, ADMIN, MEMBER = -1006001, 63, 64


def feed_service(engine: Engine) -> BriefingService:
    """The real service allowed to fetch from 127.0.0.1, holding the operator's bridge news."""
    service = BriefingService(engine, {**config(), "ingest": {"allow_private_addresses": True}})
    report = service.ingest([str(p) for p in sorted(DATA.glob("bridge_*.txt"))])
    assert report.new + report.duplicate == 3, report
    return service


@pytest.fixture
def feed_harness(settings: BotSettings, engine: Engine) -> Harness:
    return Harness(replace(settings, allow_private_feeds=True), feed_service(engine), engine)


def listed(engine: Engine, chat_id: int) -> list[ChatFeedInfo]:
    with Session(engine) as session:
        return chat_feeds.chat_feeds(session=session, chat_id=chat_id)


async def fetched(engine: Engine, chat_id: int, count: int, timeout: float = 30.0) -> None:
    """Wait until `count` of the chat's feeds have been polled."""
    for _ in range(int(timeout / 0.1)):
        if sum(f.polled_at is not None for f in listed(engine, chat_id)) >= count:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"feeds of {chat_id} not polled: {listed(engine, chat_id)}")


async def test_follow_list_and_remove_feeds(
    feed_harness: Harness, fake_api: FakeBotApi, site: FeedSite
) -> None:
    wire = site.feed("wire", ["rail_northwire", "rail_ledger"], title="Rail wire")
    fake_api.private_chat(ADA)
    async with feed_harness.running():
        empty = await fake_api.reply_to(ADA, "/feeds")
        assert empty.text.startswith("You follow no feeds of your own yet."), empty.text
        missing = f"{site.base}/missing.xml"
        again = wire.replace("http://", "HTTP://") + "#top"  # the same feed written otherwise
        added = await fake_api.reply_to(ADA, f"/feeds add {wire} {again} {missing} ftp://x/y")
        lines = added.text.splitlines()
        assert lines[0] == f"Added: {wire}"
        assert lines[1] == f"Already followed: {wire}"
        assert lines[2] == f"Added: {missing}"
        assert lines[3].startswith("Refused: ftp://x/y (only http and https"), lines
        assert "2 feeds added" in added.text
        await fetched(feed_harness.engine, ADA, 2)
        shown = await fake_api.reply_to(ADA, "/feeds")
        assert shown.text.startswith("Your feeds (2 of 50)"), shown.text
        rows = [row.strip() for row in shown.text.splitlines()]
        assert rows[1:4:2] == [f"1. {wire}", f"2. {missing}"], rows
        assert rows[2].startswith("fetched "), rows
        assert rows[4].startswith("failed ") and "404" in rows[4], rows
        assert f'href="{wire}"' in shown.html
        gone = await fake_api.reply_to(ADA, "/feeds remove 2")
        assert gone.text == f"Removed {missing}."
        unknown = await fake_api.reply_to(ADA, "/feeds remove 7")
        assert unknown.text.startswith("You do not follow 7."), unknown.text
        by_url = await fake_api.reply_to(ADA, f"/feeds remove {wire}")
        assert by_url.text == f"Removed {wire}."
        bad = await fake_api.reply_to(ADA, "/feeds frobnicate")
        assert bad.text.startswith("Usage: /feeds"), bad.text
    assert listed(feed_harness.engine, ADA) == []


async def test_feeds_lists_in_one_worker_thread_hop(
    feed_harness: Harness, fake_api: FakeBotApi, site: FeedSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    wire = site.feed("wire", ["rail_northwire"], title="Rail wire")
    hops: list[str] = []
    method = Runtime.db

    async def hop(rt: Runtime, fn: Any, **kwargs: Any) -> Any:
        if getattr(fn, "__module__", "") in {"bot.store.chat_feeds", "bot.store.chats"}:
            hops.append(fn.__name__)
        return await method(rt, fn, **kwargs)

    monkeypatch.setattr(Runtime, "db", hop)
    fake_api.private_chat(ADA)
    async with feed_harness.running():
        await fake_api.reply_to(ADA, f"/feeds add {wire}")
        await fetched(feed_harness.engine, ADA, 1)
        hops.clear()
        shown = await fake_api.reply_to(ADA, "/feeds")
    assert shown.text.startswith("Your feeds (1 of 50)"), shown.text
    assert hops == ["feed_listing"], hops  # its feeds, reading, zone: one hop, two statements


async def test_an_address_many_chats_follow_is_fetched_once_per_poll(
    feed_harness: Harness, fake_api: FakeBotApi, site: FeedSite
) -> None:
    wire = site.feed("wire", ["rail_northwire"])
    for chat in (ADA, BEA):
        fake_api.private_chat(chat)
    async with feed_harness.running():
        await fake_api.reply_to(ADA, f"/feeds add {wire}")
        await fetched(feed_harness.engine, ADA, 1)
        await fake_api.reply_to(BEA, f"/feeds add {wire}")  # fetched already: not again
        await asyncio.sleep(0.5)
    before = site.fetches(wire)
    assert before == 1
    rt = Runtime(feed_harness.settings, feed_harness.service, feed_harness.engine)
    report = await poll_feeds(rt)
    assert report.failed == 0, report.errors
    assert site.fetches(wire) == before + 1


async def test_the_per_chat_limit_and_the_address_filter(
    settings: BotSettings, engine: Engine, fake_api: FakeBotApi, site: FeedSite
) -> None:
    urls = [site.feed(f"f{i}", ["orchard_coastal"]) for i in range(3)]
    fake_api.private_chat(ADA)
    capped = Harness(
        replace(settings, allow_private_feeds=True, feeds_per_chat=2), feed_service(engine), engine
    )
    async with capped.running():
        added = await fake_api.reply_to(ADA, "/feeds add " + " ".join(urls))
        assert added.text.splitlines()[2] == f"Refused: {urls[2]} (over the limit of 2 feeds)"
        await fetched(engine, ADA, 2)
    strict = Harness(settings, feed_service(engine), engine)  # private addresses refused
    async with strict.running():
        fake_api.private_chat(BEA)
        refused = await fake_api.reply_to(BEA, f"/feeds add {urls[0]} http://10.1.2.3/rss")
        assert refused.text.splitlines() == [
            f"Refused: {urls[0]} (127.0.0.1 is a private or local address)",
            "Refused: http://10.1.2.3/rss (10.1.2.3 is a private or local address)",
        ]
    assert listed(engine, BEA) == []


async def test_in_groups_only_administrators_change_feeds(
    feed_harness: Harness, fake_api: FakeBotApi, site: FeedSite
) -> None:
    wire = site.feed("wire", ["rail_northwire"])
    fake_api.group_chat(GROUP)
    fake_api.set_admins(GROUP, ADMIN)
    async with feed_harness.running():
        refused = await fake_api.reply_to(GROUP, f"/feeds add {wire}", user_id=MEMBER)
        assert refused.text.startswith("Only the administrators of this group"), refused.text
        added = await fake_api.reply_to(GROUP, f"/feeds add {wire}", user_id=ADMIN)
        assert added.text.startswith(f"Added: {wire}"), added.text
        seen = await fake_api.reply_to(GROUP, "/feeds", user_id=MEMBER)
        assert seen.text.startswith("Your feeds (1 of 50)"), seen.text
        drop = await fake_api.reply_to(GROUP, "/feeds remove 1", user_id=MEMBER)
        assert drop.text.startswith("Only the administrators"), drop.text
        await fetched(feed_harness.engine, GROUP, 1)
    assert [f.url for f in listed(feed_harness.engine, GROUP)] == [wire]


def _headlines(text: str) -> set[str]:
    return {
        name
        for name, words in (("bridge", "bridge"), ("rail", "strike"), ("orchard", "harvest"))
        if words in text.lower()
    }


async def test_briefings_draw_on_the_chats_feeds_and_by_choice_the_operators(
    feed_harness: Harness, fake_api: FakeBotApi, site: FeedSite
) -> None:
    wire = site.feed("wire", ["rail_northwire", "rail_ledger", "orchard_coastal"])
    for chat in (ADA, BEA):
        fake_api.private_chat(chat)
    async with feed_harness.running():
        await fake_api.reply_to(ADA, f"/feeds add {wire}")
        await fetched(feed_harness.engine, ADA, 1)
        assert listed(feed_harness.engine, ADA)[0].error == ""
        everything = await fake_api.reply_to(ADA, "/brief")
        assert _headlines(everything.text) == {"bridge", "rail", "orchard"}, everything.text
        other = await fake_api.reply_to(BEA, "/brief")  # another chat's feeds are its own
        assert _headlines(other.text) == {"bridge"}, other.text
        mine = await fake_api.reply_to(ADA, "/settings sources mine")
        assert mine.text.startswith("Briefings, /events and /search draw on your feeds only."), (
            mine.text
        )
        own = await fake_api.reply_to(ADA, "/brief")
        assert _headlines(own.text) == {"rail", "orchard"}, own.text
        shown = await fake_api.reply_to(ADA, "/settings sources")
        assert shown.text.startswith("Briefings, /events and /search draw on your feeds only."), (
            shown.text
        )
        back = await fake_api.reply_to(ADA, "/settings sources all")
        assert back.text.startswith(
            "Briefings, /events and /search draw on your feeds and the bot's own."
        ), back.text
        bad = await fake_api.reply_to(ADA, "/settings sources some")
        assert bad.text == "Usage: /settings sources mine|all", bad.text
        plain = await fake_api.reply_to(ADA, "/settings")
        assert plain.text.startswith("Settings"), plain.text


def test_settings_read_the_limit_and_the_address_rule() -> None:
    cfg: dict[str, Any] = {
        **config(),
        "ingest": {"allow_private_addresses": True},
        "bot": {**config()["bot"], "feeds_per_chat": 7},
    }
    built = BotSettings.from_env(cfg, {})
    assert (built.feeds_per_chat, built.allow_private_feeds) == (7, True)
    default = BotSettings.from_env(config(), {})
    assert (default.feeds_per_chat, default.allow_private_feeds) == (50, False)


def test_a_group_upgraded_to_a_supergroup_keeps_its_feeds(engine: Engine) -> None:
    old, new = -6101, -1006101
    with Session(engine) as session:
        chats.ensure_chat(
            session=session,
            chat_id=old,
            kind="group",
            title="g",
            default_timezone="UTC",
            default_times=["08:00"],
        )
        now = datetime.now(UTC)
        feeds = [("https://example.org/rss", "Example")]
        chat_feeds.add_chat_feeds(session=session, chat_id=old, feeds=feeds, now=now)
        chat_feeds.set_own_feeds_only(session=session, chat_id=old, value=True)
        assert chats.migrate_chat(session=session, old_id=old, new_id=new)
    assert [f.url for f in listed(engine, new)] == ["https://example.org/rss"]
    assert listed(engine, old) == []
    with Session(engine) as session:
        assert chat_feeds.own_feeds_only(session=session, chat_id=new)


@pytest.mark.clock
async def test_scheduled_briefings_draw_on_what_each_chat_reads(
    feed_harness: Harness, fake_api: FakeBotApi, site: FeedSite
) -> None:
    wire = site.feed("wire", ["rail_northwire", "rail_ledger", "orchard_coastal"])
    for chat in (ADA, BEA):
        fake_api.private_chat(chat)
    async with feed_harness.running():
        await fake_api.reply_to(ADA, f"/feeds add {wire}")
        await fake_api.reply_to(ADA, "/settings sources mine")
        await fetched(feed_harness.engine, ADA, 1)
    due = _hhmm(datetime.now(UTC) - timedelta(minutes=5))
    for chat in (ADA, BEA):
        _subscribe(feed_harness.engine, chat, [due])
        with Session(feed_harness.engine) as session:
            chats.set_times(session=session, chat_id=chat, times=[due])
    sent = {chat: len(fake_api.sent(chat)) for chat in (ADA, BEA)}
    async with feed_harness.running():
        own = (await fake_api.wait_sent(ADA, sent[ADA] + 1))[sent[ADA]]
        other = (await fake_api.wait_sent(BEA, sent[BEA] + 1))[sent[BEA]]
    assert own.text.startswith("Briefing") and _headlines(own.text) == {"rail", "orchard"}
    assert other.text.startswith("Briefing") and _headlines(other.text) == {"bridge"}


async def test_every_fetch_goes_through_the_ingest_address_check(
    settings: BotSettings, engine: Engine, fake_api: FakeBotApi, site: FeedSite
) -> None:
    """Even an address the bot let through is refused by the fetcher when it is not public."""
    wire = site.feed("wire", ["rail_northwire"])
    service = BriefingService(engine, config())  # the operator did not allow private addresses
    lax = Harness(replace(settings, allow_private_feeds=True), service, engine)
    fake_api.private_chat(ADA)
    async with lax.running():
        await fake_api.reply_to(ADA, f"/feeds add {wire}")
        await fetched(engine, ADA, 1)
        shown = await fake_api.reply_to(ADA, "/feeds")
    (feed,) = listed(engine, ADA)
    assert "non-public address 127.0.0.1" in feed.error, feed
    assert "non-public address" in shown.text
    assert site.fetches(wire) == 0


async def test_feed_messages_in_the_chats_language(
    feed_harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(ADA, language_code="ru")
    async with feed_harness.running():
        await fake_api.reply_to(ADA, "/start")
        empty = await fake_api.reply_to(ADA, "/feeds")
        refused = await fake_api.reply_to(ADA, "/feeds add ftp://x/y")
    assert empty.text.startswith("У вас пока нет своих лент."), empty.text
    assert refused.text.startswith("Отклонена: ftp://x/y"), refused.text
