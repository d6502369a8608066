"""Data access for sources, articles, their near-duplicate copies and summaries."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, insert, union_all, update
from sqlmodel import Session, select

from summarizer.errors import NotFoundError
from summarizer.outlets import outlet_key
from summarizer.store import tables
from summarizer.store.models import Article, Source, Summary
from summarizer.values import Article as ArticleValue
from summarizer.views import UNKNOWN_OUTLET, ArticleRef, ArticleView

# Ingest writes one article at a time: Core statements built once skip the ORM's per-call work.
_ARTICLES = tables.ARTICLES
_COPIES = tables.COPIES
_SOURCES = tables.SOURCES
_LINES = tables.LINES
_SOURCE_BY_NAME = select(_SOURCES.c.id).where(_SOURCES.c.name == bindparam("name"))
_INSERT_SOURCE = insert(_SOURCES)
_SOURCES_AFTER = (
    select(_SOURCES.c.id, _SOURCES.c.name)
    .where(_SOURCES.c.id > bindparam("after"))
    .order_by(_SOURCES.c.id)
)
_BY_FINGERPRINT = union_all(
    select(_ARTICLES.c.id).where(_ARTICLES.c.fingerprint == bindparam("fingerprint")),
    select(_COPIES.c.article_id).where(_COPIES.c.fingerprint == bindparam("fingerprint")),
)
_INSERT_ARTICLE = insert(_ARTICLES)
_INSERT_COPY = insert(_COPIES)
_INSERT_SUMMARY = insert(tables.SUMMARIES)
_LINES_OF_SOURCE = select(_LINES.c.line_key, _LINES.c.id).where(
    _LINES.c.source_id == bindparam("source_id"),
    _LINES.c.line_key.in_(bindparam("keys", expanding=True)),
)
_SOURCE_IDS = select(_SOURCES.c.name, _SOURCES.c.id).where(
    _SOURCES.c.name.in_(bindparam("names", expanding=True))
)
_LINE_COUNTS = select(_LINES.c.line_key, _LINES.c.articles).where(
    _LINES.c.source_id == bindparam("source_id"),
    _LINES.c.line_key.in_(bindparam("keys", expanding=True)),
)
_KEYS_PER_QUERY = 500  # bound parameters per statement stay well under every backend's limit
_GROW_LINE = (
    update(_LINES)
    .where(_LINES.c.id == bindparam("row_id"))
    .values(articles=_LINES.c.articles + bindparam("count"))
)


def stored_name(name: str) -> str:
    """The name a source is stored under (cut to the column; no name: UNKNOWN_OUTLET)."""
    return name.strip()[:200] or UNKNOWN_OUTLET


@dataclass(slots=True)
class SourceKeys:
    """The outlet key of the sources read so far (summarizer.outlets.outlet_key), each
    to the first source stored with it; `read` is the largest source id read.

    Sources are added, and the only ones ever removed (migration 0021, under the ingest lock)
    are later spellings of an outlet, merged into its first source, the one held here: each
    source is read once per holder, however many new names come, and none held goes.
    """

    ids: dict[str, int] = field(default_factory=dict)
    read: int = 0

    def find(self, connection: Connection, name: str) -> int | None:
        """The first stored source another spelling of `name` named (None when none), the
        sources stored since the last read read first."""
        self.refresh(connection)
        return self.lookup(name)

    def refresh(self, connection: Connection) -> None:
        """Read the sources stored since the last read."""
        for row_id, stored in connection.execute(_SOURCES_AFTER, {"after": self.read}):
            self.read = max(self.read, int(row_id))
            if stored != UNKNOWN_OUTLET:
                self.ids.setdefault(outlet_key(stored), int(row_id))

    def lookup(self, name: str) -> int | None:
        """The first source read that another spelling of `name` named (None when none)."""
        if name == UNKNOWN_OUTLET:  # an unnamed input is no spelling of a named outlet
            return None
        return self.ids.get(outlet_key(name))


def source_id(*, session: Session, name: str, keys: SourceKeys) -> int:
    """Return the id of the source of this outlet, creating it when new.

    The source with this exact name (an indexed lookup), else the first one stored under
    another spelling of the outlet ("WIRED" joins "Wired", whose name stays), else a new one.

    Args:
        session: the session.
        name: the outlet's name as the input gave it.
        keys: the sources' keys as read so far, kept by the caller across its lookups (and
            dropped after a rollback): a new exact name reads only the sources stored since
            the last read, where a new SourceKeys reads the whole table once.
    """
    name = stored_name(name)
    connection = session.connection()
    found = connection.execute(_SOURCE_BY_NAME, {"name": name}).scalar()
    if found is not None:
        return int(found)
    found = keys.find(connection, name)
    if found is not None:
        return found
    created = connection.execute(_INSERT_SOURCE, {"name": name}).inserted_primary_key
    assert created is not None
    return int(created[0])


def source_names(*, session: Session, ids: Sequence[int]) -> dict[int, str]:
    """Map source ids to names."""
    if not ids:
        return {}
    rows = session.exec(select(Source.id, Source.name).where(Source.id.in_(set(ids))))  # type: ignore[union-attr]
    return {row[0]: row[1] for row in rows if row[0] is not None}


def find_by_fingerprint(*, session: Session, fingerprint: str) -> int | None:
    """Return the id of the article or copy holding this exact text (copies map to the original)."""
    # A text is stored once, as an article or as a copy: at most one row matches.
    found = session.connection().execute(_BY_FINGERPRINT, {"fingerprint": fingerprint}).scalar()
    return None if found is None else int(found)


def insert_article(
    *, session: Session, article: ArticleValue, source_id: int, features: str | None = None
) -> int:
    """Store a new article (without its event) and return its id.

    Args:
        session: the ingest session.
        article: the article.
        source_id: its source.
        features: its event features as stored (`summarizer.store.features.features_json`).
    """
    created = (
        session.connection()
        .execute(
            _INSERT_ARTICLE,
            {
                "title": article.title,
                "body": article.body,
                "source_id": source_id,
                "location": article.location,
                "published": article.published,
                "published_estimated": article.published_estimated,
                "published_date_only": article.published_date_only,
                "language": article.language,
                "fingerprint": article.fingerprint,
                "features": features,
            },
        )
        .inserted_primary_key
    )
    assert created is not None
    return int(created[0])


def insert_copy(
    *, session: Session, article_id: int, source_id: int, article: ArticleValue, similarity: float
) -> None:
    """Store a near-duplicate of a stored article as its copy."""
    session.connection().execute(
        _INSERT_COPY,
        {
            "article_id": article_id,
            "source_id": source_id,
            "location": article.location,
            "fingerprint": article.fingerprint,
            "similarity": similarity,
        },
    )


def add_summary(
    *, session: Session, article_id: int, method: str, length: str, sentences: Sequence[str]
) -> None:
    """Store the first summary of a new article for one method and length."""
    session.connection().execute(
        _INSERT_SUMMARY,
        {
            "article_id": article_id,
            "method": method,
            "length": length,
            "sentences_json": json.dumps(list(sentences), ensure_ascii=False),
        },
    )


def latest_summary(*, session: Session, article_id: int) -> tuple[str, ...]:
    """The most recent stored summary of an article (empty when none)."""
    row = session.exec(
        select(Summary.sentences_json)
        .where(Summary.article_id == article_id)
        .order_by(Summary.id.desc())  # type: ignore[union-attr]
    ).first()
    return tuple(json.loads(row)) if row else ()


def article_view(*, session: Session, article_id: int) -> ArticleView:
    """Load one article with its source name and summary.

    Raises:
        NotFoundError: no article has this id.
    """
    article = session.get(Article, article_id)
    if article is None or article.id is None:
        raise NotFoundError(f"no article with id {article_id}")
    names = source_names(session=session, ids=[article.source_id])
    return ArticleView(
        id=article.id,
        title=article.title,
        source=names.get(article.source_id, ""),
        location=article.location,
        published=article.published,
        published_estimated=article.published_estimated,
        published_date_only=article.published_date_only,
        language=article.language,
        body=article.body,
        summary=latest_summary(session=session, article_id=article.id),
        event_id=article.event_id,
    )


def article_refs(*, session: Session, ids: Sequence[int]) -> list[ArticleRef]:
    """ArticleRefs for ids, in publication order."""
    if not ids:
        return []
    rows = session.exec(
        select(Article)
        .where(Article.id.in_(set(ids)))  # type: ignore[union-attr]
        .order_by(Article.published, Article.id)  # type: ignore[arg-type]
    ).all()
    names = source_names(session=session, ids=[row.source_id for row in rows])
    return [
        ArticleRef(
            id=row.id or 0,
            title=row.title,
            source=names.get(row.source_id, ""),
            location=row.location,
            published=row.published,
            published_estimated=row.published_estimated,
            published_date_only=row.published_date_only,
        )
        for row in rows
    ]


def line_history(
    *, session: Session, wanted: Mapping[str, Iterable[str]], keys: SourceKeys
) -> dict[str, dict[str, int]]:
    """Stored article counts of some line keys per source name (see summarizer.ingest.furniture).

    Args:
        session: the session.
        wanted: per source name, the line keys to read (a batch's lines): an indexed lookup
            of each, however many lines the sources have gathered. A name is read from the
            source `source_id` gives it (another spelling's when it has none of its own).
        keys: the sources' keys as read so far (see `source_id`).
    """
    names = [name for name, lines in wanted.items() if lines]
    if not names:
        return {}
    connection = session.connection()
    stored = {stored_name(name) for name in names}
    found: dict[str, int] = {
        str(name): int(source)
        for name, source in connection.execute(_SOURCE_IDS, {"names": sorted(stored)})
    }
    missing = sorted(stored - set(found))
    if missing:  # read the sources stored since the last read once, then look each name up
        keys.refresh(connection)
        for name in missing:
            spelled = keys.lookup(name)
            if spelled is not None:
                found[name] = spelled
    ids = {name: found[stored_name(name)] for name in names if stored_name(name) in found}
    history: dict[str, dict[str, int]] = {}
    for name, source in ids.items():
        line_keys = sorted(set(wanted[name]))
        for start in range(0, len(line_keys), _KEYS_PER_QUERY):
            rows = connection.execute(
                _LINE_COUNTS,
                {"source_id": source, "keys": line_keys[start : start + _KEYS_PER_QUERY]},
            )
            history.setdefault(name, {}).update({key: count for key, count in rows})
    return history


def add_line_counts(*, session: Session, counts: Mapping[int, Mapping[str, int]]) -> None:
    """Add line-key counts of newly stored articles, per source id."""
    connection = session.connection()
    added: list[dict[str, object]] = []
    grown: list[dict[str, object]] = []
    for source, keys in counts.items():
        listed = list(keys)
        existing: dict[str, int] = {}
        for start in range(0, len(listed), _KEYS_PER_QUERY):
            part = listed[start : start + _KEYS_PER_QUERY]
            rows = connection.execute(_LINES_OF_SOURCE, {"source_id": source, "keys": part})
            existing.update({key: row_id for key, row_id in rows})
        for key, count in keys.items():
            if key in existing:
                grown.append({"row_id": existing[key], "count": count})
            else:
                added.append({"source_id": source, "line_key": key, "articles": count})
    if added:
        connection.execute(insert(_LINES), added)
    if grown:
        connection.execute(_GROW_LINE, grown)
