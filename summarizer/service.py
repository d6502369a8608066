"""The domain facade the CLI and the bot call: ingest, events, digests, stories, search, feeds."""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from summarizer.config import section
from summarizer.errors import InputError, NotFoundError
from summarizer.events.digest import build_digest, build_story_digest
from summarizer.events.rank import importance
from summarizer.events.values import DigestDoc
from summarizer.ingest.fetch import FetchPolicy, Validators
from summarizer.ingest.pipeline import SummarySpec
from summarizer.ingest.runner import Ingestor
from summarizer.ingest.sources import Skipped, expand, is_url
from summarizer.store import articles as article_store
from summarizer.store.events import newest_article_time
from summarizer.store.models import Article, ArticleCopy, Event, Feed, FetchCache, Source, Story
from summarizer.store.search import search_articles
from summarizer.timemath import shift
from summarizer.views import (
    ArticleView,
    EventView,
    IngestReport,
    SearchHit,
    StoryView,
)

logger = logging.getLogger(__name__)

_CANDIDATE_EVENTS = 300  # events ranked per read (a page of the ranking's input, not a cap)
_MAX_ID = 2**63 - 1  # ids are 64-bit integers in every database
_MAX_SEARCH_HITS = 1_000
# Event lists and digests are reused for this long (cleared by every ingest in this process;
# another process's ingest shows after at most this delay).
VIEW_CACHE_SECONDS = 30.0
_DEFAULT_DIGEST_WORDS = 120
_TIMELINE_WORDS = 60  # each event under a story's digest gets a short digest of its own


class BriefingService:
    """Everything Briefing does with its database, behind one small synchronous API."""

    def __init__(self, engine: Engine, config: Mapping[str, Any] | None = None) -> None:
        self.engine = engine
        self.config: Mapping[str, Any] = config or {}
        self._views: dict[tuple[Any, ...], tuple[float, Any]] = {}
        self._views_lock = threading.Lock()
        summaries = section(self.config, "summaries")
        self.digest_words = int(summaries.get("digest_words", _DEFAULT_DIGEST_WORDS))
        self.summary = SummarySpec(
            method=str(summaries.get("method", "default")),
            sentences=int(summaries.get("sentences", 3)),
        )
        self.policy = FetchPolicy.from_config(self.config)
        # One ingestor per service: its event and story indexes stay in memory between
        # ingests (rebuilt only when another process wrote); one ingest at a time uses it.
        self._ingestor = Ingestor(self.engine, summary=self.summary)
        self._ingest_lock = threading.Lock()

    # -- ingestion -------------------------------------------------------------------------

    def ingest(
        self,
        locations: Sequence[str],
        *,
        now: datetime | None = None,
        progress: Callable[[int], Callable[[], None]] | None = None,
    ) -> IngestReport:
        """Ingest files, directories, article URLs and feed URLs.

        Args:
            locations: paths or URLs as the user gave them.
            now: ingestion time (default now).
            progress: given the number of inputs, returns a per-input tick (a progress bar).
        """
        items = list(
            expand(
                list(locations),
                policy=self.policy,
                cached=self._validators,
                remember=self._remember,
            )
        )
        readable = sum(not isinstance(item, Skipped) for item in items)
        tick = progress(readable) if progress is not None else None
        try:
            with self._ingest_lock:
                return self._ingestor.ingest(items, now=now, progress=tick)
        finally:
            with self._views_lock:
                self._views.clear()

    def _cached(self, key: tuple[Any, ...], build: Callable[[], Any]) -> Any:
        """Return a recent result for `key`, or build, remember and return it."""
        with self._views_lock:
            hit = self._views.get(key)
            if hit is not None and hit[0] > time.monotonic():
                return hit[1]
        value = build()
        with self._views_lock:
            if len(self._views) > 2_000:
                self._views.clear()
            self._views[key] = (time.monotonic() + VIEW_CACHE_SECONDS, value)
        return value

    def _validators(self, url: str) -> Validators | None:
        with Session(self.engine) as session:
            row = session.exec(select(FetchCache).where(FetchCache.url == url)).first()
            return Validators(row.etag, row.last_modified) if row else None

    def _remember(self, url: str, validators: Validators) -> None:
        with Session(self.engine) as session:
            row = session.exec(
                select(FetchCache).where(FetchCache.url == url)
            ).first() or FetchCache(url=url)
            row.etag, row.last_modified = validators.etag, validators.last_modified
            row.fetched_at = datetime.now(UTC)
            session.add(row)
            session.commit()

    # -- events ----------------------------------------------------------------------------

    def top_events(
        self,
        *,
        limit: int = 10,
        offset: int = 0,
        since: datetime | None = None,
        words: int | None = None,
        topics: Sequence[str] = (),
        now: datetime | None = None,
    ) -> list[EventView]:
        """Events ranked by importance, each with its digest.

        The ranking is over every stored event (no cap): `offset` and `limit` page through it.
        An event whose view cannot be built is logged and left out; it never fails the list.

        Args:
            limit: the most events to return.
            offset: how many of the best-ranked events to skip (paging).
            since: only events with articles after this time, and only what is new in them.
            words: digest length in words (default from the config).
            topics: keep events whose articles mention any of these words.
            now: the time recency is measured from (default: now, or the newest event's last
                article when that is older).
        """
        if now is None:  # "now" queries are shared by every chat asking within the cache time
            key = ("top", limit, offset, since, words, tuple(topics))
            views: list[EventView] = self._cached(
                key,
                lambda: self._top_events(
                    limit=limit, offset=offset, since=since, words=words, topics=topics, now=None
                ),
            )
            return list(views)
        return self._top_events(
            limit=limit, offset=offset, since=since, words=words, topics=topics, now=now
        )

    def _top_events(
        self,
        *,
        limit: int,
        offset: int,
        since: datetime | None,
        words: int | None,
        topics: Sequence[str],
        now: datetime | None,
    ) -> list[EventView]:
        """Rank the events and build the views of one page (see top_events)."""
        with Session(self.engine) as session:
            ranked = self._ranked(
                session, wanted=offset + limit, since=since, topics=topics, now=now
            )
            views = []
            for score, event in ranked[offset:]:
                try:
                    view = self._event_view(session, event, score=score, words=words, since=since)
                except Exception:  # one event that cannot be shown never fails the list
                    logger.exception("event %s cannot be shown; left out", event.id)
                    continue
                views.append(view)
            return views

    def _ranked(
        self,
        session: Session,
        *,
        wanted: int,
        since: datetime | None,
        topics: Sequence[str],
        now: datetime | None,
    ) -> list[tuple[float, Event]]:
        """The `wanted` best events by importance, exactly, reading events newest first.

        Importance falls with age, so once even an event as large as the largest stored one
        could not beat the `wanted`-th best score at the age reached, older events are not read.
        """
        if wanted <= 0:
            return []
        largest = session.exec(select(func.max(Event.source_count), func.max(Event.article_count)))
        most_sources, most_articles = (int(value or 0) for value in largest.one())
        query = select(Event).order_by(col(Event.last_seen).desc(), col(Event.id).desc())
        if since is not None:
            query = query.where(Event.last_seen > since)
        moment = self._ranking_time(session, now)
        ranked: list[tuple[float, Event]] = []
        read = 0
        while True:
            page = session.exec(query.offset(read).limit(_CANDIDATE_EVENTS)).all()
            if not page:
                break
            read += len(page)
            growth = self._growth(session, page)
            for event in page:
                assert event.id is not None
                if topics and not self._mentions(session, event.id, topics):
                    continue
                ranked.append((_score(event, moment, growth.get(event.id, 0)), event))
            ranked.sort(key=lambda pair: (-pair[0], -(pair[1].id or 0)))
            del ranked[wanted:]
            if len(page) < _CANDIDATE_EVENTS:
                break
            if len(ranked) == wanted and wanted > 0:
                ceiling = importance(
                    sources=most_sources,
                    articles=most_articles,
                    last_seen=page[-1].last_seen,
                    now=moment,
                    growth=most_articles,
                )
                if ceiling < ranked[-1][0]:
                    break
        return ranked

    @staticmethod
    def _growth(session: Session, events: Sequence[Event]) -> dict[int, int]:
        """Articles each event gained in the day before its last article."""
        since = {event.id: shift(event.last_seen, -timedelta(days=1)) for event in events}
        rows = session.exec(
            select(Article.event_id, Article.published).where(
                col(Article.event_id).in_(list(since))
            )
        ).all()
        growth: dict[int, int] = {}
        for event_id, published in rows:
            if event_id is not None and published >= since[event_id]:
                growth[event_id] = growth.get(event_id, 0) + 1
        return growth

    @staticmethod
    def _ranking_time(session: Session, now: datetime | None) -> datetime:
        """The time importance counts recency from: `now` when given, else the present or the
        newest stored article, whichever is earlier (so an archive still ranks by coverage, and
        every command and the bot show one importance per event)."""
        if now is not None:
            return now
        moment = datetime.now(UTC)
        newest = newest_article_time(session=session)
        return min(moment, newest) if newest is not None else moment

    @classmethod
    def _importance(cls, session: Session, event: Event, moment: datetime) -> float:
        """The event's importance at `moment`, as the ranking computes it."""
        assert event.id is not None
        return _score(event, moment, cls._growth(session, [event]).get(event.id, 0))

    def event(
        self, event_id: int, *, words: int | None = None, since: datetime | None = None
    ) -> EventView:
        """One event with its digest (only what is new after `since` when given).

        Raises:
            NotFoundError: no event has this id.
        """
        view: EventView = self._cached(
            ("event", event_id, words, since), lambda: self._event(event_id, words, since)
        )
        return view

    def _event(self, event_id: int, words: int | None, since: datetime | None) -> EventView:
        """Load one event and build its view (see event)."""
        with Session(self.engine) as session:
            event = session.get(Event, event_id) if 0 < event_id <= _MAX_ID else None
            if event is None:
                raise NotFoundError(f"no event with id {event_id}")
            score = self._importance(session, event, self._ranking_time(session, None))
            return self._event_view(session, event, score=score, words=words, since=since)

    def story(self, story_id: int, *, words: int | None = None) -> StoryView:
        """A story: a digest of all its events ("catch me up"), then its events in time order.

        Args:
            story_id: the story.
            words: length of the story's digest in words (default from the config); each event
                of the timeline gets a short digest of its own.

        Raises:
            NotFoundError: no story has this id.
        """
        view: StoryView = self._cached(
            ("story", story_id, words), lambda: self._story(story_id, words)
        )
        return view

    def _story(self, story_id: int, words: int | None) -> StoryView:
        """Load one story and build its view (see story)."""
        with Session(self.engine) as session:
            story = session.get(Story, story_id) if 0 < story_id <= _MAX_ID else None
            if story is None or story.id is None:
                raise NotFoundError(f"no story with id {story_id}")
            events = session.exec(
                select(Event)
                .where(Event.story_id == story_id)
                .order_by(col(Event.first_seen), col(Event.id))
            ).all()
            views = tuple(self._shown(session, events))
            title = views[-1].title if views else story.title
            docs, language = self._digest_docs(session, [e.id for e in events if e.id])
            digest = (
                build_story_digest(
                    docs, words=words or self.digest_words, headline=title, language=language
                ).lines
                if docs
                else ()
            )
            return StoryView(id=story.id, title=title, events=views, digest=digest)

    @staticmethod
    def _digest_docs(session: Session, event_ids: Sequence[int]) -> tuple[list[DigestDoc], str]:
        """The articles of some events as digest inputs, and their most common language."""
        if not event_ids:
            return [], "en"
        rows = session.exec(
            select(Article, Source.name)
            .join(Source, col(Source.id) == col(Article.source_id))
            .where(col(Article.event_id).in_(event_ids))
            .order_by(col(Article.published), col(Article.id))
        ).all()
        docs = [
            DigestDoc(
                article_id=article.id or 0,
                title=article.title,
                body=article.body,
                source=name,
                published=article.published,
                published_estimated=article.published_estimated,
                published_date_only=article.published_date_only,
                event_id=article.event_id,
            )
            for article, name in rows
        ]
        languages = Counter(article.language or "en" for article, _ in rows)
        return docs, languages.most_common(1)[0][0] if languages else "en"

    def _shown(self, session: Session, events: Sequence[Event]) -> list[EventView]:
        """Short views of a story's events; one that cannot be built is logged and left out."""
        moment = self._ranking_time(session, None)
        views = []
        for event in events:
            try:
                score = self._importance(session, event, moment)
                views.append(
                    self._event_view(session, event, score=score, words=_TIMELINE_WORDS, since=None)
                )
            except Exception:
                logger.exception("event %s cannot be shown; left out of its story", event.id)
        return views

    def _event_view(
        self,
        session: Session,
        event: Event,
        *,
        score: float,
        words: int | None,
        since: datetime | None,
    ) -> EventView:
        """Build an event's view with its digest."""
        assert event.id is not None
        docs, language = self._digest_docs(session, [event.id])
        if not docs:  # an event row left without articles: say so rather than fail
            return EventView(
                id=event.id,
                story_id=event.story_id,
                title=event.title,
                first_seen=event.first_seen,
                last_seen=event.last_seen,
                importance=score,
                sources=(),
                articles=(),
                digest=(),
            )
        budget = words or self.digest_words
        digest = build_digest(docs, words=budget, since=since, language=language)
        refs = article_store.article_refs(session=session, ids=[d.article_id for d in docs])
        copies = self._copy_sources(session, [d.article_id for d in docs])
        sources = tuple(dict.fromkeys([*digest.sources, *copies]))
        first = [d for d in docs if d.published == event.first_seen]
        last = [d for d in docs if d.published == event.last_seen]
        return EventView(
            id=event.id,
            story_id=event.story_id,
            title=digest.headline or event.title,
            first_seen=event.first_seen,
            last_seen=event.last_seen,
            importance=score,
            sources=sources,
            articles=tuple(refs),
            digest=digest.lines,
            nothing_new=digest.nothing_new,
            first_seen_estimated=bool(first) and all(d.published_estimated for d in first),
            first_seen_date_only=bool(first) and all(d.published_date_only for d in first),
            last_seen_estimated=bool(last) and all(d.published_estimated for d in last),
            last_seen_date_only=bool(last) and all(d.published_date_only for d in last),
        )

    @staticmethod
    def _copy_sources(session: Session, article_ids: Sequence[int]) -> list[str]:
        if not article_ids:
            return []
        names = session.exec(
            select(Source.name)
            .join(ArticleCopy, col(ArticleCopy.source_id) == col(Source.id))
            .where(col(ArticleCopy.article_id).in_(article_ids))
        ).all()
        return list(dict.fromkeys(names))

    @staticmethod
    def _mentions(session: Session, event_id: int, topics: Sequence[str]) -> bool:
        """Tell whether any article of the event mentions any topic word."""
        rows = session.exec(
            select(Article.title, Article.body).where(Article.event_id == event_id)
        ).all()
        text = " ".join(f"{title} {body}" for title, body in rows).lower()
        return any(topic.lower() in text for topic in topics if topic.strip())

    # -- articles and search ---------------------------------------------------------------

    def article(self, article_id: int) -> ArticleView:
        """One article with its summary. Raises NotFoundError."""
        if not 0 < article_id <= _MAX_ID:
            raise NotFoundError(f"no article with id {article_id}")
        with Session(self.engine) as session:
            return article_store.article_view(session=session, article_id=article_id)

    def search(self, query: str, *, limit: int = 10) -> list[SearchHit]:
        """Full-text search over titles and bodies."""
        with Session(self.engine) as session:
            return search_articles(
                session=session, query=query, limit=max(0, min(limit, _MAX_SEARCH_HITS))
            )

    def stats(self) -> dict[str, int]:
        """Counts of articles, events, stories, sources and feeds."""
        with Session(self.engine) as session:
            counts = {}
            for name, table in (
                ("articles", Article),
                ("events", Event),
                ("stories", Story),
                ("sources", Source),
                ("feeds", Feed),
            ):
                counts[name] = int(session.exec(select(func.count()).select_from(table)).one())
            return counts

    # -- feeds -----------------------------------------------------------------------------

    def feeds(self) -> list[str]:
        """URLs of the active feeds (configured ones are added on first use)."""
        with Session(self.engine) as session:
            for url in section(self.config, "feeds").get("urls", []) or []:
                if not session.exec(select(Feed).where(Feed.url == url)).first():
                    session.add(Feed(url=str(url)))
            session.commit()
            return list(session.exec(select(Feed.url).where(Feed.active).order_by(Feed.url)))

    def add_feed(self, url: str) -> None:
        """Add (or re-activate) a feed. Raises InputError for a non-http(s) URL."""
        if not is_url(url):
            raise InputError(f"{url}: a feed must be an http(s) URL")
        with Session(self.engine) as session:
            feed = session.exec(select(Feed).where(Feed.url == url)).first() or Feed(url=url)
            feed.active = True
            session.add(feed)
            session.commit()

    def remove_feed(self, url: str) -> bool:
        """Deactivate a feed; False when it was not there."""
        with Session(self.engine) as session:
            feed = session.exec(select(Feed).where(Feed.url == url, Feed.active)).first()
            if feed is None:
                return False
            feed.active = False
            session.add(feed)
            session.commit()
            return True


def _score(event: Event, moment: datetime, growth: int) -> float:
    """The one importance of an event (summarizer.events.rank.importance) at `moment`."""
    return importance(
        sources=event.source_count,
        articles=event.article_count,
        last_seen=event.last_seen,
        now=moment,
        growth=growth,
    )
