"""Properties of the bot's formatter and splitter on arbitrary text: valid, short, nothing lost.

tests/bot/test_split.py feeds split_html generated HTML; here the input is raw text of any kind
(markup, entities, emoji, huge words, 20,000 characters) that goes through the bot's escaping
and views first, as article text does.
"""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot import format as fmt
from bot.split import MAX_MESSAGE, split_html
from summarizer.views import ArticleRef, ArticleView, DigestLine, EventView, SearchHit
from tests.bot.telegram_html import parse, utf16_len
from tests.property.strategies import ANY_CHAR, HOSTILE_TEXT, SYMBOLS, prose_line

WHEN = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
LONG_WORD = st.integers(4_000, 9_000).map(lambda n: "w" * n)
BIG = st.lists(prose_line() | LONG_WORD | st.just("\n\n"), min_size=1, max_size=30).map(" ".join)
HUGE = st.text(alphabet=ANY_CHAR | SYMBOLS, min_size=1, max_size=500).map(
    lambda s: (s * (20_000 // len(s) + 1))[:20_000]
)
RAW = HOSTILE_TEXT | BIG


def assert_parts_keep(parts: list[str], text: str) -> None:
    """Every part is valid Telegram HTML within the limit, and the parts' visible text is the
    text with, at most, whitespace dropped where the message was cut."""
    rest = text
    for part in parts:
        assert utf16_len(part) <= MAX_MESSAGE
        visible = parse(part).lstrip()
        assert visible.strip()
        stripped = rest.lstrip()
        assert stripped.startswith(visible), (visible[:80], stripped[:80])
        rest = stripped[len(visible) :]
    assert not rest.strip()


@given(RAW)
@settings(max_examples=150, deadline=None)
@example("")
@example("<b>bold</b> & <a href='x'>link</a> *md* _it_ `code` &amp; &lt;")
@example("😀" * 5_000)
@example("&" * 5_000)
@example("x" * 20_000)
@example(("a" * 4_095) + "😀" + ("b" * 4_095))
@example("\n\n " + "w" * 4_000)
def test_escaped_text_splits_into_valid_parts_that_keep_it_all(text: str) -> None:
    parts = split_html(fmt.esc(text))
    assert_parts_keep(parts, text)


@given(HUGE)
@settings(max_examples=15, deadline=None)
def test_twenty_thousand_characters_of_anything(text: str) -> None:
    assert_parts_keep(split_html(fmt.esc(text)), text)


NAMES = HOSTILE_TEXT.filter(lambda s: s.strip() != "").map(lambda s: s[:200])


@given(NAMES, st.lists(RAW.map(lambda s: s[:2_000]), min_size=1, max_size=6), NAMES)
@settings(max_examples=40, deadline=None)
def test_rendered_views_split_into_valid_parts(title: str, lines: list[str], source: str) -> None:
    ref = ArticleRef(1, title, source, "https://example.org/?q=" + title[:20], WHEN)
    event = EventView(
        id=1,
        story_id=2,
        title=title,
        first_seen=WHEN,
        last_seen=WHEN,
        importance=1.0,
        sources=(source,),
        articles=(ref,),
        digest=tuple(DigestLine(line, 1, source) for line in lines),
    )
    view = ArticleView(1, title, source, ref.location, WHEN, False, "en", "", tuple(lines), 1)
    hit = SearchHit(ref, lines[0], 1.0)
    for html in (
        fmt.event_full(event),
        fmt.briefing([event] * 3, now=WHEN),
        fmt.article(view),
        fmt.search(title, [hit] * 5),
        fmt.sources_of(event),
    ):
        parts = split_html(html)
        assert parts
        for part in parts:
            assert utf16_len(part) <= MAX_MESSAGE
            parse(part)
        shown = " ".join(parse(p) for p in parts)
        assert " ".join(title.split()) in " ".join(shown.split())
