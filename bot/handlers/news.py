"""Reading commands: /brief, /events (with buttons), /event, /story, /article, /search, and
plain text, which searches in a private chat."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from bot import format as fmt
from bot import texts
from bot.chatfeeds import (
    Reader,
    chat_article,
    chat_event,
    chat_events,
    chat_page,
    chat_search,
    chat_story,
    reader_of,
)
from bot.handlers.common import (
    Context,
    chat_language,
    chat_reading_view,
    int_arg,
    parse_id,
    reply,
    translator_for,
    usage,
)
from bot.i18n import Translator
from bot.ports import ChatInfo
from bot.runtime import Runtime, runtime_of
from summarizer.errors import NotFoundError
from summarizer.views import EventView

V = TypeVar("V")
MAX_QUERY_CHARS = 200  # of a /search (the store also caps its words: summarizer.store.search)
MAX_PLAIN_QUERY = 200  # longer plain text is not a search: say how to search instead


async def brief(update: Update, context: Context) -> None:
    """Send the briefing now: the top events with their digests."""
    rt = runtime_of(context)
    chat, reader = await chat_reading_view(update, rt)
    events = await chat_events(
        rt,
        reader,
        limit=rt.settings.events_per_briefing,
        words=chat.words or rt.settings.digest_words,
        topics=chat.topics,
    )
    tr = translator_for(update, chat)
    await reply(update, context, fmt.briefing(events, now=rt.now(), zone=chat.timezone, tr=tr))


async def _page(
    context: Context, reader: Reader | None, asked: int, zone: str, tr: Translator
) -> tuple[str, InlineKeyboardMarkup]:
    """Render page `asked` (from 0) of the events the chat reads, clamped to the last page.

    Only the page's events are built: a far page costs a ranking down to it (for a chat that
    reads part of the store, shared by far pages for a while) and one page of views (see
    bot.chatfeeds.chat_page).
    """
    rt = runtime_of(context)
    size = max(1, rt.settings.events_page_size)
    found = await chat_page(rt, reader, page=asked, size=size)
    page, shown = found.number, found.events
    rows = [
        [
            InlineKeyboardButton(
                tr.text(texts.MORE_BUTTON, rank=page * size + i + 1), callback_data=f"more:{e.id}"
            ),
            InlineKeyboardButton(tr.text(texts.SOURCES_BUTTON), callback_data=f"src:{e.id}"),
        ]
        for i, e in enumerate(shown)
    ]
    paging = []
    if page > 0:
        paging.append(
            InlineKeyboardButton(tr.text(texts.PREV_BUTTON), callback_data=f"page:{page - 1}")
        )
    if found.more:
        paging.append(
            InlineKeyboardButton(tr.text(texts.NEXT_BUTTON), callback_data=f"page:{page + 1}")
        )
    if paging:
        rows.append(paging)
    text = fmt.events_page(shown, page * size + 1, zone, tr=tr)
    if asked > page and shown:
        text += "\n\n" + tr.text(texts.NO_SUCH_PAGE, page=asked + 1)
    elif not found.more and page > 0:
        text += "\n\n" + tr.text(texts.LAST_PAGE)
    return text, InlineKeyboardMarkup(rows)


def _page_index(value: str) -> int | None:
    """The page (from 0) of a `page:N` button, or None when N is not ASCII digits."""
    return 0 if value == "0" else parse_id(value)


async def events(update: Update, context: Context) -> None:
    """List the top events, ranked, with buttons for more, sources and paging."""
    rt = runtime_of(context)
    chat, reader = await chat_reading_view(update, rt)
    tr = translator_for(update, chat)
    page = 1
    if context.args:
        number = int_arg(context)
        if number is None or number < 1:
            await usage(update, context, "events", tr=tr)
            return
        page = number
    text, markup = await _page(context, reader, page - 1, chat.timezone, tr)
    await reply(update, context, text, markup)


async def _event_view(
    update: Update,
    context: Context,
    event_id: int,
    chat: ChatInfo,
    reader: Reader | None,
    tr: Translator,
) -> EventView | None:
    """The event as the chat reads it, or None after saying there is no such event."""
    rt = runtime_of(context)
    words = chat.words or rt.settings.digest_words
    try:
        return await chat_event(rt, reader, event_id, words=words)
    except NotFoundError:
        await reply(update, context, tr.text(texts.NO_EVENT, id=event_id))
        return None


def link_markup(view: EventView, tr: Translator) -> InlineKeyboardMarkup | None:
    """URL buttons to the original articles, two a row, one per outlet with a web address."""
    buttons = [InlineKeyboardButton(label, url=url) for label, url in fmt.link_buttons(view, tr)]
    if not buttons:
        return None
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


async def event(update: Update, context: Context) -> None:
    """Send one event's full digest with its sources, and buttons to the original articles."""
    rt = runtime_of(context)
    chat, reader = await chat_reading_view(update, rt)
    tr = translator_for(update, chat)
    event_id = int_arg(context)
    if event_id is None:
        await usage(update, context, "event", tr=tr)
        return
    view = await _event_view(update, context, event_id, chat, reader, tr)
    if view is not None:
        html = fmt.event_full(view, chat.timezone, tr=tr)
        await reply(update, context, html, link_markup(view, tr))


async def story(update: Update, context: Context) -> None:
    """Send the timeline of a story."""
    await _show_by_id(update, context, "story", chat_story, fmt.story, texts.NO_STORY)


async def article(update: Update, context: Context) -> None:
    """Send one article with its summary."""
    await _show_by_id(update, context, "article", chat_article, fmt.article, texts.NO_ARTICLE)


async def _show_by_id(
    update: Update,
    context: Context,
    command: str,
    load: Callable[[Runtime, Reader | None, int], Awaitable[V]],
    render: Callable[..., str],
    missing: str,
) -> None:
    """Answer `/command ID`: usage without a valid id, `missing` for one the chat cannot read."""
    rt = runtime_of(context)
    chat, reader = await chat_reading_view(update, rt)
    tr = translator_for(update, chat)
    item_id = int_arg(context)
    if item_id is None:
        await usage(update, context, command, tr=tr)
        return
    try:
        view = await load(rt, reader, item_id)
    except NotFoundError:
        await reply(update, context, tr.text(missing, id=item_id))
        return
    await reply(update, context, render(view, chat.timezone, tr=tr))


async def search(update: Update, context: Context) -> None:
    """Search the articles for words."""
    query = " ".join(context.args or []).strip()[:MAX_QUERY_CHARS]
    if not query:
        await usage(update, context, "search")
        return
    await _search(update, context, query)


async def _search(update: Update, context: Context, query: str) -> None:
    """Answer a search with the hits among the articles the chat reads."""
    rt = runtime_of(context)
    tr = await chat_language(update, rt)
    chat = update.effective_chat
    assert chat is not None
    hits = await chat_search(rt, await reader_of(rt, chat.id), query, limit=10)
    text = fmt.search(query, hits, tr=tr)
    if not hits:
        text += "\n" + tr.text(texts.SEARCH_HOW)
    await reply(update, context, text)


async def plain_text(update: Update, context: Context) -> None:
    """Search for plain text sent in a private chat (or say how to search, when it is long)."""
    message = update.effective_message
    query = " ".join((message.text or "").split()) if message else ""
    if query and len(query) <= MAX_PLAIN_QUERY:
        await _search(update, context, query)
        return
    tr = await chat_language(update, runtime_of(context))
    await reply(update, context, tr.text(texts.SEARCH_HOW))


async def button(update: Update, context: Context) -> None:
    """Answer an inline button: more (full digest), src (sources) or page (edit the list)."""
    query = update.callback_query
    assert query is not None
    rt = runtime_of(context)
    chat, reader = await chat_reading_view(update, rt)
    tr = translator_for(update, chat)
    kind, _, value = (query.data or "").partition(":")
    number = parse_id(value) if kind in {"more", "src"} else _page_index(value)
    if number is None:
        await query.answer(tr.text(texts.BUTTON_EXPIRED))
        return
    await query.answer()
    if kind == "page":
        text, markup = await _page(context, reader, number, chat.timezone, tr)
        try:
            await query.edit_message_text(text, reply_markup=markup)
        except BadRequest as exc:  # pressed twice: Telegram refuses an identical edit
            if "not modified" not in str(exc).lower():
                raise
        return
    view = await _event_view(update, context, number, chat, reader, tr)
    if view is None:
        return
    if kind == "more":
        await reply(
            update, context, fmt.event_full(view, chat.timezone, tr=tr), link_markup(view, tr)
        )
    else:
        await reply(update, context, fmt.sources_of(view, tr=tr))
