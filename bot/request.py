"""Bot API requests with JSON bodies: url-encoding a long HTML text costs more than the reply.

PTB's HTTPXRequest posts every method as an url-encoded form, which quotes the text byte by
byte in Python: about 0.1 ms for a /help reply and several times that for a 4,096-character
briefing part, per message. The Bot API takes the same parameters as a JSON object
(Content-Type: application/json), which the standard library encodes in C. Requests that
upload files stay multipart, as PTB sends them.
"""

from __future__ import annotations

import json

import httpx
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

JSON_HEADERS = {"User-Agent": HTTPXRequest.USER_AGENT, "Content-Type": "application/json"}


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
            raise TimedOut("Pool timeout: every connection is busy; nothing was sent.") from exc
        except httpx.TimeoutException as exc:
            raise TimedOut from exc
        except httpx.HTTPError as exc:
            raise NetworkError(f"httpx.{exc.__class__.__name__}: {exc}") from exc
        return response.status_code, response.content


def _value(given: ODVInput[float], default: float | None) -> float | None:
    """A timeout given for this call, else the client's."""
    return default if isinstance(given, DefaultValue) else given


__all__ = ["JsonRequest"]
