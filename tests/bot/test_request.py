"""bot.request.JsonRequest: a method's parameters go as one JSON object, files as multipart."""

from __future__ import annotations

import json

import httpx
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import NetworkError
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from bot.request import JsonRequest

Seen = list[tuple[str, bytes]]


def _request(seen: Seen, *, fail: bool = False) -> JsonRequest:
    def answer(request: httpx.Request) -> httpx.Response:
        if fail:
            raise httpx.ConnectError("refused", request=request)
        seen.append((request.headers["content-type"], request.content))
        return httpx.Response(200, json={"ok": True, "result": True})

    class Mocked(JsonRequest):
        def _build_client(self) -> httpx.AsyncClient:
            return httpx.AsyncClient(transport=httpx.MockTransport(answer))

    return Mocked()


def _data(**values: object) -> RequestData:
    return RequestData([RequestParameter.from_input(k, v) for k, v in values.items()])


async def test_parameters_go_as_one_json_object() -> None:
    seen: Seen = []
    request = _request(seen)
    await request.initialize()
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("más", callback_data="more:1")]])
    data = _data(chat_id=-100, text="<b>Zürich</b> & 東京 ✓", reply_markup=markup)
    code, body = await request.do_request("http://api/botT/sendMessage", "POST", data)
    await request.shutdown()
    assert code == 200 and json.loads(body)["ok"] is True
    [(content_type, content)] = seen
    assert content_type == "application/json"
    assert json.loads(content) == {
        "chat_id": -100,
        "text": "<b>Zürich</b> & 東京 ✓",
        "reply_markup": {"inline_keyboard": [[{"text": "más", "callback_data": "more:1"}]]},
    }


async def test_files_stay_multipart() -> None:
    seen: Seen = []
    request = _request(seen)
    await request.initialize()
    data = _data(chat_id=7, document=InputFile(b"<opml/>", filename="feeds.opml"))
    await request.do_request("http://api/botT/sendDocument", "POST", data)
    await request.shutdown()
    [(content_type, content)] = seen
    assert content_type.startswith("multipart/form-data") and b"<opml/>" in content


async def test_a_transport_error_is_a_network_error() -> None:
    request = _request([], fail=True)
    await request.initialize()
    try:
        await request.do_request("http://api/botT/sendMessage", "POST", _data(chat_id=1))
    except NetworkError as exc:
        assert "ConnectError" in exc.message
    else:
        raise AssertionError("no NetworkError")
    finally:
        await request.shutdown()
