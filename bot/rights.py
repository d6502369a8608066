"""Who may change a chat's settings: Telegram's administrators of a group or channel.

In a private chat its user decides. In a group, commands that change the group's settings need
the sender to be an administrator there (asked with getChatMember, remembered for a minute per
chat and user); an anonymous administrator, whose messages come from GroupAnonymousBot on behalf
of the group itself, counts as one. Everyone else is told so and nothing changes.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from typing import Any

from telegram import Bot, ChatMember, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import texts
from bot.language import translator_of
from bot.sender import send_html

logger = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]

ANONYMOUS_ADMIN_ID = 1087968824  # GroupAnonymousBot, the sender of anonymous administrators
CACHE_SECONDS = 60.0
CACHE_KEY = "rights_cache"
_ADMIN_STATUSES = frozenset({ChatMember.ADMINISTRATOR, ChatMember.OWNER})


@dataclass(slots=True)
class MemberCache:
    """Recent getChatMember answers: (chat id, user id) -> (expiry on the monotonic clock, status).

    Bounded: when it holds `limit` entries the expired ones go, and if none had, all of them.
    """

    seconds: float = CACHE_SECONDS
    limit: int = 10_000
    entries: dict[tuple[int | str, int], tuple[float, str]] = field(default_factory=dict)

    def get(self, chat_id: int | str, user_id: int) -> str | None:
        hit = self.entries.get((chat_id, user_id))
        if hit is None or hit[0] <= time.monotonic():
            return None
        return hit[1]

    def put(self, chat_id: int | str, user_id: int, status: str) -> None:
        now = time.monotonic()
        if len(self.entries) >= self.limit:
            self.entries = {k: v for k, v in self.entries.items() if v[0] > now}
            if len(self.entries) >= self.limit:
                self.entries.clear()
        self.entries[(chat_id, user_id)] = (now + self.seconds, status)

    def forget(self, chat_id: int) -> None:
        """Drop every answer about one chat (its administrators may have changed)."""
        self.entries = {k: v for k, v in self.entries.items() if k[0] != chat_id}


def cache_of(context: Context) -> MemberCache:
    """The application's member cache (created on first use)."""
    cache = context.application.bot_data.get(CACHE_KEY)
    if not isinstance(cache, MemberCache):
        cache = MemberCache()
        context.application.bot_data[CACHE_KEY] = cache
    return cache


async def member_status(bot: Bot, cache: MemberCache, chat_id: int | str, user_id: int) -> str:
    """A user's status in a chat ("creator", "administrator", "member", "left"...).

    Args:
        bot: the bot that asks Telegram.
        cache: recent answers (an answer is asked again after `cache.seconds`).
        chat_id: the chat's id (or @username).
        user_id: the user's id (the bot's own id asks about the bot).

    Returns:
        The status; "unknown" when Telegram refused to say (the bot is not in the chat, no such
        chat): that grants nothing and is not remembered.
    """
    key = chat_id if isinstance(chat_id, int) else chat_id.lower()
    status = cache.get(key, user_id)
    if status is not None:
        return status
    try:
        member = await bot.get_chat_member(chat_id, user_id)
    except TelegramError as exc:
        logger.info("getChatMember %s/%s failed: %s", chat_id, user_id, exc)
        return "unknown"
    cache.put(key, user_id, member.status)
    return member.status


def is_admin_status(status: str) -> bool:
    """Whether a member status is an administrator's (the creator is one)."""
    return status in _ADMIN_STATUSES


async def may_change(update: Update, context: Context) -> bool:
    """Whether the sender of an update may change its chat's settings.

    Private chats: always. Groups and supergroups: administrators only, anonymous ones
    included. Channels: the post comes from the channel's administrators, so yes.
    """
    chat, message = update.effective_chat, update.effective_message
    if chat is None:
        return False
    if chat.type in {ChatType.PRIVATE, ChatType.CHANNEL}:
        return True
    if message is not None and message.sender_chat is not None:
        # An anonymous administrator writes as the group itself; a linked channel's automatic
        # forwards also carry a sender_chat, but never the group's own id.
        return message.sender_chat.id == chat.id
    user = update.effective_user
    if user is None or user.id == ANONYMOUS_ADMIN_ID:
        return False
    status = await member_status(context.bot, cache_of(context), chat.id, user.id)
    return is_admin_status(status)


async def refuse(update: Update, context: Context) -> None:
    """Tell the sender that only the group's administrators can change its settings."""
    chat = update.effective_chat
    assert chat is not None
    tr = await translator_of(update, context)
    await send_html(context.bot, chat.id, tr.text(texts.GROUP_ADMINS_ONLY))


def always(_args: Sequence[str]) -> bool:
    """Every use of the command changes something."""
    return True


def with_arguments(args: Sequence[str]) -> bool:
    """The command changes something when given arguments (alone it only shows)."""
    return bool(args)


def admins_only(callback: Handler, *, changes: Callable[[Sequence[str]], bool] = always) -> Handler:
    """Wrap a command so that in groups only administrators can run the uses that change.

    Args:
        callback: the command's handler.
        changes: given the command's arguments, whether this use changes the chat's settings
            (showing them stays open to every member).

    Returns:
        A handler that refuses non-administrators with a clear reply and runs `callback`
        otherwise.
    """

    @functools.wraps(callback)
    async def guarded(update: Update, context: Context) -> None:
        if changes(context.args or []) and not await may_change(update, context):
            await refuse(update, context)
            return
        await callback(update, context)

    return guarded


__all__ = [
    "ANONYMOUS_ADMIN_ID",
    "CACHE_SECONDS",
    "MemberCache",
    "admins_only",
    "always",
    "cache_of",
    "is_admin_status",
    "may_change",
    "member_status",
    "refuse",
    "with_arguments",
]
