"""bot.request: a method's parameters go as one JSON object, files as multipart; one lane each."""

from __future__ import annotations

import asyncio
import inspect
import json

import httpx
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData
from telegram.request._requestparameter import RequestParameter

from bot.request import JsonRequest, LaneRequest

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


class _Lanes(LaneRequest):
    """LaneRequest whose lanes answer after `release` is set, recording which lane answered."""

    def __init__(self, lanes: int, release: asyncio.Event, seen: list[int]) -> None:
        super().__init__(lanes, pool_timeout=0.2)
        self.made = 0
        self._release = release
        self._seen = seen

    def _new_lane(self) -> JsonRequest:
        number = self.made = self.made + 1
        release, seen = self._release, self._seen

        async def answer(request: httpx.Request) -> httpx.Response:
            await release.wait()
            seen.append(number)
            return httpx.Response(200, json={"ok": True, "result": True})

        class Lane(JsonRequest):
            def _build_client(self) -> httpx.AsyncClient:
                return httpx.AsyncClient(transport=httpx.MockTransport(answer))

        return Lane(connection_pool_size=1)


async def test_requests_at_once_get_a_lane_each_and_free_lanes_are_reused() -> None:
    release, seen = asyncio.Event(), list[int]()
    request = _Lanes(3, release, seen)
    await request.initialize()
    url = "http://api/botT/sendMessage"
    calls = [request.do_request(url, "POST", _data(chat_id=i)) for i in range(3)]
    running = asyncio.gather(*calls)
    await asyncio.sleep(0.05)
    release.set()
    assert [code for code, _ in await running] == [200, 200, 200]
    assert sorted(seen) == [1, 2, 3]
    await request.do_request(url, "POST", _data(chat_id=9))
    await request.shutdown()
    assert request.made == 3 and seen[-1] == seen[2]  # the lane freed last served it


async def test_a_request_waits_for_a_free_lane_no_longer_than_the_pool_timeout() -> None:
    release, seen = asyncio.Event(), list[int]()
    request = _Lanes(1, release, seen)
    await request.initialize()
    url = "http://api/botT/sendMessage"
    busy = asyncio.create_task(request.do_request(url, "POST", _data(chat_id=1)))
    await asyncio.sleep(0.01)
    try:
        await request.do_request(url, "POST", _data(chat_id=2))
    except TimedOut as exc:
        assert "Pool timeout" in exc.message
    else:
        raise AssertionError("no TimedOut")
    waiting = asyncio.create_task(request.do_request(url, "POST", _data(chat_id=3)))
    release.set()
    assert (await busy)[0] == 200 and (await waiting)[0] == 200
    await request.shutdown()
    assert request.made == 1 and seen == [1, 1]


def test_lanes_take_the_parameters_ptb_passes() -> None:
    ours = inspect.signature(LaneRequest.do_request).parameters
    theirs = inspect.signature(BaseRequest.do_request).parameters
    assert [(p.name, p.default) for p in ours.values()] == [
        (p.name, p.default) for p in theirs.values()
    ]
    assert LaneRequest(8, read_timeout=7.0).read_timeout == 7.0


async def test_a_lane_busy_at_shutdown_is_closed_and_never_used_again() -> None:
    release, seen = asyncio.Event(), list[int]()
    request = _Lanes(2, release, seen)
    await request.initialize()
    url = "http://api/botT/sendMessage"
    busy = asyncio.create_task(request.do_request(url, "POST", _data(chat_id=1)))
    await asyncio.sleep(0.01)
    await request.shutdown()  # closes the busy lane's client too
    release.set()
    await asyncio.gather(busy, return_exceptions=True)  # however that request ended
    await request.initialize()
    assert (await request.do_request(url, "POST", _data(chat_id=2)))[0] == 200
    await request.shutdown()
    assert request.made == 2 and seen[-1] == 2  # a new lane served it, not the closed one
