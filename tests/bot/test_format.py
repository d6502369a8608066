"""HTML rendering: every piece of article text escaped, links only for http(s), Telegram-valid."""

from __future__ import annotations

from datetime import UTC, datetime

from bot import format as fmt
from bot.i18n import translator
from bot.split import split_html
from summarizer.views import (
    UNKNOWN_OUTLET,
    ArticleRef,
    ArticleView,
    DigestLine,
    EventView,
    SearchHit,
    StoryView,
)
from tests.bot.telegram_html import parse

NASTY = 'Tom & Jerry <b>not bold</b> "quoted" </i> &amp; 5 < 6 > 4'
WHEN = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
REF = ArticleRef(7, NASTY, "Ledger <&>", 'https://example.org/a?x=1&y="2"', WHEN)
LOCAL = ArticleRef(8, NASTY, "file", "/tmp/article.txt", WHEN)
EVENT = EventView(
    id=3,
    story_id=2,
    title=NASTY,
    first_seen=WHEN,
    last_seen=WHEN,
    importance=1.0,
    sources=("Ledger <&>", NASTY),
    articles=(REF, LOCAL),
    digest=(DigestLine(NASTY, 7, "Ledger <&>"),),
)


def test_every_view_renders_valid_html_that_shows_the_raw_text() -> None:
    article = ArticleView(
        id=7,
        title=NASTY,
        source=NASTY,
        location=REF.location,
        published=WHEN,
        published_estimated=True,
        language="en",
        body=NASTY,
        summary=(NASTY,),
        event_id=3,
    )
    rendered = [
        fmt.event_full(EVENT, "Europe/Paris"),
        fmt.events_page([EVENT], 1),
        fmt.sources_of(EVENT),
        fmt.briefing([EVENT], now=WHEN),
        fmt.story(StoryView(2, NASTY, (EVENT,))),
        fmt.article(article),
        fmt.search(NASTY, [SearchHit(REF, NASTY, 1.0)]),
        fmt.counts(NASTY, {NASTY: 3}),
    ]
    for html in rendered:
        assert NASTY in parse(html), html


def test_links_only_for_web_addresses_with_the_address_escaped() -> None:
    html = fmt.articles_list([REF, LOCAL])
    assert '<a href="https://example.org/a?x=1&amp;y=&quot;2&quot;">' in html
    assert html.count("<a ") == 1 and "/tmp/article.txt" not in html


def test_times_are_shown_in_the_chat_zone_and_nothing_new_is_said() -> None:
    assert fmt.when(WHEN, "Asia/Tokyo") == "23 Nov 2026 18:30"
    text = parse(fmt.briefing([], now=WHEN, zone="Asia/Tokyo", since=WHEN))
    assert "Nothing new since your last briefing (23 Nov 18:30)" in text


def test_story_opens_with_its_dated_sourced_digest_and_marks_guessed_dates() -> None:
    guessed = DigestLine(
        NASTY, 7, "Ledger <&>", WHEN, event_id=3, published_estimated=True, published_date_only=True
    )
    dated_event = EventView(
        **{**{f: getattr(EVENT, f) for f in EVENT.__slots__}, "first_seen_date_only": True}
    )
    html = fmt.story(StoryView(2, NASTY, (dated_event,), digest=(guessed,)), "Asia/Tokyo")
    text = parse(html)
    assert text.index(NASTY) < text.index("Timeline")
    assert "23 Nov 2026 (estimated) · " + NASTY + " (Ledger <&>)" in text
    assert "23 Nov 2026 · " in text.split("Timeline")[1]  # a day alone: no invented 00:00
    assert "09:30" not in text and "18:30" not in text


WEB = ArticleRef(9, "Bridge shut", "Northwire", "https://northwire.example/bridge", WHEN)


def _event(**changes: object) -> EventView:
    fields = {f: getattr(EVENT, f) for f in EVENT.__slots__}
    return EventView(**{**fields, **changes})  # type: ignore[arg-type]


def test_outlets_and_digest_lines_link_to_their_original_articles() -> None:
    event = _event(
        sources=("Ledger <&>", "Northwire", "file"),
        articles=(REF, WEB, LOCAL),
        digest=(DigestLine("Cracks found.", 9, "Northwire"), DigestLine("Shut.", 8, "file")),
    )
    html = fmt.event_full(event)
    parse(html)
    assert '<a href="https://northwire.example/bridge">Northwire</a>' in html
    assert 'Cracks found. <i>(<a href="https://northwire.example/bridge">Northwire</a>)</i>' in html
    assert "Shut. <i>(file)</i>" in html  # a local file: attributed, not linked
    assert fmt.link_buttons(event) == [
        ("Ledger <&> ↗", REF.location),
        ("Northwire ↗", WEB.location),
    ]
    brief = fmt.briefing([event], now=WHEN)
    assert '<a href="https://northwire.example/bridge">Northwire</a>' in brief
    assert "Cracks found. <i>(" in brief  # digest lines stay attributed


def test_each_briefing_event_says_when_and_old_news_says_how_old() -> None:
    brief = parse(fmt.briefing([EVENT], now=WHEN, zone="Asia/Tokyo"))
    assert "23 Nov 2026 18:30 · /event 3" in brief  # with the year: old news is not this year's
    assert "days old" not in brief
    later = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    old = parse(fmt.briefing([EVENT], now=later))
    assert "The newest news here is 4 days old." in old
    russian = parse(fmt.briefing([EVENT], now=later, tr=translator("ru")))
    assert "4 дня" in russian and "Сводка" in russian


def test_long_digests_fold_into_an_expandable_blockquote_that_splits_validly() -> None:
    lines = tuple(DigestLine(f"Line {i} {NASTY}", 7, "Ledger <&>") for i in range(6))
    html = fmt.event_full(_event(digest=lines))
    assert "<blockquote expandable>" in html and html.count("</blockquote>") == 1
    parse(html)
    short = fmt.event_full(_event(digest=lines[:2]))
    assert "blockquote" not in short
    huge = tuple(DigestLine("word " * 150, 7, "Ledger") for _ in range(60))
    parts = split_html(fmt.event_full(_event(digest=huge)))
    assert len(parts) > 1
    for part in parts:
        parse(part)
        assert part.count("<blockquote expandable>") == part.count("</blockquote>")


def test_story_digest_lines_link_their_outlets() -> None:
    event = _event(articles=(WEB,))
    line = DigestLine("Cracks found.", 9, "Northwire", WHEN)
    html = fmt.story(StoryView(2, "Bridge", (event,), digest=(line,)))
    parse(html)
    assert '(<a href="https://northwire.example/bridge">Northwire</a>)' in html


def test_an_outlet_no_input_named_is_shown_as_unknown_in_the_chats_language() -> None:
    unnamed = ArticleRef(9, "Talks in Minsk", UNKNOWN_OUTLET, "/tmp/001.txt", WHEN)
    event = EventView(
        id=4,
        story_id=None,
        title="Talks in Minsk",
        first_seen=WHEN,
        last_seen=WHEN,
        importance=1.0,
        sources=("Ledger", UNKNOWN_OUTLET),
        articles=(REF, unnamed),
        digest=(DigestLine("The presidents met in Minsk on Tuesday.", 9, UNKNOWN_OUTLET),),
    )
    for html in (fmt.briefing([event], now=WHEN), fmt.event_full(event), fmt.sources_of(event)):
        text = parse(html)
        assert "(outlet unknown)" in text and "(unknown)" not in text, text
    assert "Ledger, outlet unknown" in parse(fmt.briefing([event], now=WHEN))
    russian = parse(fmt.event_full(event, tr=translator("ru")))
    assert "источник неизвестен" in russian and "(unknown)" not in russian
