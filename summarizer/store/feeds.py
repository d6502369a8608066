"""Data access for the operator's feeds and the conditional-GET validators of fetched URLs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from summarizer.ingest.fetch import Validators
from summarizer.store.models import Feed, FetchCache


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
    session.commit()
    return added


def remove_feed(*, session: Session, url: str) -> bool:
    """Deactivate a feed; False when no active feed has this URL."""
    feed = session.exec(select(Feed).where(Feed.url == url, Feed.active)).first()
    if feed is None:
        return False
    feed.active = False
    session.add(feed)
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
