"""Plain-text and JSON renderings of articles, events and search hits for the terminal."""

from __future__ import annotations

import json
import textwrap
from datetime import datetime
from typing import Any, Protocol

from summarizer.values import Article
from summarizer.views import (
    ArticleView,
    DigestLine,
    EventView,
    IngestReport,
    SearchHit,
    StoryView,
    shown_outlet,
)


def iso(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z suffix."""
    return moment.isoformat().replace("+00:00", "Z")


def stamp(moment: datetime, *, date_only: bool = False) -> str:
    """ISO 8601 of a published time: the day alone ("2026-03-15") when no time of day is known."""
    return moment.date().isoformat() if date_only else iso(moment)


def when(moment: datetime, *, estimated: bool = False, date_only: bool = False) -> str:
    """A published time for reading: to the minute (an ingestion time's seconds and
    microseconds say nothing about when the article appeared), marked "(estimated)" when it is
    a guess. JSON keeps the exact time (see stamp)."""
    shown = stamp(moment.replace(second=0, microsecond=0), date_only=date_only)
    return shown + (" (estimated)" if estimated else "")


class _Published(Protocol):
    """Anything published: articles, their references and views, digest lines."""

    @property
    def published(self) -> datetime | None: ...

    @property
    def published_estimated(self) -> bool: ...

    @property
    def published_date_only(self) -> bool: ...


def _published(item: _Published) -> dict[str, Any]:
    """The JSON fields of a published time: `published` (see stamp; None when not known) and
    `published_estimated`, in that order."""
    moment = item.published
    return {
        "published": None if moment is None else stamp(moment, date_only=item.published_date_only),
        "published_estimated": item.published_estimated,
    }


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
        **_published(article),
        "language": article.language,
        "body": article.body,
        "summary": list(article.summary),
    }


def article_text(article: Article | ArticleView) -> str:
    """A readable block for one article: title, source, time and summary bullets."""
    published = when(
        article.published,
        estimated=article.published_estimated,
        date_only=article.published_date_only,
    )
    bullets = "\n".join(_bullet(s) for s in article.summary) or "  (no summary)"
    source = shown_outlet(article.source)
    return f"{article.title}\n  {source} · {published} · {article.language}\n{bullets}\n"


def line_dict(line: DigestLine) -> dict[str, Any]:
    """The JSON object of one digest line (events and stories alike)."""
    return {
        "text": line.text,
        "article_id": line.article_id,
        "source": line.source,
        "event_id": line.event_id,
        **_published(line),
    }


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
        "first_seen": stamp(event.first_seen, date_only=event.first_seen_date_only),
        "first_seen_estimated": event.first_seen_estimated,
        "last_seen": stamp(event.last_seen, date_only=event.last_seen_date_only),
        "last_seen_estimated": event.last_seen_estimated,
        "importance": event.importance,
        "sources": list(event.sources),
        "articles": [
            {
                "id": a.id,
                "location": a.location,
                "title": a.title,
                "source": a.source,
                **_published(a),
            }
            for a in event.articles
        ],
        "digest": [line_dict(line) for line in event.digest],
        "nothing_new": event.nothing_new,
    }


def event_text(event: EventView, *, rank: int | None = None) -> str:
    """A readable block for one event: headline, sources, span and digest."""
    head = f"{rank}. " if rank is not None else ""
    first = when(
        event.first_seen,
        estimated=event.first_seen_estimated,
        date_only=event.first_seen_date_only,
    )
    last = when(
        event.last_seen, estimated=event.last_seen_estimated, date_only=event.last_seen_date_only
    )
    span = first if (first == last) else f"{first} – {last}"
    story = f" · story {event.story_id}" if event.story_id else ""
    lines = [
        f"{head}{event.title}",
        f"   event {event.id}{story} · {_count(len(event.articles), 'article')} · "
        f"{_outlets(event.sources)} · {span} · importance {event.importance:.2f}",
    ]
    if event.nothing_new:
        lines.append("   Nothing new since then.")
    for line in event.digest:
        lines.append(_bullet(f"{line.text} [{shown_outlet(line.source)}]", indent=3))
    return "\n".join(lines) + "\n"


def story_dict(story: StoryView) -> dict[str, Any]:
    """The JSON object of one story: its digest, then its events (`briefing story --json`)."""
    return {
        "id": story.id,
        "title": story.title,
        "digest": [line_dict(line) for line in story.digest],
        "events": [event_dict(e) for e in story.events],
    }


def story_text(story: StoryView) -> str:
    """A readable story: its title, the dated digest of all its events, then the timeline."""
    parts = [f"Story {story.id}: {story.title}", ""]
    if story.digest:
        parts.append("What happened:")
        for line in story.digest:
            date = ""
            if line.published is not None:
                date = when(
                    line.published,
                    estimated=line.published_estimated,
                    date_only=True,
                )
                date += " · "
            parts.append(_bullet(f"{date}{line.text} [{shown_outlet(line.source)}]"))
        parts.append("")
    parts.append("Timeline:" if story.events else "No events in this story yet.")
    parts.extend(event_text(event) for event in story.events)
    return "\n".join(parts)


def hit_text(hit: SearchHit) -> str:
    """A readable search hit."""
    a = hit.article
    published = when(a.published, estimated=a.published_estimated, date_only=a.published_date_only)
    return f"[{a.id}] {a.title} — {shown_outlet(a.source)}, {published}\n    {hit.snippet}\n"


def hit_dict(hit: SearchHit) -> dict[str, Any]:
    """The JSON object of one search hit."""
    a = hit.article
    return {
        "id": a.id,
        "title": a.title,
        "source": a.source,
        "location": a.location,
        **_published(a),
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


def _outlets(names: tuple[str, ...]) -> str:
    return ", ".join(shown_outlet(name) for name in names) or "no outlet"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _bullet(text: str, indent: int = 2) -> str:
    pad = " " * indent
    return textwrap.fill(text, width=100, initial_indent=f"{pad}• ", subsequent_indent=f"{pad}  ")
