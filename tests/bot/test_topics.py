"""Topics that match what people mean: stemmed words, "phrases" and -exclusions, through the
service and over HTTP with /topics."""

from __future__ import annotations

from typing import Any

from tests.bot.conftest import Harness
from tests.bot.fake_api import FakeBotApi

USER = 6161


def _titles(service: Any, topics: list[str]) -> list[str]:
    return [e.title.lower() for e in service.top_events(limit=10, topics=topics)]


def test_topics_match_stems_phrases_and_exclude_events(service: Any) -> None:
    everything = _titles(service, [])
    assert any("strike" in t for t in everything) and any("bridge" in t for t in everything)
    # "inspector" finds "inspectors", "Strikes" finds "strike": stemmed, any case
    assert all("bridge" in t or "crossing" in t for t in _titles(service, ["inspector"]))
    assert _titles(service, ["inspector"])
    assert all("strike" in t or "rail" in t for t in _titles(service, ["Strikes"]))
    # a phrase matches its words in order only
    assert _titles(service, ['"harbour bridge"'])
    assert _titles(service, ['"bridge harbour"']) == []
    # an exclusion removes every event whose articles match it, the rest stay
    excluded = _titles(service, ["-strike"])
    assert excluded and not any("strike" in t for t in excluded)
    assert len(excluded) < len(everything)
    assert _titles(service, ["bridge", "-inspectors"]) == []


async def test_topics_command_follows_excludes_lists_and_says_what_it_cannot_drop(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.private_chat(USER)
    async with harness.running():
        added = await fake_api.reply_to(USER, '/topics add harbour "steel beams" -strike')
        assert 'Topics: harbour, "steel beams"' in added.text
        assert "Excluded: -strike" in added.text
        brief = await fake_api.reply_to(USER, "/brief")
        assert "bridge" in brief.text.lower() and "strike" not in brief.text.lower()
        listed = await fake_api.reply_to(USER, "/topics")
        assert "Excluded: -strike" in listed.text
        dropped = await fake_api.reply_to(USER, "/topics drop harbour zeppelin")
        assert "Not among this chat's topics: zeppelin." in dropped.text
        assert "Topics: harbour" not in dropped.text and '"steel beams"' in dropped.text
        refused = await fake_api.reply_to(USER, "/topics add !!!")
        assert "Left out: !!!" in refused.text and "Usage:" in refused.text
        cleared = await fake_api.reply_to(USER, "/topics clear")
        assert "No topics" in cleared.text and "Excluded" not in cleared.text
