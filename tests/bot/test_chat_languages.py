"""bot.chat_languages: what is known without the database, and when the database must say."""

from __future__ import annotations

import pytest

from bot import chat_languages
from bot.chat_languages import ChatLanguages


def test_unknown_until_loaded_then_complete() -> None:
    memo = ChatLanguages()
    assert memo.lookup(1) == (False, None)
    memo.load({1: "uk"})
    assert memo.lookup(1) == (True, "uk") and memo.lookup(2) == (True, None)
    memo.note(2, "ru")
    memo.note(1, None)
    assert memo.lookup(2) == (True, "ru") and memo.lookup(1) == (True, None)


def test_beyond_the_cap_misses_go_to_the_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chat_languages, "MAX_KEPT", 2)
    memo = ChatLanguages()
    memo.load({1: "uk", 2: "ru", 3: "en"})
    assert memo.lookup(1) == (False, None)
    memo = ChatLanguages()
    memo.load({1: "uk", 2: "ru"})
    memo.note(3, "en")
    assert memo.lookup(3) == (True, "en") and memo.lookup(1) == (False, None)
