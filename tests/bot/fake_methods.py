"""The Bot API methods of the fake server: Telegram's checks, flood limits, recorded messages."""

from __future__ import annotations

import itertools
import json
import math
import re
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from tests.bot.telegram_html import HTMLError, parse, utf16_len

BOT_ID = 7000001
BOT_USERNAME = "briefing_test_bot"
JSONDict = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Sent:
    """A message as the fake server accepted it."""

    chat_id: int
    message_id: int
    html: str
    text: str
    at: float
    reply_markup: JSONDict | None
    no_preview: bool
    edited: bool = False


@dataclass(slots=True)
class Fault:
    """Answer the next `count` matching calls with an error instead of running them."""

    status: int
    method: str | None = None
    chat_id: int | None = None
    count: int = 1
    retry_after: int | None = None
    description: str = ""


@dataclass(slots=True)
class Limits:
    """Flood limits the server enforces (429 + a recorded violation when broken)."""

    chat_interval: float = 1.0
    group_per_minute: int = 20
    group_period: float = 60.0
    global_per_second: int = 30
    tolerance: float = 0.05


@dataclass(slots=True)
class State:
    updates: list[JSONDict] = field(default_factory=list)
    chats: dict[int, JSONDict] = field(default_factory=dict)
    users: dict[int, JSONDict] = field(default_factory=dict)
    messages: dict[tuple[int, int], JSONDict] = field(default_factory=dict)
    sent: list[Sent] = field(default_factory=list)
    calls: list[tuple[str, JSONDict]] = field(default_factory=list)
    commands: dict[str, list[JSONDict]] = field(default_factory=dict)
    answers: list[JSONDict] = field(default_factory=list)
    callback_ids: set[str] = field(default_factory=set)
    faults: list[Fault] = field(default_factory=list)
    blocked: set[int] = field(default_factory=set)
    migrated: dict[int, int] = field(default_factory=dict)
    violations: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    chat_times: dict[int, deque[float]] = field(default_factory=dict)
    global_times: deque[float] = field(default_factory=deque)
    # Members and files (tests.bot.fake_members): administrators per chat (none set: everyone),
    # each chat's creator, users (or the bot) who left, uploaded files and documents sent.
    admins: dict[int, set[int]] = field(default_factory=dict)
    owners: dict[int, int] = field(default_factory=dict)
    left: dict[int, set[int]] = field(default_factory=dict)
    member_lookups: int = 0
    files: dict[str, bytes] = field(default_factory=dict)
    documents: list[tuple[int, str, bytes, str]] = field(default_factory=list)


class BotApiMethods:
    """Method implementations; FakeBotApi adds the HTTP server and the test helpers."""

    state: State
    limits: Limits
    webhook: JSONDict | None
    _ids: itertools.count[int]

    def _check_rate(self, chat_id: int) -> tuple[int, JSONDict] | None:
        now = time.monotonic()
        limits = self.limits
        times = self.state.chat_times.setdefault(chat_id, deque())
        problem = None
        if times and now - times[-1] < limits.chat_interval - limits.tolerance:
            problem = (
                f"chat {chat_id}: {now - times[-1]:.3f} s after the last message",
                limits.chat_interval - (now - times[-1]),
            )
        period = limits.group_period
        recent = [t for t in times if now - t < period - limits.tolerance]
        if chat_id < 0 and len(recent) >= limits.group_per_minute:
            problem = (
                f"group {chat_id}: over {limits.group_per_minute}",
                period - (now - recent[0]),
            )
        glob = [t for t in self.state.global_times if now - t < 1 - limits.tolerance]
        if len(glob) >= limits.global_per_second:
            problem = (f"over {limits.global_per_second}/s in all", 1 - (now - glob[0]))
        if problem:
            self.state.violations.append(problem[0])
            return error_reply(
                429,
                "Too Many Requests: retry later",
                {"retry_after": max(1, math.ceil(problem[1]))},
            )
        times.append(now)
        while times and now - times[0] > 61:
            times.popleft()
        self.state.global_times.append(now)
        while self.state.global_times and now - self.state.global_times[0] > 2:
            self.state.global_times.popleft()
        return None

    def _validate(self, params: JSONDict) -> tuple[int, JSONDict] | tuple[str, str]:
        chat_id = as_int(params.get("chat_id"))
        if chat_id is None or chat_id not in self.state.chats:
            return self._reject("Bad Request: chat not found")
        html = str(params.get("text", ""))
        if params.get("parse_mode") == "HTML":
            try:
                text = parse(html)
            except HTMLError as exc:
                return self._reject(f"Bad Request: can't parse entities: {exc}")
        else:
            text = html
        if not text.strip():
            return self._reject("Bad Request: message text is empty")
        if utf16_len(text) > 4096:
            return self._reject("Bad Request: message is too long")
        return html, text

    def _reject(self, description: str) -> tuple[int, JSONDict]:
        self.state.rejected.append(description)
        return error_reply(400, description)

    def _message(self, chat_id: int, text: str, markup: JSONDict | None) -> JSONDict:
        message: JSONDict = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": self.state.chats[chat_id],
            "from": bot_user(),
            "text": text,
        }
        if markup:
            message["reply_markup"] = markup
        return message

    # -- Bot API methods ------------------------------------------------------------------------

    def _m_getMe(self, _: JSONDict) -> tuple[int, JSONDict]:
        return 200, {"ok": True, "result": bot_user()}

    def _m_deleteWebhook(self, _: JSONDict) -> tuple[int, JSONDict]:
        self.webhook = None
        return 200, {"ok": True, "result": True}

    def _m_setWebhook(self, params: JSONDict) -> tuple[int, JSONDict]:
        if not str(params.get("url", "")).startswith(("http://", "https://")):
            return self._reject("Bad Request: bad webhook: an HTTPS URL must be provided")
        self.webhook = params
        return 200, {"ok": True, "result": True}

    def _m_setMyCommands(self, params: JSONDict) -> tuple[int, JSONDict]:
        commands = json.loads(params.get("commands", "[]"))
        if not 0 < len(commands) <= 100:
            return self._reject("Bad Request: too many commands")
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command.get("command", "")):
                return self._reject(f"Bad Request: BOT_COMMAND_INVALID {command}")
            if not 1 <= len(command.get("description", "")) <= 256:
                return self._reject("Bad Request: command description is invalid")
        scope = params.get("scope") or '{"type": "default"}'
        self.state.commands[json.dumps(json.loads(scope), sort_keys=True)] = commands
        return 200, {"ok": True, "result": True}

    def _m_getMyCommands(self, params: JSONDict) -> tuple[int, JSONDict]:
        scope = json.dumps(json.loads(params.get("scope") or '{"type": "default"}'), sort_keys=True)
        return 200, {"ok": True, "result": self.state.commands.get(scope, [])}

    def _m_sendChatAction(self, _: JSONDict) -> tuple[int, JSONDict]:
        return 200, {"ok": True, "result": True}

    def _m_sendMessage(self, params: JSONDict) -> tuple[int, JSONDict]:
        checked = self._validate(params)
        if isinstance(checked[0], int):
            return checked
        html, text = checked
        chat_id = int(params["chat_id"])
        limited = self._check_rate(chat_id)
        if limited:
            return limited
        markup = json.loads(params["reply_markup"]) if params.get("reply_markup") else None
        message = self._message(chat_id, text, markup)
        self.state.messages[(chat_id, message["message_id"])] = message
        self.state.sent.append(
            Sent(
                chat_id,
                message["message_id"],
                str(html),
                str(text),
                time.monotonic(),
                markup,
                no_preview(params),
            )
        )
        return 200, {"ok": True, "result": message}

    def _m_editMessageText(self, params: JSONDict) -> tuple[int, JSONDict]:
        checked = self._validate(params)
        if isinstance(checked[0], int):
            return checked
        html, text = checked
        chat_id = int(params["chat_id"])
        key = (chat_id, int(params.get("message_id", 0)))
        old = self.state.messages.get(key)
        if old is None:
            return self._reject("Bad Request: message to edit not found")
        markup = json.loads(params["reply_markup"]) if params.get("reply_markup") else None
        if old["text"] == text and old.get("reply_markup") == markup:
            return self._reject("Bad Request: message is not modified")
        limited = self._check_rate(chat_id)
        if limited:
            return limited
        message = {**old, "text": text, "edit_date": int(time.time())}
        if markup:
            message["reply_markup"] = markup
        self.state.messages[key] = message
        self.state.sent.append(
            Sent(
                chat_id,
                key[1],
                str(html),
                str(text),
                time.monotonic(),
                markup,
                no_preview(params),
                edited=True,
            )
        )
        return 200, {"ok": True, "result": message}

    def _m_answerCallbackQuery(self, params: JSONDict) -> tuple[int, JSONDict]:
        query_id = str(params.get("callback_query_id"))
        if query_id not in self.state.callback_ids:
            return self._reject("Bad Request: query is too old and response timeout expired")
        self.state.callback_ids.discard(query_id)
        self.state.answers.append(params)
        return 200, {"ok": True, "result": True}


def bot_user() -> JSONDict:
    """The bot's User object as getMe returns it."""
    return {
        "id": BOT_ID,
        "is_bot": True,
        "first_name": "Briefing",
        "username": BOT_USERNAME,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
    }


def no_preview(params: JSONDict) -> bool:
    """Tell whether a send asked for link previews to be off."""
    options = params.get("link_preview_options")
    if options:
        return bool(json.loads(options).get("is_disabled"))
    return str(params.get("disable_web_page_preview", "")).lower() == "true"


def form_params(content_type: str, body: bytes) -> JSONDict:
    """Decode a form-encoded or JSON request body into string parameters."""
    if not body:
        return {}
    if content_type.startswith("application/json"):
        loaded = json.loads(body)
        return {k: v if isinstance(v, str) else json.dumps(v) for k, v in loaded.items()}
    return {k: v[-1] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}


def as_int(value: Any) -> int | None:
    """Return value as an int, or None."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def error_reply(
    status: int, description: str, parameters: JSONDict | None = None
) -> tuple[int, JSONDict]:
    """An error answer as the Bot API sends it."""
    payload: JSONDict = {"ok": False, "error_code": status, "description": description}
    if parameters:
        payload["parameters"] = parameters
    return status, payload
