"""Plain-text and JSON renderings of articles, events and search hits for the terminal."""

from __future__ import annotations

import json
import textwrap
from datetime import datetime
from typing import Any

from summarizer.values import Article
from summarizer.views import ArticleView, EventView, IngestReport, SearchHit


def iso(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z suffix."""
    return moment.isoformat().replace("+00:00", "Z")


def article_json(article: Article) -> str:
    """The `briefing article --json` line of one article."""
    return json.dumps(_article_dict(article), ensure_ascii=False)


def stored_json(view: ArticleView) -> str:
    """The `briefing article --id ID --json` line: the same keys plus id, event and original."""
    payload = {
        "id": view.id,
        **_article_dict(view),
        "event_id": view.event_id,
        "duplicate_of": view.duplicate_of,
    }
    return json.dumps(payload, ensure_ascii=False)


def _article_dict(article: Article | ArticleView) -> dict[str, Any]:
    return {
        "location": article.location,
        "title": article.title,
        "source": article.source,
        "published": iso(article.published),
        "published_estimated": article.published_estimated,
        "language": article.language,
        "body": article.body,
        "summary": list(article.summary),
    }


def article_text(article: Article | ArticleView) -> str:
    """A readable block for one article: title, source, time and summary bullets."""
    when = iso(article.published) + (" (estimated)" if article.published_estimated else "")
    bullets = "\n".join(_bullet(s) for s in article.summary) or "  (no summary)"
    return f"{article.title}\n  {article.source} · {when} · {article.language}\n{bullets}\n"


def stored_text(view: ArticleView) -> str:
    """A readable block for one stored article: its id and event, then as article_text."""
    event = f" · event {view.event_id}" if view.event_id is not None else ""
    return f"[{view.id}]{event} {article_text(view)}"


def event_dict(event: EventView) -> dict[str, Any]:
    """The JSON object of one event (the `briefing events --json` contract)."""
    return {
        "id": event.id,
        "story_id": event.story_id,
        "title": event.title,
        "first_seen": iso(event.first_seen),
        "last_seen": iso(event.last_seen),
        "importance": event.importance,
        "sources": list(event.sources),
        "articles": [
            {"id": a.id, "location": a.location, "title": a.title, "source": a.source}
            for a in event.articles
        ],
        "digest": [
            {"text": line.text, "article_id": line.article_id, "source": line.source}
            for line in event.digest
        ],
        "nothing_new": event.nothing_new,
    }


def event_text(event: EventView, *, rank: int | None = None) -> str:
    """A readable block for one event: headline, sources, span and digest."""
    head = f"{rank}. " if rank is not None else ""
    span = f"{iso(event.first_seen)} – {iso(event.last_seen)}"
    story = f" · story {event.story_id}" if event.story_id else ""
    lines = [
        f"{head}{event.title}",
        f"   event {event.id}{story} · {_count(len(event.articles), 'article')} · "
        f"{', '.join(event.sources)} · {span} · importance {event.importance:.2f}",
    ]
    if event.nothing_new:
        lines.append("   Nothing new since then.")
    lines.extend(_bullet(f"{line.text} [{line.source}]", indent=3) for line in event.digest)
    return "\n".join(lines) + "\n"


def hit_text(hit: SearchHit) -> str:
    """A readable search hit."""
    a = hit.article
    return f"[{a.id}] {a.title} — {a.source}, {iso(a.published)}\n    {hit.snippet}\n"


def hit_dict(hit: SearchHit) -> dict[str, Any]:
    """The JSON object of one search hit."""
    a = hit.article
    return {
        "id": a.id,
        "title": a.title,
        "source": a.source,
        "location": a.location,
        "published": iso(a.published),
        "snippet": hit.snippet,
        "rank": hit.rank,
    }


def report_dict(report: IngestReport) -> dict[str, Any]:
    """The JSON counts of an ingest run."""
    return {
        "new": report.new,
        "duplicate": report.duplicate,
        "failed": report.failed,
        "errors": list(report.errors),
        "failures": [
            {"location": f.location, "kind": f.kind, "error": f.message} for f in report.failures
        ],
        "skipped": list(report.skipped),
    }


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _bullet(text: str, indent: int = 2) -> str:
    pad = " " * indent
    return textwrap.fill(text, width=100, initial_indent=f"{pad}• ", subsequent_indent=f"{pad}  ")
