"""What each chat reads in every view command, over real HTTP: /events (its pages and
buttons), /event, /story, /article, /search and /brief show what the chat's reading opens to
it (its feeds, and the operator's unless `/settings sources mine`), in private chats and groups;
an event several readings share is shown to each as it reads it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from bot.runtime import Runtime
from bot.settings import BotSettings
from summarizer.service import BriefingService
from tests.bot.conftest import DATA, Harness, config
from tests.bot.fake_api import FakeBotApi
from tests.bot.fake_methods import Sent
from tests.bot.feedsite import FeedSite
from tests.bot.test_feeds import fetched

ADA, CY = 71, 73  # private chats: Ada follows a feed, Cy follows none
GROUP, ADMIN, MEMBER = -1007001, 74, 75  # a group that follows another feed
HEADLINES = {
    path.stem: path.read_text(encoding="utf-8").partition("\n")[0] for path in DATA.glob("*.txt")
}
OPERATOR = ["bridge_coastal", "bridge_ledger"]  # an operator's feed
ADAS = ["bridge_northwire", "rail_northwire"]  # Ada's feed: one bridge report, one rail report
GROUPS = ["rail_ledger", "orchard_coastal"]  # the group's feed


@pytest.fixture
def reading(settings: BotSettings, engine: Engine, site: FeedSite) -> Harness:
    """The operator's feed holds two bridge reports; the chats' feeds bring the rest."""
    service = BriefingService(engine, {**config(), "ingest": {"allow_private_addresses": True}})
    assert service.add_feed(site.feed("operator", OPERATOR, title="Operator wire"))
    assert service.poll_feeds(due_only=False).new == 2
    return Harness(replace(settings, allow_private_feeds=True), service, engine)


def stems(text: str) -> set[str]:
    """The test articles whose headline a message names."""
    return {stem for stem, headline in HEADLINES.items() if headline in text}


def sources(sent: Sent) -> set[str]:
    """The articles an event's or a story's message lists under "Sources" or "Timeline"."""
    return stems(sent.text.partition("\nSources\n")[2])


def event_ids(sent: Sent) -> list[int]:
    """The events an /events page lists, from its buttons."""
    rows = (sent.reply_markup or {}).get("inline_keyboard", [])
    data = [b.get("callback_data", "") for row in rows for b in row]
    return [int(d.partition(":")[2]) for d in data if d.startswith("more:")]


def paragraphs(stem: str) -> list[str]:
    """The opening words of each paragraph of a test article's body no other one has."""
    bodies = {
        name: (DATA / f"{name}.txt").read_text(encoding="utf-8").partition("\n\n")[2]
        for name in HEADLINES
    }
    openings = [p.strip()[:50] for p in bodies[stem].split("\n\n") if p.strip()]
    return [o for o in openings if not any(o in b for n, b in bodies.items() if n != stem)]


def counted(service: Any, *names: str) -> list[tuple[str, dict[str, Any]]]:
    """Record the calls of some of a service's methods from now on."""
    calls: list[tuple[str, dict[str, Any]]] = []
    for name in names:
        method = getattr(type(service), name)

        def call(*args: Any, _name: str = name, _method: Any = method, **kwargs: Any) -> Any:
            calls.append((_name, kwargs))
            return _method(service, *args, **kwargs)

        setattr(service, name, call)
    return calls


Found = tuple[dict[str, int], dict[str, int], dict[str, int]]  # event, article, story by stem


async def follow(harness: Harness, fake_api: FakeBotApi, site: FeedSite) -> Found:
    """Ada and the group follow their feeds; returns each test article's ids."""
    ada, group = site.feed("ada", ADAS, "Ada wire"), site.feed("group", GROUPS, "Group wire")
    added = await fake_api.reply_to(ADA, f"/feeds add {ada}")
    assert added.text.startswith("Added"), added.text
    added = await fake_api.reply_to(GROUP, f"/feeds add {group}", user_id=ADMIN)
    assert added.text.startswith("Added"), added.text
    await fetched(harness.engine, ADA, 1)
    await fetched(harness.engine, GROUP, 1)
    events, articles, stories = {}, {}, {}
    for event in harness.service.top_events(limit=10):
        for article in event.articles:
            stem = article.location.rpartition("/")[2].removesuffix(".html")
            events[stem], articles[stem], stories[stem] = event.id, article.id, event.story_id
    assert set(events) == set(HEADLINES), events
    assert events["bridge_northwire"] == events["bridge_coastal"] == events["bridge_ledger"]
    assert events["rail_northwire"] == events["rail_ledger"] != events["bridge_coastal"]
    return events, articles, stories


# What each chat reads of each event (empty: the event does not exist for it).
ALL = {
    ADA: {"bridge": {*OPERATOR, "bridge_northwire"}, "rail": {"rail_northwire"}, "orchard": set()},
    CY: {"bridge": set(OPERATOR), "rail": set(), "orchard": set()},
    GROUP: {"bridge": set(OPERATOR), "rail": {"rail_ledger"}, "orchard": {"orchard_coastal"}},
}
MINE = {
    ADA: {"bridge": {"bridge_northwire"}, "rail": {"rail_northwire"}, "orchard": set()},
    GROUP: {"bridge": set(), "rail": {"rail_ledger"}, "orchard": {"orchard_coastal"}},
}
FIRST = {"bridge": "bridge_coastal", "rail": "rail_ledger", "orchard": "orchard_coastal"}


async def check_views(
    fake_api: FakeBotApi, found: Found, chat: int, reads: dict[str, set[str]]
) -> None:
    """/events, /event, its buttons, /story, /article, /search and /brief show a chat exactly
    what it reads, and nothing of the rest."""
    events, articles, stories = found
    user = MEMBER if chat == GROUP else None  # reading commands are open to every member
    readable = set().union(*reads.values())
    hidden = set(HEADLINES) - readable
    listing = await fake_api.reply_to(chat, "/events", user_id=user)
    ids = {name: events[FIRST[name]] for name in reads}
    assert set(event_ids(listing)) == {ids[n] for n, read in reads.items() if read}, listing
    for name, read in reads.items():
        event = await fake_api.reply_to(chat, f"/event {ids[name]}", user_id=user)
        if not read:
            assert event.text == f"No event {ids[name]}. /events lists them.", event.text
            continue
        assert sources(event) == read, (chat, name, event.text)
        assert not stems(event.text) - read, event.text  # the headline is one it reads
        before = len(fake_api.sent(chat))
        fake_api.press(chat, listing.message_id, f"src:{ids[name]}", user_id=user)
        listed = (await fake_api.wait_sent(chat, before + 1))[before]
        assert listed.text.startswith("Sources of") and stems(listed.text) == read, listed.text
        if chat != GROUP:  # a group receives 20 messages a minute: the rest fits in that
            fake_api.press(chat, listing.message_id, f"more:{ids[name]}", user_id=user)
            more = (await fake_api.wait_sent(chat, before + 2))[before + 1]
            assert sources(more) == read and more.text == event.text, more.text
        for stem in hidden:
            assert not any(p in event.text for p in paragraphs(stem)), event.text
    for stem, article_id in articles.items():
        opened = await fake_api.reply_to(chat, f"/article {article_id}", user_id=user)
        if stem in readable:
            assert opened.text.startswith(HEADLINES[stem]), opened.text
        else:
            assert opened.text == f"No article {article_id}. /search finds articles.", opened.text
    story_id = stories["bridge_coastal"]
    story = await fake_api.reply_to(chat, f"/story {story_id}", user_id=user)
    if reads["bridge"]:
        assert story.text.startswith("Story: ") and stems(story.text) <= readable, story.text
        assert not any(p in story.text for stem in hidden for p in paragraphs(stem)), story.text
    else:
        assert story.text.startswith(f"No story {story_id}."), story.text
    hits = await fake_api.reply_to(chat, "/search Portvale bridge", user_id=user)
    assert stems(hits.text) == reads["bridge"], hits.text
    brief = await fake_api.reply_to(chat, "/brief", user_id=user)
    assert not any(p in brief.text for stem in hidden for p in paragraphs(stem)), brief.text
    assert any(p in brief.text for stem in readable for p in paragraphs(stem)), brief.text


async def test_private_chats_see_what_they_read(
    reading: Harness, fake_api: FakeBotApi, site: FeedSite
) -> None:
    fake_api.private_chat(ADA)
    fake_api.private_chat(CY)
    fake_api.group_chat(GROUP)
    fake_api.set_admins(GROUP, ADMIN)
    async with reading.running():
        found = await follow(reading, fake_api, site)
        for chat in (ADA, CY):
            await check_views(fake_api, found, chat, ALL[chat])
        await fake_api.reply_to(ADA, "/settings sources mine")
        await check_views(fake_api, found, ADA, MINE[ADA])
        await check_views(fake_api, found, CY, ALL[CY])  # never served Ada's views


@pytest.mark.parametrize("mine", [False, True])
async def test_a_group_sees_what_it_reads(
    reading: Harness, fake_api: FakeBotApi, site: FeedSite, mine: bool
) -> None:
    fake_api.private_chat(ADA)
    fake_api.group_chat(GROUP)
    fake_api.set_admins(GROUP, ADMIN)
    async with reading.running():
        found = await follow(reading, fake_api, site)
        if mine:
            chosen = await fake_api.reply_to(GROUP, "/settings sources mine", user_id=ADMIN)
            assert chosen.text.startswith(
                "Briefings, /events and /search draw on your feeds only."
            ), chosen.text
        await check_views(fake_api, found, GROUP, MINE[GROUP] if mine else ALL[GROUP])


async def test_pages_count_the_events_a_chat_reads(
    reading: Harness, fake_api: FakeBotApi, site: FeedSite, settings: BotSettings
) -> None:
    fake_api.private_chat(ADA)
    fake_api.group_chat(GROUP)
    fake_api.set_admins(GROUP, ADMIN)
    async with reading.running(settings=replace(reading.settings, events_page_size=1)):
        events, _, _ = await follow(reading, fake_api, site)
        for mine, last in ((False, 3), (True, 2)):
            if mine:
                await fake_api.reply_to(GROUP, "/settings sources mine", user_id=ADMIN)
            pages = [
                await fake_api.reply_to(GROUP, f"/events {n}", user_id=MEMBER)
                for n in range(1, last + 1)
            ]
            listed = [i for page in pages for i in event_ids(page)]
            assert len(listed) == last and len(set(listed)) == last, listed
            assert events["bridge_coastal"] in listed or mine, listed
            assert pages[-1].text.endswith("This is the last page."), pages[-1].text
            calls = counted(reading.service, "ranked_events", "event", "top_events")
            far = await fake_api.reply_to(GROUP, "/events 99", user_id=MEMBER)
            built = [kwargs for name, kwargs in calls if name == "event"]
            assert [name for name, _ in calls if name != "event"] == ["ranked_events"], calls
            assert len(built) == 1, calls  # a far page builds its own event and no other
            assert far.text.startswith(f"Top events\n\n{last}."), far.text
            assert far.text.endswith("There is no page 99: this is the last one."), far.text
            assert event_ids(far) == listed[-1:]
            before = len(fake_api.sent(GROUP))
            fake_api.press(GROUP, pages[0].message_id, "page:1", user_id=MEMBER)
            edited = (await fake_api.wait_sent(GROUP, before + 1))[before]
            assert edited.edited and event_ids(edited) == listed[1:2], edited.text


READING_MODULES = {"bot.chatfeeds", "bot.store.chat_feeds", "bot.store.chats", "summarizer.service"}


async def test_a_chat_reading_its_own_feeds_opens_an_item_in_one_worker_thread_hop(
    reading: Harness, fake_api: FakeBotApi, site: FeedSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_api.private_chat(ADA)
    fake_api.group_chat(GROUP)
    fake_api.set_admins(GROUP, ADMIN)
    hops: list[str] = []
    for kind in ("db", "domain"):
        method = getattr(Runtime, kind)

        async def hop(rt: Runtime, fn: Any, *args: Any, _method: Any = method, **kw: Any) -> Any:
            if getattr(fn, "__module__", "") in READING_MODULES:  # not update claims, jobs
                hops.append(fn.__name__)
            return await _method(rt, fn, *args, **kw)

        monkeypatch.setattr(Runtime, kind, hop)
    async with reading.running():
        events, articles, stories = await follow(reading, fake_api, site)
        await fake_api.reply_to(ADA, "/settings sources mine")
        asked = {
            f"/event {events['rail_northwire']}": "rail_northwire",
            f"/story {stories['bridge_northwire']}": "bridge_northwire",
            f"/article {articles['rail_northwire']}": "rail_northwire",
            f"/event {events['orchard_coastal']}": None,  # the group's: unknown to Ada
            f"/article {articles['bridge_coastal']}": None,  # the operator's: Ada reads hers only
        }
        for command, stem in asked.items():
            hops.clear()
            answer = await fake_api.reply_to(ADA, command)
            if stem is None:
                assert answer.text.startswith("No "), answer.text
            else:
                assert stem in stems(answer.text), answer.text
            # the chat's settings and reading, then the item as it reads it: one hop each
            assert hops == ["chat_and_reader", "_as_read"], hops
