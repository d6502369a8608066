"""bot.request.JsonRequest against python-telegram-bot itself: it leans on PTB internals (the
private `_client`, `DefaultValue`, the do_request signature, HTTPXRequest's timeouts and error
mapping), so these tests compare it with PTB's own HTTPXRequest and fail with a message naming
what changed, rather than let the bot drift from PTB silently after an upgrade."""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import telegram
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData
from telegram.request._requestparameter import RequestParameter

from bot.request import JsonRequest

PTB = f"python-telegram-bot {telegram.__version__}"
Seen = list[httpx.Request]
Answer = Callable[[httpx.Request], httpx.Response]


def _ok(seen: Seen) -> Answer:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        result: object = True
        if request.url.path.endswith("/getMe"):
            result = {"id": 1, "is_bot": True, "first_name": "B", "username": "b_bot"}
        elif request.url.path.endswith("/sendMessage"):
            chat = {"id": 5, "type": "private"}
            result = {"message_id": 1, "date": 0, "chat": chat, "text": "hi"}
        return httpx.Response(200, json={"ok": True, "result": result})

    return answer


def _with(kind: type[HTTPXRequest], answer: Answer) -> HTTPXRequest:
    """A request of `kind` whose transport answers in-process (httpx_kwargs is public API)."""
    return kind(httpx_kwargs={"transport": httpx.MockTransport(answer)})


def _data(**values: object) -> RequestData:
    return RequestData([RequestParameter.from_input(k, v) for k, v in values.items()])


def _parameters(request: httpx.Request) -> dict[str, Any]:
    """The method's parameters, whether sent as a form (PTB) or as JSON (JsonRequest)."""
    if request.headers["content-type"] == "application/json":
        decoded: dict[str, Any] = json.loads(request.content)
        return decoded
    form = dict(parse_qsl(request.content.decode()))
    parsed = {}
    for key, value in form.items():
        try:
            parsed[key] = json.loads(value)
        except ValueError:
            parsed[key] = value
    return parsed


def test_the_internals_bot_request_uses_are_there() -> None:
    request = HTTPXRequest()
    assert isinstance(getattr(request, "_client", None), httpx.AsyncClient), (
        f"{PTB}: HTTPXRequest no longer keeps its httpx client in `_client`; "
        "bot/request.py reads its timeouts and sends through it"
    )
    assert isinstance(HTTPXRequest.USER_AGENT, str), f"{PTB}: HTTPXRequest.USER_AGENT is gone"
    ours = inspect.signature(JsonRequest.do_request).parameters
    theirs = inspect.signature(BaseRequest.do_request).parameters
    assert [(p.name, p.default) for p in ours.values()] == [
        (p.name, p.default) for p in theirs.values()
    ], f"{PTB}: BaseRequest.do_request's parameters changed: {list(theirs)}"


async def test_a_bot_posts_through_the_json_request() -> None:
    seen: Seen = []
    bot = Bot("123:abc", request=_with(JsonRequest, _ok(seen)))
    async with bot:  # initialize: getMe
        await bot.send_message(5, "hi")
    sent = [r for r in seen if r.url.path.endswith("/sendMessage")]
    assert sent and sent[0].headers["content-type"] == "application/json", (
        f"{PTB}: a Bot no longer sends its methods through JsonRequest.do_request"
    )
    assert _parameters(sent[0]) == {"chat_id": 5, "text": "hi"}


@pytest.mark.parametrize(
    "timeouts",
    [
        {},
        {"read_timeout": 7.5},
        {"write_timeout": None, "connect_timeout": 2.0},
        {"pool_timeout": 0.25},
    ],
)
async def test_the_same_request_as_ptbs_in_json(timeouts: dict[str, float | None]) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("más", callback_data="more:1")]])
    values = {"chat_id": -100, "text": "<b>Zürich</b> & 東京 ✓", "reply_markup": markup}
    sent: dict[type[HTTPXRequest], httpx.Request] = {}
    for kind in (HTTPXRequest, JsonRequest):
        seen: Seen = []
        request = _with(kind, _ok(seen))
        await request.initialize()
        url = "http://api/bot1:T/sendMessage"
        code, _ = await request.do_request(url, "POST", _data(**values), **timeouts)
        await request.shutdown()
        assert code == 200
        [sent[kind]] = seen
    theirs, ours = sent[HTTPXRequest], sent[JsonRequest]
    assert ours.headers["content-type"] == "application/json"
    assert (ours.method, ours.url) == (theirs.method, theirs.url)
    assert ours.headers["user-agent"] == theirs.headers["user-agent"], f"{PTB}: User-Agent"
    assert ours.extensions["timeout"] == theirs.extensions["timeout"], (
        f"{PTB}: JsonRequest's timeouts differ from HTTPXRequest's ({timeouts})"
    )
    assert _parameters(ours) == _parameters(theirs), f"{PTB}: RequestData.parameters changed"


@pytest.mark.parametrize(
    "error",
    [
        httpx.PoolTimeout("busy"),
        httpx.ReadTimeout("slow"),
        httpx.ConnectTimeout("slow"),
        httpx.ConnectError("refused"),
        httpx.RemoteProtocolError("garbled"),
    ],
)
async def test_errors_map_as_ptbs_do(error: httpx.HTTPError) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise error

    raised: dict[type[HTTPXRequest], Exception] = {}
    for kind in (HTTPXRequest, JsonRequest):
        request = _with(kind, fail)
        await request.initialize()
        try:
            await request.do_request("http://api/bot1:T/sendMessage", "POST", _data(chat_id=1))
        except Exception as exc:  # compared below, whatever it is
            raised[kind] = exc
        finally:
            await request.shutdown()
    theirs, ours = raised[HTTPXRequest], raised[JsonRequest]
    assert type(ours) is type(theirs), f"{PTB}: {error!r} now raises {theirs!r}, ours {ours!r}"
    assert isinstance(ours, TimedOut | NetworkError)
    if not isinstance(ours, TimedOut):
        assert ours.message == theirs.message  # type: ignore[attr-defined]


async def test_a_closed_request_refuses_as_ptbs_does() -> None:
    for kind in (HTTPXRequest, JsonRequest):
        request = _with(kind, _ok([]))
        await request.initialize()
        await request.shutdown()
        with pytest.raises(RuntimeError, match="not initialized"):
            await request.do_request("http://api/bot1:T/sendMessage", "POST", _data(chat_id=1))
