"""Reading commands: /brief, /events (with buttons), /event, /story, /article, /search."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from bot import format as fmt
from bot.handlers.common import Context, chat_view, int_arg, parse_id, reply, usage
from bot.runtime import runtime_of
from summarizer.errors import NotFoundError
from summarizer.store.chat_tables import ChatInfo
from summarizer.views import EventView

V = TypeVar("V")
MAX_QUERY_CHARS = 200  # of a /search (the store also caps its words: summarizer.store.search)


async def brief(update: Update, context: Context) -> None:
    """Send the briefing now: the top events with their digests."""
    rt = runtime_of(context)
    chat = await chat_view(update, rt)
    events = await rt.domain(
        rt.service.top_events,
        limit=rt.settings.events_per_briefing,
        words=chat.words or rt.settings.digest_words,
        topics=chat.topics,
    )
    await reply(update, context, fmt.briefing(events, now=rt.now(), zone=chat.timezone))


async def _page(context: Context, page: int, zone: str) -> tuple[str, InlineKeyboardMarkup]:
    """Render page `page` (from 0) of the ranked events, clamped to the last page there is.

    Only the page's events (and one more, to know whether a next page exists) are built:
    a far page costs a ranking and six views, never the whole list.
    """
    rt = runtime_of(context)
    size = max(1, rt.settings.events_page_size)
    total = await rt.domain(rt.service.event_count)
    last = max(0, (total - 1) // size)
    asked, page = page, min(page, last)
    ranked = await rt.domain(rt.service.top_events, limit=size + 1, offset=page * size)
    shown = ranked[:size]
    rows = [
        [
            InlineKeyboardButton(f"More {page * size + i + 1}", callback_data=f"more:{e.id}"),
            InlineKeyboardButton("Sources", callback_data=f"src:{e.id}"),
        ]
        for i, e in enumerate(shown)
    ]
    paging = []
    if page > 0:
        paging.append(InlineKeyboardButton("« Prev", callback_data=f"page:{page - 1}"))
    if len(ranked) > size:
        paging.append(InlineKeyboardButton("Next »", callback_data=f"page:{page + 1}"))
    if paging:
        rows.append(paging)
    text = fmt.events_page(shown, page * size + 1, zone)
    if asked > page and total > 0:
        text += f"\n\n<i>There is no page {asked + 1}: this is the last one.</i>"
    elif page == last and page > 0:
        text += "\n\n<i>This is the last page.</i>"
    return text, InlineKeyboardMarkup(rows)


def _page_index(value: str) -> int | None:
    """The page (from 0) of a `page:N` button, or None when N is not ASCII digits."""
    return 0 if value == "0" else parse_id(value)


async def events(update: Update, context: Context) -> None:
    """List the top events, ranked, with buttons for more, sources and paging."""
    rt = runtime_of(context)
    chat = await chat_view(update, rt)
    page = 1
    if context.args:
        number = int_arg(context)
        if number is None or number < 1:
            await usage(update, context, "events")
            return
        page = number
    text, markup = await _page(context, page - 1, chat.timezone)
    await reply(update, context, text, markup)


async def _event_view(
    update: Update, context: Context, event_id: int, chat: ChatInfo
) -> EventView | None:
    rt = runtime_of(context)
    try:
        return await rt.domain(
            rt.service.event, event_id, words=chat.words or rt.settings.digest_words
        )
    except NotFoundError:
        await reply(update, context, f"No event {event_id}. /events lists them.")
        return None


async def event(update: Update, context: Context) -> None:
    """Send one event's full digest with its sources and links."""
    event_id = int_arg(context)
    if event_id is None:
        await usage(update, context, "event")
        return
    chat = await chat_view(update, runtime_of(context))
    view = await _event_view(update, context, event_id, chat)
    if view is not None:
        await reply(update, context, fmt.event_full(view, chat.timezone))


async def story(update: Update, context: Context) -> None:
    """Send the timeline of a story."""
    service = runtime_of(context).service
    missing = "No story {id}. /events lists recent events."
    await _show_by_id(update, context, "story", service.story, fmt.story, missing)


async def article(update: Update, context: Context) -> None:
    """Send one article with its summary."""
    service = runtime_of(context).service
    missing = "No article {id}. /search finds articles."
    await _show_by_id(update, context, "article", service.article, fmt.article, missing)


async def _show_by_id(
    update: Update,
    context: Context,
    command: str,
    load: Callable[[int], V],
    render: Callable[[V, str], str],
    missing: str,
) -> None:
    """Answer `/command ID`: usage without a valid id, `missing` for an unknown one."""
    item_id = int_arg(context)
    if item_id is None:
        await usage(update, context, command)
        return
    rt = runtime_of(context)
    chat = await chat_view(update, rt)
    try:
        view = await rt.domain(load, item_id)
    except NotFoundError:
        await reply(update, context, missing.format(id=item_id))
        return
    await reply(update, context, render(view, chat.timezone))


async def search(update: Update, context: Context) -> None:
    """Search the articles for words."""
    query = " ".join(context.args or []).strip()[:MAX_QUERY_CHARS]
    if not query:
        await usage(update, context, "search")
        return
    rt = runtime_of(context)
    hits = await rt.domain(rt.service.search, query, limit=10)
    await reply(update, context, fmt.search(query, hits))


async def button(update: Update, context: Context) -> None:
    """Answer an inline button: more (full digest), src (sources) or page (edit the list)."""
    query = update.callback_query
    assert query is not None
    kind, _, value = (query.data or "").partition(":")
    number = parse_id(value) if kind in {"more", "src"} else _page_index(value)
    if number is None:
        await query.answer("This button has expired.")
        return
    await query.answer()
    rt = runtime_of(context)
    chat = await chat_view(update, rt)
    if kind == "page":
        text, markup = await _page(context, number, chat.timezone)
        try:
            await query.edit_message_text(text, reply_markup=markup)
        except BadRequest as exc:  # pressed twice: Telegram refuses an identical edit
            if "not modified" not in str(exc).lower():
                raise
        return
    view = await _event_view(update, context, number, chat)
    if view is None:
        return
    html = fmt.event_full(view, chat.timezone) if kind == "more" else fmt.sources_of(view)
    await reply(update, context, html)
