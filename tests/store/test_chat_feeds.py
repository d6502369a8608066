"""Feeds per chat in the store, on SQLite and PostgreSQL: followed feeds are polled with the
operator's, the articles they bring are linked, and what each chat may read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event
from sqlmodel import Session, select

from bot.store import chat_feeds, chats
from bot.store.values import FeedListing
from summarizer.store import feeds, ingest_state
from summarizer.store.db import create_schema, make_engine
from summarizer.store.models import Article, ArticleCopy, Feed, Source
from tests.chatrows import private_chat

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)
ADA, BEA = 11, 12


def _articles(session: Session, count: int) -> list[int]:
    source = Source(name="Wire")
    session.add(source)
    session.flush()
    assert source.id is not None
    rows = [
        Article(
            title=f"t{i}",
            body="b",
            source_id=source.id,
            location=f"https://example.org/{i}",
            published=NOW,
            fingerprint=f"{i:064d}",
        )
        for i in range(count)
    ]
    session.add_all(rows)
    session.commit()
    return [row.id for row in rows if row.id is not None]


def test_chat_feeds_are_polled_linked_and_read(database_url: str) -> None:
    engine = make_engine(database_url)
    create_schema(engine)
    with Session(engine) as session:
        private_chat(session, ADA)
        private_chat(session, BEA)
        own, other, operator, loose = _articles(session, 4)
        feeds.add_feed(session=session, url="https://operator.example/rss")
        session.add(Feed(url="https://dropped.example/rss", active=False))
        session.commit()
        chat_feeds.add_chat_feeds(
            session=session, chat_id=ADA, feeds=[("https://ada.example/rss", "Ada")], now=NOW
        )
        chat_feeds.add_chat_feeds(
            session=session, chat_id=BEA, feeds=[("https://bea.example/rss", "")], now=NOW
        )
        claimed = set()
        while (
            taken := feeds.claim_feed(
                session=session, owner="me", now=NOW, lease=timedelta(minutes=5)
            )
        ) is not None:
            claimed.add(taken[1])
        # The operator's feed and the chats' feeds are polled; a feed nobody follows is not.
        assert claimed == {
            "https://operator.example/rss",
            "https://ada.example/rss",
            "https://bea.example/rss",
        }
        ids = {url: fid for fid, url in session.exec(select(Feed.id, Feed.url))}
        for url, article in (
            ("https://ada.example/rss", own),
            ("https://bea.example/rss", other),
            ("https://operator.example/rss", operator),  # no chat follows it: not linked
        ):
            feeds.link_articles(session=session, feed_id=ids[url], article_ids=[article])
        session.commit()
        everything = [own, other, operator, loose]
        ada = chat_feeds.reader(session=session, chat_id=ADA)
        assert ada is not None and ada.personal and not ada.own_only
        reads = chat_feeds.open_articles(session=session, reader=ada, article_ids=everything)
        assert reads == {own, operator, loose}
        chat_feeds.set_own_feeds_only(session=session, chat_id=ADA, value=True)
        ada = chat_feeds.reader(session=session, chat_id=ADA)
        assert ada is not None and ada.own_only
        assert chat_feeds.open_articles(session=session, reader=ada, article_ids=everything) == {
            own
        }
        assert chat_feeds.remove_chat_feed(
            session=session, chat_id=BEA, url="https://bea.example/rss"
        )
        assert chat_feeds.chat_feeds(session=session, chat_id=BEA) == []
    engine.dispose()


def test_a_reading_names_everything_its_articles_depend_on(database_url: str) -> None:
    """Readers that read alike share what they read (bot.chatfeeds) under Reader.reading: it
    stays put while nothing changes, and moves with the chat's choice and feeds and with every
    write, by any process (another engine here), that can open or close an article."""
    engine, other = make_engine(database_url), make_engine(database_url)
    create_schema(engine)

    def reading(chat_id: int) -> tuple[object, ...] | None:
        with Session(engine) as session:
            found = chat_feeds.reader(session=session, chat_id=chat_id)
            return found.reading if found is not None else None

    with Session(engine) as session:
        private_chat(session, ADA)
        private_chat(session, BEA)
        first, second = _articles(session, 2)
        feeds.add_feed(session=session, url="https://operator.example/rss")
    assert reading(ADA) is None and reading(BEA) is None  # no chat feeds: no reading at all
    with Session(other) as session:
        chat_feeds.add_chat_feeds(
            session=session, chat_id=ADA, feeds=[("https://ada.example/rss", "")], now=NOW
        )
        ada_feed = session.exec(select(Feed.id).where(Feed.url == "https://ada.example/rss")).one()
        feeds.link_articles(session=session, feed_id=ada_feed, article_ids=[second])
        session.commit()
    marks = [reading(BEA)]
    assert marks[0] is not None and marks[0] == reading(BEA)  # nothing changed: the same
    assert reading(ADA) == reading(ADA)
    assert reading(ADA) != marks[0]  # Ada follows a feed: she reads otherwise than Bea

    def moved(write: object) -> None:
        assert callable(write)
        with Session(other) as session:
            write(session)
        mark = reading(BEA)
        assert mark != marks[-1], write
        marks.append(mark)

    moved(
        lambda s: (
            feeds.link_articles(session=s, feed_id=ada_feed, article_ids=[first]),
            s.commit(),
        )
    )
    moved(lambda s: (ingest_state.lock_ingest(session=s), ingest_state.bump(session=s), s.commit()))
    moved(lambda s: feeds.remove_feed(session=s, url="https://operator.example/rss"))
    moved(lambda s: feeds.add_feed(session=s, url="https://operator.example/rss"))
    moved(lambda s: chat_feeds.set_own_feeds_only(session=s, chat_id=BEA, value=True))
    moved(
        lambda s: chat_feeds.add_chat_feeds(
            session=s, chat_id=BEA, feeds=[("https://ada.example/rss", "")], now=NOW
        )
    )
    moved(
        lambda s: chat_feeds.remove_chat_feed(session=s, chat_id=BEA, url="https://ada.example/rss")
    )
    moved(lambda s: chat_feeds.set_own_feeds_only(session=s, chat_id=BEA, value=False))
    assert marks[-1] == (False, frozenset(), marks[-1][2])  # Bea reads as before, links moved
    engine.dispose()
    other.dispose()


def test_long_lists_of_ids_are_read_in_chunks_the_database_takes(database_url: str) -> None:
    # SQLite takes at most 32,766 parameters a statement, PostgreSQL 65,535: a reading that
    # scans a whole large store asks about more articles and events than that.
    from summarizer.store import ranking
    from summarizer.store.models import FeedArticle

    engine = make_engine(database_url)
    create_schema(engine)
    with Session(engine) as session:
        ids = _articles(session, 3)
        private_chat(session, ADA)
        url = "https://example.org/ada.xml"
        chat_feeds.add_chat_feeds(session=session, chat_id=ADA, feeds=[(url, "")], now=NOW)
        feed_id = session.exec(select(Feed.id).where(Feed.url == url)).one()
        session.add(FeedArticle(feed_id=feed_id, article_id=ids[0]))
        session.commit()
        chat_feeds.set_own_feeds_only(session=session, chat_id=ADA, value=True)
        reader = chat_feeds.reader(session=session, chat_id=ADA)
        assert reader is not None
        many = [*range(10**6, 10**6 + 70_000), *ids]
        opened = chat_feeds.open_articles(session=session, reader=reader, article_ids=many)
        assert opened == {ids[0]}
        assert ranking.event_articles(session=session, event_ids=list(range(1, 70_000))) == {}
    engine.dispose()


def test_what_feeds_lists_is_read_in_two_statements(database_url: str) -> None:
    engine = make_engine(database_url)
    create_schema(engine)
    with Session(engine) as session:
        private_chat(session, ADA)
        chats.update_chat(session=session, chat_id=ADA, timezone="Europe/Kyiv", language="uk")
        chat_feeds.add_chat_feeds(
            session=session,
            chat_id=ADA,
            feeds=[("https://b.example/rss", "B"), ("https://a.example/rss", "")],
            now=NOW,
        )
        chat_feeds.set_own_feeds_only(session=session, chat_id=ADA, value=True)
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", record)
    try:
        with Session(engine) as session:
            listing = chat_feeds.feed_listing(session=session, chat_id=ADA)
            stranger = chat_feeds.feed_listing(session=session, chat_id=BEA)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert len(statements) == 4, statements  # two each
    assert [(f.number, f.url, f.title) for f in listing.feeds] == [
        (1, "https://b.example/rss", "B"),
        (2, "https://a.example/rss", ""),
    ]
    assert (listing.own_only, listing.timezone, listing.language) == (True, "Europe/Kyiv", "uk")
    assert stranger == FeedListing(feeds=(), own_only=False, timezone=None, language=None)
    engine.dispose()


def test_copies_are_made_public_by_article_and_address_together(database_url: str) -> None:
    # A chat's feed brought copies of two articles at two addresses each. A shared source
    # then brings a copy of the first at one address and of the second at the other: those
    # two become public; the copies at the other pairs (which every article times every
    # address would take in) stay the feed's.
    engine = make_engine(database_url)
    create_schema(engine)
    here, there = "https://a.example/1", "https://b.example/2"
    with Session(engine) as session:
        private_chat(session, ADA)
        first, second = _articles(session, 2)
        chat_feeds.add_chat_feeds(
            session=session, chat_id=ADA, feeds=[("https://ada.example/rss", "")], now=NOW
        )
        feed_id = session.exec(select(Feed.id)).one()
        source_id = session.exec(select(Source.id)).one()
        assert source_id is not None
        for number, (article, location) in enumerate(
            [(first, here), (first, there), (second, here), (second, there)]
        ):
            session.add(
                ArticleCopy(
                    article_id=article,
                    source_id=source_id,
                    location=location,
                    fingerprint=f"copy{number}",
                    similarity=0.9,
                    feed_id=feed_id,
                )
            )
        session.commit()
        published = feeds.publish_copies(
            session=session, duplicates=[(first, here), (second, there), (first, here)]
        )
        owners = {
            (article, location): owner
            for article, location, owner in session.exec(
                select(ArticleCopy.article_id, ArticleCopy.location, ArticleCopy.feed_id)
            )
        }
    assert published == 2
    assert owners == {
        (first, here): None,
        (first, there): feed_id,
        (second, here): feed_id,
        (second, there): None,
    }
    engine.dispose()
