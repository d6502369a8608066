"""Data access for the operator's feeds (list, leases, health) and fetch validators of URLs."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import UTC, datetime, timedelta

from sqlalchemy import Table, and_, insert, literal, nulls_first, or_, tuple_, update
from sqlmodel import Session, col, select

from summarizer.store import ingest_state
from summarizer.store.db import begin_write
from summarizer.store.models import ArticleCopy, Feed, FeedArticle, FetchCache
from summarizer.store.ranking import CHUNK
from summarizer.store.seam import followed
from summarizer.values import Validators
from summarizer.views import FeedStatus

_FEEDS: Table = Feed.__table__  # type: ignore[attr-defined]
_CLAIM_ATTEMPTS = 5  # candidate rows tried when other processes take them first


def ensure_feeds(*, session: Session, urls: Iterable[str]) -> None:
    """Add the configured feed URLs that are not stored yet (a removed one stays removed)."""
    for url in dict.fromkeys(str(u) for u in urls):
        if session.exec(select(Feed.id).where(Feed.url == url)).first() is None:
            session.add(Feed(url=url))
    session.commit()


def active_feed_urls(*, session: Session) -> list[str]:
    """URLs of the active feeds, in URL order."""
    return list(session.exec(select(Feed.url).where(Feed.active).order_by(col(Feed.url))))


def add_feed(*, session: Session, url: str) -> bool:
    """Add a feed, or re-activate a removed one; True when it was not active before."""
    feed = session.exec(select(Feed).where(Feed.url == url)).first() or Feed(url=url, active=False)
    added = not feed.active
    feed.active = True
    session.add(feed)
    if added:
        ingest_state.bump_links(session=session)
    session.commit()
    return added


def remove_feed(*, session: Session, url: str) -> bool:
    """Deactivate a feed; False when no active feed has this URL."""
    feed = session.exec(select(Feed).where(Feed.url == url, Feed.active)).first()
    if feed is None:
        return False
    feed.active = False
    session.add(feed)
    ingest_state.bump_links(session=session)
    session.commit()
    return True


def fetch_validators(*, session: Session, url: str) -> Validators | None:
    """The ETag and Last-Modified remembered from the last fetch of a URL, if any."""
    row = session.exec(select(FetchCache).where(FetchCache.url == url)).first()
    return Validators(row.etag, row.last_modified) if row else None


def remember_validators(
    *, session: Session, url: str, validators: Validators, now: datetime | None = None
) -> None:
    """Store the validators of a URL's latest fetch (for the next conditional GET)."""
    row = session.exec(select(FetchCache).where(FetchCache.url == url)).first() or FetchCache(
        url=url
    )
    row.etag, row.last_modified = validators.etag, validators.last_modified
    row.fetched_at = now or datetime.now(UTC)
    session.add(row)
    session.commit()


def _status(feed: Feed, now: datetime) -> FeedStatus:
    leased = feed.leased_until is not None and feed.leased_until > now
    return FeedStatus(
        url=feed.url,
        title=feed.title or "",
        active=feed.active,
        interval_minutes=feed.interval_minutes,
        last_polled=feed.last_polled,
        last_success=feed.last_success,
        next_poll=feed.next_poll,
        failures=feed.failures,
        last_error=feed.last_error or "",
        polling_by=(feed.lease_owner or "") if leased else "",
    )


def feed_statuses(
    *, session: Session, now: datetime, include_removed: bool = False
) -> list[FeedStatus]:
    """Every active feed (and removed ones when asked) with its schedule and health, by URL."""
    query = select(Feed).order_by(col(Feed.url))
    if not include_removed:
        query = query.where(Feed.active)
    return [_status(feed, now) for feed in session.exec(query).all()]


def set_feed_details(
    *, session: Session, url: str, title: str | None = None, interval_minutes: float | None = None
) -> None:
    """Set a stored feed's title and its own interval (None leaves a value as it is)."""
    feed = session.exec(select(Feed).where(Feed.url == url)).first()
    if feed is None:
        return
    if title is not None:
        feed.title = title[:200]
    if interval_minutes is not None:
        feed.interval_minutes = interval_minutes
    session.add(feed)
    session.commit()


def claim_feed(
    *,
    session: Session,
    owner: str,
    now: datetime,
    lease: timedelta,
    due_only: bool = True,
    skip: Collection[int] = (),
) -> tuple[int, str] | None:
    """Take the lease of one feed nobody holds (the most overdue first): an operator's active
    feed or one that chats follow (summarizer.store.seam).

    The lease is taken by an UPDATE that only matches a free lease, so two processes never
    hold one feed; on PostgreSQL the candidate row is first locked with FOR UPDATE SKIP LOCKED,
    so processes claiming at once each get a different feed without waiting on each other.

    Args:
        session: the database session (committed here).
        owner: who polls (a process id naming host and pid).
        now: the time of the claim.
        lease: how long the lease holds if the owner never finishes (it died).
        due_only: only feeds whose next poll has come; False takes any free one.
        skip: feed ids not to take (those this run already polled).

    Returns:
        The feed's id and URL, or None when no feed is free (and due).
    """
    free = or_(col(Feed.leased_until).is_(None), col(Feed.leased_until) < now)
    wanted = and_(or_(col(Feed.active), followed(col(Feed.id))), free)  # chats' feeds too
    if due_only:
        wanted = and_(wanted, or_(col(Feed.next_poll).is_(None), col(Feed.next_poll) <= now))
    if skip:
        wanted = and_(wanted, col(Feed.id).not_in(list(skip)))
    query = (
        select(Feed.id, Feed.url)
        .where(wanted)
        .order_by(nulls_first(col(Feed.next_poll)), col(Feed.id))
        .limit(1)
    )
    postgres = session.get_bind().dialect.name == "postgresql"
    for _attempt in range(_CLAIM_ATTEMPTS):
        begin_write(session)  # SQLite: claims take turns rather than fail on a stale read
        row = session.exec(query.with_for_update(skip_locked=True) if postgres else query).first()
        if row is None:
            session.rollback()
            return None
        feed_id, url = row
        taken = session.connection().execute(
            update(_FEEDS)
            .where(_FEEDS.c.id == feed_id)
            .where(or_(_FEEDS.c.leased_until.is_(None), _FEEDS.c.leased_until < now))
            .values(leased_until=now + lease, lease_owner=owner)
        )
        session.commit()
        if taken.rowcount == 1:
            assert feed_id is not None
            return feed_id, url
    return None  # lost every race: others are polling; try again at the next tick


def finish_poll(
    *,
    session: Session,
    feed_id: int,
    owner: str,
    now: datetime,
    next_poll: datetime,
    error: str | None,
) -> FeedStatus | None:
    """Record a poll's outcome and release the lease.

    Args:
        session: the database session (committed here).
        feed_id: the feed polled.
        owner: who polled; nothing is written when another process holds the lease now (this
            one's lapsed and was taken over).
        now: when the poll ended.
        next_poll: when the feed is due again (its interval, or the backed-off retry).
        error: the one-line error of a failed poll; None when it worked.

    Returns:
        The feed's status after the poll, or None when the lease was no longer this owner's.
    """
    begin_write(session)
    feed = session.get(Feed, feed_id)
    if feed is None or feed.lease_owner != owner:
        session.rollback()
        return None
    feed.last_polled = now
    feed.next_poll = next_poll
    if error is None:
        feed.failures, feed.last_error, feed.last_success = 0, None, now
    else:
        feed.failures += 1
        feed.last_error = " ".join(error.split())[:500]
    feed.leased_until, feed.lease_owner = None, None
    session.add(feed)
    session.commit()
    session.refresh(feed)
    return _status(feed, now)


def feed_failures(*, session: Session, feed_id: int) -> tuple[int, float | None]:
    """A feed's failures in a row and its own interval in minutes (None: the default)."""
    row = session.exec(
        select(Feed.failures, Feed.interval_minutes).where(Feed.id == feed_id)
    ).first()
    return (int(row[0]), row[1]) if row else (0, None)


def link_articles(
    *,
    session: Session,
    feed_id: int,
    article_ids: Iterable[int],
    duplicated: Iterable[int] = (),
    copies: Iterable[str] = (),
) -> None:
    """Remember which articles a feed brought, where chats' readings depend on it.

    Written in the session's transaction, not committed: the ingest that stores the articles
    links them before it commits (summarizer.service, BriefingService.ingest with a feed), so
    no reader ever sees a chat feed's article unlinked, as the operator's (open to all).

    A feed chats follow links its articles (what those chats read). An operator's feed no chat
    follows links only the stored articles it brought again that a chat's feed brought first:
    an operator's feed bringing them opens them to every chat (bot.store.chat_feeds). Nothing
    else is written: while no chat follows feeds of its own, briefings need no filtering at
    all (bot.store.chat_feeds.reader).

    Args:
        session: open database session (its transaction, committed by the caller).
        feed_id: the feed polled.
        article_ids: the new articles its entries gave.
        duplicated: the stored articles its other entries duplicate. Those another chat's
            feed brought are linked too; one with no link at all is the operator's (its feeds
            and files are not linked) and stays unlinked, as a link would hide it from every
            chat that does not follow this feed.
        copies: the fingerprints of the near-duplicates its entries gave, linked as copies:
            when the feed is no operator's, they are marked as its own, so their outlets are
            named only to readers of the whole store (summarizer.store.ranking.copy_sources).
    """
    ids = set(article_ids)
    again = set(duplicated) - ids
    if not (ids or again):
        return
    operator, chats = session.exec(
        select(Feed.active, followed(literal(feed_id))).where(Feed.id == feed_id)
    ).first() or (False, False)
    if not chats:
        ids = set()  # an operator's feed alone: its new articles stay unlinked (open to all)
        if not operator:
            return
    if chats and not operator and (marked := sorted(set(copies))):
        session.connection().execute(
            update(ArticleCopy)
            .where(col(ArticleCopy.fingerprint).in_(marked))
            .values(feed_id=feed_id)
        )
    if again:
        ids |= set(
            session.exec(
                select(FeedArticle.article_id).where(col(FeedArticle.article_id).in_(again))
            )
        )
    known = set(
        session.exec(
            select(FeedArticle.article_id).where(
                FeedArticle.feed_id == feed_id, col(FeedArticle.article_id).in_(sorted(ids))
            )
        )
    )
    fresh = [{"feed_id": feed_id, "article_id": i} for i in sorted(ids) if i not in known]
    if fresh:
        session.connection().execute(insert(FeedArticle), fresh)
        ingest_state.bump_links(session=session)


def publish_copies(*, session: Session, duplicates: Collection[tuple[int, str]]) -> int:
    """Name to every reader the outlets of the copies a shared source brought again.

    A copy a chat's feed brought first is that feed's (its outlet private to readers of the
    whole store); when the operator's feed, file or address brings the same copy (at the same
    address), it is the operator's too, and public.

    Args:
        session: open database session (committed here).
        duplicates: (stored article, address or path) of each of the shared source's inputs
            that duplicated a stored article: only a copy of that article at that address is
            made public.

    Returns:
        How many copies became public.
    """
    pairs = sorted(set(duplicates))
    published = 0
    step = max(1, CHUNK // 2)  # two parameters a pair; SQLite takes at most 32,766
    for start in range(0, len(pairs), step):
        result = session.connection().execute(
            update(ArticleCopy)
            .where(
                tuple_(col(ArticleCopy.article_id), col(ArticleCopy.location)).in_(
                    pairs[start : start + step]
                ),
                col(ArticleCopy.feed_id).is_not(None),
            )
            .values(feed_id=None)
        )
        published += int(result.rowcount or 0)
    session.commit()
    return published


def is_operator_feed(*, session: Session, url: str) -> bool:
    """Whether the operator polls this address as one of its feeds (not only chats do)."""
    return bool(session.exec(select(Feed.active).where(Feed.url == url)).first())
