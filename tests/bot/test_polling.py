"""Feed polling: a real RSS feed over HTTP on 127.0.0.1, ingested without blocking the loop."""

from __future__ import annotations

import asyncio
import functools
import http.server
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from bot.polling import poll_feeds
from bot.runtime import Runtime
from bot.settings import BotSettings
from summarizer.service import BriefingService
from tests.bot.conftest import ADMIN_ID, DATA, Harness, config
from tests.bot.fake_api import FakeBotApi

FEED_DELAY = 1.0


def _rss(base: str, files: list[Path]) -> str:
    items = []
    for path in files:
        title, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n") if p.strip())
        items.append(
            f"<item><title>{escape(title)}</title><link>{base}/{path.stem}.html</link>"
            f"<guid>{base}/{path.stem}</guid><pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate>"
            f"<description>{escape(paragraphs)}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Test wire</title><link>{base}/</link><description>test</description>"
        + "".join(items)
        + "</channel></rss>"
    )


FEED_WAITS: list[tuple[float, float]] = []


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files quietly, the feed after a delay (a slow server; blocking would show)."""

    def do_GET(self) -> None:
        """Answer the feed after FEED_DELAY seconds (noting the wait), anything else at once."""
        if self.path.endswith(".xml"):
            began = time.monotonic()
            time.sleep(FEED_DELAY)
            FEED_WAITS.append((began, time.monotonic()))
        super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        """Keep request lines out of the test output."""


@pytest.fixture
def feed_url(tmp_path: Path) -> Iterator[str]:
    """An RSS feed of two of the test articles, served on 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    files = [DATA / "rail_northwire.txt", DATA / "orchard_coastal.txt"]
    for path in files:
        title, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        page = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
        (tmp_path / f"{path.stem}.html").write_text(
            f"<html><head><title>{escape(title)}</title></head><body><article><h1>"
            f"{escape(title)}</h1>{page}</article></body></html>",
            encoding="utf-8",
        )
    (tmp_path / "feed.xml").write_text(_rss(base, files), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"{base}/feed.xml"
    server.shutdown()
    server.server_close()
    thread.join(5)


def _feed_service(engine: Engine, url: str) -> BriefingService:
    cfg: dict[str, Any] = {
        **config(),
        "ingest": {"allow_private_addresses": True},
        "feeds": {"urls": [url], "poll_minutes": 0},
    }
    return BriefingService(engine, cfg)


async def test_poll_ingests_feeds_off_the_event_loop(
    engine: Engine, settings: BotSettings, feed_url: str
) -> None:
    service = _feed_service(engine, feed_url)
    rt = Runtime(settings, service, engine)
    ticks: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            await asyncio.sleep(0.01)
            ticks.append(time.monotonic())

    FEED_WAITS.clear()
    tick = asyncio.create_task(ticker())
    report = await poll_feeds(rt)
    done.set()
    await tick
    assert (report.new, report.failed) == (2, 0), report.errors
    assert service.stats()["articles"] == 2
    # While the server held the feed back, the loop went on ticking: a fetch on the loop
    # would have blocked it for the whole wait. (No bound on a gap's length: a shared
    # machine can stall any thread for a while, which says nothing about where work runs.)
    [(waited_from, waited_to)] = FEED_WAITS
    assert any(waited_from < at < waited_to for at in ticks)
    again = await poll_feeds(rt)
    assert again.new == 0


async def test_admin_polls_now_with_sources_poll(
    engine: Engine, settings: BotSettings, fake_api: FakeBotApi, feed_url: str
) -> None:
    harness = Harness(replace(settings, feeds=(feed_url,)), _feed_service(engine, feed_url), engine)
    fake_api.private_chat(ADMIN_ID)
    async with harness.running():
        listed = await fake_api.reply_to(ADMIN_ID, "/sources")
        assert feed_url in listed.text
        reply = await fake_api.reply_to(ADMIN_ID, "/sources poll", timeout=60)
    assert "Polled feeds: 2 new, 0 duplicate, 0 failed." in reply.text


@pytest.mark.clock
async def test_sources_shows_a_failing_feeds_error_and_next_try(
    engine: Engine, settings: BotSettings, fake_api: FakeBotApi
) -> None:
    from tests.ingest.http_server import Route, Site, serve

    with serve(Site(routes={"/down.xml": Route(status=503, body=b"down")})) as site:
        url = f"{site.base}/down.xml"
        harness = Harness(settings, _feed_service(engine, url), engine)
        fake_api.private_chat(ADMIN_ID)
        async with harness.running():
            polled = await fake_api.reply_to(ADMIN_ID, "/sources poll", timeout=60)
            listed = await fake_api.reply_to(ADMIN_ID, "/sources")
    assert "Polled feeds: 0 new, 0 duplicate, 1 failed." in polled.text
    assert url in listed.text and "failed 1× in a row; next try" in listed.text
    assert "503" in listed.text
