"""Bot API requests: JSON bodies, each request on a connection of its own.

PTB's HTTPXRequest posts every method as an url-encoded form, which quotes the text byte by
byte in Python: about 0.1 ms for a /help reply and several times that for a 4,096-character
briefing part, per message. The Bot API takes the same parameters as a JSON object
(Content-Type: application/json), which the standard library encodes in C. Requests that
upload files stay multipart, as PTB sends them.

httpx's pool (httpcore) checks every idle connection, with a system call each, each time a
request starts or ends: with the rate limiter's eight requests on the wire that cost more CPU
than building the replies. LaneRequest gives each request in flight a client of its own with
one connection (a lane), so each of those checks looks at one connection, as for a bot that
sends one request at a time.
"""

from __future__ import annotations

import asyncio
import json
import ssl

import httpx
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

JSON_HEADERS = {"User-Agent": HTTPXRequest.USER_AGENT, "Content-Type": "application/json"}
DEFAULT_READ_TIMEOUT = 5.0  # HTTPXRequest's defaults
DEFAULT_POOL_TIMEOUT = 1.0
POOL_TIMEOUT = "Pool timeout: every connection is busy; nothing was sent."


class JsonRequest(HTTPXRequest):
    """HTTPXRequest that sends a method's parameters as one JSON object (files: multipart)."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """See telegram.request.BaseRequest.do_request; errors map as HTTPXRequest maps them."""
        if request_data is None or request_data.contains_files:
            return await super().do_request(
                url,
                method,
                request_data,
                read_timeout=read_timeout,
                write_timeout=write_timeout,
                connect_timeout=connect_timeout,
                pool_timeout=pool_timeout,
            )
        if self._client.is_closed:
            raise RuntimeError("This HTTPXRequest is not initialized!")
        default = self._client.timeout
        timeout = httpx.Timeout(
            connect=_value(connect_timeout, default.connect),
            read=_value(read_timeout, default.read),
            write=_value(write_timeout, default.write),
            pool=_value(pool_timeout, default.pool),
        )
        body = json.dumps(request_data.parameters, ensure_ascii=False).encode("utf-8")
        try:
            response = await self._client.request(
                method=method, url=url, headers=JSON_HEADERS, timeout=timeout, content=body
            )
        except httpx.PoolTimeout as exc:
            raise TimedOut(POOL_TIMEOUT) from exc
        except httpx.TimeoutException as exc:
            raise TimedOut from exc
        except httpx.HTTPError as exc:
            raise NetworkError(f"httpx.{exc.__class__.__name__}: {exc}") from exc
        return response.status_code, response.content


class LaneRequest(BaseRequest):
    """Up to `lanes` requests at once, each on a one-connection JsonRequest of its own.

    A request takes the lane freed last (its connection is the warmest) or opens a new one;
    when all are busy it waits for one as long as the pool timeout allows.
    """

    def __init__(self, lanes: int, **timeouts: float | None) -> None:
        """Args: lanes: the most requests at once; timeouts: HTTPXRequest's timeout arguments."""
        self._timeouts = timeouts
        self._tls: ssl.SSLContext | None = None  # one for every lane: each costs ~20 ms of CPU
        self._slots = asyncio.Semaphore(max(1, lanes))
        self._free: list[JsonRequest] = []  # idle lanes, the one freed last at the end
        self._lanes: list[JsonRequest] = []

    def _new_lane(self) -> JsonRequest:
        """A JsonRequest with a pool of one connection (tests override it)."""
        if self._tls is None:
            self._tls = httpx.create_ssl_context()
        return JsonRequest(
            connection_pool_size=1,
            httpx_kwargs={"verify": self._tls},
            **self._timeouts,  # type: ignore[arg-type]
        )

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout in seconds (as HTTPXRequest's)."""
        return self._timeouts.get("read_timeout", DEFAULT_READ_TIMEOUT)

    async def initialize(self) -> None:
        """Nothing to open: lanes open as requests need them."""

    async def shutdown(self) -> None:
        """Close every lane's connection."""
        lanes, self._lanes, self._free = self._lanes, [], []
        for lane in lanes:
            await lane.shutdown()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """See telegram.request.BaseRequest.do_request: the same request on a free lane."""
        if self._slots.locked():  # every lane busy: wait as long as the pool timeout says
            wait = _value(pool_timeout, self._timeouts.get("pool_timeout", DEFAULT_POOL_TIMEOUT))
            try:
                await asyncio.wait_for(self._slots.acquire(), wait)
            except TimeoutError as exc:
                raise TimedOut(POOL_TIMEOUT) from exc
        else:
            await self._slots.acquire()
        try:
            lane = self._free.pop() if self._free else await self._open_lane()
            try:
                return await lane.do_request(
                    url,
                    method,
                    request_data,
                    read_timeout=read_timeout,
                    write_timeout=write_timeout,
                    connect_timeout=connect_timeout,
                    pool_timeout=pool_timeout,
                )
            finally:
                if lane in self._lanes:  # not closed by a shutdown while it was busy
                    self._free.append(lane)
        finally:
            self._slots.release()

    async def _open_lane(self) -> JsonRequest:
        lane = self._new_lane()
        await lane.initialize()
        self._lanes.append(lane)
        return lane


def _value(given: ODVInput[float], default: float | None) -> float | None:
    """A timeout given for this call, else the client's."""
    return default if isinstance(given, DefaultValue) else given


__all__ = ["JsonRequest", "LaneRequest"]
