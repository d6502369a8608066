"""Chat commands: start, help, (un)subscribe, topics, schedule, timezone and settings."""

from __future__ import annotations

from telegram import Update

from bot import format as fmt
from bot.handlers.common import USAGE, Context, chat_settings, is_admin, reply, usage
from bot.jobs import schedule_chat
from bot.runtime import Runtime, runtime_of
from bot.schedule import WEEKDAYS
from bot.settings import check_timezone, parse_hhmm
from summarizer.store import chats
from summarizer.store.chat_tables import ChatInfo

COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "Welcome, subscribe and how it works"),
    ("help", "List the commands"),
    ("brief", "The briefing now: top events with digests"),
    ("events", "Ranked events with buttons"),
    ("event", "ID: full digest with sources and links"),
    ("story", "ID: the timeline of a story"),
    ("article", "ID: one article and its summary"),
    ("search", "WORDS: search the articles"),
    ("subscribe", "[TOPIC...]: daily briefings, optionally on topics"),
    ("unsubscribe", "Stop the scheduled briefings"),
    ("topics", "Follow or drop keywords"),
    ("schedule", "HH:MM [HH:MM...]: local delivery times"),
    ("timezone", "Area/City: your timezone"),
    ("settings", "Length and quiet days"),
)
ADMIN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("sources", "Admins: list, add or remove feeds"),
    ("stats", "Admins: counts of articles, events and chats"),
)


async def _resubscribe(context: Context, rt: Runtime, chat_id: int) -> ChatInfo:
    chat = await rt.db(chats.get_chat, chat_id=chat_id)
    assert chat is not None
    schedule_chat(context.application, rt, chat)
    return chat


def _plan(chat: ChatInfo) -> str:
    times = ", ".join(chat.times) or "no times"
    return f"{fmt.esc(times)} ({fmt.esc(chat.timezone)})"


async def start(update: Update, context: Context) -> None:
    """Welcome the chat, subscribe it and say how the bot works."""
    rt = runtime_of(context)
    await chat_settings(update, rt)
    assert update.effective_chat is not None
    await rt.db(chats.set_subscription, chat_id=update.effective_chat.id, active=True, now=rt.now())
    chat = await _resubscribe(context, rt, update.effective_chat.id)
    await reply(
        update,
        context,
        "<b>Welcome to Briefing.</b>\n\n"
        "I read the news from many outlets, group articles about the same happening into events, "
        "and write a short digest of each, with its sources.\n\n"
        f"You are subscribed: a briefing arrives at {_plan(chat)}, carrying only what is new.\n"
        "Change it with /schedule and /timezone, follow keywords with /topics, "
        "stop with /unsubscribe.\n\n"
        "Try /brief now, or /help for every command.",
    )


async def help_command(update: Update, context: Context) -> None:
    """List the commands."""
    lines = [f"/{name} — {fmt.esc(text)}" for name, text in COMMANDS]
    if is_admin(update, context):
        lines += [f"/{name} — {fmt.esc(text)}" for name, text in ADMIN_COMMANDS]
    await reply(update, context, "<b>Commands</b>\n" + "\n".join(lines))


async def subscribe(update: Update, context: Context) -> None:
    """Subscribe the chat to scheduled briefings, optionally following topics."""
    rt = runtime_of(context)
    chat = await chat_settings(update, rt)
    refused = await _follow(rt, chat.id, context.args or [])
    await rt.db(chats.set_subscription, chat_id=chat.id, active=True, now=rt.now())
    chat = await _resubscribe(context, rt, chat.id)
    topics = ", ".join(chat.topics) or "all news"
    await reply(
        update,
        context,
        f"Subscribed: briefings at {_plan(chat)} on {fmt.esc(topics)}. /unsubscribe stops them."
        + _topics_full(rt, refused),
    )


async def _follow(rt: Runtime, chat_id: int, words: list[str]) -> list[str]:
    """Follow words within the chat's cap; return the ones left out."""
    if not words:
        return []
    return await rt.db(
        chats.add_topics, chat_id=chat_id, keywords=words, limit=rt.settings.topics_per_chat
    )


def _topics_full(rt: Runtime, refused: list[str]) -> str:
    """The line saying which words were not followed because the chat has its fill."""
    if not refused:
        return ""
    limit = rt.settings.topics_per_chat
    return (
        f"\nA chat follows at most {limit} topics: not added {fmt.esc(_few(refused))}. "
        "/topics drop WORD... makes room."
    )


def _few(words: list[str], shown: int = 5) -> str:
    """Name up to `shown` words, then how many more."""
    text = ", ".join(words[:shown])
    return f"{text} +{len(words) - shown}" if len(words) > shown else text


async def unsubscribe(update: Update, context: Context) -> None:
    """Stop the chat's scheduled briefings."""
    rt = runtime_of(context)
    chat = await chat_settings(update, rt)
    await rt.db(chats.set_subscription, chat_id=chat.id, active=False, reason="unsubscribed")
    await _resubscribe(context, rt, chat.id)
    await reply(update, context, "Unsubscribed: no more scheduled briefings. /subscribe resumes.")


async def topics(update: Update, context: Context) -> None:
    """Show, follow or drop keywords."""
    rt = runtime_of(context)
    chat = await chat_settings(update, rt)
    args = context.args or []
    action, words = (args[0].lower(), args[1:]) if args else ("list", [])
    refused: list[str] = []
    if action in {"add", "follow"} and words:
        refused = await _follow(rt, chat.id, words)
    elif action in {"drop", "remove"} and words:
        await rt.db(chats.remove_topics, chat_id=chat.id, keywords=words)
    elif action == "clear" and not words:
        await rt.db(chats.remove_topics, chat_id=chat.id)
    elif action != "list" or words:
        await usage(update, context, "topics")
        return
    chat = await chat_settings(update, rt)
    followed = ", ".join(chat.topics)
    text = f"Topics: {fmt.esc(followed)}" if followed else "No topics: briefings cover all news."
    await reply(
        update,
        context,
        text
        + _topics_full(rt, refused)
        + "\n/topics add WORD... follows, /topics drop WORD... drops.",
    )


async def schedule(update: Update, context: Context) -> None:
    """Set the chat's local delivery times."""
    rt = runtime_of(context)
    chat = await chat_settings(update, rt)
    if not context.args:
        await reply(update, context, f"Briefings at {_plan(chat)}.\nUsage: {USAGE['schedule']}")
        return
    try:
        times = sorted({parse_hhmm(arg) for arg in context.args})
    except ValueError as exc:
        await usage(update, context, "schedule", fmt.esc(str(exc)))
        return
    if len(times) > 12:
        await usage(update, context, "schedule", "At most 12 times a day.")
        return
    await rt.db(chats.set_times, chat_id=chat.id, times=times)
    chat = await _resubscribe(context, rt, chat.id)
    note = "" if chat.subscribed else " /subscribe to receive them."
    await reply(update, context, f"Briefings at {_plan(chat)}.{note}")


async def timezone(update: Update, context: Context) -> None:
    """Set the chat's IANA timezone."""
    rt = runtime_of(context)
    chat = await chat_settings(update, rt)
    args = context.args or []
    if len(args) != 1:
        prefix = f"Timezone: {fmt.esc(chat.timezone)}." if not args else ""
        await usage(update, context, "timezone", prefix)
        return
    try:
        zone = check_timezone(args[0])
    except ValueError as exc:
        await usage(update, context, "timezone", fmt.esc(str(exc)))
        return
    await rt.db(chats.update_chat, chat_id=chat.id, timezone=zone)
    chat = await _resubscribe(context, rt, chat.id)
    await reply(update, context, f"Timezone set: briefings at {_plan(chat)}.")


async def settings(update: Update, context: Context) -> None:
    """Show or change the digest length and quiet days."""
    rt = runtime_of(context)
    chat = await chat_settings(update, rt)
    args = [a.lower() for a in context.args or []]
    lengths = rt.settings.lengths
    if args and args[0] == "length" and len(args) == 2 and args[1] in lengths:
        await rt.db(chats.update_chat, chat_id=chat.id, words=lengths[args[1]])
    elif args and args[0] == "quiet" and len(args) >= 2:
        days = [] if args[1:] == ["none"] else [d[:3] for d in args[1:]]
        if any(d not in WEEKDAYS for d in days):
            await usage(update, context, "settings", "Days are mon tue wed thu fri sat sun.")
            return
        await rt.db(
            chats.update_chat, chat_id=chat.id, quiet_days=sorted(set(days), key=WEEKDAYS.index)
        )
    elif args:
        await usage(update, context, "settings")
        return
    chat = await chat_settings(update, rt)
    words = chat.words or rt.settings.digest_words
    named = next((name for name, value in lengths.items() if value == words), f"{words} words")
    await reply(
        update,
        context,
        "<b>Settings</b>\n"
        f"Subscribed: {'yes' if chat.subscribed else 'no'}\n"
        f"Briefings: {_plan(chat)}\n"
        f"Length: {fmt.esc(named)}\n"
        f"Quiet days: {fmt.esc(', '.join(chat.quiet_days) or 'none')}\n"
        f"Topics: {fmt.esc(', '.join(chat.topics) or 'all news')}\n\n"
        f"Usage: {USAGE['settings']}",
    )
