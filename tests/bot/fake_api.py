"""A fake Telegram Bot API server on 127.0.0.1 for tests: real HTTP, Telegram's rules, faults.

It serves `POST /bot<token>/<method>` like api.telegram.org, in its own thread and event loop,
checks what Telegram checks (HTML entities, 4,096 characters, known chat, flood limits), records
every message with its arrival time, and can answer 429, 403, 400 or 5xx on demand.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import threading
import time
from http import HTTPStatus
from typing import Any
from urllib.parse import unquote

from tests.bot.fake_members import MemberMethods, multipart_params
from tests.bot.fake_methods import (
    BOT_ID,
    BOT_USERNAME,
    BotApiMethods,
    Fault,
    JSONDict,
    Limits,
    Sent,
    State,
    as_int,
    bot_user,
    error_reply,
    form_params,
)
from tests.bot.telegram_html import utf16_len

__all__ = ["ANONYMOUS_ADMIN", "BOT_ID", "BOT_USERNAME", "FakeBotApi", "Limits", "Sent"]

ANONYMOUS_ADMIN = 1087968824  # GroupAnonymousBot: the sender of anonymous administrators

_PATH = re.compile(r"^/bot(?P<token>[^/]+)/(?P<method>[A-Za-z]+)$")
_COMMAND = re.compile(r"^/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?")
_FILE = re.compile(r"^/file/bot(?P<token>[^/]+)/(?P<path>.+)$")


class FakeBotApi(BotApiMethods, MemberMethods):
    """The server; start() it, point TELEGRAM_API_URL at .url, drive it with the helpers."""

    def __init__(self, token: str = "123456:TEST-token", limits: Limits | None = None) -> None:
        self.token = token
        self.limits = limits or Limits()
        self.state = State()
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wakeup: asyncio.Event | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self.port = 0
        self.webhook: JSONDict | None = None

    @property
    def url(self) -> str:
        """The base URL to use as TELEGRAM_API_URL."""
        return f"http://127.0.0.1:{self.port}"

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> FakeBotApi:
        """Start serving in a background thread; return self."""
        ready = threading.Event()

        def serve() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            self._wakeup = asyncio.Event()

            async def begin() -> None:
                self._server = await asyncio.start_server(self._connection, "127.0.0.1", 0)
                self.port = self._server.sockets[0].getsockname()[1]
                ready.set()

            loop.run_until_complete(begin())
            loop.run_forever()
            loop.close()

        self._thread = threading.Thread(target=serve, name="fake-bot-api", daemon=True)
        self._thread.start()
        ready.wait(5)
        return self

    def stop(self) -> None:
        """Stop the server and its thread."""
        loop = self._loop
        if loop is None or self._server is None:
            return
        server = self._server

        async def close() -> None:
            server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            for writer in list(self._writers):
                writer.close()
            await server.wait_closed()
            await asyncio.sleep(0.05)  # let the transports finish closing

        asyncio.run_coroutine_threadsafe(close(), loop).result(5)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread:
            self._thread.join(5)

    # -- driving the bot -----------------------------------------------------------------------

    def private_chat(
        self, user_id: int, name: str = "Ada", language_code: str | None = None
    ) -> JSONDict:
        """Register a private chat (chat id = user id) and return its chat object."""
        user: JSONDict = {"id": user_id, "is_bot": False, "first_name": name}
        if language_code is not None:
            user["language_code"] = language_code
        chat = {"id": user_id, "type": "private", "first_name": name}
        with self._lock:
            self.state.users[user_id] = user
            self.state.chats[user_id] = chat
        return chat

    def group_chat(
        self, chat_id: int, title: str = "Newsroom", kind: str = "supergroup"
    ) -> JSONDict:
        """Register a group chat (negative id) and return its chat object."""
        chat = {"id": chat_id, "type": kind, "title": title}
        with self._lock:
            self.state.chats[chat_id] = chat
        return chat

    def channel_chat(self, chat_id: int, username: str, title: str = "Channel") -> JSONDict:
        """Register a channel (negative id, public @username) and return its chat object."""
        chat = {"id": chat_id, "type": "channel", "title": title, "username": username}
        with self._lock:
            self.state.chats[chat_id] = chat
        return chat

    def set_admins(self, chat_id: int, *user_ids: int, owner: int | None = None) -> None:
        """Make exactly these users (and `owner`, the creator) the chat's administrators;
        include BOT_ID to make the bot one. Others are members."""
        with self._lock:
            self.state.admins[chat_id] = {*user_ids, *([owner] if owner is not None else [])}
            if owner is not None:
                self.state.owners[chat_id] = owner

    def leaves(self, chat_id: int, user_id: int) -> None:
        """A user (or the bot, BOT_ID) leaves a chat: getChatMember answers "left" for them,
        and for anyone once the bot itself is gone (403)."""
        with self._lock:
            self.state.left.setdefault(chat_id, set()).add(user_id)
            self.state.admins.get(chat_id, set()).discard(user_id)

    def user_sends_document(
        self,
        chat_id: int,
        data: bytes,
        file_name: str,
        user_id: int | None = None,
        caption: str = "",
    ) -> int:
        """Queue a document message (its bytes downloadable with getFile); return the update id."""
        with self._lock:
            chat = self.state.chats[chat_id]
            uid = user_id if user_id is not None else chat_id
            user = self.state.users.setdefault(
                uid, {"id": uid, "is_bot": False, "first_name": f"user{uid}"}
            )
            file_id = f"up{next(self._ids)}"
            self.state.files[file_id] = data
            message: JSONDict = {
                "message_id": next(self._ids),
                "date": int(time.time()),
                "chat": chat,
                "from": user,
                "document": {
                    "file_id": file_id,
                    "file_unique_id": f"u{file_id}",
                    "file_name": file_name,
                    "mime_type": "text/x-opml",
                    "file_size": len(data),
                },
            }
            if caption:
                message["caption"] = caption
            return self._queue({"message": message})

    def anonymous_admin_says(self, chat_id: int, text: str) -> int:
        """Queue a message an anonymous administrator sends: from GroupAnonymousBot, on behalf
        of the group itself (sender_chat is the group)."""
        with self._lock:
            chat = self.state.chats[chat_id]
            message: JSONDict = {
                "message_id": next(self._ids),
                "date": int(time.time()),
                "chat": chat,
                "sender_chat": chat,
                "from": {
                    "id": ANONYMOUS_ADMIN,
                    "is_bot": True,
                    "first_name": "Group",
                    "username": "GroupAnonymousBot",
                },
                "text": text,
            }
            command = _COMMAND.match(text)
            if command:
                message["entities"] = [
                    {"type": "bot_command", "offset": 0, "length": utf16_len(command.group())}
                ]
            return self._queue({"message": message})

    def documents(self, chat_id: int | None = None) -> list[tuple[int, str, bytes, str]]:
        """The documents the bot sent: (chat id, file name, bytes, caption)."""
        with self._lock:
            return [d for d in self.state.documents if chat_id is None or d[0] == chat_id]

    def user_says(self, chat_id: int, text: str, user_id: int | None = None) -> int:
        """Queue a text message from a user in a chat; return its update id."""
        with self._lock:
            chat = self.state.chats[chat_id]
            uid = user_id if user_id is not None else chat_id
            user = self.state.users.setdefault(
                uid, {"id": uid, "is_bot": False, "first_name": f"user{uid}"}
            )
            message: JSONDict = {
                "message_id": next(self._ids),
                "date": int(time.time()),
                "chat": chat,
                "from": user,
                "text": text,
            }
            command = _COMMAND.match(text)
            if command:
                message["entities"] = [
                    {"type": "bot_command", "offset": 0, "length": utf16_len(command.group())}
                ]
            return self._queue({"message": message})

    def user_edits(
        self, chat_id: int, message_id: int, text: str, user_id: int | None = None
    ) -> int:
        """Queue an `edited_message` update: a user's earlier message now reads `text`."""
        with self._lock:
            chat = self.state.chats[chat_id]
            uid = user_id if user_id is not None else chat_id
            user = self.state.users.setdefault(
                uid, {"id": uid, "is_bot": False, "first_name": f"user{uid}"}
            )
            now = int(time.time())
            message: JSONDict = {
                "message_id": message_id,
                "date": now - 60,
                "edit_date": now,
                "chat": chat,
                "from": user,
                "text": text,
            }
            command = _COMMAND.match(text)
            if command:
                message["entities"] = [
                    {"type": "bot_command", "offset": 0, "length": utf16_len(command.group())}
                ]
            return self._queue({"edited_message": message})

    def press(self, chat_id: int, message_id: int, data: str, user_id: int | None = None) -> str:
        """Queue a button press on a bot message; return the callback query id."""
        with self._lock:
            message = self.state.messages[(chat_id, message_id)]
            uid = user_id if user_id is not None else abs(chat_id)
            user = self.state.users.setdefault(
                uid, {"id": uid, "is_bot": False, "first_name": f"user{uid}"}
            )
            query_id = f"cb{next(self._ids)}"
            self.state.callback_ids.add(query_id)
            query = {
                "id": query_id,
                "from": user,
                "message": message,
                "chat_instance": str(chat_id),
                "data": data,
            }
            self._queue({"callback_query": query})
            return query_id

    def fail(self, status: int, **kwargs: Any) -> None:
        """Answer the next matching call(s) with an HTTP error (see Fault)."""
        with self._lock:
            self.state.faults.append(Fault(status, **kwargs))

    def block(self, chat_id: int) -> None:
        """Make the chat answer 403 (the user blocked the bot or kicked it from the group)."""
        with self._lock:
            self.state.blocked.add(chat_id)

    def bot_removed(self, chat_id: int, status: str = "kicked") -> int:
        """Queue the my_chat_member update Telegram sends when the bot leaves or is kicked."""
        with self._lock:
            bot = {**bot_user(), "can_join_groups": None}
            bot = {k: v for k, v in bot.items() if v is not None}
            new: JSONDict = {"status": status, "user": bot}
            if status == "kicked":
                new["until_date"] = 0
            change = {
                "chat": self.state.chats[chat_id],
                "from": {"id": 1, "is_bot": False, "first_name": "Admin"},
                "date": int(time.time()),
                "old_chat_member": {"status": "member", "user": bot},
                "new_chat_member": new,
            }
            return self._queue({"my_chat_member": change})

    def group_migrates(self, old_id: int, new_id: int, *, announce: bool = True) -> None:
        """Upgrade a group to a supergroup: sends to the old id answer 400 migrate_to_chat_id."""
        self.group_chat(new_id, self.state.chats[old_id].get("title", ""), "supergroup")
        with self._lock:
            self.state.migrated[old_id] = new_id
            if announce:
                message = {
                    "message_id": next(self._ids),
                    "date": int(time.time()),
                    "chat": self.state.chats[old_id],
                    "from": {"id": 1, "is_bot": False, "first_name": "Admin"},
                    "migrate_to_chat_id": new_id,
                }
                self._queue({"message": message})

    def sent(self, chat_id: int | None = None) -> list[Sent]:
        """Return the messages accepted so far (of one chat when given)."""
        with self._lock:
            return [s for s in self.state.sent if chat_id is None or s.chat_id == chat_id]

    def calls(self, method: str | None = None) -> list[JSONDict]:
        """Return the parameters of every call (of one method when given)."""
        with self._lock:
            return [p for m, p in self.state.calls if method is None or m == method]

    async def wait_sent(self, chat_id: int, count: int = 1, timeout: float = 10.0) -> list[Sent]:
        """Wait (in the caller's loop) until a chat has received `count` messages."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = self.sent(chat_id)
            if len(got) >= count:
                return got
            await asyncio.sleep(0.02)
        got = self.sent(chat_id)
        raise AssertionError(f"chat {chat_id}: {len(got)} message(s) after {timeout} s: {got}")

    async def reply_to(
        self, chat_id: int, text: str, timeout: float = 10.0, user_id: int | None = None
    ) -> Sent:
        """Send a user message and wait for the bot's next message in that chat."""
        before = len(self.sent(chat_id))
        self.user_says(chat_id, text, user_id=user_id)
        return (await self.wait_sent(chat_id, before + 1, timeout))[before]

    # -- internals ------------------------------------------------------------------------------

    def _queue(self, payload: JSONDict) -> int:
        update_id = next(self._ids)
        self.state.updates.append({"update_id": update_id, **payload})
        if self._loop and self._wakeup:
            self._loop.call_soon_threadsafe(self._wakeup.set)
        return update_id

    @staticmethod
    async def _read_request(
        reader: asyncio.StreamReader,
    ) -> tuple[str, dict[str, str], bytes] | None:
        """Read one HTTP request: (unquoted path, lower-case headers, body); None at EOF."""
        line = await reader.readline()
        if not line:
            return None
        _verb, target, _ = line.decode("latin-1").split(" ", 2)
        headers: dict[str, str] = {}
        while True:
            raw = await reader.readline()
            if raw in (b"\r\n", b"\n", b""):
                break
            name, _, value = raw.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        body = await reader.readexactly(int(headers.get("content-length", "0")))
        return unquote(target), headers, body

    @staticmethod
    def _response(status: int, payload: JSONDict) -> tuple[bytes, bytes]:
        """The head and body of a JSON answer."""
        data = json.dumps(payload).encode()
        head = (
            f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n"
        )
        return head.encode(), data

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while (request := await self._read_request(reader)) is not None:
                download = self._file(request[0])
                if download is not None:
                    head, data = download
                else:
                    status, payload = await self._dispatch(*request)
                    head, data = self._response(status, payload)
                writer.write(head + data)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    def _file(self, target: str) -> tuple[bytes, bytes] | None:
        """The answer to a file download (GET /file/bot<token>/<path>), None for other paths."""
        match = _FILE.match(target.split("?")[0])
        if not match:
            return None
        with self._lock:
            data = self.download(match["path"]) if match["token"] == self.token else None
        if data is None:
            return self._response(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
        return (head + f"Content-Length: {len(data)}\r\n\r\n").encode(), data

    async def _dispatch(
        self, target: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, JSONDict]:
        match = _PATH.match(target.split("?")[0])
        if not match:
            return error_reply(404, "Not Found")
        if match["token"] != self.token:
            return error_reply(401, "Unauthorized")
        method = match["method"]
        content_type = headers.get("content-type", "")
        if content_type.startswith("multipart/form-data"):
            params = multipart_params(content_type, body)
        else:
            params = form_params(content_type, body)
        if method == "getUpdates":
            return await self._get_updates(params)
        with self._lock:
            self.state.calls.append((method, params))
            fault = self._fault(method, params)
            if fault is not None:
                return fault
            handler = getattr(self, f"_m_{method}", None)
            if handler is None:
                return error_reply(404, "Not Found")
            result: tuple[int, JSONDict] = handler(params)
            return result

    def _fault(self, method: str, params: JSONDict) -> tuple[int, JSONDict] | None:
        chat = as_int(params.get("chat_id"))
        for fault in self.state.faults:
            if fault.count > 0 and fault.method in (None, method) and fault.chat_id in (None, chat):
                fault.count -= 1
                extra = {"retry_after": fault.retry_after} if fault.retry_after else None
                return error_reply(
                    fault.status, fault.description or HTTPStatus(fault.status).phrase, extra
                )
        if chat is not None and chat in self.state.migrated and method.startswith(("send", "edit")):
            description = "Bad Request: group chat was upgraded to a supergroup chat"
            return error_reply(400, description, {"migrate_to_chat_id": self.state.migrated[chat]})
        if chat is not None and chat in self.state.blocked and method.startswith(("send", "edit")):
            return error_reply(403, "Forbidden: bot was blocked by the user")
        return None

    async def _get_updates(self, params: JSONDict) -> tuple[int, JSONDict]:
        offset = as_int(params.get("offset")) or 0
        timeout = float(params.get("timeout") or 0)
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                self.state.updates = [u for u in self.state.updates if u["update_id"] >= offset]
                ready = list(self.state.updates[: int(params.get("limit") or 100)])
                if ready or time.monotonic() >= deadline:
                    return 200, {"ok": True, "result": ready}
                assert self._wakeup is not None
                self._wakeup.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), max(0.0, deadline - time.monotonic()))
