"""Feed polling that scales out: leases, per-feed intervals, backoff, conditional GET over HTTP."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from bot.store import chat_feeds
from summarizer.ingest import runner
from summarizer.polling import PollPolicy
from summarizer.service import BriefingService
from summarizer.store import feeds as feed_store
from summarizer.store.db import create_schema, make_engine
from summarizer.store.models import Article, ArticleCopy, Feed, FeedArticle
from summarizer.views import FeedStatus
from tests.chatrows import private_chat
from tests.ingest.http_server import Route, Site, serve

SAMPLE = Path(__file__).resolve().parents[2] / "summarizer" / "data" / "sample"
# Kelmar Herald's page is a syndicated copy of Northwire's report, one of the three TALKS.
KELMAR = SAMPLE / "2026-03-10_kelmar-herald_duvra-talks-open.txt"
TALKS = [str(p) for p in sorted(SAMPLE.glob("2026-03-10_*.txt")) if p != KELMAR]
NOW = datetime(2026, 3, 20, 8, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)


def _service(url: str, *, poll_minutes: float = 30) -> BriefingService:
    engine = make_engine(url)
    create_schema(engine)
    config = {
        "ingest": {"allow_private_addresses": True, "timeout_seconds": 5},
        "feeds": {"poll_minutes": poll_minutes, "lease_minutes": 10, "max_backoff_hours": 6},
    }
    return BriefingService(engine, config)


def _status(service: BriefingService, url: str, now: datetime = NOW) -> FeedStatus:
    return next(f for f in service.feed_statuses(now=now) if f.url == url)


def test_backoff_doubles_from_one_interval_up_to_the_cap() -> None:
    policy = PollPolicy(interval=timedelta(minutes=30), max_backoff=timedelta(hours=6))
    waits = [policy.retry_after(None, n) / MINUTE for n in range(1, 8)]
    assert waits == [30, 60, 120, 240, 360, 360, 360]
    assert policy.retry_after(5, 1) == 5 * MINUTE  # a feed's own interval is the base
    assert policy.retry_after(None, 10_000) == timedelta(hours=6)


def test_a_lease_keeps_a_feed_to_one_process_until_it_lapses(database_url: str) -> None:
    service = _service(database_url)
    service.add_feed("https://example.org/a.xml")
    lease = timedelta(minutes=10)
    with Session(service.engine) as session:
        first = feed_store.claim_feed(session=session, owner="one", now=NOW, lease=lease)
        assert first is not None and first[1] == "https://example.org/a.xml"
        assert feed_store.claim_feed(session=session, owner="two", now=NOW, lease=lease) is None
        later = NOW + lease - MINUTE
        assert feed_store.claim_feed(session=session, owner="two", now=later, lease=lease) is None
        # The first owner died: its lease lapses and another process takes the feed over.
        lapsed = NOW + lease + MINUTE
        taken = feed_store.claim_feed(session=session, owner="two", now=lapsed, lease=lease)
        assert taken == first
        # The dead owner's late report is not written over the new holder's lease.
        stale = feed_store.finish_poll(
            session=session, feed_id=first[0], owner="one", now=lapsed, next_poll=lapsed, error=None
        )
        assert stale is None
    assert _status(service, "https://example.org/a.xml", lapsed).polling_by == "two"
    service.engine.dispose()


def test_concurrent_claims_take_each_feed_once(database_url: str) -> None:
    service = _service(database_url)
    for i in range(12):
        service.add_feed(f"https://example.org/{i}.xml")
    taken: list[int] = []
    lock = threading.Lock()

    def worker(name: str) -> None:
        while True:
            with Session(service.engine) as session:
                row = feed_store.claim_feed(
                    session=session, owner=name, now=NOW, lease=timedelta(minutes=10)
                )
            if row is None:
                return
            with lock:
                taken.append(row[0])

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(taken) == sorted(set(taken)) and len(taken) == 12
    service.engine.dispose()


def _feed_route() -> Route:
    return Route(
        body=(SAMPLE / "feed.xml").read_bytes(), content_type="application/rss+xml", etag='"v1"'
    )


def test_feeds_are_polled_at_their_own_interval_with_conditional_get(tmp_path: Path) -> None:
    service = _service(f"sqlite:///{tmp_path / 'poll.db'}")
    with serve(Site(routes={"/feed.xml": _feed_route(), "/quick.xml": _feed_route()})) as site:
        slow, quick = f"{site.base}/feed.xml", f"{site.base}/quick.xml"
        service.add_feed(slow, title="Slow wire")
        service.add_feed(quick, interval_minutes=5)
        first = service.poll_feeds(now=NOW)
        assert (first.polled, first.new, first.failed) == (2, 3, 0), first.errors
        assert _status(service, slow).next_poll == NOW + timedelta(minutes=30)
        assert _status(service, quick).next_poll == NOW + timedelta(minutes=5)
        assert service.poll_feeds(now=NOW + MINUTE).polled == 0  # nothing due yet
        site.requests.clear()
        again = service.poll_feeds(now=NOW + 6 * MINUTE)
        assert again.polled == 1 and again.new == 0
        assert [(path, h.get("if-none-match")) for path, h in site.requests] == [
            ("/quick.xml", '"v1"')
        ]  # answered 304
        every = service.poll_feeds(now=NOW + 7 * MINUTE, due_only=False)
        assert every.polled == 2
    status = _status(service, slow, NOW + 7 * MINUTE)
    assert status.title == "Slow wire" and status.failures == 0 and status.last_error == ""
    assert status.last_success == NOW + 7 * MINUTE
    service.engine.dispose()


def test_a_failing_feed_backs_off_and_shows_its_error(tmp_path: Path) -> None:
    service = _service(f"sqlite:///{tmp_path / 'fail.db'}", poll_minutes=10)
    routes = {"/down.xml": Route(status=503, body=b"down"), "/ok.xml": _feed_route()}
    with serve(Site(routes=routes)) as site:
        down, ok = f"{site.base}/down.xml", f"{site.base}/ok.xml"
        service.add_feed(down)
        service.add_feed(ok)
        moment = NOW
        tries = []
        for _ in range(7):
            report = service.poll_feeds(now=moment)
            assert down in [f.url for f in report.failing] or report.polled == 0
            status = _status(service, down, moment)
            assert status.next_poll is not None
            tries.append((status.failures, (status.next_poll - moment) / MINUTE))
            moment = status.next_poll
        assert tries == [(1, 10), (2, 20), (3, 40), (4, 80), (5, 160), (6, 320), (7, 360)]
        assert "503" in status.last_error
        assert _status(service, ok, moment).failures == 0  # the other feed is unaffected
        routes["/down.xml"] = _feed_route()  # it comes back
        back = service.poll_feeds(now=moment)
        assert back.failing == ()
    recovered = _status(service, down, moment)
    assert (recovered.failures, recovered.last_error) == (0, "")
    assert recovered.next_poll == moment + timedelta(minutes=10)
    service.engine.dispose()


def test_two_pollers_at_once_fetch_each_feed_once(database_url: str) -> None:
    first = _service(database_url)
    second = BriefingService(first.engine, first.config)
    assert first.owner != second.owner
    routes = {f"/f{i}.xml": _feed_route() for i in range(6)}
    for route in routes.values():
        route.delay = 0.2  # slow enough for the two to overlap
    with serve(Site(routes=routes)) as site:
        for path in routes:
            first.add_feed(f"{site.base}{path}")
        reports = []
        threads = [
            threading.Thread(target=lambda s=s: reports.append(s.poll_feeds(now=NOW)))
            for s in (first, second)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        fetched = Counter(path for path, _ in site.requests)
    assert fetched == Counter({path: 1 for path in routes})
    assert sum(r.polled for r in reports) == 6
    # Whether two ingests of the same items at once store them once is issue 12 item 2 (the
    # ingest internals); what the leases promise is that no feed was fetched twice.
    first.engine.dispose()


@pytest.mark.parametrize("bad", [0.5, -1])
def test_an_interval_under_a_minute_is_refused(tmp_path: Path, bad: float) -> None:
    from summarizer.errors import InputError

    service = _service(f"sqlite:///{tmp_path / 'i.db'}")
    with pytest.raises(InputError, match="at most every minute"):
        service.add_feed("https://example.org/x.xml", interval_minutes=bad)
    service.engine.dispose()


def test_an_overlong_feed_url_is_refused_in_one_line(database_url: str) -> None:
    from summarizer.errors import InputError

    service = _service(database_url)
    with pytest.raises(InputError, match="at most 2000 characters"):
        service.add_feed("https://example.org/" + "a" * 2_000)
    assert service.feeds() == []
    service.engine.dispose()


def _follow(session: Session, chat_id: int, url: str) -> None:
    private_chat(session, chat_id)
    chat_feeds.add_chat_feeds(session=session, chat_id=chat_id, feeds=[(url, "")], now=NOW)


def test_a_chat_feed_whose_entries_another_chat_feed_brought_is_linked_to_them(
    tmp_path: Path,
) -> None:
    # Two feeds carry the same articles (a site's "top" and "world" feeds), each followed by
    # one chat: the second polled finds duplicates, yet they are what its feed brought, and a
    # chat reading only its own feeds sees them.
    service = _service(f"sqlite:///{tmp_path / 'dup.db'}")
    with serve(Site(routes={"/top.xml": _feed_route(), "/world.xml": _feed_route()})) as site:
        top, world = f"{site.base}/top.xml", f"{site.base}/world.xml"
        with Session(service.engine) as session:
            _follow(session, 7, top)
        first = service.poll_feeds(now=NOW, due_only=False)
        assert (first.polled, first.new) == (1, 3), first.errors
        with Session(service.engine) as session:
            _follow(session, 8, world)
            chat_feeds.set_own_feeds_only(session=session, chat_id=8, value=True)
        second = service.poll_feeds(now=NOW + MINUTE, due_only=True)
        assert (second.polled, second.new, second.duplicate) == (1, 0, 3), second.errors
    with Session(service.engine) as session:
        ids = set(session.exec(select(FeedArticle.article_id)))
        mine = chat_feeds.reader(session=session, chat_id=8)
        assert mine is not None and len(ids) == 3
        assert chat_feeds.open_articles(session=session, reader=mine, article_ids=ids) == ids
    service.engine.dispose()


def test_what_the_operator_brought_stays_open_when_a_chat_feed_duplicates_it(
    tmp_path: Path,
) -> None:
    # The operator's articles carry no link (its feeds and files are not linked): linking one
    # to the chat feed that duplicates it would hide it from every other chat.
    service = _service(f"sqlite:///{tmp_path / 'op.db'}")
    with serve(Site(routes={"/top.xml": _feed_route(), "/world.xml": _feed_route()})) as site:
        stored = service.ingest([f"{site.base}/world.xml"], now=NOW)
        assert stored.new == 3
        with Session(service.engine) as session:
            _follow(session, 7, f"{site.base}/top.xml")
        polled = service.poll_feeds(now=NOW, due_only=False)
        assert (polled.polled, polled.duplicate) == (1, 3), polled.errors
    with Session(service.engine) as session:
        assert not set(session.exec(select(FeedArticle.article_id)))
        _follow(session, 9, f"{site.base}/other.xml")
        assert chat_feeds.reader(session=session, chat_id=9) is None  # it reads everything
    service.engine.dispose()


def _linking_fails_once(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Make the first linking of a feed's articles fail ("database is locked"); the feeds
    linked, in order."""
    real_link = feed_store.link_articles
    calls: list[object] = []

    def flaky_link(**kwargs: object) -> None:
        calls.append(kwargs["feed_id"])
        if len(calls) == 1:
            raise RuntimeError("database is locked")
        real_link(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(feed_store, "link_articles", flaky_link)
    return calls


def test_a_failure_to_link_a_feeds_articles_is_recorded_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A database error while linking one feed's articles fails that feed (its lease released,
    # its error shown, its backoff started), and the other feeds are still polled. What the
    # failed feed brought is not kept: stored without its links, it would be open to all.
    service = _service(f"sqlite:///{tmp_path / 'link.db'}")
    calls = _linking_fails_once(monkeypatch)
    with serve(Site(routes={"/a.xml": _feed_route(), "/b.xml": _feed_route()})) as site:
        a, b = f"{site.base}/a.xml", f"{site.base}/b.xml"
        with Session(service.engine) as session:
            _follow(session, 7, a)
            _follow(session, 8, b)
        report = service.poll_feeds(now=NOW, due_only=False)
    assert report.polled == 2 and len(calls) == 2
    assert [f.failures for f in report.failing] == [1]
    assert "internal error while linking its articles: RuntimeError: database is locked" in (
        report.failing[0].last_error
    )
    assert report.failing[0].next_poll is not None  # its lease was released, a retry planned
    assert report.new == 3  # the second feed's, linked to it alone
    with Session(service.engine) as session:
        links = set(session.exec(select(FeedArticle.feed_id, FeedArticle.article_id)))
        stored = set(session.exec(select(Article.id)))
    assert len(stored) == 3 and {feed for feed, _ in links} == {calls[1]}
    assert {article for _, article in links} == stored
    service.engine.dispose()


def test_a_feed_whose_articles_could_not_be_stored_brings_them_at_the_next_poll(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The feed's validators are kept only with what it brought: kept at the failed poll, the
    # next one would be answered "not modified" and the entries would be lost.
    service = _service(f"sqlite:///{tmp_path / 'retry.db'}")
    _linking_fails_once(monkeypatch)
    with serve(Site(routes={"/a.xml": _feed_route()})) as site:
        url = f"{site.base}/a.xml"
        with Session(service.engine) as session:
            _follow(session, 7, url)
        first = service.poll_feeds(now=NOW, due_only=False)
        assert (first.new, first.failed) == (0, 1)
        site.requests.clear()
        second = service.poll_feeds(now=NOW + MINUTE, due_only=False)
        assert [h.get("if-none-match") for _, h in site.requests] == [None]  # a full fetch
        assert (second.new, second.failed) == (3, 0), second.errors
        site.requests.clear()
        third = service.poll_feeds(now=NOW + 2 * MINUTE, due_only=False)
        assert [h.get("if-none-match") for _, h in site.requests] == ['"v1"']
        assert third.new == 0
    with Session(service.engine) as session:
        links = set(session.exec(select(FeedArticle.article_id)))
        stored = set(session.exec(select(Article.id)))
    assert len(stored) == 3 and links == stored
    service.engine.dispose()


def test_an_entry_that_failed_to_be_stored_comes_back_at_the_next_poll(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # one entry's storing fails (a locked database): the others are stored, and the next poll
    # fetches the feed in full (no validators kept) and brings that entry
    service = _service(f"sqlite:///{tmp_path / 'entry.db'}")
    real_store = runner.Ingestor._store
    calls = []

    def flaky_store(self: runner.Ingestor, *args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            raise OperationalError("INSERT", {}, Exception("database is locked"))
        return real_store(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner.Ingestor, "_store", flaky_store)
    with serve(Site(routes={"/a.xml": _feed_route()})) as site:
        service.add_feed(f"{site.base}/a.xml")
        first = service.poll_feeds(now=NOW, due_only=False)
        assert (first.new, len(first.errors)) == (2, 1)
        site.requests.clear()
        second = service.poll_feeds(now=NOW + MINUTE, due_only=False)
        assert [h.get("if-none-match") for _, h in site.requests] == [None]
        assert (second.new, second.failed) == (1, 0), second.errors
        site.requests.clear()
        service.poll_feeds(now=NOW + 2 * MINUTE, due_only=False)
        assert [h.get("if-none-match") for _, h in site.requests] == ['"v1"']
    service.engine.dispose()


def test_a_page_that_cannot_be_read_is_fetched_in_full_again(tmp_path: Path) -> None:
    # kept, its validators would make the next ingest "not modified": nothing, and no error
    service = _service(f"sqlite:///{tmp_path / 'page.db'}")
    empty = Route(body=b"<html><body></body></html>", content_type="text/html", etag='"p1"')
    with serve(Site(routes={"/p.html": empty})) as site:
        page = f"{site.base}/p.html"
        assert service.ingest([page], now=NOW).failed == 1
        site.requests.clear()
        again = service.ingest([page], now=NOW + MINUTE)
        assert [h.get("if-none-match") for _, h in site.requests] == [None]
        assert again.failed == 1
    service.engine.dispose()


def test_validators_that_cannot_be_kept_leave_the_poll_standing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = _service(f"sqlite:///{tmp_path / 'keep.db'}")

    def locked(**_: object) -> None:
        raise OperationalError("UPDATE", {}, Exception("database is locked"))

    monkeypatch.setattr(feed_store, "remember_validators", locked)
    with serve(Site(routes={"/a.xml": _feed_route()})) as site:
        service.add_feed(f"{site.base}/a.xml")
        report = service.poll_feeds(now=NOW, due_only=False)
        assert (report.new, report.failed, report.failing) == (3, 0, ()), report.errors
        site.requests.clear()
        service.poll_feeds(now=NOW + MINUTE, due_only=False)
        assert [h.get("if-none-match") for _, h in site.requests] == [None]
    service.engine.dispose()


def test_a_copy_a_chat_feed_brought_names_its_outlet_only_to_readers_of_the_whole_store(
    tmp_path: Path,
) -> None:
    # Kelmar Herald's page is a syndicated copy of Northwire's report. Brought by the operator,
    # its outlet counts among the event's sources for every reader; brought by a feed a chat
    # follows, only for readers of the whole store: a reader of part of it (another chat)
    # would learn what that chat follows.
    service = _service(f"sqlite:///{tmp_path / 'copy.db'}")
    copy = KELMAR
    assert service.ingest(TALKS, now=NOW).new == 3
    url = "https://kelmar.example/feed.xml"
    with Session(service.engine) as session:
        _follow(session, 7, url)
        feed_id = session.exec(select(Feed.id).where(Feed.url == url)).one()
    report = service.ingest([str(copy)], now=NOW)
    assert (report.duplicate, len(report.copies)) == (1, 1)
    (original,) = report.duplicate_of
    event_id = service.article(original).event_id
    assert event_id is not None
    read = frozenset(a.id for a in service.event(event_id).articles)
    assert "Kelmar Herald" in service.event(event_id, articles=read).sources  # the operator's
    with Session(service.engine) as session:
        feed_store.link_articles(
            session=session,
            feed_id=feed_id,
            article_ids=report.article_ids,
            duplicated=report.duplicate_of,
            copies=report.copies,
        )
        session.commit()
    service = BriefingService(service.engine, service.config)  # no view cached
    assert "Kelmar Herald" in service.event(event_id).sources
    assert "Kelmar Herald" not in service.event(event_id, articles=read).sources
    service.engine.dispose()


def _copy_entry() -> str:
    """An RSS item: Kelmar Herald's syndicated copy of Northwire's report."""
    title, _, body = KELMAR.read_text(encoding="utf-8").partition("\n")
    return (
        f"<item><title>{escape(title)}</title><link>https://kelmar.example/duvra-talks</link>"
        f"<pubDate>Tue, 10 Mar 2026 12:40:00 +0000</pubDate>"
        f"<description>{escape(body)}</description></item>"
    )


def _copy_feed() -> Route:
    """A feed whose one entry is Kelmar Herald's syndicated copy of Northwire's report."""
    entry = _copy_entry()
    rss = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Kelmar Herald</title><link>https://kelmar.example/</link><description>News</description>{entry}"
        "</channel></rss>"
    )
    return Route(body=rss.encode(), content_type="application/rss+xml")


def _copy_owner(service: BriefingService) -> int | None:
    with Session(service.engine) as session:
        return session.exec(select(ArticleCopy.feed_id)).one()


def test_a_copy_a_chat_feed_brought_first_is_public_once_a_shared_source_brings_it(
    database_url: str,
) -> None:
    # Kelmar Herald's copy comes first through a feed only chat 7 follows: its outlet is
    # private to readers of the whole store. Polled again by that feed it stays so; brought by
    # the operator's feed (at the same address) it is the operator's too, and public.
    service = _service(database_url)
    assert service.ingest(TALKS, now=NOW).new == 3
    with serve(Site(routes={"/chat.xml": _copy_feed(), "/op.xml": _copy_feed()})) as site:
        with Session(service.engine) as session:
            _follow(session, 7, f"{site.base}/chat.xml")
            chat_feed = session.exec(select(Feed.id).where(Feed.url.endswith("/chat.xml"))).one()
        first = service.poll_feeds(now=NOW, due_only=False)
        assert (first.polled, first.duplicate) == (1, 1), first.errors
        assert _copy_owner(service) == chat_feed
        (original,) = set(_copied_articles(service))
        event_id = service.article(original).event_id
        assert event_id is not None
        read = frozenset(a.id for a in service.event(event_id).articles)
        assert "Kelmar Herald" in service.event(event_id).sources  # the whole store's reader
        assert "Kelmar Herald" not in service.event(event_id, articles=read).sources
        again = service.poll_feeds(now=NOW + MINUTE, due_only=False)
        assert again.duplicate == 1 and _copy_owner(service) == chat_feed  # still only chat 7's
        service.add_feed(f"{site.base}/op.xml")
        polled = service.poll_feeds(now=NOW + 2 * MINUTE, due_only=False)
        assert (polled.polled, polled.duplicate) == (2, 2), polled.errors
    assert _copy_owner(service) is None
    fresh = BriefingService(service.engine, service.config)  # no view cached
    assert "Kelmar Herald" in fresh.event(event_id, articles=read).sources
    service.engine.dispose()


def _copied_articles(service: BriefingService) -> list[int]:
    """The articles the stored copies are copies of."""
    with Session(service.engine) as session:
        return list(session.exec(select(ArticleCopy.article_id)))


def test_a_copy_an_operators_feed_brings_is_public_even_when_a_chat_follows_the_feed(
    database_url: str,
) -> None:
    service = _service(database_url)
    assert service.ingest(TALKS, now=NOW).new == 3
    with serve(Site(routes={"/op.xml": _copy_feed()})) as site:
        service.add_feed(f"{site.base}/op.xml")
        with Session(service.engine) as session:
            _follow(session, 7, f"{site.base}/op.xml")
        polled = service.poll_feeds(now=NOW, due_only=False)
        assert (polled.polled, polled.duplicate) == (1, 1), polled.errors
    assert _copy_owner(service) is None
    service.engine.dispose()


def _copy_a_chat_feed_brings(service: BriefingService, url: str) -> None:
    """Store the talks, then poll a feed only chat 7 follows, which brings a copy: private."""
    assert service.ingest(TALKS, now=NOW).new == 3
    with Session(service.engine) as session:
        _follow(session, 7, url)
    assert service.poll_feeds(now=NOW, due_only=False).duplicate == 1
    assert _copy_owner(service) is not None


def test_a_copy_the_operator_ingests_again_from_its_address_is_public(database_url: str) -> None:
    # The operator's own ingest of an address (briefing ingest URL) is a shared source too.
    service = _service(database_url)
    with serve(Site(routes={"/chat.xml": _copy_feed()})) as site:
        _copy_a_chat_feed_brings(service, f"{site.base}/chat.xml")
        assert service.ingest([f"{site.base}/chat.xml"], now=NOW, shared=False).duplicate == 1
        assert _copy_owner(service) is not None  # as a chat's feed: nothing changes
        assert service.ingest([f"{site.base}/chat.xml"], now=NOW).duplicate == 1
    assert _copy_owner(service) is None
    service.engine.dispose()


def test_articles_a_chat_feed_brought_first_open_to_every_chat_once_the_operators_feed_does(
    database_url: str,
) -> None:
    # Chat 7's feed brings three articles first: they are its alone (chat 8 reads the
    # operator's feeds and its own, it has none). The operator's feed then brings them too.
    service = _service(database_url)
    with serve(Site(routes={"/chat.xml": _feed_route(), "/op.xml": _feed_route()})) as site:
        with Session(service.engine) as session:
            _follow(session, 7, f"{site.base}/chat.xml")
            private_chat(session, 8)
        assert service.poll_feeds(now=NOW, due_only=False).new == 3
        with Session(service.engine) as session:
            ids = set(session.exec(select(FeedArticle.article_id)))
            other = chat_feeds.reader(session=session, chat_id=8)
            assert other is not None and len(ids) == 3
            assert not chat_feeds.open_articles(session=session, reader=other, article_ids=ids)
        service.add_feed(f"{site.base}/op.xml")
        assert service.poll_feeds(now=NOW + MINUTE, due_only=False).duplicate == 3
    with Session(service.engine) as session:
        other = chat_feeds.reader(session=session, chat_id=8)
        assert other is not None
        assert chat_feeds.open_articles(session=session, reader=other, article_ids=ids) == ids
        mine = chat_feeds.reader(session=session, chat_id=7)
        assert mine is not None
        assert chat_feeds.open_articles(session=session, reader=mine, article_ids=ids) == ids
    service.engine.dispose()


def test_a_failure_to_make_copies_public_loses_nothing_the_ingest_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    service = _service(f"sqlite:///{tmp_path / 'publish.db'}")
    with serve(Site(routes={"/chat.xml": _copy_feed()})) as site:
        with Session(service.engine) as session:
            _follow(session, 7, f"{site.base}/chat.xml")
        assert service.ingest(TALKS, now=NOW).new == 3
        assert service.poll_feeds(now=NOW, due_only=False).duplicate == 1
        chat_feed = _copy_owner(service)

        def locked(**_kwargs: object) -> int:
            raise RuntimeError("database is locked")

        monkeypatch.setattr(feed_store, "publish_copies", locked)
        report = service.ingest([f"{site.base}/chat.xml"], now=NOW)
    assert (report.duplicate, report.failed, report.errors) == (1, 0, ())
    assert report.duplicate_of
    assert _copy_owner(service) == chat_feed is not None  # still private: the safe side
    assert "could not be made public" in caplog.text
    service.engine.dispose()


def test_copies_are_made_public_over_long_lists_a_part_at_a_time(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feed_store, "CHUNK", 1)  # every (article, address) in its own part
    service = _service(database_url)
    with serve(Site(routes={"/chat.xml": _copy_feed()})) as site:
        _copy_a_chat_feed_brings(service, f"{site.base}/chat.xml")
        assert service.ingest([*TALKS, f"{site.base}/chat.xml"], now=NOW).duplicate == 4
    assert _copy_owner(service) is None
    service.engine.dispose()


def test_no_reader_ever_sees_what_a_chat_feed_brings_as_the_operators(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another process reads the database after every commit of the poll (each article is
    # stored in a transaction of its own here): from the commit that stores them, the
    # articles a feed only chat 7 follows brought are its own (chat 8, with no feeds of its
    # own, reads none) and the copy it brought names its outlet to no reader of part.
    monkeypatch.setattr(runner, "_COMMIT_EVERY", 1)
    service = _service(database_url)
    assert service.ingest(TALKS, now=NOW).new == 3  # the operator's, open to all
    with Session(service.engine) as session:
        operators = set(session.exec(select(Article.id)))
        private_chat(session, 8)
    other = make_engine(database_url)
    seen: list[tuple[int, int]] = []  # (articles, copies) a chat's feed brought, per commit
    leaks: list[str] = []

    def read_after(_committed: Session) -> None:
        with Session(other) as session:
            brought = set(session.exec(select(Article.id))) - operators
            copies = session.exec(select(ArticleCopy.feed_id)).all()
            reader = chat_feeds.reader(session=session, chat_id=8)
            if brought and reader is None:
                leaks.append("chat 8 reads everything")
            elif brought and chat_feeds.open_articles(
                session=session, reader=reader, article_ids=brought
            ):
                leaks.append(f"chat 8 reads some of {sorted(brought)}")
            if None in copies:
                leaks.append("a copy is public")
            seen.append((len(brought), len(copies)))

    feed = (SAMPLE / "feed.xml").read_text(encoding="utf-8")
    mixed = feed.replace("</channel>", f"{_copy_entry()}</channel>").encode()
    with serve(Site(routes={"/chat.xml": Route(body=mixed)})) as site:
        with Session(service.engine) as session:
            _follow(session, 7, f"{site.base}/chat.xml")
        event.listen(Session, "after_commit", read_after)
        try:
            polled = service.poll_feeds(now=NOW, due_only=False)
        finally:
            event.remove(Session, "after_commit", read_after)
    assert (polled.new, polled.duplicate, polled.failed) == (3, 1, 0), polled.errors
    assert leaks == []
    # Other commits came between the first article stored and the last.
    assert (1, 0) in seen and seen[-1] == (3, 1), seen
    other.dispose()
    service.engine.dispose()
