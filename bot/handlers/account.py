"""Chat commands: start, help, (un)subscribe, topics, schedule, timezone and settings."""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.handlers.common import (
    Context,
    chat_language,
    chat_settings,
    is_admin,
    remember_language,
    reply,
    translator_for,
    usage,
)
from bot.handlers.dispatch import ChatCall, Subcommand, dispatch
from bot.handlers.feeds import settings_sources
from bot.i18n import LANGUAGES, Html, Translator, catalogue_for, language_for, translator
from bot.jobs import schedule_chat
from bot.ports import ChatInfo
from bot.runtime import Runtime, runtime_of
from bot.schedule import WEEKDAYS
from bot.settings import parse_hhmm
from bot.zones import find_timezone
from summarizer.topics import TopicFilter, parse_topics

MAX_TIMES = 12


async def _resubscribe(context: Context, rt: Runtime, chat_id: int) -> ChatInfo:
    chat = await rt.chats.get_chat(chat_id=chat_id)
    assert chat is not None
    remember_language(rt, chat.id, chat.language)
    schedule_chat(context.application, rt, chat)
    return chat


def _plan(chat: ChatInfo, tr: Translator) -> str:
    times = ", ".join(chat.times) or tr.text(texts.NO_TIMES)
    return tr.text(texts.PLAN, times=times, zone=chat.timezone)


async def start(update: Update, context: Context) -> None:
    """Welcome the chat, subscribe it and say how the bot works (in its sender's language)."""
    rt = runtime_of(context)
    chat = await chat_settings(update, rt)
    if chat.language is None:
        user = update.effective_user
        language = language_for(user.language_code if user else None)
        await rt.chats.update_chat(chat_id=chat.id, language=language)
    await rt.chats.set_subscription(chat_id=chat.id, active=True, now=rt.now())
    chat = await _resubscribe(context, rt, chat.id)
    tr = translator_for(update, chat)
    await reply(update, context, tr.text(texts.WELCOME, plan=Html(_plan(chat, tr))))


async def help_command(update: Update, context: Context) -> None:
    """List the commands."""
    tr = await chat_language(update, runtime_of(context))
    commands = list(texts.COMMANDS)
    if is_admin(update, context):
        commands += texts.ADMIN_COMMANDS
    lines = [f"/{name} — {tr.text(text)}" for name, text in commands]
    await reply(update, context, tr.text(texts.COMMANDS_TITLE) + "\n" + "\n".join(lines))


async def subscribe(update: Update, context: Context) -> None:
    """Subscribe the chat to scheduled briefings, optionally following topics."""
    rt = runtime_of(context)
    chat = await chat_settings(update, rt)
    tr = translator_for(update, chat)
    refused: list[str] = []
    if context.args:
        followed, _ = parse_topics(" ".join(context.args))
        refused = await _follow(rt, chat.id, [t.key for t in followed])
    await rt.chats.set_subscription(chat_id=chat.id, active=True, now=rt.now())
    chat = await _resubscribe(context, rt, chat.id)
    topics = ", ".join(chat.topics) or tr.text(texts.ALL_NEWS)
    await reply(
        update,
        context,
        tr.text(texts.SUBSCRIBED, plan=Html(_plan(chat, tr)), topics=topics)
        + _topics_full(rt, refused, tr),
    )


async def _follow(rt: Runtime, chat_id: int, keys: list[str]) -> list[str]:
    """Follow topic keys within the chat's cap (bot.topics_per_chat); return those left out."""
    if not keys:
        return []
    return await rt.chats.add_topics(
        chat_id=chat_id, keywords=keys, limit=rt.settings.topics_per_chat
    )


def _topics_full(rt: Runtime, refused: list[str], tr: Translator) -> str:
    """The line naming the topics not followed because the chat has its fill, or nothing."""
    if not refused:
        return ""
    words = ", ".join(refused[:5]) + (f" +{len(refused) - 5}" if len(refused) > 5 else "")
    limit = rt.settings.topics_per_chat
    return "\n" + tr.plural(texts.TOPICS_FULL, limit, words=words)


async def unsubscribe(update: Update, context: Context) -> None:
    """Stop the chat's scheduled briefings."""
    rt = runtime_of(context)
    chat = await chat_settings(update, rt)
    await rt.chats.set_subscription(chat_id=chat.id, active=False, reason="unsubscribed")
    await _resubscribe(context, rt, chat.id)
    await reply(update, context, translator_for(update, chat).text(texts.UNSUBSCRIBED))


def _topics_text(chat: ChatInfo, tr: Translator) -> str:
    """Both lists of a chat's topics, followed and excluded, and how to change them."""
    rules = TopicFilter.from_keys(chat.topics)
    lines = []
    if rules.follow:
        lines.append(tr.text(texts.TOPICS_LIST, topics=", ".join(t.key for t in rules.follow)))
    if rules.exclude:
        lines.append(tr.text(texts.TOPICS_EXCLUDED, topics=", ".join(t.key for t in rules.exclude)))
    if not rules.follow:
        lines.insert(0, tr.text(texts.NO_TOPICS))
    return "\n".join([*lines, tr.text(texts.TOPICS_HINT)])


async def topics(update: Update, context: Context) -> None:
    """Show, follow, exclude or drop topics: words, "phrases" and -exclusions."""
    chat = await chat_settings(update, runtime_of(context))
    args = context.args or []
    action = args[0].lower() if args else "list"
    call = ChatCall(update, context, translator_for(update, chat), args[1:], chat)
    await dispatch(TOPICS, action, call, "topics")


async def _topics_add(call: ChatCall) -> bool:
    """/topics add WORDS: follow (or, with -WORD, exclude) topics."""
    if not call.args:
        return False
    rt, tr = runtime_of(call.context), call.tr
    parsed, problems = parse_topics(" ".join(call.args))
    notes: list[str] = []
    if parsed:
        refused = await _follow(rt, call.chat.id, [t.key for t in parsed])
        if refused:
            notes.append(_topics_full(rt, refused, tr).strip())
    if problems:
        items = ", ".join(p.split(":", 1)[0] for p in problems)
        notes.append(tr.text(texts.TOPICS_REFUSED, items=items))
    if not parsed:
        await usage(call.update, call.context, "topics", "\n".join(notes), tr=tr)
        return True
    await _show_topics(call, notes)
    return True


async def _topics_drop(call: ChatCall) -> bool:
    """/topics drop WORDS: stop following (or excluding) topics; say which were not there."""
    if not call.args:
        return False
    parsed, _ = parse_topics(" ".join(call.args))
    keys = [t.key for t in parsed]
    unknown = [key for key in keys if key not in call.chat.topics]
    notes = [call.tr.text(texts.TOPICS_NOT_FOLLOWED, topics=", ".join(unknown))] if unknown else []
    if len(unknown) < len(keys):
        await runtime_of(call.context).chats.remove_topics(chat_id=call.chat.id, keywords=keys)
    await _show_topics(call, notes)
    return True


async def _topics_clear(call: ChatCall) -> bool:
    """/topics clear: follow all news again."""
    if call.args:
        return False
    await runtime_of(call.context).chats.remove_topics(chat_id=call.chat.id)
    await _show_topics(call, [])
    return True


async def _topics_list(call: ChatCall) -> bool:
    """/topics (list): both lists."""
    if call.args:
        return False
    await _show_topics(call, [])
    return True


async def _show_topics(call: ChatCall, notes: list[str]) -> None:
    """Answer with what was noted, then the chat's topics as they are now."""
    chat = await chat_settings(call.update, runtime_of(call.context))
    await reply(call.update, call.context, "\n".join([*notes, _topics_text(chat, call.tr)]))


TOPICS: dict[str, Subcommand[ChatCall]] = {
    "add": _topics_add,
    "follow": _topics_add,
    "drop": _topics_drop,
    "remove": _topics_drop,
    "clear": _topics_clear,
    "list": _topics_list,
}


async def schedule(update: Update, context: Context) -> None:
    """Set the chat's local delivery times."""
    rt = runtime_of(context)
    chat = await chat_settings(update, rt)
    tr = translator_for(update, chat)
    if not context.args:
        at = tr.text(texts.BRIEFINGS_AT, plan=Html(_plan(chat, tr)))
        await usage(update, context, "schedule", at, tr=tr)
        return
    times: set[str] = set()
    for arg in context.args:
        try:
            times.add(parse_hhmm(arg))
        except ValueError:
            await usage(
                update, context, "schedule", tr.text(texts.NOT_A_TIME, value=arg[:20]), tr=tr
            )
            return
    if len(times) > MAX_TIMES:
        problem = tr.plural(texts.AT_MOST_TIMES, MAX_TIMES)
        await usage(update, context, "schedule", problem, tr=tr)
        return
    await rt.chats.set_times(chat_id=chat.id, times=sorted(times))
    chat = await _resubscribe(context, rt, chat.id)
    text = tr.text(texts.BRIEFINGS_AT, plan=Html(_plan(chat, tr)))
    if not chat.subscribed:
        text += " " + tr.text(texts.SUBSCRIBE_TO_RECEIVE)
    await reply(update, context, text)


async def timezone(update: Update, context: Context) -> None:
    """Set the chat's IANA timezone, typed in any case or as a city ("kyiv")."""
    rt = runtime_of(context)
    chat = await chat_settings(update, rt)
    tr = translator_for(update, chat)
    args = context.args or []
    if not args:
        current = tr.text(texts.TIMEZONE_IS, zone=chat.timezone)
        await usage(update, context, "timezone", current, tr=tr)
        return
    typed = " ".join(args)
    try:
        zone = find_timezone(typed)
    except ValueError:
        await usage(update, context, "timezone", tr.text(texts.NOT_A_ZONE, value=typed[:40]), tr=tr)
        return
    await rt.chats.update_chat(chat_id=chat.id, timezone=zone)
    chat = await _resubscribe(context, rt, chat.id)
    await reply(update, context, tr.text(texts.TIMEZONE_SET, plan=Html(_plan(chat, tr))))


async def settings(update: Update, context: Context) -> None:
    """Show or change the digest length, quiet days, language and sources."""
    chat = await chat_settings(update, runtime_of(context))
    args = [a.lower() for a in context.args or []]
    call = ChatCall(update, context, translator_for(update, chat), args[1:], chat)
    if not args:
        await _show_settings(call)
        return
    await dispatch(SETTINGS, args[0], call, "settings")


async def _settings_length(call: ChatCall) -> bool:
    """/settings length short|medium|long: the digest length."""
    lengths = runtime_of(call.context).settings.lengths
    if len(call.args) != 1 or call.args[0] not in lengths:
        return False
    words = lengths[call.args[0]]
    await runtime_of(call.context).chats.update_chat(chat_id=call.chat.id, words=words)
    await _show_settings(call)
    return True


async def _settings_quiet(call: ChatCall) -> bool:
    """/settings quiet DAYS|none: the days without briefings."""
    if not call.args:
        return False
    days = [] if call.args == ["none"] else [d[:3] for d in call.args]
    if any(d not in WEEKDAYS for d in days):
        hint = call.tr.text(texts.QUIET_DAYS_HINT)
        await usage(call.update, call.context, "settings", hint, tr=call.tr)
        return True
    quiet = sorted(set(days), key=WEEKDAYS.index)
    await runtime_of(call.context).chats.update_chat(chat_id=call.chat.id, quiet_days=quiet)
    await _show_settings(call)
    return True


async def _settings_language(call: ChatCall) -> bool:
    """/settings language xx: the language of the bot's messages."""
    if len(call.args) != 1:
        return False
    await _set_language(call.update, call.context, call.chat, call.args[0], call.tr)
    return True


async def _show_settings(call: ChatCall) -> None:
    """Answer with the chat's settings as they are now, and the usage line."""
    rt, tr, lengths = runtime_of(call.context), call.tr, runtime_of(call.context).settings.lengths
    chat = await chat_settings(call.update, rt)
    words = chat.words or rt.settings.digest_words
    named = next(
        (name for name, value in lengths.items() if value == words),
        tr.plural(texts.WORD_COUNT, words),
    )
    summary = tr.text(
        texts.SETTINGS,
        subscribed=tr.text(texts.YES if chat.subscribed else texts.NO),
        plan=Html(_plan(chat, tr)),
        length=named,
        quiet=", ".join(chat.quiet_days) or tr.text(texts.NONE),
        topics=", ".join(chat.topics) or tr.text(texts.ALL_NEWS),
    )
    language = tr.text(texts.SETTINGS_LANGUAGE, language=LANGUAGES[tr.language])
    usage_line = tr.text(texts.USAGE_LINE, usage=tr.text(texts.USAGE["settings"]))
    await reply(call.update, call.context, f"{summary}\n{language}\n\n{usage_line}")


SETTINGS: dict[str, Subcommand[ChatCall]] = {
    "length": _settings_length,
    "quiet": _settings_quiet,
    "language": _settings_language,
    "sources": settings_sources,
}


async def _set_language(
    update: Update, context: Context, chat: ChatInfo, code: str, tr: Translator
) -> None:
    """Answer /settings language xx: switch the chat's messages, or list the languages."""
    language = catalogue_for(code)
    if language is None:
        choices = ", ".join(f"{key} ({name})" for key, name in LANGUAGES.items())
        text = tr.text(texts.LANGUAGE_UNKNOWN, code=code[:20], languages=choices)
        await reply(update, context, text)
        return
    rt = runtime_of(context)
    await rt.chats.update_chat(chat_id=chat.id, language=language)
    remember_language(rt, chat.id, language)
    new = translator(language)
    await reply(update, context, new.text(texts.LANGUAGE_SET, language=LANGUAGES[language]))
