"""`briefing chat`: talk to the bot's real handlers in a terminal, with no token and no network.

Typed lines become Telegram updates fed to Application.process_update; the bot's requests go to
an in-process request object that prints messages instead of calling the Bot API. Typing the
number of a button presses it.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import time
from collections.abc import Callable
from typing import Any, TextIO

from telegram import Update

from bot.app import AnyApp
from bot.inprocess import BOT, InProcessRequest

CHAT_ID = 1
USER = {"id": CHAT_ID, "is_bot": False, "first_name": "You"}
CHAT = {"id": CHAT_ID, "type": "private", "first_name": "You"}
_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_COMMAND = re.compile(r"^/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?")


def to_plain(text: str) -> str:
    """Render Telegram HTML for a terminal: links as 'text (url)', tags dropped, unescaped."""
    text = _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})", text)  # the address still escaped
    return html.unescape(_TAG.sub("", text))


class TerminalRequest(InProcessRequest):
    """Answers the Bot API methods the bot uses, printing what it sends to a text stream."""

    def __init__(self, out: TextIO) -> None:
        """Print to `out`."""
        self.out = out
        self.buttons: dict[int, tuple[int, str]] = {}
        self.messages: dict[int, dict[str, Any]] = {}
        self._ids = itertools.count(1)

    def answer(self, name: str, params: dict[str, str]) -> Any:
        """Print what the bot sends and answer as Telegram would."""
        if name in {"sendMessage", "editMessageText"}:
            return self._show(name, params)
        if name == "answerCallbackQuery" and params.get("text"):
            print(f"({params['text']})", file=self.out)
        return True

    def _show(self, name: str, params: dict[str, str]) -> dict[str, Any]:
        markup = json.loads(params["reply_markup"]) if params.get("reply_markup") else None
        if name == "editMessageText":
            message_id = int(params["message_id"])
            print("(the message above is replaced by:)", file=self.out)
        else:
            message_id = next(self._ids)
        print(to_plain(params.get("text", "")), file=self.out)
        if markup:
            labels = []
            for row in markup.get("inline_keyboard", []):
                for button in row:
                    if "url" in button:  # a link to open, not a button to press
                        labels.append(f"{button.get('text', '')} ({button['url']})")
                        continue
                    number = len(self.buttons) + 1
                    self.buttons[number] = (message_id, button.get("callback_data", ""))
                    labels.append(f"[{number}] {button.get('text', '')}")
            print("  ".join(labels) + "   (type a number to press)", file=self.out)
        print(file=self.out)
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": CHAT,
            "from": BOT,
            "text": params.get("text", ""),
        }
        if markup:
            message["reply_markup"] = markup
        self.messages[message_id] = message
        return message


def update_for(line: str, request: TerminalRequest, update_id: int, app: AnyApp) -> Update | None:
    """Turn a typed line into an Update: a button press for a known number, else a message."""
    text = line.strip()
    if not text:
        return None
    if text.isdigit() and int(text) in request.buttons:
        message_id, data = request.buttons[int(text)]
        query = {
            "id": str(update_id),
            "from": USER,
            "message": request.messages[message_id],
            "chat_instance": "terminal",
            "data": data,
        }
        return Update.de_json({"update_id": update_id, "callback_query": query}, app.bot)
    message: dict[str, Any] = {
        "message_id": 10_000 + update_id,
        "date": int(time.time()),
        "chat": CHAT,
        "from": USER,
        "text": text,
    }
    command = _COMMAND.match(text)
    if command:
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command.group())}]
    return Update.de_json({"update_id": update_id, "message": message}, app.bot)


async def chat_session(
    app: AnyApp, request: TerminalRequest, read_line: Callable[[], str | None], out: TextIO
) -> None:
    """Run the bot and feed it typed lines until end of input or /quit.

    Args:
        app: an application built with `request` (no updater).
        request: the terminal request object the bot prints through.
        read_line: returns the next line, or None at end of input (called in a thread).
        out: where prompts and help go.
    """
    await app.initialize()
    try:
        if app.post_init is not None:
            await app.post_init(app)
        await app.start()
        try:
            print("Briefing chat: type /start, /brief, /help ... (/quit to leave)\n", file=out)
            for update_id in itertools.count(1):
                line = await asyncio.to_thread(read_line)
                if line is None or line.strip() in {"/quit", "/exit"}:
                    break
                update = update_for(line, request, update_id, app)
                if update is not None:
                    await app.process_update(update)
        finally:
            await app.stop()
    finally:
        await app.shutdown()
