"""Subcommands as dispatch tables: a word names a small async function, else the usage line."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from telegram import Update

from bot.handlers.common import Context, usage
from bot.i18n import Translator
from bot.ports import ChatInfo


@dataclass(frozen=True, slots=True)
class Call:
    """One use of a command: the update, its context, the chat's translator and the words after
    the subcommand."""

    update: Update
    context: Context
    tr: Translator
    args: list[str]


@dataclass(frozen=True, slots=True)
class ChatCall(Call):
    """A Call that already read the chat's settings."""

    chat: ChatInfo


C = TypeVar("C", bound=Call)
# A subcommand answers and returns True, or returns False when its arguments do not fit.
Subcommand = Callable[[C], Awaitable[bool]]


async def dispatch(
    table: Mapping[str, Callable[[C], Awaitable[bool]]],
    action: str,
    call: C,
    command: str,
) -> None:
    """Run the subcommand `action` of `table`; the usage line of `command` (a key of
    texts.USAGE) when there is none or it refuses."""
    subcommand = table.get(action)
    if subcommand is None or not await subcommand(call):
        await usage(call.update, call.context, command, tr=call.tr)


__all__ = ["Call", "ChatCall", "Subcommand", "dispatch"]
