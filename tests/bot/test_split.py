"""Message splitting: every part valid Telegram HTML, within 4,096, and no text lost."""

from __future__ import annotations

import re
from html import escape

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.split import MAX_MESSAGE, split_html, utf16_len
from tests.bot.telegram_html import parse

_WORDS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    | st.sampled_from("\n .!?"),
    min_size=0,
    max_size=60,
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    """Random Telegram HTML: escaped text in nested allowed tags, with paragraphs."""
    blocks = []
    for _ in range(draw(st.integers(1, 40))):
        text = escape(draw(_WORDS) * draw(st.integers(1, 30)))
        tag = draw(st.sampled_from(["", "b", "i", "u", "code", "a", "b+i"]))
        if tag == "a":
            text = f'<a href="https://example.org/?q=1&amp;r=2">{text}</a>'
        elif tag == "b+i":
            text = f"<b>bold <i>{text}</i> tail</b>"
        elif tag:
            text = f"<{tag}>{text}</{tag}>"
        blocks.append(text)
    return draw(st.sampled_from(["\n\n", "\n", " ", ""])).join(blocks)


def _solid(text: str) -> str:
    return re.sub(r"\s+", "", text)


@given(documents(), st.sampled_from([MAX_MESSAGE, 300, 80]))
@example("<b></b>", MAX_MESSAGE)
@example("<i> </i>" + "<b>x</b>" * 20, 30)
@settings(max_examples=200, deadline=None)
def test_parts_are_valid_short_and_complete(html: str, limit: int) -> None:
    parts = split_html(html, limit)
    for part in parts:
        assert utf16_len(part) <= limit
        assert parse(part).strip()
    assert _solid("".join(parse(p) for p in parts)) == _solid(parse(html))


def test_prefers_paragraph_then_sentence_boundaries() -> None:
    paragraph = " ".join(f"Sentence number {i} ends here." for i in range(100))
    assert 2048 < len(paragraph) < MAX_MESSAGE
    assert split_html("\n\n".join([paragraph] * 4)) == [paragraph] * 4
    long_paragraph = " ".join([paragraph] * 3)
    parts = split_html(long_paragraph)
    assert all(p.endswith("ends here.") and p.startswith("Sentence number") for p in parts)


def test_tags_are_closed_and_reopened_at_a_break() -> None:
    html = "<b>" + " ".join(["word"] * 2000) + "</b>"
    parts = split_html(html)
    assert len(parts) == 3
    assert all(p.startswith("<b>") and p.endswith("</b>") for p in parts)


def test_entities_and_astral_characters_are_never_cut() -> None:
    html = ("&amp;" + "😀") * 3000
    parts = split_html(html, 100)
    for part in parts:
        assert utf16_len(part) <= 100
        parse(part)
    assert "".join(parse(p) for p in parts) == ("&" + "😀") * 3000


def test_short_message_is_untouched_and_blank_dropped() -> None:
    assert split_html("<b>hi</b> there") == ["<b>hi</b> there"]
    assert split_html("  \n ") == []
