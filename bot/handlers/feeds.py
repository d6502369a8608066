"""Feeds per chat: /feeds (list, add, remove, export), OPML files sent to the bot, and
/settings sources mine|all (what the chat's briefings draw on)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from telegram import Update
from telegram.error import TelegramError

from bot import format as fmt
from bot import texts
from bot.handlers.common import Context, chat_settings, remember_if_met, reply, usage
from bot.handlers.dispatch import Call, ChatCall, Subcommand, dispatch
from bot.i18n import Translator
from bot.language import translator_of
from bot.polling import poll_feeds
from bot.ports import ChatFeedInfo
from bot.rights import may_change, refuse
from bot.runtime import Runtime, runtime_of
from summarizer.errors import InputError
from summarizer.ingest.opml import (
    MAX_OPML_BYTES,
    ImportLine,
    ImportStatus,
    OpmlFeed,
    parse_opml,
    plan_import,
    write_opml,
)
from summarizer.ingest.urls import normalize_feed_url

logger = logging.getLogger(__name__)

REPORT_LINES = 30  # lines of an import report listed one by one; the rest are counted
CHANGES = frozenset({"add", "remove", "drop", "delete"})


def feeds_change(args: Sequence[str]) -> bool:
    """Whether a use of /feeds changes the chat's feeds (listing and export only read)."""
    return bool(args) and args[0].lower() in CHANGES


async def feeds(update: Update, context: Context) -> None:
    """List the chat's feeds, follow or drop some, or export them as OPML."""
    tr = await translator_of(update, context)
    args = context.args or []
    action = args[0].lower() if args else "list"
    await dispatch(FEEDS, action, Call(update, context, tr, args[1:]), "feeds")


def _state(tr: Translator, feed: ChatFeedInfo, zone: str) -> str:
    if feed.error and feed.polled_at is not None:
        return tr.text(texts.FEED_FAILED, when=tr.when(feed.polled_at, zone), error=feed.error)
    if feed.succeeded_at is not None:
        return tr.text(texts.FEED_FETCHED, when=tr.when(feed.succeeded_at, zone))
    if feed.operator_feed:
        return tr.text(texts.FEED_WITH_OPERATOR)
    return tr.text(texts.FEED_NOT_FETCHED)


async def _list(call: Call) -> bool:
    """/feeds (list): the chat's feeds with their state, and what its briefings draw on."""
    if call.args:
        return False
    update, context, tr = call.update, call.context, call.tr
    rt, chat = runtime_of(context), update.effective_chat
    assert chat is not None
    listing = await rt.chats.feed_listing(chat_id=chat.id)  # one hop, two statements
    remember_if_met(rt, chat.id, listing.language, met=listing.timezone is not None)
    reading = tr.text(texts.READING_MINE if listing.own_only else texts.READING_ALL)
    if not listing.feeds:
        await reply(update, context, f"{tr.text(texts.NO_CHAT_FEEDS)}\n\n{reading}")
        return True
    zone = listing.timezone or rt.settings.default_timezone
    lines = [
        tr.text(texts.FEEDS_TITLE, count=len(listing.feeds), limit=rt.settings.feeds_per_chat),
        *(
            f"{feed.number}. {fmt.link(feed.title or feed.url, feed.url)}\n"
            f"    <i>{fmt.esc(_state(tr, feed, zone))}</i>"
            for feed in listing.feeds
        ),
        "",
        reading,
        tr.text(texts.USAGE_LINE, usage=tr.text(texts.USAGE["feeds"])),
    ]
    await reply(update, context, "\n".join(lines))
    return True


async def add_feeds(
    update: Update, context: Context, wanted: Sequence[OpmlFeed]
) -> list[ImportLine]:
    """Follow feeds for the update's chat within its limit; fetch the new ones in the background.

    Returns:
        One verdict per feed (added, already followed, refused with the reason).
    """
    rt = runtime_of(context)
    chat = await chat_settings(update, rt)
    existing = await rt.chats.chat_feed_urls(chat_id=chat.id)
    lines = plan_import(
        wanted,
        existing,
        limit=rt.settings.feeds_per_chat,
        allow_private=rt.settings.allow_private_feeds,
    )
    added = [(line.url, line.title) for line in lines if line.status is ImportStatus.ADDED]
    if added:
        await rt.chats.add_chat_feeds(chat_id=chat.id, feeds=added, now=rt.now())
        _fetch_soon(context, rt, [url for url, _ in added])
    return lines


def _fetch_soon(context: Context, rt: Runtime, urls: list[str]) -> None:
    """Poll now, off the handler, when a feed nobody fetched yet was added (it is due at once);
    /feeds shows the result. A feed fetched before waits for its next poll."""

    async def fetch() -> None:
        try:
            if await rt.chats.never_polled(urls=urls):
                await poll_feeds(rt)
        except Exception:  # a background fetch must not go unlogged
            logger.exception("polling new chat feeds failed")

    context.application.create_task(fetch(), name="poll-new-chat-feeds")


def _line(tr: Translator, line: ImportLine) -> str:
    if line.status is ImportStatus.ADDED:
        return tr.text(texts.FEED_ADDED_LINE, url=line.url)
    if line.status is ImportStatus.ALREADY:
        return tr.text(texts.FEED_ALREADY_LINE, url=line.url)
    return tr.text(texts.FEED_REFUSED_LINE, url=line.url, reason=line.reason)


def report_lines(tr: Translator, lines: Sequence[ImportLine]) -> list[str]:
    """The verdicts, one per line, the first REPORT_LINES listed and the rest counted."""
    shown = [_line(tr, line) for line in lines[:REPORT_LINES]]
    if len(lines) > REPORT_LINES:
        rest = len(lines) - REPORT_LINES
        shown.append(tr.plural(texts.OPML_MORE, rest))
    return shown


async def _add(call: Call) -> bool:
    """/feeds add URL...: follow feeds, with a verdict for each."""
    if not call.args:
        return False
    tr = call.tr
    lines = await add_feeds(call.update, call.context, [OpmlFeed(url) for url in call.args])
    added = sum(line.status is ImportStatus.ADDED for line in lines)
    text = "\n".join(report_lines(tr, lines))
    if added:
        text += "\n\n" + tr.plural(texts.FEEDS_FETCHING, added)
    await reply(call.update, call.context, text)
    return True


async def _remove(call: Call) -> bool:
    """/feeds remove N|URL: stop following a feed."""
    if len(call.args) != 1:
        return False
    update, context, tr, which = call.update, call.context, call.tr, call.args[0]
    rt = runtime_of(context)
    chat = update.effective_chat
    assert chat is not None
    urls = await rt.chats.chat_feed_urls(chat_id=chat.id)
    text = which.lstrip("#")
    url: str | None
    if text.isascii() and text.isdigit() and len(text) <= 6:
        number = int(text)
        url = urls[number - 1] if 1 <= number <= len(urls) else None
    else:
        try:
            url = normalize_feed_url(which, allow_private=True)
        except InputError as exc:
            await usage(update, context, "feeds", fmt.esc(str(exc)), tr=tr)
            return True
    if url is None or not await rt.chats.remove_chat_feed(chat_id=chat.id, url=url):
        await reply(update, context, tr.text(texts.FEED_NOT_FOLLOWED, feed=which[:200]))
        return True
    await reply(update, context, tr.text(texts.FEED_REMOVED, url=url))
    return True


async def _export(call: Call) -> bool:
    """/feeds export: the chat's feeds as an OPML file."""
    if call.args:
        return False
    update, context, tr = call.update, call.context, call.tr
    rt, chat = runtime_of(context), update.effective_chat
    assert chat is not None
    listed = await rt.chats.chat_feeds(chat_id=chat.id)
    if not listed:
        await reply(update, context, tr.text(texts.NO_FEEDS_TO_EXPORT))
        return True
    name = chat.title or chat.full_name or chat.username or str(chat.id)
    document = write_opml(
        [OpmlFeed(feed.url, feed.title) for feed in listed],
        title=tr.text(texts.EXPORT_TITLE, chat=name),
        created=rt.now(),
    )
    await context.bot.send_document(
        chat_id=chat.id,
        document=document,
        filename="briefing-feeds.opml",
        caption=tr.plural(texts.EXPORT_CAPTION, len(listed)),
    )
    return True


FEEDS: dict[str, Subcommand[Call]] = {
    "list": _list,
    "add": _add,
    "remove": _remove,
    "drop": _remove,
    "delete": _remove,
    "export": _export,
}


async def opml_document(update: Update, context: Context) -> None:
    """Import the feeds of an OPML file sent to the bot and report each one's fate."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    tr = await translator_of(update, context)
    if not await may_change(update, context):
        await refuse(update, context)
        return
    document = message.document
    name = document.file_name or "OPML"
    if (document.file_size or 0) > MAX_OPML_BYTES:
        size = MAX_OPML_BYTES // 1_000_000
        await reply(update, context, tr.text(texts.OPML_TOO_LARGE, size=size))
        return
    try:
        file = await document.get_file()
        data = bytes(await file.download_as_bytearray())
    except TelegramError as exc:
        reason = str(exc)
        if "too big" in reason.lower():
            size = MAX_OPML_BYTES // 1_000_000
            await reply(update, context, tr.text(texts.OPML_TOO_LARGE, size=size))
            return
        await reply(update, context, tr.text(texts.OPML_REFUSED, reason=reason))
        return
    try:
        parsed = parse_opml(data, location=name[:60])
    except InputError as exc:
        await reply(update, context, tr.text(texts.OPML_REFUSED, reason=str(exc)))
        return
    lines = await add_feeds(update, context, parsed.feeds)
    counts = {status: sum(line.status is status for line in lines) for status in ImportStatus}
    text = [
        tr.text(
            texts.OPML_REPORT,
            name=name[:60],
            added=counts[ImportStatus.ADDED],
            already=counts[ImportStatus.ALREADY],
            refused=counts[ImportStatus.REFUSED],
        ),
        *report_lines(tr, lines),
    ]
    if parsed.unread:
        text.append(tr.plural(texts.OPML_UNREAD, parsed.unread, read="20,000"))
    if counts[ImportStatus.ADDED]:
        text += ["", tr.plural(texts.FEEDS_FETCHING, counts[ImportStatus.ADDED])]
    await reply(update, context, "\n".join(text))


async def settings_sources(call: ChatCall) -> bool:
    """/settings sources mine|all: whether briefings draw on the operator's feeds too."""
    rt = runtime_of(call.context)
    tr, chat = call.tr, call.chat
    if call.args in (["mine"], ["all"]):
        own = call.args[0] == "mine"
        await rt.chats.set_own_feeds_only(chat_id=chat.id, value=own)
        await reply(
            call.update, call.context, tr.text(texts.READING_MINE if own else texts.READING_ALL)
        )
        return True
    own = await rt.chats.own_feeds_only(chat_id=chat.id)
    usage = tr.text(texts.USAGE_LINE, usage=tr.text(texts.SOURCES_USAGE))
    current = tr.text(texts.READING_MINE if own else texts.READING_ALL)
    await reply(call.update, call.context, f"{current}\n{usage}" if not call.args else usage)
    return True


__all__ = ["add_feeds", "feeds", "feeds_change", "opml_document", "settings_sources"]
