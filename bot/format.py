"""Render domain views as Telegram HTML; every piece of article text is escaped here."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from summarizer.views import (
    ArticleRef,
    ArticleView,
    DigestLine,
    EventView,
    FeedStatus,
    SearchHit,
    StoryView,
)

logger = logging.getLogger(__name__)

BULLET = "•"


def esc(text: object) -> str:
    """Escape any value for Telegram HTML text (&, < and >)."""
    return escape(str(text), quote=False)


# The longest address linked (ingest caps fetched ones at this too): a longer one is left out,
# since a cut address leads nowhere and a tag longer than a message cannot be sent at all.
MAX_LINK_URL = 2_000


def link(title: str, url: str) -> str:
    """Return an <a> link for http(s) URLs of at most MAX_LINK_URL, else the escaped title."""
    href = escape(url, quote=True)
    if url.startswith(("http://", "https://")) and len(href) <= MAX_LINK_URL:
        return f'<a href="{href}">{esc(title)}</a>'
    return esc(title)


def when(moment: datetime, zone: str = "UTC") -> str:
    """Format an instant in a chat's zone, e.g. '23 Nov 14:05' (in UTC at the calendar's ends)."""
    try:
        local = moment.astimezone(ZoneInfo(zone))
    except OverflowError:  # a stored 0001-01-01 has no local time west of UTC
        local = moment
    return local.strftime("%d %b %H:%M")


def dated(
    moment: datetime, zone: str = "UTC", *, estimated: bool = False, date_only: bool = False
) -> str:
    """A published time: the day alone when no time is known, marked when it is a guess."""
    text = moment.strftime("%d %b %Y") if date_only else when(moment, zone)
    return f"{text} (estimated)" if estimated else text


def _first(event: EventView, zone: str) -> str:
    return dated(
        event.first_seen,
        zone,
        estimated=event.first_seen_estimated,
        date_only=event.first_seen_date_only,
    )


def _last(event: EventView, zone: str) -> str:
    return dated(
        event.last_seen,
        zone,
        estimated=event.last_seen_estimated,
        date_only=event.last_seen_date_only,
    )


def _span(event: EventView, zone: str) -> str:
    return f"{_first(event, zone)} – {_last(event, zone)}"


def _sources(event: EventView) -> str:
    count = len(event.sources)
    names = ", ".join(esc(s) for s in event.sources[:4])
    more = f" +{count - 4}" if count > 4 else ""
    return f"{count} source{'s' if count != 1 else ''}: {names}{more}"


def event_line(rank: int, event: EventView, zone: str = "UTC") -> str:
    """One ranked line of /events: rank, title, sources, last update and the /event command."""
    return (
        f"<b>{rank}. {esc(event.title)}</b>\n"
        f"{_sources(event)} · {_last(event, zone)} · /event {event.id}"
    )


def digest_lines(event: EventView, limit: int | None = None) -> str:
    """The event's digest as bullet lines, each with its outlet in italics."""
    lines = event.digest if limit is None else event.digest[:limit]
    return "\n".join(f"{BULLET} {esc(d.text)} <i>({esc(d.source)})</i>" for d in lines)


def event_full(event: EventView, zone: str = "UTC") -> str:
    """The full digest of one event with its sources and article links."""
    parts = [
        f"<b>{esc(event.title)}</b>",
        f"{_span(event, zone)} · {_sources(event)}",
    ]
    if event.nothing_new:
        parts.append("<i>Nothing new since your last briefing.</i>")
    if event.digest:
        parts.append(digest_lines(event))
    if event.articles:
        parts.append("<b>Sources</b>\n" + articles_list(event.articles))
    if event.story_id is not None:
        parts.append(f"Part of story /story {event.story_id}")
    return "\n\n".join(parts)


def articles_list(articles: Sequence[ArticleRef]) -> str:
    """Bullet list of articles: linked title, outlet and the /article command."""
    return "\n".join(
        f"{BULLET} {link(a.title, a.location)} <i>({esc(a.source)})</i> /article {a.id}"
        for a in articles
    )


def sources_of(event: EventView) -> str:
    """The articles behind one event (the 'sources' button)."""
    return f"<b>Sources of {esc(event.title)}</b>\n" + articles_list(event.articles)


def events_page(events: Sequence[EventView], first_rank: int, zone: str = "UTC") -> str:
    """A page of the ranked event list."""
    if not events:
        return "No events yet. Admins can add feeds with /sources add URL."
    lines = _each_shown(events, lambda i, e: event_line(first_rank + i, e, zone))
    return "<b>Top events</b>\n\n" + "\n\n".join(lines)


def _each_shown(events: Sequence[EventView], render: Callable[[int, EventView], str]) -> list[str]:
    """Render each event; one that cannot be rendered is logged and left out, never the rest."""
    shown = []
    for index, event in enumerate(events):
        try:
            shown.append(render(index, event))
        except Exception:
            logger.exception("event %s cannot be rendered; left out", event.id)
    return shown


def briefing(
    events: Sequence[EventView],
    *,
    now: datetime,
    zone: str = "UTC",
    since: datetime | None = None,
    digest_limit: int = 3,
) -> str:
    """A briefing: the top events with their digests, or a line saying nothing is new."""
    header = f"<b>Briefing · {when(now, zone)}</b>"
    if not events:
        if since is None:
            return f"{header}\n\nNo news yet."
        return f"{header}\n\nNothing new since your last briefing ({when(since, zone)})."

    def block(index: int, event: EventView) -> str:
        text = f"<b>{index + 1}. {esc(event.title)}</b>"
        if event.digest:
            text += "\n" + digest_lines(event, digest_limit)
        return text + f"\n<i>{_sources(event)}</i> · /event {event.id}"

    return "\n\n".join([header, *_each_shown(events, block)])


def story(view: StoryView, zone: str = "UTC") -> str:
    """A story: what happened (its dated, sourced digest), then its events in time order."""
    parts = [f"<b>Story: {esc(view.title)}</b>"]
    if view.digest:
        parts.append(
            "\n".join(
                f"{BULLET} {_line_date(d, zone)}{esc(d.text)} <i>({esc(d.source)})</i>"
                for d in view.digest
            )
        )
    timeline = [f"{_first(e, zone)} · {esc(e.title)} · /event {e.id}" for e in view.events]
    parts.append(
        "\n".join(["<b>Timeline</b>", *timeline]) if timeline else "No events in this story yet."
    )
    return "\n\n".join(parts)


def _line_date(line: DigestLine, zone: str) -> str:
    if line.published is None:
        return ""
    return dated(line.published, zone, estimated=line.published_estimated, date_only=True) + " · "


def article(view: ArticleView, zone: str = "UTC") -> str:
    """One article: linked title, outlet, date and summary."""
    published = dated(
        view.published,
        zone,
        estimated=view.published_estimated,
        date_only=view.published_date_only,
    )
    parts = [
        f"<b>{link(view.title, view.location)}</b>",
        f"{esc(view.source)} · {published}",
    ]
    if view.summary:
        parts.append("\n".join(f"{BULLET} {esc(s)}" for s in view.summary))
    if view.event_id is not None:
        parts.append(f"Event: /event {view.event_id}")
    return "\n\n".join(parts)


def search(query: str, hits: Sequence[SearchHit]) -> str:
    """Search hits with snippets."""
    if not hits:
        return f"Nothing found for <b>{esc(query)}</b>."
    lines = [f"<b>Results for {esc(query)}</b>"]
    for hit in hits:
        lines.append(
            f"{BULLET} {link(hit.article.title, hit.article.location)} "
            f"<i>({esc(hit.article.source)})</i> /article {hit.article.id}\n{esc(hit.snippet)}"
        )
    return "\n\n".join(lines)


def counts(title: str, values: Mapping[str, int]) -> str:
    """A titled list of counts (for /stats)."""
    rows = "\n".join(f"{esc(k)}: <b>{v}</b>" for k, v in values.items())
    return f"<b>{esc(title)}</b>\n{rows}"


def feed_status(feed: FeedStatus, zone: str = "UTC") -> str:
    """One feed of /sources: its address, then how its polls go (last error and next try)."""
    name = f"{esc(feed.title)} — {esc(feed.url)}" if feed.title else esc(feed.url)
    if feed.polling_by:
        state = "polling now"
    elif feed.failures:
        retry = f"; next try {when(feed.next_poll, zone)}" if feed.next_poll else ""
        state = f"⚠ failed {feed.failures}× in a row{retry}\n  {esc(feed.last_error[:300])}"
    elif feed.last_polled is None:
        state = "not polled yet"
    else:
        upcoming = f", next {when(feed.next_poll, zone)}" if feed.next_poll else ""
        state = f"ok, polled {when(feed.last_polled, zone)}{upcoming}"
    every = f" (every {feed.interval_minutes:g} min)" if feed.interval_minutes is not None else ""
    return f"{BULLET} {name}{every}\n  {state}"
