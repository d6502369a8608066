"""Chat membership changes: the bot removed from a group, a group upgraded to a supergroup."""

from __future__ import annotations

import logging

from telegram import ChatMember, Update
from telegram.constants import ChatType

from bot.channels import channel_lost
from bot.handlers.common import Context
from bot.jobs import drop_chat_job, refresh_chat_job
from bot.runtime import runtime_of

logger = logging.getLogger(__name__)


async def my_membership(update: Update, context: Context) -> None:
    """Unsubscribe a chat the bot was removed from (left or kicked); forget such a channel."""
    change = update.my_chat_member
    if change is None:
        return
    if change.new_chat_member.status in {ChatMember.LEFT, ChatMember.BANNED}:
        rt = runtime_of(context)
        if change.chat.type == ChatType.CHANNEL:  # a channel that received a chat's briefings
            await channel_lost(context.bot, rt, change.chat.id, change.new_chat_member.status)
            return
        chat_id = change.chat.id
        reason = f"removed from chat ({change.new_chat_member.status})"
        await rt.chats.set_subscription(chat_id=chat_id, active=False, reason=reason)
        await refresh_chat_job(context.application, rt, chat_id)
        logger.info("chat %s: %s; unsubscribed", chat_id, reason)


async def migrated(update: Update, context: Context) -> None:
    """Move a group's settings to its new supergroup id."""
    message = update.effective_message
    if message is None or message.migrate_to_chat_id is None:
        return
    rt = runtime_of(context)
    old_id, new_id = message.chat.id, message.migrate_to_chat_id
    if await rt.chats.migrate_chat(old_id=old_id, new_id=new_id):
        drop_chat_job(context.application, old_id)
        await refresh_chat_job(context.application, rt, new_id)
        logger.info("chat %s moved to supergroup %s", old_id, new_id)
