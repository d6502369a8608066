"""Render domain views as Telegram HTML in a chat's language; all article text is escaped here."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from html import escape
from zoneinfo import ZoneInfo

from bot import texts
from bot.i18n import Html, Translator, translator
from summarizer.views import (
    ArticleRef,
    ArticleView,
    DigestLine,
    EventView,
    FeedStatus,
    SearchHit,
    StoryView,
    shown_outlet,
)

logger = logging.getLogger(__name__)

BULLET = "•"
# A digest of more lines (or characters) than this is folded into an expandable blockquote.
FOLD_LINES = 4
FOLD_CHARS = 900
# A briefing whose newest event is older than this says how old its news is.
OLD_NEWS = timedelta(days=2)
MAX_LINK_BUTTONS = 8


def esc(text: object) -> str:
    """Escape any value for Telegram HTML text (&, < and >)."""
    return escape(str(text), quote=False)


# The longest address linked or put on a button (ingest caps fetched ones at this too): a
# longer one is left out, since a cut address leads nowhere and a tag longer than a message,
# or a button Telegram refuses, would stop the whole message.
MAX_LINK_URL = 2_000


def is_web(url: str) -> bool:
    """Tell whether an address can be opened in a browser (http or https, not too long)."""
    return url.startswith(("http://", "https://")) and len(url) <= MAX_LINK_URL


def link(title: str, url: str) -> str:
    """Return an <a> link for web addresses (is_web, escaped within MAX_LINK_URL), else the
    escaped title alone."""
    href = escape(url, quote=True)
    if is_web(url) and len(href) <= MAX_LINK_URL:
        return f'<a href="{href}">{esc(title)}</a>'
    return esc(title)


def _english(tr: Translator | None) -> Translator:
    return tr if tr is not None else translator(None)


def when(moment: datetime, zone: str = "UTC") -> str:
    """Format an instant in a chat's zone with its year, e.g. '23 Nov 2026 14:05' (in UTC at
    the calendar's ends)."""
    try:
        local = moment.astimezone(ZoneInfo(zone))
    except OverflowError:  # a stored 0001-01-01 has no local time west of UTC
        local = moment
    return local.strftime("%d %b %Y %H:%M")


def dated(
    moment: datetime,
    zone: str = "UTC",
    *,
    estimated: bool = False,
    date_only: bool = False,
    tr: Translator | None = None,
) -> str:
    """A published time: the day alone when no time is known, marked when it is a guess."""
    tr = _english(tr)
    try:
        text = tr.day(moment) if date_only else tr.dated(moment, zone)
    except (OverflowError, ValueError):  # a stored 0001-01-01 has no local time west of UTC
        text = when(moment, zone)
    return tr.text(texts.ESTIMATED, when=text) if estimated else text


def _first(event: EventView, zone: str, tr: Translator | None) -> str:
    return dated(
        event.first_seen,
        zone,
        estimated=event.first_seen_estimated,
        date_only=event.first_seen_date_only,
        tr=tr,
    )


def _last(event: EventView, zone: str, tr: Translator | None) -> str:
    return dated(
        event.last_seen,
        zone,
        estimated=event.last_seen_estimated,
        date_only=event.last_seen_date_only,
        tr=tr,
    )


def _span(event: EventView, zone: str, tr: Translator | None) -> str:
    return f"{_first(event, zone, tr)} – {_last(event, zone, tr)}"


def outlet_links(event: EventView) -> dict[str, str]:
    """Each outlet of the event with a web address: the address of its first article there."""
    found: dict[str, str] = {}
    for article in event.articles:
        if is_web(article.location):
            found.setdefault(article.source, article.location)
    return found


def outlet(name: str, tr: Translator | None = None) -> str:
    """An outlet's name for reading: "outlet unknown" (translated) when no input named one."""
    return shown_outlet(name, _english(tr).text(texts.OUTLET_UNKNOWN))


def _sources(event: EventView, tr: Translator | None) -> str:
    count = len(event.sources)
    urls = outlet_links(event)
    names = ", ".join(link(outlet(s, tr), urls.get(s, "")) for s in event.sources[:4])
    more = f" +{count - 4}" if count > 4 else ""
    return _english(tr).plural(texts.SOURCE_COUNT, count, names=Html(names + more))


def event_line(
    rank: int, event: EventView, zone: str = "UTC", *, tr: Translator | None = None
) -> str:
    """One ranked line of /events: rank, title, sources, last update and the /event command."""
    return (
        f"<b>{rank}. {esc(event.title)}</b>\n"
        f"{_sources(event, tr)} · {_last(event, zone, tr)} · /event {event.id}"
    )


def digest_lines(
    event: EventView, limit: int | None = None, *, tr: Translator | None = None
) -> str:
    """The event's digest as bullet lines, each with its outlet in italics, linked to the
    article the line comes from when it has a web address; a long digest is folded into an
    expandable blockquote."""
    lines = event.digest if limit is None else event.digest[:limit]
    urls = {a.id: a.location for a in event.articles}
    text = "\n".join(
        f"{BULLET} {esc(d.text)} <i>({link(outlet(d.source, tr), urls.get(d.article_id, ''))})</i>"
        for d in lines
    )
    if len(lines) > FOLD_LINES or len(text) > FOLD_CHARS:
        return f"<blockquote expandable>{text}</blockquote>"
    return text


def link_buttons(event: EventView, tr: Translator | None = None) -> list[tuple[str, str]]:
    """(label, address) of a button to the original article for each outlet with a web address."""
    tr = _english(tr)
    return [
        (tr.text(texts.READ_BUTTON, source=Html(outlet(source, tr)[:40])), url)
        for source, url in list(outlet_links(event).items())[:MAX_LINK_BUTTONS]
    ]


def event_full(event: EventView, zone: str = "UTC", *, tr: Translator | None = None) -> str:
    """The full digest of one event with its sources and article links."""
    tr = _english(tr)
    parts = [
        f"<b>{esc(event.title)}</b>",
        f"{_span(event, zone, tr)} · {_sources(event, tr)}",
    ]
    if event.nothing_new:
        parts.append(tr.text(texts.NOTHING_NEW_IN_EVENT))
    if event.digest:
        parts.append(digest_lines(event, tr=tr))
    if event.articles:
        parts.append(tr.text(texts.SOURCES_TITLE) + "\n" + articles_list(event.articles, tr=tr))
    if event.story_id is not None:
        parts.append(tr.text(texts.PART_OF_STORY, id=event.story_id))
    return "\n\n".join(parts)


def articles_list(articles: Sequence[ArticleRef], *, tr: Translator | None = None) -> str:
    """Bullet list of articles: linked title, outlet and the /article command."""
    return "\n".join(
        f"{BULLET} {link(a.title, a.location)} <i>({esc(outlet(a.source, tr))})</i> /article {a.id}"
        for a in articles
    )


def sources_of(event: EventView, *, tr: Translator | None = None) -> str:
    """The articles behind one event (the 'sources' button)."""
    title = _english(tr).text(texts.SOURCES_OF, title=event.title)
    return title + "\n" + articles_list(event.articles, tr=tr)


def events_page(
    events: Sequence[EventView], first_rank: int, zone: str = "UTC", *, tr: Translator | None = None
) -> str:
    """A page of the ranked event list."""
    tr = _english(tr)
    if not events:
        return tr.text(texts.NO_EVENTS_YET)
    lines = _each_shown(events, lambda i, e: event_line(first_rank + i, e, zone, tr=tr))
    return tr.text(texts.TOP_EVENTS) + "\n\n" + "\n\n".join(lines)


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
    tr: Translator | None = None,
) -> str:
    """A briefing: the top events with their digests, when each happened and links to the
    originals, or a line saying nothing is new; a briefing of old news says how old it is."""
    tr = _english(tr)
    header = tr.text(texts.BRIEFING_TITLE, when=tr.when(now, zone))
    if not events:
        if since is None:
            return f"{header}\n\n{tr.text(texts.NO_NEWS_YET)}"
        return f"{header}\n\n{tr.text(texts.NOTHING_NEW_SINCE, when=tr.when(since, zone))}"
    newest = max(e.last_seen for e in events)
    if now - newest > OLD_NEWS:
        header += "\n" + tr.plural(texts.NEWS_AGE, (now - newest).days)

    def block(index: int, event: EventView) -> str:
        text = f"<b>{index + 1}. {esc(event.title)}</b>"
        if event.digest:
            text += "\n" + digest_lines(event, digest_limit, tr=tr)
        return (
            text + f"\n<i>{_sources(event, tr)}</i> · {_last(event, zone, tr)} · /event {event.id}"
        )

    return "\n\n".join([header, *_each_shown(events, block)])


def story(view: StoryView, zone: str = "UTC", *, tr: Translator | None = None) -> str:
    """A story: what happened (its dated, sourced digest), then its events in time order."""
    tr = _english(tr)
    parts = [tr.text(texts.STORY_TITLE, title=view.title)]
    if view.digest:
        urls = {a.id: a.location for e in view.events for a in e.articles}
        parts.append(
            "\n".join(
                f"{BULLET} {_line_date(d, zone, tr)}{esc(d.text)} "
                f"<i>({link(outlet(d.source, tr), urls.get(d.article_id, ''))})</i>"
                for d in view.digest
            )
        )
    timeline = [f"{_first(e, zone, tr)} · {esc(e.title)} · /event {e.id}" for e in view.events]
    parts.append(
        "\n".join([tr.text(texts.TIMELINE), *timeline])
        if timeline
        else tr.text(texts.NO_EVENTS_IN_STORY)
    )
    return "\n\n".join(parts)


def _line_date(line: DigestLine, zone: str, tr: Translator) -> str:
    if line.published is None:
        return ""
    moment = dated(line.published, zone, estimated=line.published_estimated, date_only=True, tr=tr)
    return moment + " · "


def article(view: ArticleView, zone: str = "UTC", *, tr: Translator | None = None) -> str:
    """One article: linked title, outlet, date and summary."""
    tr = _english(tr)
    published = dated(
        view.published,
        zone,
        estimated=view.published_estimated,
        date_only=view.published_date_only,
        tr=tr,
    )
    parts = [
        f"<b>{link(view.title, view.location)}</b>",
        f"{esc(outlet(view.source, tr))} · {published}",
    ]
    if view.summary:
        parts.append("\n".join(f"{BULLET} {esc(s)}" for s in view.summary))
    if view.event_id is not None:
        parts.append(tr.text(texts.EVENT_LINK, id=view.event_id))
    return "\n\n".join(parts)


def search(query: str, hits: Sequence[SearchHit], *, tr: Translator | None = None) -> str:
    """Search hits with snippets."""
    tr = _english(tr)
    if not hits:
        return tr.text(texts.NOTHING_FOUND, query=query)
    lines = [tr.text(texts.RESULTS_FOR, query=query)]
    for hit in hits:
        lines.append(
            f"{BULLET} {link(hit.article.title, hit.article.location)} "
            f"<i>({esc(outlet(hit.article.source, tr))})</i> /article {hit.article.id}\n"
            f"{esc(hit.snippet)}"
        )
    return "\n\n".join(lines)


def counts(title: str, values: Mapping[str, int]) -> str:
    """A titled list of counts (for /stats)."""
    rows = "\n".join(f"{esc(k)}: <b>{v}</b>" for k, v in values.items())
    return f"<b>{esc(title)}</b>\n{rows}"


def feed_status(feed: FeedStatus, zone: str = "UTC", *, tr: Translator | None = None) -> str:
    """One feed of /sources: its address, then how its polls go (last error and next try)."""
    tr = _english(tr)
    name = f"{esc(feed.title)} — {esc(feed.url)}" if feed.title else esc(feed.url)
    if feed.polling_by:
        state = tr.text(texts.FEED_POLLING_NOW)
    elif feed.failures:
        state = tr.text(texts.FEED_FAILING, count=feed.failures)
        if feed.next_poll:
            state += "; " + tr.text(texts.FEED_NEXT_TRY, when=tr.when(feed.next_poll, zone))
        state += f"\n  {esc(feed.last_error[:300])}"
    elif feed.last_polled is None:
        state = tr.text(texts.FEED_NOT_POLLED)
    else:
        state = tr.text(texts.FEED_POLLED, when=tr.when(feed.last_polled, zone))
        if feed.next_poll:
            state += ", " + tr.text(texts.FEED_NEXT, when=tr.when(feed.next_poll, zone))
    every = ""
    if feed.interval_minutes is not None:
        every = " (" + tr.text(texts.FEED_EVERY, minutes=f"{feed.interval_minutes:g}") + ")"
    return f"{BULLET} {name}{every}\n  {state}"
