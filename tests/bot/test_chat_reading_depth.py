"""A chat that reads part of the store pages through every event it reads, however deep in the
whole ranking they lie (over real HTTP, a real SQLite file): 600 events, the best 580 brought
by a feed only Ada follows, the last 20 by the operator."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.chatfeeds import CANDIDATES, _bucket
from bot.settings import BotSettings
from bot.store import chat_feeds
from summarizer.service import BriefingService
from summarizer.store.models import Article, Event, Feed, FeedArticle, Source
from tests.bot.conftest import Harness, config
from tests.bot.fake_api import FakeBotApi
from tests.chatrows import private_chat

ADA, CY = 81, 83  # Ada follows the feed; Cy follows none and reads the operator's
EVENTS, ADAS = 600, 580
NEWEST = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
PAGE = 6


def _store(engine: Engine) -> list[int]:
    """Event k (from 0, best ranked first: each one article, an hour older than the last)."""
    ids = []
    with Session(engine) as session:
        private_chat(session, ADA)
        private_chat(session, CY)
        source, feed = Source(name="Wire"), Feed(url="https://ada.example/feed.xml", active=False)
        session.add_all([source, feed])
        session.flush()
        assert source.id is not None and feed.id is not None
        chat_feeds.add_chat_feeds(session=session, chat_id=ADA, feeds=[(feed.url, "")], now=NEWEST)
        for k in range(EVENTS):
            when = NEWEST - timedelta(hours=k)
            event = Event(
                title=f"Town{k} opens a bridge",
                first_seen=when,
                last_seen=when,
                article_count=1,
                source_count=1,
            )
            session.add(event)
            session.flush()
            body = (
                f"Officials in Town{k} opened a new bridge over the river on Monday. "
                f"The bridge links the two halves of Town{k} for the first time in years. "
                "Traffic on the old ferry route is expected to fall by half."
            )
            article = Article(
                title=f"Town{k} opens a bridge",
                body=body,
                source_id=source.id,
                location=f"https://wire.example/{k}",
                published=when,
                language="en",
                fingerprint=f"bridge-{k}",
                event_id=event.id,
            )
            session.add(article)
            session.flush()
            assert event.id is not None and article.id is not None
            if k < ADAS:
                session.add(FeedArticle(feed_id=feed.id, article_id=article.id))
            ids.append(event.id)
        session.commit()
    return ids


def _listed(text: str) -> list[int]:
    """The towns (event numbers) an /events page names, in order."""
    return [int(k) for k in re.findall(r"Town(\d+) opens a bridge", text)]


async def test_a_partial_reader_pages_to_its_last_event_however_deep(
    engine: Engine, settings: BotSettings, fake_api: FakeBotApi
) -> None:
    _store(engine)
    harness = Harness(
        replace(settings, events_page_size=PAGE), BriefingService(engine, config()), engine
    )
    fake_api.private_chat(ADA)
    fake_api.private_chat(CY)
    async with harness.running():
        # Cy reads the operator's events only: all 20 lie below the best 580.
        first = await fake_api.reply_to(CY, "/events")
        assert _listed(first.text) == list(range(ADAS, ADAS + PAGE)), first.text
        pages = -(-(EVENTS - ADAS) // PAGE)
        last = await fake_api.reply_to(CY, f"/events {pages}")
        assert _listed(last.text) == list(range(ADAS + (pages - 1) * PAGE, EVENTS)), last.text
        assert last.text.endswith("This is the last page."), last.text
        # Ada reads her own feed's only: 580 events, the last page and the one past it.
        await fake_api.reply_to(ADA, "/settings sources mine")
        pages = -(-ADAS // PAGE)
        last = await fake_api.reply_to(ADA, f"/events {pages}")
        assert last.text.startswith(f"Top events\n\n{(pages - 1) * PAGE + 1}."), last.text
        assert _listed(last.text) == list(range((pages - 1) * PAGE, ADAS)), last.text
        assert last.text.endswith("This is the last page."), last.text
        past = await fake_api.reply_to(ADA, f"/events {pages + 5}")
        assert _listed(past.text) == _listed(last.text), past.text
        assert past.text.endswith(f"There is no page {pages + 5}: this is the last one."), past.text
        brief = await fake_api.reply_to(CY, "/brief")
        assert _listed(brief.text)[:1] == [ADAS], brief.text  # the briefing reaches as deep


def test_far_pages_share_a_few_scans() -> None:
    assert [_bucket(n) for n in (1, 11, CANDIDATES)] == [1, 11, CANDIDATES]
    far = {_bucket(n) for n in range(CANDIDATES + 1, 10**6, 997)} | {_bucket(10**12 + 1)}
    assert len(far) <= 20  # any page number a chat sends: a few readings, not one each
    assert all(_bucket(n) >= n for n in (CANDIDATES + 1, 4 * CANDIDATES + 1, 10**9 + 7))
