"""Messages that lead somewhere, over HTTP: URL buttons to the original articles under /event
and its "more" button, linked outlet names in briefings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from tests.bot.conftest import Harness
from tests.bot.fake_api import FakeBotApi

USER = 7171


def _give_web_addresses(harness: Harness) -> None:
    """Make the test articles look fetched from the web (ingest refuses 127.0.0.1 feeds)."""
    with Session(harness.engine) as session:
        session.execute(
            text("UPDATE article SET location = 'https://news.example/' || id || '?a=1&b=2'")
        )
        session.commit()


def _url_buttons(markup: dict[str, Any] | None) -> list[dict[str, Any]]:
    assert markup is not None
    return [b for row in markup["inline_keyboard"] for b in row if "url" in b]


async def test_event_and_its_more_button_carry_a_url_button_per_outlet(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    _give_web_addresses(harness)
    fake_api.private_chat(USER)
    bridge = next(e for e in harness.service.top_events(limit=10) if "bridge" in e.title.lower())
    async with harness.running():
        shown = await fake_api.reply_to(USER, f"/event {bridge.id}")
        buttons = _url_buttons(shown.reply_markup)
        assert {b["text"] for b in buttons} == {f"{s} ↗" for s in bridge.sources}
        assert all(b["url"].startswith("https://news.example/") for b in buttons)
        assert '<a href="https://news.example/' in shown.html  # outlets linked in the text too
        listing = await fake_api.reply_to(USER, "/events")
        before = len(fake_api.sent(USER))
        fake_api.press(USER, listing.message_id, f"more:{bridge.id}")
        more = (await fake_api.wait_sent(USER, before + 1))[before]
        assert _url_buttons(more.reply_markup) == buttons
        brief = await fake_api.reply_to(USER, "/brief")
        assert '&amp;b=2">' in brief.html and bridge.sources[0] in brief.text
