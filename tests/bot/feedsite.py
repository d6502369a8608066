"""A small news site on 127.0.0.1 for the bot's feed tests: RSS feeds of the test articles,
their pages, and a log of every request (to count fetches)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from tests.bot.conftest import DATA


def rss(base: str, files: list[Path], title: str = "Test wire") -> str:
    """An RSS 2.0 feed whose items are the given test articles."""
    items = []
    for path in files:
        headline, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n") if p.strip())
        items.append(
            f"<item><title>{escape(headline)}</title><link>{base}/{path.stem}.html</link>"
            f"<guid>{base}/{path.stem}</guid><pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate>"
            f"<description>{escape(paragraphs)}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{base}/</link><description>test</description>"
        + "".join(items)
        + "</channel></rss>"
    )


@dataclass
class FeedSite:
    """The site's base URL and the paths requested so far."""

    base: str
    root: Path
    requests: list[str] = field(default_factory=list)

    def feed(self, name: str, stems: list[str], title: str = "Test wire") -> str:
        """Publish a feed of test articles (by file stem) at /NAME.xml; return its URL."""
        files = [DATA / f"{stem}.txt" for stem in stems]
        for path in files:
            headline, _, body = path.read_text(encoding="utf-8").partition("\n\n")
            page = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
            (self.root / f"{path.stem}.html").write_text(
                f"<html><head><title>{escape(headline)}</title></head><body><article><h1>"
                f"{escape(headline)}</h1>{page}</article></body></html>",
                encoding="utf-8",
            )
        (self.root / f"{name}.xml").write_text(rss(self.base, files, title), encoding="utf-8")
        return f"{self.base}/{name}.xml"

    def fetches(self, url: str) -> int:
        """How many times a URL of this site was requested."""
        path = url.removeprefix(self.base)
        return sum(1 for requested in self.requests if requested == path)


@contextmanager
def feed_site(root: Path) -> Iterator[FeedSite]:
    """Serve `root` on an ephemeral 127.0.0.1 port for the block, logging requests."""
    site = FeedSite(base="", root=root)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append(self.path)
            super().do_GET()

        def log_message(self, format: str, *args: Any) -> None:
            """Keep request lines out of the test output."""

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(root))
    )
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
