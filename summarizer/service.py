"""The domain facade the CLI and the bot call: ingest, events, digests, stories, search, feeds."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy.engine import Engine
from sqlmodel import Session

from summarizer.config import FeedsSection, SummariesSection, read_section, retention_days
from summarizer.errors import InputError, InternalError, NotFoundError, StorageError, stage
from summarizer.events.digest import build_digest, build_story_digest
from summarizer.events.rank import importance
from summarizer.ingest.fetch import FetchPolicy
from summarizer.ingest.pipeline import SummarySpec
from summarizer.ingest.runner import Ingestor, OnStored, Stored
from summarizer.ingest.sources import Skipped, expand, is_url
from summarizer.polling import PollPolicy, poll_feeds, process_name
from summarizer.store import articles as article_store
from summarizer.store import feeds as feed_store
from summarizer.store import ranking
from summarizer.store.events import newest_article_time
from summarizer.store.models import Event, Story
from summarizer.store.retention import prune as prune_before
from summarizer.store.search import search_articles
from summarizer.text.rules import latest_headline
from summarizer.text.terms import StemmedText, join_texts, stem_text
from summarizer.timemath import shift
from summarizer.topics import TopicFilter
from summarizer.values import Validators
from summarizer.views import (
    ArticleView,
    EventView,
    FeedStatus,
    IngestReport,
    PollReport,
    PruneReport,
    RankedEvent,
    SearchHit,
    StoryView,
    distinct_outlets,
)

logger = logging.getLogger(__name__)

#: Kinds of failure (summarizer.errors) that the same input may not meet next time.
_RETRIED = frozenset({StorageError.kind, InternalError.kind})
_Item = TypeVar("_Item", Event, Story)

_CANDIDATE_EVENTS = 300  # events ranked per read (a page of the ranking's input, not a cap)
_MAX_ID = 2**63 - 1  # ids are 64-bit integers in every database
_STEMMED_KEPT = 20_000  # stemmed articles kept for topic filters (a few MB of stems)
_MAX_SEARCH_HITS = 1_000
MAX_FEED_URL = 2_000  # the feed table's url column
# Event lists and digests are reused for this long (cleared by every ingest in this process;
# another process's ingest shows after at most this delay).
VIEW_CACHE_SECONDS = 30.0
_TIMELINE_WORDS = 60  # each event under a story's digest gets a short digest of its own


class BriefingService:
    """Everything Briefing does with its database, behind one small synchronous API."""

    def __init__(self, engine: Engine, config: Mapping[str, Any] | None = None) -> None:
        self.engine = engine
        self.config: Mapping[str, Any] = config or {}
        self._views: dict[tuple[Any, ...], tuple[float, Any]] = {}
        # Stemmed title and body by article id, for topic filters (an article never changes).
        self._stemmed: dict[int, StemmedText] = {}
        self._views_lock = threading.Lock()
        self._building: dict[tuple[Any, ...], threading.Event] = {}
        summaries = read_section(self.config, "summaries", SummariesSection)
        self.digest_words = summaries.digest_words
        self.summary = SummarySpec(method=summaries.method, sentences=summaries.sentences)
        self.policy = FetchPolicy.from_config(self.config)
        self.poll_policy = PollPolicy.from_config(self.config)
        self.owner = process_name()  # this process, as the holder of feed leases
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
        workers: int = 0,
        shared: bool = True,
        feed: int | None = None,
    ) -> IngestReport:
        """Ingest files, directories, article URLs and feed URLs.

        Args:
            locations: paths or URLs as the user gave them.
            now: ingestion time (default now).
            progress: given the number of inputs, returns a per-input tick (a progress bar).
            workers: worker processes that prepare a large batch (0: this process alone, as
                in the bot); the stored rows are the same for any number.
            shared: the inputs are the operator's (its files, addresses and feeds), so a copy
                a chat's feed brought first that one of them brings again becomes public
                (summarizer.store.feeds.publish_copies); False for a feed only chats follow.
            feed: the id of the feed the locations are (summarizer.polling): what it brought
                is linked to it (summarizer.store.feeds.link_articles) in the transaction that
                stores it, so no reader ever sees a chat's feed's article as the operator's.
        """
        # A fetch's validators are kept only once what it brought is stored: kept at fetch
        # time, a storing failure would leave the next poll "not modified" and lose the entries.
        fetched: list[tuple[str, Validators]] = []
        items = list(
            expand(
                list(locations),
                policy=self.policy,
                cached=self._validators,
                remember=lambda url, validators: fetched.append((url, validators)),
            )
        )
        readable = sum(not isinstance(item, Skipped) for item in items)
        tick = progress(readable) if progress is not None else None
        try:
            with self._ingest_lock:
                report = self._ingestor.ingest(
                    items,
                    now=now,
                    progress=tick,
                    workers=workers,
                    on_stored=None if feed is None else _linker(feed, locations),
                )
            if shared and report.duplicate_of:
                self._publish(
                    list(zip(report.duplicate_of, report.duplicate_locations, strict=True))
                )
            if fetched:
                self._remember(fetched, report)
            return report
        finally:
            with self._views_lock:
                self._views.clear()

    def _cached(self, key: tuple[Any, ...], build: Callable[[], Any]) -> Any:
        """Return a recent result for `key`, or build, remember and return it.

        One build per key at a time: callers asking while it is being built wait for it
        rather than build it again (twenty chats asking for one page cost one page).
        """
        while True:
            with self._views_lock:
                hit = self._views.get(key)
                if hit is not None and hit[0] > time.monotonic():
                    return hit[1]
                building = self._building.get(key)
                if building is None:
                    building = self._building[key] = threading.Event()
                    break
            building.wait(VIEW_CACHE_SECONDS)  # then read what it built, or build it
        try:
            value = build()
            with self._views_lock:
                if len(self._views) > 2_000:
                    self._views.clear()
                self._views[key] = (time.monotonic() + VIEW_CACHE_SECONDS, value)
            return value
        finally:
            with self._views_lock:
                del self._building[key]
            building.set()

    def _publish(self, duplicates: Sequence[tuple[int, str]]) -> None:
        """Make public the copies a shared ingest brought again (feeds.publish_copies).

        A failure is logged and changes nothing else: the copies stay private (the safe side)
        and the ingest's articles stay stored.
        """
        try:
            with Session(self.engine) as session:
                feed_store.publish_copies(session=session, duplicates=duplicates)
        except Exception:
            articles = sorted({article for article, _ in duplicates})
            logger.exception("the copies of articles %s could not be made public", articles)

    def _operators(self, urls: Sequence[str]) -> bool:
        """Whether all these feeds are the operator's (what they bring is shared)."""
        with Session(self.engine) as session:
            return all(feed_store.is_operator_feed(session=session, url=url) for url in urls)

    def _validators(self, url: str) -> Validators | None:
        with Session(self.engine) as session:
            return feed_store.fetch_validators(session=session, url=url)

    def _remember(self, fetched: Sequence[tuple[str, Validators]], report: IngestReport) -> None:
        """Keep the validators of the addresses fetched, for the next conditional GET, where
        what they brought was stored or refused for good.

        None is kept when something failed to be stored ("storage" or "internal": it may work
        next time, and a "not modified" answer would lose it), nor for an address whose own
        document could not be read (its error shows again at the next fetch instead of a poll
        that looks healthy). A failure to keep them is logged: the ingest stands.
        """
        if any(f.kind in _RETRIED for f in report.failures):
            return
        unread = {f.location for f in report.failures}
        try:
            with Session(self.engine) as session:
                for url, validators in fetched:
                    if url not in unread:
                        feed_store.remember_validators(
                            session=session, url=url, validators=validators
                        )
        except Exception:
            logger.exception("the validators of %s could not be kept", [u for u, _ in fetched])

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
            topics: a chat's topics (summarizer.topics keys: word, "a phrase", -word): keep
                events whose articles match a followed one (stemmed in each article's
                language, title and body) and none excluded.
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

    def event_count(self) -> int:
        """How many events are stored (what a page of the ranking can reach)."""

        def count() -> int:
            with Session(self.engine) as session:
                return ranking.event_count(session=session)

        number: int = self._cached(("event_count",), count)
        return number

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
        feeds: frozenset[int] | None = None,
    ) -> list[tuple[float, Event]]:
        """The `wanted` best events by importance, exactly, reading events newest first (only
        those with an article one of `feeds` brought, when given).

        Importance falls with age, so once even an event as large as the largest stored one
        could not beat the `wanted`-th best score at the age reached, older events are not read.
        """
        if wanted <= 0:
            return []
        most_sources, most_articles = ranking.largest_event(session=session)
        moment = self._ranking_time(session, now)
        rules = TopicFilter.from_keys(topics)
        ranked: list[tuple[float, Event]] = []
        read = 0
        while True:
            page = ranking.event_page(
                session=session, since=since, offset=read, limit=_CANDIDATE_EVENTS, feeds=feeds
            )
            if not page:
                break
            read += len(page)
            growth = ranking.growth_counts(session=session, events=page)
            ids = [event.id for event in page if event.id is not None]
            shown = self._admitted(session, ids, rules) if rules else None
            for event in page:
                assert event.id is not None
                if shown is not None and event.id not in shown:
                    continue
                ranked.append((_score(event, moment, growth.get(event.id, 0)), event))
            # Equal scores (an archive's events, whose importance has decayed to 0.0) go
            # newest first: by the last article, then the newest event.
            ranked.sort(
                key=lambda pair: (pair[0], pair[1].last_seen, pair[1].id or 0), reverse=True
            )
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
        growth = ranking.growth_counts(session=session, events=[event])
        return _score(event, moment, growth.get(event.id, 0))

    def ranked_events(
        self,
        *,
        limit: int = 10,
        offset: int = 0,
        since: datetime | None = None,
        topics: Sequence[str] = (),
        feeds: frozenset[int] | None = None,
    ) -> list[RankedEvent]:
        """The ranking of top_events without digests: each event's id and its articles' ids.

        Cheap beside top_events (no digest is built), so a reader that may read only some
        articles can choose among many events and build the views of those it keeps.

        Args:
            limit: the most events to return.
            offset: how many of the best-ranked events to skip (paging).
            since: only events with articles after this time.
            topics: a chat's topics (see top_events).
            feeds: when given, only the events with an article one of these feeds brought
                (summarizer.store.models.FeedArticle), ranked among themselves: the ranking
                of a reader of those feeds alone, however deep in the whole one they lie.
        """

        def build() -> list[RankedEvent]:
            with Session(self.engine) as session:
                ranked = self._ranked(
                    session,
                    wanted=offset + limit,
                    since=since,
                    topics=topics,
                    now=None,
                    feeds=feeds,
                )
                ids = [event.id for _, event in ranked[offset:] if event.id is not None]
                articles = ranking.event_articles(session=session, event_ids=ids)
                return [RankedEvent(i, tuple(articles.get(i, ()))) for i in ids]

        views: list[RankedEvent] = self._cached(
            ("ranked", limit, offset, since, tuple(topics), feeds), build
        )
        return list(views)

    def event_article_ids(self, event_id: int) -> frozenset[int]:
        """The ids of an event's articles as stored now (no view is built).

        Raises:
            NotFoundError: no event has this id.
        """
        return self._article_ids(Event, event_id)

    def story_article_ids(self, story_id: int) -> frozenset[int]:
        """The ids of the articles of a story's events as stored now (no view is built).

        Raises:
            NotFoundError: no story has this id.
        """
        return self._article_ids(Story, story_id)

    def _article_ids(self, table: type[_Item], item_id: int) -> frozenset[int]:
        """The ids of the articles an event or a story holds now, in one session."""
        with Session(self.engine) as session:
            _load(session, table, item_id)
            return ranking.article_ids_of(session=session, table=table, item_id=item_id)

    def event(
        self,
        event_id: int,
        *,
        words: int | None = None,
        since: datetime | None = None,
        articles: frozenset[int] | None = None,
    ) -> EventView:
        """One event with its digest (only what is new after `since` when given).

        Args:
            event_id: the event.
            words: digest length in words (default from the config).
            since: only what is new after this time.
            articles: when given, the event as seen by a reader who may read only these
                articles: its digest, sources, articles and time span come from those of its
                articles that are among them (None: all of them).

        Raises:
            NotFoundError: no event has this id.
        """
        view: EventView = self._cached(
            ("event", event_id, words, since, articles),
            lambda: self._event(event_id, words, since, articles),
        )
        return view

    def _event(
        self,
        event_id: int,
        words: int | None,
        since: datetime | None,
        articles: frozenset[int] | None,
    ) -> EventView:
        """Load one event and build its view (see event)."""
        with Session(self.engine) as session:
            event = _load(session, Event, event_id)
            score = self._importance(session, event, self._ranking_time(session, None))
            return self._event_view(
                session, event, score=score, words=words, since=since, articles=articles
            )

    def story(
        self,
        story_id: int,
        *,
        words: int | None = None,
        articles: frozenset[int] | None = None,
    ) -> StoryView:
        """A story: a digest of all its events ("catch me up"), then its events in time order.

        Args:
            story_id: the story.
            words: length of the story's digest in words (default from the config); each event
                of the timeline gets a short digest of its own.
            articles: when given, the story as seen by a reader who may read only these
                articles: its events with one of them, each seen the same way (see `event`),
                and a digest of those articles alone (None: all of them).

        Raises:
            NotFoundError: no story has this id.
        """
        view: StoryView = self._cached(
            ("story", story_id, words, articles), lambda: self._story(story_id, words, articles)
        )
        return view

    def _story(
        self, story_id: int, words: int | None, articles: frozenset[int] | None
    ) -> StoryView:
        """Load one story and build its view (see story)."""
        with Session(self.engine) as session:
            story = _load(session, Story, story_id)
            assert story.id is not None
            events = ranking.story_events(session=session, story_id=story_id)
            if articles is not None:
                ids = [e.id for e in events if e.id]
                by_event = ranking.event_articles(session=session, event_ids=ids)
                events = [e for e in events if articles.intersection(by_event.get(e.id or 0, ()))]
            views = tuple(self._shown(session, events, articles))
            ids = [e.id for e in events if e.id]
            docs, language = ranking.digest_docs(session=session, event_ids=ids, articles=articles)
            # The stored title may come from an article this reader may not read.
            fallback = story.title if articles is None else (docs[-1].title if docs else "")
            title = latest_headline([v.title for v in views]) if views else fallback
            digest = (
                build_story_digest(
                    docs, words=words or self.digest_words, headline=title, language=language
                ).lines
                if docs
                else ()
            )
            return StoryView(id=story.id, title=title, events=views, digest=digest)

    def _shown(
        self, session: Session, events: Sequence[Event], articles: frozenset[int] | None
    ) -> list[EventView]:
        """Short views of a story's events; one that cannot be built is logged and left out."""
        moment = self._ranking_time(session, None)
        growth = ranking.growth_counts(session=session, events=events)  # one query for all
        views = []
        for event in events:
            try:
                score = _score(event, moment, growth.get(event.id or 0, 0))
                views.append(
                    self._event_view(
                        session,
                        event,
                        score=score,
                        words=_TIMELINE_WORDS,
                        since=None,
                        articles=articles,
                    )
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
        articles: frozenset[int] | None = None,
    ) -> EventView:
        """Build an event's view with its digest (from `articles` alone when given)."""
        assert event.id is not None
        docs, language = ranking.digest_docs(
            session=session, event_ids=[event.id], articles=articles
        )
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
        copies = ranking.copy_sources(
            session=session,
            article_ids=[d.article_id for d in docs],
            whole_store=articles is None,
        )
        copied: dict[int, list[str]] = {}
        for original, name in copies:
            copied.setdefault(original, []).append(name)
        in_time = sorted(docs, key=lambda d: (d.published, d.article_id))
        sources = distinct_outlets((d.source, copied.get(d.article_id, [])) for d in in_time)
        first_seen, last_seen, title = event.first_seen, event.last_seen, event.title
        if articles is not None:  # the span and fallback headline of what the reader reads
            first_seen, last_seen = docs[0].published, max(d.published for d in docs)
            title = docs[0].title
        first = [d for d in docs if d.published == first_seen]
        last = [d for d in docs if d.published == last_seen]
        return EventView(
            id=event.id,
            story_id=event.story_id,
            title=digest.headline or title,
            first_seen=first_seen,
            last_seen=last_seen,
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

    def _admitted(self, session: Session, event_ids: Sequence[int], rules: TopicFilter) -> set[int]:
        """The events that pass a topic filter, their articles stemmed in their languages
        (each article stemmed once per process: its text never changes)."""
        by_event = ranking.event_articles(session=session, event_ids=event_ids)
        wanted = [a for ids in by_event.values() for a in ids]
        stems = {a: self._stemmed[a] for a in wanted if a in self._stemmed}
        missing = [a for a in wanted if a not in stems]
        for article_id, title, body, language in ranking.article_texts(
            session=session, article_ids=missing
        ):
            stems[article_id] = stem_text(title, body, language)
        if len(self._stemmed) + len(missing) > _STEMMED_KEPT:
            self._stemmed.clear()
        self._stemmed.update((a, stems[a]) for a in missing if a in stems)
        admitted = set()
        for event_id in event_ids:
            texts = [stems[a] for a in by_event.get(event_id, []) if a in stems]
            if rules.admits(join_texts(texts)):
                admitted.add(event_id)
        return admitted

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
            return ranking.table_counts(session=session)

    # -- retention -------------------------------------------------------------------------

    @property
    def retention_days(self) -> int:
        """Days of articles kept (store.retention_days, default 90; 0 keeps everything)."""
        return retention_days(self.config)

    def prune(
        self, *, days: int | None = None, dry_run: bool = False, now: datetime | None = None
    ) -> PruneReport:
        """Remove articles published more than `days` ago, with what hangs on them.

        Events and stories stay coherent (summarizer.store.retention): an event left without
        articles goes, a story left without events goes.

        Args:
            days: the retention (default store.retention_days).
            dry_run: count what would go; change nothing.
            now: the time the days count back from (default now).

        Raises:
            InputError: no positive number of days (store.retention_days = 0 and none given).
        """
        keep = self.retention_days if days is None else days
        if keep <= 0:
            raise InputError(
                "retention is off (store.retention_days = 0 keeps everything): "
                "give a number of days (briefing prune --days N)"
            )
        moment = now or datetime.now(UTC)
        before = shift(moment, -timedelta(days=keep))
        try:
            with Session(self.engine) as session:
                return prune_before(session=session, before=before, now=moment, dry_run=dry_run)
        finally:
            with self._views_lock:
                self._views.clear()

    # -- feeds -----------------------------------------------------------------------------

    def _configured_feeds(self, session: Session) -> None:
        """Store the feeds named in the configuration that are not stored yet."""
        configured = list(read_section(self.config, "feeds", FeedsSection).urls)
        feed_store.ensure_feeds(session=session, urls=configured)

    def feeds(self) -> list[str]:
        """URLs of the active feeds (configured ones are added on first use)."""
        with Session(self.engine) as session:
            self._configured_feeds(session)
            return feed_store.active_feed_urls(session=session)

    def feed_statuses(
        self, *, now: datetime | None = None, include_removed: bool = False
    ) -> list[FeedStatus]:
        """Every active feed with its schedule and health (last error, next try), by URL."""
        with Session(self.engine) as session:
            self._configured_feeds(session)
            return feed_store.feed_statuses(
                session=session, now=now or datetime.now(UTC), include_removed=include_removed
            )

    def add_feed(
        self, url: str, *, title: str | None = None, interval_minutes: float | None = None
    ) -> bool:
        """Add (or re-activate) a feed; True when it was not active before.

        Args:
            url: the feed's http(s) address.
            title: a name to list it under (kept as it was when None).
            interval_minutes: its own polling interval (the configured one when never set).

        Raises:
            InputError: not an http(s) URL, longer than MAX_FEED_URL, or an interval under one
                minute.
        """
        if not is_url(url):
            raise InputError(f"{url[:200]}: a feed must be an http(s) URL")
        if len(url) > MAX_FEED_URL:
            raise InputError(f"{url[:200]}...: a feed URL has at most {MAX_FEED_URL} characters")
        if interval_minutes is not None and interval_minutes < 1:
            raise InputError(f"{interval_minutes:g} minutes: a feed is polled at most every minute")
        with Session(self.engine) as session:
            added = feed_store.add_feed(session=session, url=url)
            feed_store.set_feed_details(
                session=session, url=url, title=title, interval_minutes=interval_minutes
            )
            return added

    def remove_feed(self, url: str) -> bool:
        """Deactivate a feed; False when it was not there."""
        with Session(self.engine) as session:
            return feed_store.remove_feed(session=session, url=url)

    def poll_feeds(
        self, *, due_only: bool = True, limit: int | None = None, now: datetime | None = None
    ) -> PollReport:
        """Poll the feeds that are due (or every active one), each under a lease.

        Safe to run in many processes at once: each feed is polled by one of them
        (summarizer.polling). A failing feed backs off exponentially.

        Args:
            due_only: only feeds whose time has come; False polls every active feed now.
            limit: the most feeds to poll in this run.
            now: the time of the run (tests); default the clock.
        """
        with Session(self.engine) as session:
            self._configured_feeds(session)
        return poll_feeds(
            self.engine,
            lambda url, feed_id: self.ingest(
                [url], now=now, shared=self._operators([url]), feed=feed_id
            ),
            policy=self.poll_policy,
            owner=self.owner,
            clock=(lambda: now) if now is not None else (lambda: datetime.now(UTC)),
            due_only=due_only,
            limit=limit,
        )


def _linker(feed_id: int, locations: Sequence[str]) -> OnStored:
    """Link what an ingest of a feed stores to the feed (feeds.link_articles), as it stores it."""
    where = ", ".join(locations)

    def link(session: Session, stored: Stored) -> None:
        with stage("linking its articles", where):
            feed_store.link_articles(
                session=session,
                feed_id=feed_id,
                article_ids=stored.article_ids,
                duplicated=stored.duplicate_of,
                copies=stored.copies,
            )

    return link


def _load(session: Session, table: type[_Item], item_id: int) -> _Item:
    """The stored event or story with this id.

    Raises:
        NotFoundError: none has it (or it is no 64-bit id at all).
    """
    found = session.get(table, item_id) if 0 < item_id <= _MAX_ID else None
    if found is None:
        raise NotFoundError(f"no {table.__name__.lower()} with id {item_id}")
    return found


def _score(event: Event, moment: datetime, growth: int) -> float:
    """The one importance of an event (summarizer.events.rank.importance) at `moment`."""
    return importance(
        sources=event.source_count,
        articles=event.article_count,
        last_seen=event.last_seen,
        now=moment,
        growth=growth,
    )
