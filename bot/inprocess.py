"""A Bot API request object answered in the process: no token, no network (`briefing chat`,
benchmarks)."""

from __future__ import annotations

import json
from typing import Any

from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.request import BaseRequest, RequestData

__all__ = ["BOT", "InProcessRequest"]

#: The bot getMe answers with.
BOT = {"id": 2, "is_bot": True, "first_name": "Briefing", "username": "briefing_bot"}


class InProcessRequest(BaseRequest):
    """Answers the Bot API in the process: getMe with BOT, every other method with what
    `answer` gives (a subclass says what it does with the methods it cares about)."""

    @property
    def read_timeout(self) -> float | None:
        """No network, no timeout."""
        return None

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Answer one Bot API call as Telegram would, with `answer`'s result."""
        name = url.rsplit("/", 1)[-1]
        params = dict(request_data.json_parameters) if request_data else {}
        result = BOT if name == "getMe" else self.answer(name, params)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def answer(self, name: str, params: dict[str, str]) -> Any:
        """The result of one Bot API method other than getMe (here True, as for a method
        whose answer the bot does not read).

        Args:
            name: the method ("sendMessage").
            params: its parameters, each as JSON.
        """
        return True
