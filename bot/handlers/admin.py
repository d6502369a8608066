"""Admin commands: /sources (list, add, remove, poll feeds) and /stats."""

from __future__ import annotations

from telegram import Update

from bot import format as fmt
from bot.handlers.common import Context, is_admin, reply, usage
from bot.polling import poll_feeds
from bot.runtime import runtime_of
from summarizer.store import chats


async def _refuse(update: Update, context: Context, command: str) -> bool:
    if is_admin(update, context):
        return False
    await reply(update, context, f"Only admins can use /{command}.")
    return True


async def sources(update: Update, context: Context) -> None:
    """List, add or remove the polled feeds, or poll them now."""
    if await _refuse(update, context, "sources"):
        return
    rt = runtime_of(context)
    args = context.args or []
    action = args[0].lower() if args else "list"
    if action == "add" and len(args) == 2 and args[1].startswith(("http://", "https://")):
        added = await rt.domain(rt.service.add_feed, args[1])
        text = "Added" if added else "Already polled:"
        await reply(update, context, f"{text} {fmt.esc(args[1])}.")
    elif action == "remove" and len(args) == 2:
        removed = await rt.domain(rt.service.remove_feed, args[1])
        text = "Removed" if removed else "Not a configured feed:"
        await reply(update, context, f"{text} {fmt.esc(args[1])}.")
    elif action == "poll" and len(args) == 1:
        report = await poll_feeds(rt, due_only=False)
        failing = "".join(f"\n{fmt.feed_status(feed)}" for feed in report.failing)
        await reply(
            update,
            context,
            f"Polled feeds: {report.new} new, {report.duplicate} duplicate, "
            f"{report.failed} failed.{failing}",
        )
    elif action == "list" and len(args) <= 1:
        feeds = await rt.domain(rt.service.feed_statuses)
        listed = "\n".join(fmt.feed_status(feed) for feed in feeds) or "No feeds yet."
        await reply(
            update, context, f"<b>Feeds</b> (times in UTC)\n{listed}\n\nUsage: /sources add URL"
        )
    else:
        await usage(update, context, "sources")


async def stats(update: Update, context: Context) -> None:
    """Show counts of articles, events, stories, sources, feeds, chats and deliveries."""
    if await _refuse(update, context, "stats"):
        return
    rt = runtime_of(context)
    domain = await rt.domain(rt.service.stats)
    bot = await rt.db(chats.chat_counts)
    await reply(update, context, fmt.counts("Stats", {**domain, **bot}))
