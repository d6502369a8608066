"""Rendering never fails on content (issue 14 item 5): arbitrary titles, links, bodies, outlets
and times go through every message builder of bot.format and then split_html, and every part is
valid Telegram HTML within the limit."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot import format as fmt
from bot.split import MAX_MESSAGE, split_html
from summarizer.views import ArticleRef, ArticleView, DigestLine, EventView, SearchHit, StoryView
from tests.bot.telegram_html import parse, utf16_len
from tests.property.strategies import ANY_CHAR, HOSTILE_TEXT, SYMBOLS

TEXT = HOSTILE_TEXT | st.integers(1, 12_000).map(lambda n: "t" * n)
URL_CHARS = ANY_CHAR | st.sampled_from(list("&\"'<>%?=#/"))
LINK = st.one_of(
    st.text(alphabet=URL_CHARS, max_size=300),  # anything at all, most not http(s)
    st.builds(
        lambda s, n: "https://example.org/" + s * n,
        st.text(URL_CHARS, min_size=1, max_size=20),
        st.integers(1, 800),
    ),
    st.integers(1_900, 9_000).map(lambda n: "http://x.org/?" + "&" * n),
)
WHEN = st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
)
ZONE = st.sampled_from(["UTC", "Pacific/Kiritimati", "America/Adak", "Europe/Kyiv", "Asia/Kolkata"])
FLAGS = st.booleans()


@st.composite
def refs(draw: st.DrawFn) -> ArticleRef:
    return ArticleRef(
        draw(st.integers(1, 2**63 - 1)),
        draw(TEXT),
        draw(HOSTILE_TEXT),
        draw(LINK),
        draw(WHEN),
        draw(FLAGS),
        draw(FLAGS),
    )


@st.composite
def lines(draw: st.DrawFn) -> DigestLine:
    return DigestLine(
        draw(TEXT),
        draw(st.integers(1, 10**6)),
        draw(HOSTILE_TEXT),
        draw(st.none() | WHEN),
        draw(st.none() | st.integers(1, 10**6)),
        draw(FLAGS),
        draw(FLAGS),
    )


@st.composite
def events(draw: st.DrawFn) -> EventView:
    return EventView(
        id=draw(st.integers(1, 2**63 - 1)),
        story_id=draw(st.none() | st.integers(1, 10**6)),
        title=draw(TEXT),
        first_seen=draw(WHEN),
        last_seen=draw(WHEN),
        importance=draw(st.floats(allow_nan=True)),
        sources=tuple(draw(st.lists(HOSTILE_TEXT, max_size=8))),
        articles=tuple(draw(st.lists(refs(), max_size=4))),
        digest=tuple(draw(st.lists(lines(), max_size=4))),
        nothing_new=draw(FLAGS),
        first_seen_estimated=draw(FLAGS),
        first_seen_date_only=draw(FLAGS),
        last_seen_estimated=draw(FLAGS),
        last_seen_date_only=draw(FLAGS),
    )


@st.composite
def article_views(draw: st.DrawFn) -> ArticleView:
    ref = draw(refs())
    return ArticleView(
        ref.id,
        ref.title,
        ref.source,
        ref.location,
        ref.published,
        ref.published_estimated,
        draw(st.sampled_from(["en", "ru", "", "xx"])),
        draw(TEXT),
        tuple(draw(st.lists(TEXT, max_size=4))),
        draw(st.none() | st.integers(1, 10**6)),
        draw(st.none() | st.integers(1, 10**6)),
        draw(FLAGS),
    )


def assert_sendable(html: str) -> None:
    """split_html accepts the builder's output and every part is valid and within the limit."""
    for part in split_html(html):
        assert utf16_len(part) <= MAX_MESSAGE
        parse(part)


LONG_LINK = "https://example.org/news?" + "&q=x" * 1_250


@given(events(), st.lists(events(), max_size=3), article_views(), ZONE, WHEN, TEXT)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(
    EventView(
        1,
        None,
        "Bridge",
        datetime(2026, 1, 1, tzinfo=UTC),
        datetime(2026, 1, 1, tzinfo=UTC),
        1.0,
        ("Wire",),
        (ArticleRef(1, "t" * 3_000, "Wire", LONG_LINK, datetime(2026, 1, 1, tzinfo=UTC)),),
        (),
    ),
    [],
    ArticleView(
        1, "x", "Wire", LONG_LINK, datetime(2026, 1, 1, tzinfo=UTC), False, "en", "", (), None
    ),
    "UTC",
    datetime(2026, 1, 1, tzinfo=UTC),
    "query",
)
def test_every_builder_renders_any_content_into_sendable_parts(
    event: EventView,
    others: list[EventView],
    view: ArticleView,
    zone: str,
    now: datetime,
    query: str,
) -> None:
    every = [event, *others]
    story = StoryView(event.id, event.title, tuple(every), event.digest)
    hits = [SearchHit(ref, query, 1.0) for ref in event.articles]
    for html in (
        fmt.event_line(1, event, zone),
        fmt.digest_lines(event),
        fmt.event_full(event, zone),
        fmt.articles_list(event.articles),
        fmt.sources_of(event),
        fmt.events_page(every, 1, zone),
        fmt.briefing(every, now=now, zone=zone),
        fmt.briefing([], now=now, zone=zone, since=event.first_seen),
        fmt.story(story, zone),
        fmt.article(view, zone),
        fmt.search(query, hits),
        fmt.counts(query, {event.title: 1}),
    ):
        assert_sendable(html)


@given(st.text(alphabet=ANY_CHAR | SYMBOLS, max_size=200), LINK)
@settings(max_examples=200, deadline=None)
@example("title", LONG_LINK)
@example("t" * 5_000, "https://example.org/" + "é" * 1_990)
def test_a_link_of_any_address_is_sendable(title: str, url: str) -> None:
    html = fmt.link(title, url)
    assert_sendable(f"<b>{html}</b>\n\n{fmt.esc(title)}")
    if len(url) > fmt.MAX_LINK_URL:
        assert "<a " not in html


@given(st.integers(2_100, 20_000), st.integers(0, 6_000))
@settings(max_examples=30, deadline=None)
def test_split_html_drops_a_tag_too_long_for_a_message_and_keeps_its_text(
    href: int, text: int
) -> None:
    html = f'<b>Head</b>\n<a href="https://x.org/{"a" * href}">linked title</a> ' + "w " * text
    parts = split_html(html)
    assert parts
    shown = " ".join(parse(part) for part in parts)
    assert "linked title" in shown
    for part in parts:
        assert utf16_len(part) <= MAX_MESSAGE
