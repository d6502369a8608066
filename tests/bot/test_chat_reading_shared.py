"""Chats that read alike share which ranked events they read (bot.chatfeeds, bot.shared): a
second chat without feeds of its own costs no scan, and the shared result is never served past
a change of what it depends on: the chat's feeds, its `/settings sources`, or feed links that
another process writes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from sqlmodel import Session, select

from bot import chatfeeds
from bot.runtime import Runtime
from bot.store import chat_feeds
from summarizer.service import BriefingService
from summarizer.store import feeds
from summarizer.store.db import make_engine
from summarizer.store.models import Feed
from tests.bot.conftest import Harness
from tests.bot.fake_api import FakeBotApi
from tests.bot.feedsite import FeedSite
from tests.bot.test_chat_reading import (
    ADA,
    ADAS,
    ADMIN,
    CY,
    GROUP,
    GROUPS,
    Found,
    counted,
    event_ids,
    follow,
    reading,  # noqa: F401  (the fixture)
)
from tests.chatrows import private_chat

DAN = 76  # a private chat without feeds, like Cy


async def _settled() -> None:
    """Wait until the polls that adding feeds started are over (each may store articles)."""
    for _ in range(300):
        polls = [t for t in asyncio.all_tasks() if t.get_name() == "poll-new-chat-feeds"]
        if not polls:
            return
        await asyncio.wait(polls, timeout=0.1)
    raise AssertionError("the polls of new chat feeds did not end")


@asynccontextmanager
async def _following(
    harness: Harness, fake_api: FakeBotApi, site: FeedSite
) -> AsyncIterator[Found]:
    """The bot running for Ada, Cy, Dan and the group, once Ada and the group follow their
    feeds and the polls that adding them started are over; gives what `follow` gives."""
    for chat in (ADA, CY, DAN):
        fake_api.private_chat(chat)
    fake_api.group_chat(GROUP)
    fake_api.set_admins(GROUP, ADMIN)
    async with harness.running():
        found = await follow(harness, fake_api, site)
        await _settled()
        yield found


async def test_chats_without_feeds_share_one_scan(
    reading: Harness,  # noqa: F811
    fake_api: FakeBotApi,
    site: FeedSite,
) -> None:
    async with _following(reading, fake_api, site):
        first = await fake_api.reply_to(CY, "/events")
        calls = counted(reading.service, "ranked_events")
        second = await fake_api.reply_to(DAN, "/events")
        assert event_ids(second) == event_ids(first) and calls == [], calls
        await fake_api.reply_to(ADA, "/events")  # Ada reads otherwise: a scan of her own
        assert [name for name, _ in calls] == ["ranked_events"], calls


async def test_a_chat_that_follows_a_feed_reads_it_at_once(
    reading: Harness,  # noqa: F811
    fake_api: FakeBotApi,
    site: FeedSite,
) -> None:
    async with _following(reading, fake_api, site) as (events, _, _):
        before = set(event_ids(await fake_api.reply_to(CY, "/events")))
        assert events["rail_ledger"] not in before and events["orchard_coastal"] not in before
        group_feed = site.feed("group", GROUPS, "Group wire")  # polled already for the group
        added = await fake_api.reply_to(CY, f"/feeds add {group_feed}")
        assert added.text.startswith("Added"), added.text
        after = set(event_ids(await fake_api.reply_to(CY, "/events")))
        assert after == before | {events["rail_ledger"], events["orchard_coastal"]}, after
        await fake_api.reply_to(CY, "/settings sources mine")
        mine = set(event_ids(await fake_api.reply_to(CY, "/events")))
        assert mine == {events["rail_ledger"], events["orchard_coastal"]}, mine
        await fake_api.reply_to(CY, "/settings sources all")
        assert set(event_ids(await fake_api.reply_to(CY, "/events"))) == after


async def test_links_another_process_writes_close_articles_at_once(
    reading: Harness,  # noqa: F811
    fake_api: FakeBotApi,
    site: FeedSite,
) -> None:
    async with _following(reading, fake_api, site) as (events, articles, _):
        bridge = events["bridge_coastal"]
        operator = frozenset({articles["bridge_coastal"], articles["bridge_ledger"]})
        calls = counted(reading.service, "event")
        await fake_api.reply_to(CY, "/events")
        assert [kwargs["articles"] for _, kwargs in calls] == [operator], calls  # not Ada's
        # Another process (its own engine) links an operator article to Ada's feed alone:
        # from now on it is Ada's, and Cy reads only the other operator report of the bridge.
        other = make_engine(str(reading.engine.url))
        with Session(other) as session:
            ada_feed = site.feed("ada", ADAS, "Ada wire")
            feed_id = session.exec(select(Feed.id).where(Feed.url == ada_feed)).one()
            feeds.link_articles(
                session=session, feed_id=feed_id, article_ids=[articles["bridge_coastal"]]
            )
            session.commit()
        other.dispose()
        calls.clear()
        listing = await fake_api.reply_to(CY, "/events")
        assert bridge in event_ids(listing)
        built = [kwargs["articles"] for _, kwargs in calls]
        assert built == [frozenset({articles["bridge_ledger"]})], calls


async def test_a_view_never_shows_an_article_stored_after_the_chat_s_reading_was_decided(
    reading: Harness,  # noqa: F811
    site: FeedSite,
) -> None:
    # The domain keeps its ranking (with each event's article ids) for a while. When another
    # process stores one chat's private article into an event meanwhile, another chat's views
    # are built from the articles open to it, never as the whole event stored now.
    ada_feed, group_feed = site.feed("ada", ADAS, "Ada wire"), site.feed("group", GROUPS, "G")
    now = datetime(2026, 3, 20, 8, 0, tzinfo=UTC)
    other = BriefingService(reading.engine, reading.service.config)  # another process

    def poll(url: str) -> None:
        with Session(reading.engine) as session:
            feed_id = session.exec(select(Feed.id).where(Feed.url == url)).one()
        assert feed_id is not None
        stored = other.ingest([url], shared=False, feed=feed_id)  # linked as it is stored
        assert stored.new == 2, stored.errors

    with Session(reading.engine) as session:
        for chat in (ADA, CY, GROUP):
            private_chat(session, chat)
        chat_feeds.add_chat_feeds(session=session, chat_id=ADA, feeds=[(ada_feed, "")], now=now)
        chat_feeds.add_chat_feeds(session=session, chat_id=GROUP, feeds=[(group_feed, "")], now=now)
    poll(group_feed)  # the group's rail and orchard reports: Cy reads neither
    rt = Runtime(reading.settings, reading.service, reading.engine)
    cy = await chatfeeds.reader_of(rt, CY)
    assert cy is not None
    page = await chatfeeds.chat_page(rt, cy, page=0, size=5)
    operators = {a.id for e in page.events for a in e.articles}
    assert len(page.events) == 1 and len(operators) == 2  # the operator's two bridge reports
    bridge = page.events[0].id

    poll(ada_feed)
    assert len(other.event(bridge).articles) == 3  # Ada's bridge report joined the event

    cy = await chatfeeds.reader_of(rt, CY)
    assert cy is not None
    shown = await chatfeeds.chat_events(rt, cy, limit=5, words=40)
    assert [e.id for e in shown] == [bridge]
    assert {a.id for a in shown[0].articles} == operators
    one = await chatfeeds.chat_event(rt, cy, bridge, words=30)
    assert {a.id for a in one.articles} == operators
    story = one.story_id
    assert story is not None
    whole = await chatfeeds.chat_story(rt, cy, story)
    assert {a.id for e in whole.events for a in e.articles} == operators
