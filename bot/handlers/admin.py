"""Admin commands: /sources (list, add, remove, poll feeds) and /stats."""

from __future__ import annotations

from telegram import Update

from bot import format as fmt
from bot import texts
from bot.handlers.common import (
    Context,
    chat_language,
    is_admin,
    reply,
)
from bot.handlers.dispatch import Call, Subcommand, dispatch
from bot.i18n import Html, Translator
from bot.polling import poll_feeds
from bot.runtime import runtime_of
from summarizer.errors import InputError


async def _translator(update: Update, context: Context) -> Translator:
    return await chat_language(update, runtime_of(context))


async def _refuse(update: Update, context: Context, command: str, tr: Translator) -> bool:
    if is_admin(update, context):
        return False
    await reply(update, context, tr.text(texts.ADMINS_ONLY, command=command))
    return True


async def sources(update: Update, context: Context) -> None:
    """List, add or remove the polled feeds, or poll them now (saying why each failure failed)."""
    tr = await _translator(update, context)
    if await _refuse(update, context, "sources", tr):
        return
    args = context.args or []
    action = args[0].lower() if args else "list"
    await dispatch(SOURCES, action, Call(update, context, tr, args[1:]), "sources")


async def _sources_add(call: Call) -> bool:
    """/sources add URL: poll one more feed."""
    if len(call.args) != 1 or not call.args[0].startswith(("http://", "https://")):
        return False
    rt, url = runtime_of(call.context), call.args[0]
    try:
        added = await rt.domain(rt.service.add_feed, url)
    except InputError as exc:  # too long for a feed address
        await _answer(call, call.tr.text(texts.FEED_REFUSED, reason=str(exc)[:300]))
        return True
    await _answer(call, call.tr.text(texts.FEED_ADDED if added else texts.FEED_ALREADY, url=url))
    return True


async def _sources_remove(call: Call) -> bool:
    """/sources remove URL: stop polling a feed."""
    if len(call.args) != 1:
        return False
    rt, url = runtime_of(call.context), call.args[0]
    removed = await rt.domain(rt.service.remove_feed, url)
    await _answer(
        call, call.tr.text(texts.FEED_REMOVED if removed else texts.FEED_UNKNOWN, url=url)
    )
    return True


async def _sources_poll(call: Call) -> bool:
    """/sources poll: poll every feed now and say why each failed one failed."""
    if call.args:
        return False
    tr = call.tr
    report = await poll_feeds(runtime_of(call.context), due_only=False)
    text = tr.text(texts.POLLED, new=report.new, duplicate=report.duplicate, failed=report.failed)
    failing = "".join(f"\n{fmt.feed_status(feed, tr=tr)}" for feed in report.failing)
    await _answer(call, text + failing)
    return True


async def _sources_list(call: Call) -> bool:
    """/sources (list): the feeds with their state."""
    if call.args:
        return False
    rt, tr = runtime_of(call.context), call.tr
    feeds = await rt.domain(rt.service.feed_statuses)
    listed = "\n".join(fmt.feed_status(feed, tr=tr) for feed in feeds)
    await _answer(call, tr.text(texts.FEEDS, feeds=Html(listed or tr.text(texts.NO_FEEDS))))
    return True


async def _answer(call: Call, html: str) -> None:
    await reply(call.update, call.context, html)


SOURCES: dict[str, Subcommand[Call]] = {
    "add": _sources_add,
    "remove": _sources_remove,
    "poll": _sources_poll,
    "list": _sources_list,
}


async def stats(update: Update, context: Context) -> None:
    """Show counts of articles, events, stories, sources, feeds, chats and deliveries."""
    tr = await _translator(update, context)
    if await _refuse(update, context, "stats", tr):
        return
    rt = runtime_of(context)
    domain = await rt.domain(rt.service.stats)
    bot = await rt.chats.chat_counts()
    named = {
        tr.text(texts.STAT_NAMES.get(key, key)): value for key, value in {**domain, **bot}.items()
    }
    await reply(update, context, fmt.counts(tr.text(texts.STATS_TITLE), named))
