"""Data access for sources, articles, their near-duplicate copies and summaries."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from summarizer.errors import NotFoundError
from summarizer.store.models import Article, ArticleCopy, Source, SourceLine, Summary
from summarizer.views import ArticleRef, ArticleView


def source_id(*, session: Session, name: str) -> int:
    """Return the id of the source with this name, creating it when new."""
    name = name.strip()[:200] or "unknown"
    found = session.exec(select(Source.id).where(Source.name == name)).first()
    if found is not None:
        return found
    source = Source(name=name)
    session.add(source)
    session.flush()
    assert source.id is not None
    return source.id


def source_names(*, session: Session, ids: Sequence[int]) -> dict[int, str]:
    """Map source ids to names."""
    if not ids:
        return {}
    rows = session.exec(select(Source.id, Source.name).where(Source.id.in_(set(ids))))  # type: ignore[union-attr]
    return {row[0]: row[1] for row in rows if row[0] is not None}


def find_by_fingerprint(*, session: Session, fingerprint: str) -> int | None:
    """Return the id of the article or copy holding this exact text (copies map to the original)."""
    found = session.exec(select(Article.id).where(Article.fingerprint == fingerprint)).first()
    if found is not None:
        return found
    return session.exec(
        select(ArticleCopy.article_id).where(ArticleCopy.fingerprint == fingerprint)
    ).first()


def recent_bodies(*, session: Session, since: datetime) -> list[tuple[int, str]]:
    """(article id, body) of articles published at or after `since`."""
    rows = session.exec(select(Article.id, Article.body).where(Article.published >= since))
    return [(row[0], row[1]) for row in rows if row[0] is not None]


def save_summary(
    *, session: Session, article_id: int, method: str, length: str, sentences: Sequence[str]
) -> None:
    """Store (or replace) one summary of an article."""
    existing = session.exec(
        select(Summary).where(
            Summary.article_id == article_id, Summary.method == method, Summary.length == length
        )
    ).first()
    payload = json.dumps(list(sentences), ensure_ascii=False)
    if existing is None:
        session.add(
            Summary(article_id=article_id, method=method, length=length, sentences_json=payload)
        )
    else:
        existing.sentences_json = payload
        session.add(existing)


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
        )
        for row in rows
    ]


def line_history(*, session: Session, sources: Iterable[str]) -> dict[str, dict[str, int]]:
    """Per source name, stored article counts per line key (see summarizer.ingest.furniture)."""
    names = set(sources)
    if not names:
        return {}
    rows = session.exec(
        select(Source.name, SourceLine.line_key, SourceLine.articles)
        .join(SourceLine, col(SourceLine.source_id) == col(Source.id))
        .where(col(Source.name).in_(names))
    )
    history: dict[str, dict[str, int]] = {}
    for name, key, articles in rows:
        history.setdefault(name, {})[key] = articles
    return history


def add_line_counts(*, session: Session, counts: Mapping[str, Mapping[str, int]]) -> None:
    """Add per-source line-key counts of newly stored articles."""
    for name, keys in counts.items():
        source = source_id(session=session, name=name)
        existing = {
            row.line_key: row
            for row in session.exec(
                select(SourceLine).where(
                    SourceLine.source_id == source, col(SourceLine.line_key).in_(list(keys))
                )
            )
        }
        for key, count in keys.items():
            row = existing.get(key) or SourceLine(source_id=source, line_key=key)
            row.articles += count
            session.add(row)
    session.flush()
