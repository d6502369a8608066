"""Fake Bot API methods about members, chats and files: getChatMember, getChat, getFile,
file downloads and sendDocument, with each chat's administrators set by the test."""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import time

from tests.bot.fake_methods import BOT_ID, JSONDict, State, as_int, bot_user, error_reply

# Telegram refuses getFile for files over 20 MB; bots cannot download them.
MAX_DOWNLOAD = 20 * 1024 * 1024
_ADMIN_RIGHTS = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
}


class MemberMethods:
    """getChatMember and friends; the state says who administers which chat.

    A chat with no administrators set behaves as an old basic group with "all members are
    administrators": everyone is one (so tests that do not care about rights need no set-up).
    """

    state: State
    _ids: itertools.count[int]

    def _resolve(self, value: object) -> int | None:
        """A chat id from an id or an @username, or None when no such chat is known."""
        text = str(value or "")
        if text.startswith("@"):
            name = text[1:].lower()
            return next(
                (
                    cid
                    for cid, c in self.state.chats.items()
                    if c.get("username", "").lower() == name
                ),
                None,
            )
        chat_id = as_int(text)
        return chat_id if chat_id in self.state.chats else None

    def _member(self, chat_id: int, user_id: int) -> JSONDict:
        if user_id == BOT_ID:
            user = {k: v for k, v in bot_user().items() if not k.startswith(("can_", "supports"))}
        else:
            user = self.state.users.get(
                user_id, {"id": user_id, "is_bot": False, "first_name": f"user{user_id}"}
            )
        admins = self.state.admins.get(chat_id)
        if admins is None or user_id in admins:
            if admins is not None and self.state.owners.get(chat_id) == user_id:
                return {"status": "creator", "user": user, "is_anonymous": False}
            member: JSONDict = {"status": "administrator", "user": user, **_ADMIN_RIGHTS}
            if self.state.chats[chat_id].get("type") == "channel":
                member.update(can_post_messages=True, can_edit_messages=True)
            return member
        if user_id in self.state.left.get(chat_id, set()):
            return {"status": "left", "user": user}
        return {"status": "member", "user": user}

    def _m_getChatMember(self, params: JSONDict) -> tuple[int, JSONDict]:
        self.state.member_lookups += 1
        chat_id = self._resolve(params.get("chat_id"))
        user_id = as_int(params.get("user_id"))
        if chat_id is None:
            return error_reply(400, "Bad Request: chat not found")
        if user_id is None:
            return error_reply(400, "Bad Request: invalid user_id specified")
        if BOT_ID in self.state.left.get(chat_id, set()) and user_id != BOT_ID:
            return error_reply(403, "Forbidden: bot is not a member of the channel chat")
        return 200, {"ok": True, "result": self._member(chat_id, user_id)}

    def _m_getChat(self, params: JSONDict) -> tuple[int, JSONDict]:
        chat_id = self._resolve(params.get("chat_id"))
        if chat_id is None:
            return error_reply(400, "Bad Request: chat not found")
        chat = {**self.state.chats[chat_id], "accent_color_id": 0, "max_reaction_count": 11}
        chat.setdefault(
            "accepted_gift_types",
            {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        )
        return 200, {"ok": True, "result": chat}

    def _m_getFile(self, params: JSONDict) -> tuple[int, JSONDict]:
        file_id = str(params.get("file_id", ""))
        data = self.state.files.get(file_id)
        if data is None:
            return error_reply(400, "Bad Request: invalid file_id")
        if len(data) > MAX_DOWNLOAD:
            return error_reply(400, "Bad Request: file is too big")
        result = {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": len(data),
            "file_path": f"documents/{file_id}.bin",
        }
        return 200, {"ok": True, "result": result}

    def download(self, path: str) -> bytes | None:
        """The bytes of a file by its file_path (GET /file/bot<token>/<path>)."""
        if not path.startswith("documents/") or not path.endswith(".bin"):
            return None
        return self.state.files.get(path[len("documents/") : -len(".bin")])

    def _m_sendDocument(self, params: JSONDict) -> tuple[int, JSONDict]:
        chat_id = as_int(params.get("chat_id"))
        if chat_id is None or chat_id not in self.state.chats:
            return error_reply(400, "Bad Request: chat not found")
        upload = params.get("document")
        if not isinstance(upload, tuple):
            return error_reply(400, "Bad Request: there is no document in the request")
        name, data = upload
        file_id = f"doc{next(self._ids)}"
        self.state.files[file_id] = data
        self.state.documents.append((chat_id, name, data, str(params.get("caption", ""))))
        message = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": self.state.chats[chat_id],
            "from": bot_user(),
            "document": {
                "file_id": file_id,
                "file_unique_id": f"u{file_id}",
                "file_name": name,
                "file_size": len(data),
            },
        }
        return 200, {"ok": True, "result": message}


def multipart_params(content_type: str, body: bytes) -> JSONDict:
    """Decode a multipart/form-data body: text fields as strings, files as (name, bytes)."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    params: JSONDict = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        params[name] = (filename, data) if filename else data.decode()
    return params
