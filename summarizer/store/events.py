"""Data access for events and stories: upserts during ingest, state for restoring the indexes."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, bindparam, delete, exists, func, insert, or_, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from summarizer.events.cluster import EventDoc
from summarizer.store import tables
from summarizer.store.features import event_doc
from summarizer.store.models import Article, Event, Source, Story
from summarizer.store.profiles import profile_json, refresh_stale_profiles
from summarizer.store.ranking import CHUNK
from summarizer.views import UNKNOWN_OUTLET

_ARTICLES = tables.ARTICLES
_COPIES = tables.COPIES
_EVENTS = tables.EVENTS
_SOURCES = tables.SOURCES
_STORIES = tables.STORIES
_UNNAMED_SOURCE = core_select(_SOURCES.c.id).where(_SOURCES.c.name == UNKNOWN_OUTLET)


def newest_article_time(*, session: Session) -> datetime | None:
    """Publication time of the newest stored article."""
    return session.exec(select(func.max(Article.published))).first()


def max_article_id(*, session: Session) -> int:
    """Largest article id in use (0 when none)."""
    return int(session.exec(select(func.max(Article.id))).first() or 0)


def articles_after(*, session: Session, after_id: int, limit: int) -> int:
    """How many articles were stored after `after_id`, counted up to `limit`."""
    found = select(Article.id).where(col(Article.id) > after_id).limit(limit).subquery()
    return int(session.exec(select(func.count()).select_from(found)).one())


def event_docs_after(*, session: Session, after_id: int, limit: int) -> list[EventDoc]:
    """The articles stored after `after_id`, in id order (the order they were stored), as
    EventDocs; at most `limit`."""
    rows = session.exec(
        select(Article, Source.name)
        .join(Source, col(Source.id) == col(Article.source_id))
        .where(col(Article.id) > after_id)
        .order_by(col(Article.id))
        .limit(limit)
    ).all()
    return [event_doc(article, source) for article, source in rows]


def recent_event_docs(*, session: Session, since: datetime) -> list[tuple[int, list[EventDoc]]]:
    """Events whose last article is at or after `since`, with their articles as EventDocs."""
    event_ids = list(session.exec(select(Event.id).where(Event.last_seen >= since)))
    if not event_ids:
        return []
    grouped: dict[int, list[EventDoc]] = {}
    for start in range(0, len(event_ids), CHUNK):
        chunk = event_ids[start : start + CHUNK]
        for event_id, doc in _docs(session, col(Article.event_id).in_(chunk)):
            grouped.setdefault(event_id, []).append(doc)
    return sorted(grouped.items())


def count_articles(*, session: Session, ids: Sequence[int]) -> int:
    """How many of these article ids are stored."""
    found = 0
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        found += session.exec(
            select(func.count()).select_from(Article).where(col(Article.id).in_(chunk))
        ).one()
    return found


def event_articles(*, session: Session, keys: Sequence[int]) -> list[tuple[int, list[int]]]:
    """(event id, its article ids ascending) of these events, by event id (none for an event
    without stored articles)."""
    grouped: dict[int, list[int]] = {}
    connection = session.connection()
    for start in range(0, len(keys), CHUNK):
        rows = connection.execute(
            core_select(_ARTICLES.c.event_id, _ARTICLES.c.id).where(
                _ARTICLES.c.event_id.in_(list(keys[start : start + CHUNK]))
            )
        )
        for event_id, article_id in rows:
            grouped.setdefault(int(event_id), []).append(int(article_id))
    return [(key, sorted(grouped[key])) for key in sorted(grouped)]


def _docs(session: Session, where: Any) -> list[tuple[int, EventDoc]]:
    """(event id, EventDoc) of the articles matching a condition."""
    rows = session.exec(
        select(Article, Source.name)
        .join(Source, col(Source.id) == col(Article.source_id))
        .where(where)
    ).all()
    return [(article.event_id or 0, event_doc(article, source)) for article, source in rows]


#: An event of a story being restored: (event id, its stored profile as JSON text, last seen).
StoredMember = tuple[int, str, datetime | None]


def active_story_events(*, session: Session, limit: int) -> list[tuple[int, list[StoredMember]]]:
    """The `limit` most recently active stories: their events' (id, profile text, last_seen).

    The profiles stay text (`drain_stories` parses them a chunk at a time; the ingest origin
    keeps them as they are). Profiles made from article features of another version are made
    again first (`profiles.refresh_stale_profiles`), so a rebuilt index reads them as a live
    one would make them.
    """
    story_ids = list(
        session.exec(
            select(Story.id)
            .order_by(col(Story.last_seen).desc(), col(Story.id).desc())
            .limit(limit)
        )
    )
    if not story_ids:
        return []
    refresh_stale_profiles(session=session, story_ids=[key for key in story_ids if key is not None])
    grouped: dict[int, list[StoredMember]] = {}
    connection = session.connection()
    for start in range(0, len(story_ids), CHUNK):
        rows = connection.execute(
            core_select(
                _EVENTS.c.id, _EVENTS.c.story_id, _EVENTS.c.profile_json, _EVENTS.c.last_seen
            ).where(_EVENTS.c.story_id.in_(story_ids[start : start + CHUNK]))
        )
        for event_id, story_id, stored, last_seen in rows:
            grouped.setdefault(story_id, []).append((event_id, stored or "{}", last_seen))
    return sorted(grouped.items())


def parse_profiles(texts: Sequence[str]) -> list[dict[str, float]]:
    """Stored profiles (JSON objects, see `profile_json`) as dicts, read in one go.

    One JSON document for all of them: the reader keeps one string per feature name for the
    whole document, so the profiles share their names (memory), and no Python loop runs per
    feature.

    Raises:
        ValueError: a text is no JSON object.
    """
    if not texts:
        return []
    profiles = json.loads("".join(_listed(texts)))  # one copy of the texts, not two
    if len(profiles) != len(texts) or not all(isinstance(p, dict) for p in profiles):
        raise ValueError("a stored event profile is no JSON object")
    return profiles  # type: ignore[no-any-return]


#: Profiles parsed per JSON document by `drain_stories`: few enough that one chunk's texts and
#: dicts are small beside the story index, enough that parsing stays fast and most feature names
#: are shared (each chunk has its own strings: at 100,000 articles about 7 MB more than one
#: document; sharing them across chunks in Python cost 0.19 s of CPU in one pair of runs).
DRAIN_CHUNK = 1_000


def drain_stories(
    stored: list[tuple[int, list[StoredMember]]],
) -> Iterator[tuple[int, list[tuple[int, dict[str, float], datetime | None]]]]:
    """The stories of `active_story_events` with their profiles parsed, emptying `stored`.

    The profiles are parsed about `DRAIN_CHUNK` at a time (`parse_profiles`) and each chunk's
    texts are dropped from `stored` as it is parsed, so neither every text nor every profile
    dict is held at once (at 100,000 articles, 15,000 profiles of 5,000 stories: the peak RSS
    of one article through the CLI went from 410 to 310 MB).

    Raises:
        ValueError: a text is no JSON object.
    """
    stored.reverse()  # popped from the end: the stories in their order, without a copy
    while stored:
        chunk: list[tuple[int, list[StoredMember]]] = []
        count = 0
        while stored and count < DRAIN_CHUNK:
            chunk.append(stored.pop())
            count += len(chunk[-1][1])
        profiles = iter(parse_profiles([text for _, group in chunk for _, text, _ in group]))
        parsed = [
            (key, [(event, next(profiles), when) for event, _, when in group])
            for key, group in chunk
        ]
        chunk.clear()
        yield from parsed
        parsed.clear()


def _listed(texts: Sequence[str]) -> Iterator[str]:
    """The parts of a JSON array of the texts: "[", the texts with commas between, "]"."""
    yield "["
    for number, text in enumerate(texts):
        if number:
            yield ","
        yield text
    yield "]"


def max_ids(*, session: Session) -> tuple[int, int]:
    """Largest event id and story id in use (0 when none)."""
    event_max = session.exec(select(func.max(Event.id))).first() or 0
    story_max = session.exec(select(func.max(Story.id))).first() or 0
    return int(event_max), int(story_max)


def named_copy() -> ColumnElement[bool]:
    """The condition that a copy (a row of `articlecopy`) counts among its event's sources: its
    input named an outlet (an unnamed copy is no outlet of its own)."""
    return _COPIES.c.source_id.not_in(_UNNAMED_SOURCE)


def own_source_counts() -> ColumnElement[bool]:
    """The condition that an article's own source counts among its event's sources: its input
    named an outlet, or no copy of its text names one (whichever came first, a text is told by
    the outlets its inputs name: summarizer.views.distinct_outlets)."""
    named_copies = (
        core_select(_COPIES.c.id)
        .where(_COPIES.c.article_id == _ARTICLES.c.id, named_copy())
        .correlate(_ARTICLES)
    )
    return or_(_ARTICLES.c.source_id.not_in(_UNNAMED_SOURCE), ~exists(named_copies))


@dataclass(slots=True)
class EventRow:
    """One event row as the ingest last wrote it, with the sources behind its count: the named
    sources of its articles and their copies, and its articles whose text no input named an
    outlet for (together one source, UNKNOWN_OUTLET's)."""

    id: int
    story_id: int | None
    first_seen: datetime
    last_seen: datetime
    article_count: int
    sources: set[int]
    unnamed: set[int] = field(default_factory=set)

    @property
    def source_count(self) -> int:
        """The event's distinct sources."""
        return len(self.sources) + bool(self.unnamed)


@dataclass(slots=True)
class _StoryRow:
    id: int
    first_seen: datetime
    last_seen: datetime


# Core statements built once: an ingest runs them a few times per article.
_EVENT_BY_ID = core_select(
    _EVENTS.c.story_id, _EVENTS.c.first_seen, _EVENTS.c.last_seen, _EVENTS.c.article_count
).where(_EVENTS.c.id == bindparam("event_id"))
_ARTICLE_SOURCES = (
    core_select(_ARTICLES.c.id, _ARTICLES.c.source_id, _SOURCES.c.name == UNKNOWN_OUTLET)
    .join(_SOURCES, _SOURCES.c.id == _ARTICLES.c.source_id)
    .where(_ARTICLES.c.event_id == bindparam("event_id"))
)
_COPY_SOURCES = (
    core_select(_COPIES.c.article_id, _COPIES.c.source_id)
    .join(_ARTICLES, _ARTICLES.c.id == _COPIES.c.article_id)
    .where(_ARTICLES.c.event_id == bindparam("event_id"), named_copy())
)
_SOURCE_NAME = core_select(_SOURCES.c.name).where(_SOURCES.c.id == bindparam("source_id"))
_ARTICLE_EVENT = core_select(_ARTICLES.c.event_id).where(_ARTICLES.c.id == bindparam("article_id"))
_INSERT_EVENT = insert(_EVENTS)
_EVENT_COUNTS = ("first_seen", "last_seen", "article_count", "source_count")
_UPDATE_EVENT = tables.set_by_id(_EVENTS, "event_id", *_EVENT_COUNTS, "profile_json")
_SET_SOURCE_COUNT = tables.set_by_id(_EVENTS, "event_id", "source_count")
_SET_EVENT_STORY = tables.set_by_id(_EVENTS, "event_id", "story_id")
_SET_ARTICLE_EVENT = tables.set_by_id(_ARTICLES, "article_id", "event_id")
_STORY_BY_ID = core_select(_STORIES.c.first_seen, _STORIES.c.last_seen).where(
    _STORIES.c.id == bindparam("story_id")
)
_STORY_EVENT_SPANS = core_select(_EVENTS.c.first_seen, _EVENTS.c.last_seen).where(
    _EVENTS.c.story_id == bindparam("old")
)
_INSERT_STORY = insert(_STORIES)
_UPDATE_STORY_SPAN = tables.set_by_id(_STORIES, "story_id", "first_seen", "last_seen")
_DELETE_STORY = delete(_STORIES).where(_STORIES.c.id == bindparam("story_id"))
_MERGED_SPANS = core_select(func.min(_EVENTS.c.first_seen), func.max(_EVENTS.c.last_seen)).where(
    _EVENTS.c.story_id.in_(bindparam("olds", expanding=True))
)
_MOVE_MERGED = (
    update(_EVENTS)
    .where(_EVENTS.c.story_id.in_(bindparam("olds", expanding=True)))
    .values(story_id=bindparam("new"))
)
_DELETE_MERGED = delete(_STORIES).where(_STORIES.c.id.in_(bindparam("olds", expanding=True)))
_MOVE_ARTICLES = (
    update(_ARTICLES)
    .where(_ARTICLES.c.event_id == bindparam("old"))
    .values(event_id=bindparam("new"))
)
_DELETE_EVENT = delete(_EVENTS).where(_EVENTS.c.id == bindparam("event_id"))
_SET_EVENT_COUNTS = tables.set_by_id(_EVENTS, "event_id", *_EVENT_COUNTS)


class EventWriter:
    """Writes the events and stories of one ingest session, one article at a time.

    Each event and story row is read at most once and then kept in memory as last written, so
    an article costs a few single-row statements. Nothing else may write these rows while the
    session is open; call `forget` after a rollback, since the memory may then be ahead of it.
    """

    def __init__(self, session: Session) -> None:
        """Start with no rows in memory.

        Args:
            session: the ingest's session (its transaction holds every write).
        """
        self.session = session
        self._events: dict[int, EventRow] = {}
        self._stories: dict[int, _StoryRow] = {}
        self._article_events: dict[int, int] = {}
        self._unnamed: dict[int, bool] = {}  # source id: whether it is UNKNOWN_OUTLET's

    def forget(self) -> None:
        """Drop every row kept in memory (they are read again when next needed)."""
        self._events.clear()
        self._stories.clear()
        self._article_events.clear()
        self._unnamed.clear()

    def know_source(self, source_id: int, *, unnamed: bool) -> None:
        """Note whether a source is UNKNOWN_OUTLET's, as its caller found it (no read)."""
        self._unnamed[source_id] = unnamed

    def _is_unnamed(self, source_id: int) -> bool:
        """Whether a source is UNKNOWN_OUTLET's (read once per source)."""
        known = self._unnamed.get(source_id)
        if known is None:
            name = self.session.connection().execute(_SOURCE_NAME, {"source_id": source_id})
            known = self._unnamed[source_id] = name.scalar() == UNKNOWN_OUTLET
        return known

    def attach(
        self,
        *,
        event_id: int,
        article_id: int,
        source_id: int,
        published: datetime,
        title: str,
        profile: Mapping[str, float],
    ) -> EventRow:
        """Put a stored article into an event (created when new) and refresh the event's counts.

        Args:
            event_id: the event's key.
            article_id: the article's id.
            source_id: the article's source.
            published: the article's publication time.
            title: the article's title (the event's title when it opens the event).
            profile: the event's profile after the article joined.

        Returns:
            The event as written.
        """
        connection = self.session.connection()
        event = self._event(event_id)
        # An unnamed article is counted as a text no input named an outlet for, until a
        # named copy of it comes (add_copy_source).
        sources: set[int] = set()
        unnamed: set[int] = set()
        if self._is_unnamed(source_id):
            unnamed.add(article_id)
        else:
            sources.add(source_id)
        if event is None:
            event = EventRow(event_id, None, published, published, 1, sources, unnamed)
            connection.execute(
                _INSERT_EVENT,
                {
                    "id": event_id,
                    "title": title,
                    "first_seen": published,
                    "last_seen": published,
                    "article_count": 1,
                    "source_count": 1,
                    "profile_json": profile_json(profile),
                },
            )
            self._events[event_id] = event
        else:
            event.article_count += 1
            event.sources |= sources
            event.unnamed |= unnamed
            event.first_seen = min(event.first_seen, published)
            event.last_seen = max(event.last_seen, published)
            connection.execute(
                _UPDATE_EVENT,
                {
                    "event_id": event_id,
                    "first_seen": event.first_seen,
                    "last_seen": event.last_seen,
                    "article_count": event.article_count,
                    "source_count": event.source_count,
                    "profile_json": profile_json(profile),
                },
            )
        connection.execute(_SET_ARTICLE_EVENT, {"article_id": article_id, "event_id": event_id})
        self._article_events[article_id] = event_id
        return event

    def add_copy_source(self, *, article_id: int, source_id: int) -> None:
        """Count a near-duplicate copy's source among the sources of its original's event,
        when its input named an outlet (the text is then told by a named outlet: an unnamed
        original no longer counts as one)."""
        if self._is_unnamed(source_id):
            return
        connection = self.session.connection()
        event_id = self._article_events.get(article_id)
        if event_id is None:
            event_id = connection.execute(_ARTICLE_EVENT, {"article_id": article_id}).scalar()
            if event_id is None:
                return
        event = self._event(event_id)
        if event is None:
            return
        event.sources.add(source_id)
        event.unnamed.discard(article_id)
        connection.execute(
            _SET_SOURCE_COUNT, {"event_id": event_id, "source_count": event.source_count}
        )

    def merge_events(self, *, keep: int, drop: int) -> None:
        """Fold the event `drop` into the event `keep`: its articles move, its row goes.

        A story left without events by the move is deleted; one that keeps other events gets
        its span from them.

        Args:
            keep: the event that stays.
            drop: the event merged into it.
        """
        kept, dropped = self._event(keep), self._event(drop)
        if kept is None or dropped is None:
            raise KeyError(f"cannot merge event {drop} into {keep}: not both stored")
        connection = self.session.connection()
        connection.execute(_MOVE_ARTICLES, {"old": drop, "new": keep})
        for article_id, event_id in self._article_events.items():
            if event_id == drop:
                self._article_events[article_id] = keep
        kept.article_count += dropped.article_count
        kept.sources |= dropped.sources
        kept.unnamed |= dropped.unnamed
        kept.first_seen = min(kept.first_seen, dropped.first_seen)
        kept.last_seen = max(kept.last_seen, dropped.last_seen)
        connection.execute(
            _SET_EVENT_COUNTS,
            {
                "event_id": keep,
                "first_seen": kept.first_seen,
                "last_seen": kept.last_seen,
                "article_count": kept.article_count,
                "source_count": kept.source_count,
            },
        )
        connection.execute(_DELETE_EVENT, {"event_id": drop})
        self._events.pop(drop, None)
        if dropped.story_id is not None and dropped.story_id != kept.story_id:
            self._refresh_story_span(dropped.story_id)

    def _refresh_story_span(self, story_id: int) -> None:
        """Recompute a story's span from its events, or delete it when it has none left."""
        connection = self.session.connection()
        spans = list(connection.execute(_STORY_EVENT_SPANS, {"old": story_id}))
        if not spans:
            connection.execute(_DELETE_STORY, {"story_id": story_id})
            self._stories.pop(story_id, None)
            return
        first_seen = min(first for first, _ in spans)
        last_seen = max(last for _, last in spans)
        connection.execute(
            _UPDATE_STORY_SPAN,
            {"story_id": story_id, "first_seen": first_seen, "last_seen": last_seen},
        )
        story = self._stories.get(story_id)
        if story is not None:
            story.first_seen, story.last_seen = first_seen, last_seen

    def set_story(
        self, *, event: EventRow, story_id: int, merged: Sequence[int], title: str
    ) -> None:
        """Put an event into a story (created when new); fold merged stories into it.

        Args:
            event: the event as `attach` returned it.
            story_id: the story's key.
            merged: keys of stories merged into this one (their events move, the stories go).
            title: the story's title when it is new.
        """
        connection = self.session.connection()
        story = self._story(story_id)
        if story is None:
            story = _StoryRow(story_id, event.first_seen, event.last_seen)
            connection.execute(
                _INSERT_STORY,
                {
                    "id": story_id,
                    "title": title,
                    "first_seen": event.first_seen,
                    "last_seen": event.last_seen,
                },
            )
            self._stories[story_id] = story
        written = (story.first_seen, story.last_seen)
        if merged:  # one statement each for all the merged stories, not three per story
            olds = {"olds": list(merged)}
            first_seen, last_seen = connection.execute(_MERGED_SPANS, olds).one()
            if first_seen is not None:
                story.first_seen = min(story.first_seen, first_seen)
                story.last_seen = max(story.last_seen, last_seen)
            connection.execute(_MOVE_MERGED, {**olds, "new": story_id})
            gone = set(merged)
            for kept in self._events.values():
                if kept.story_id in gone:
                    kept.story_id = story_id
            connection.execute(_DELETE_MERGED, olds)
            for old in merged:
                self._stories.pop(old, None)
        story.first_seen = min(story.first_seen, event.first_seen)
        story.last_seen = max(story.last_seen, event.last_seen)
        if (story.first_seen, story.last_seen) != written:
            connection.execute(
                _UPDATE_STORY_SPAN,
                {
                    "story_id": story_id,
                    "first_seen": story.first_seen,
                    "last_seen": story.last_seen,
                },
            )
        if event.story_id != story_id:
            connection.execute(_SET_EVENT_STORY, {"event_id": event.id, "story_id": story_id})
            event.story_id = story_id

    def _event(self, event_id: int) -> EventRow | None:
        """The event as kept, or as stored (None when there is no such event)."""
        kept = self._events.get(event_id)
        if kept is not None:
            return kept
        connection = self.session.connection()
        row = connection.execute(_EVENT_BY_ID, {"event_id": event_id}).first()
        if row is None:
            return None
        key = {"event_id": event_id}
        sources: set[int] = set()
        unnamed: set[int] = set()
        for article_id, source_id, is_unnamed in connection.execute(_ARTICLE_SOURCES, key):
            if is_unnamed:
                unnamed.add(article_id)
            else:
                sources.add(source_id)
        for article_id, source_id in connection.execute(_COPY_SOURCES, key):
            sources.add(source_id)
            unnamed.discard(article_id)
        event = EventRow(event_id, row[0], row[1], row[2], row[3], sources, unnamed)
        self._events[event_id] = event
        return event

    def _story(self, story_id: int) -> _StoryRow | None:
        """The story as kept, or as stored (None when there is no such story)."""
        kept = self._stories.get(story_id)
        if kept is not None:
            return kept
        row = self.session.connection().execute(_STORY_BY_ID, {"story_id": story_id}).first()
        if row is None:
            return None
        story = _StoryRow(story_id, row[0], row[1])
        self._stories[story_id] = story
        return story
