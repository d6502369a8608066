"""The in-process request: PTB's do_request signature, getMe with the bot, the rest by answer."""

from __future__ import annotations

import inspect
import json
from typing import Any

from telegram import Bot
from telegram.request import BaseRequest

from bot.inprocess import BOT, InProcessRequest


class _Noting(InProcessRequest):
    def __init__(self) -> None:
        self.seen: list[tuple[str, dict[str, str]]] = []

    def answer(self, name: str, params: dict[str, str]) -> Any:
        self.seen.append((name, params))
        return super().answer(name, params)


def test_it_takes_the_parameters_ptb_passes() -> None:
    ours = inspect.signature(InProcessRequest.do_request).parameters
    theirs = inspect.signature(BaseRequest.do_request).parameters
    assert [(p.name, p.default) for p in ours.values()] == [
        (p.name, p.default) for p in theirs.values()
    ]


async def test_a_bot_starts_on_it_and_its_calls_reach_answer() -> None:
    request = _Noting()
    bot = Bot("123:abc", request=request)
    async with bot:  # initialize: getMe, answered with BOT and not passed on
        assert bot.username == BOT["username"]
        assert await bot.delete_message(5, 7) is True
    assert [name for name, _ in request.seen] == ["deleteMessage"]
    assert {key: json.loads(value) for key, value in request.seen[0][1].items()} == {
        "chat_id": 5,
        "message_id": 7,
    }
