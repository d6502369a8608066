"""/channel: a private chat's scheduled briefings posted to a channel its user administers.

Telegram is asked, at the time of the command, whether the user administers the channel and
whether the bot is an administrator there that may post (getChatMember for both). A channel that
removes the bot, or answers a briefing with 403, is dropped and its chat told so.
"""

from __future__ import annotations

import logging
import re

from telegram import Bot, ChatFullInfo, ChatMemberAdministrator, Update
from telegram.constants import ChatType
from telegram.error import TelegramError

from bot import texts
from bot.handlers.common import Context, chat_settings, reply
from bot.i18n import Translator
from bot.language import translator_of
from bot.ports import ChatInfo
from bot.rights import is_admin_status
from bot.runtime import Runtime, runtime_of

logger = logging.getLogger(__name__)


_CHAT_ID = re.compile(r"-?[0-9]{1,19}")
_LINK = re.compile(r"^(https?://)?(t|telegram)\.me/", re.IGNORECASE)  # t.me/name is @name


def _name(chat: ChatFullInfo) -> str:
    return f"@{chat.username}" if chat.username else (chat.title or str(chat.id))


def _plan(tr: Translator, chat: ChatInfo) -> str:
    times = ", ".join(chat.times) or tr.text(texts.NO_TIMES)
    return tr.text(texts.PLAN, times=times, zone=chat.timezone)


async def channel(update: Update, context: Context) -> None:
    """Show, set or stop the channel that receives this chat's scheduled briefings."""
    tr = await translator_of(update, context)
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None
    if chat.type != ChatType.PRIVATE or user is None:
        await reply(update, context, tr.text(texts.CHANNEL_PRIVATE_ONLY))
        return
    rt = runtime_of(context)
    args = context.args or []
    if not args:
        current = await rt.chats.channel_of(chat_id=chat.id)
        text = (
            tr.text(texts.CHANNEL_IS, channel=current[1]) if current else tr.text(texts.NO_CHANNEL)
        )
        usage = tr.text(texts.USAGE_LINE, usage=tr.text(texts.CHANNEL_USAGE))
        await reply(update, context, f"{text}\n{usage}")
        return
    if len(args) != 1:
        usage = tr.text(texts.USAGE_LINE, usage=tr.text(texts.CHANNEL_USAGE))
        await reply(update, context, usage)
        return
    if args[0].lower() in {"off", "none", "stop"}:
        await rt.chats.clear_channel(chat_id=chat.id)
        await reply(update, context, tr.text(texts.CHANNEL_OFF))
        return
    await _set(update, context, rt, tr, args[0][:100], user.id)


async def _set(
    update: Update, context: Context, rt: Runtime, tr: Translator, wanted: str, user_id: int
) -> None:
    """Check the channel, the user's rights and the bot's there; then remember it."""
    target: int | str = _LINK.sub("", wanted)
    if _CHAT_ID.fullmatch(wanted):
        target = int(wanted)
    elif not str(target).startswith("@"):
        target = f"@{target}"
    found = await _channel(context.bot, target)
    if found is None:
        await reply(update, context, tr.text(texts.CHANNEL_NOT_FOUND, channel=str(target)))
        return
    name = _name(found)
    if found.type != ChatType.CHANNEL:
        await reply(update, context, tr.text(texts.CHANNEL_NOT_A_CHANNEL, channel=name))
        return
    if not is_admin_status(await _status(context.bot, found.id, user_id)):
        await reply(update, context, tr.text(texts.CHANNEL_NOT_YOURS, channel=name))
        return
    if not await _bot_can_post(context.bot, found.id):
        await reply(update, context, tr.text(texts.CHANNEL_BOT_NOT_ADMIN, channel=name))
        return
    chat = await chat_settings(update, rt)
    await rt.chats.set_channel(
        chat_id=chat.id,
        channel_id=found.id,
        title=name,
        now=rt.now(),
    )
    text = tr.text(texts.CHANNEL_SET, channel=name, plan=_plan(tr, chat))
    if not chat.subscribed:
        text += " " + tr.text(texts.SUBSCRIBE_TO_RECEIVE)
    logger.info("chat %s: briefings to channel %s", chat.id, found.id)
    await reply(update, context, text)


async def _channel(bot: Bot, target: int | str) -> ChatFullInfo | None:
    try:
        return await bot.get_chat(target)
    except TelegramError as exc:
        logger.info("getChat %s failed: %s", target, exc)
        return None


async def _status(bot: Bot, chat_id: int, user_id: int) -> str:
    """Asked now, not from the cache: the user may have just promoted the bot."""
    try:
        return (await bot.get_chat_member(chat_id, user_id)).status
    except TelegramError as exc:
        logger.info("getChatMember %s/%s failed: %s", chat_id, user_id, exc)
        return "unknown"


async def _bot_can_post(bot: Bot, channel_id: int) -> bool:
    try:
        member = await bot.get_chat_member(channel_id, bot.id)
    except TelegramError as exc:
        logger.info("getChatMember %s/bot failed: %s", channel_id, exc)
        return False
    if isinstance(member, ChatMemberAdministrator):
        return bool(member.can_post_messages)
    return is_admin_status(member.status)


__all__ = ["channel"]
