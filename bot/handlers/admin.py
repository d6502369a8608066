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
    usage,
)
from bot.i18n import Html, Translator
from bot.polling import poll_feeds
from bot.runtime import runtime_of
from summarizer.errors import InputError
from summarizer.store import chats


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
    rt = runtime_of(context)
    args = context.args or []
    action = args[0].lower() if args else "list"
    if action == "add" and len(args) == 2 and args[1].startswith(("http://", "https://")):
        try:
            added = await rt.domain(rt.service.add_feed, args[1])
        except InputError as exc:  # too long for a feed address
            await reply(update, context, tr.text(texts.FEED_REFUSED, reason=str(exc)[:300]))
            return
        message = texts.FEED_ADDED if added else texts.FEED_ALREADY
        await reply(update, context, tr.text(message, url=args[1]))
    elif action == "remove" and len(args) == 2:
        removed = await rt.domain(rt.service.remove_feed, args[1])
        message = texts.FEED_REMOVED if removed else texts.FEED_UNKNOWN
        await reply(update, context, tr.text(message, url=args[1]))
    elif action == "poll" and len(args) == 1:
        report = await poll_feeds(rt, due_only=False)
        text = tr.text(
            texts.POLLED, new=report.new, duplicate=report.duplicate, failed=report.failed
        )
        failing = "".join(f"\n{fmt.feed_status(feed, tr=tr)}" for feed in report.failing)
        await reply(update, context, text + failing)
    elif action == "list" and len(args) <= 1:
        feeds = await rt.domain(rt.service.feed_statuses)
        listed = "\n".join(fmt.feed_status(feed, tr=tr) for feed in feeds)
        await reply(
            update, context, tr.text(texts.FEEDS, feeds=Html(listed or tr.text(texts.NO_FEEDS)))
        )
    else:
        await usage(update, context, "sources", tr=tr)


async def stats(update: Update, context: Context) -> None:
    """Show counts of articles, events, stories, sources, feeds, chats and deliveries."""
    tr = await _translator(update, context)
    if await _refuse(update, context, "stats", tr):
        return
    rt = runtime_of(context)
    domain = await rt.domain(rt.service.stats)
    bot = await rt.db(chats.chat_counts)
    named = {
        tr.text(texts.STAT_NAMES.get(key, key)): value for key, value in {**domain, **bot}.items()
    }
    await reply(update, context, fmt.counts(tr.text(texts.STATS_TITLE), named))
