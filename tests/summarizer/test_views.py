"""Views tell the truth: one importance, honest dates, outlet names, a digest for every event."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import Session, select

from summarizer.cli import render
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.store.models import Event, Story
from summarizer.text.rules import content_words, is_near_duplicate, stands_alone
from summarizer.views import EventView

SAMPLE = Path(__file__).resolve().parents[2] / "summarizer" / "data" / "sample"
NOW = datetime(2026, 3, 20, tzinfo=UTC)
# A source that is a file name, a hash or a "Site | tagline" title is not an outlet's name.
_NOT_AN_OUTLET = re.compile(r"^\d{3}_[0-9a-f]{16}$|^[0-9a-f]{32,}$|\s\|\s|\s-\s.*Stories$")


def _service(tmp_path: Path, name: str) -> BriefingService:
    engine = make_engine(f"sqlite:///{tmp_path / name}.db")
    create_schema(engine)
    return BriefingService(engine, {})


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[BriefingService]:
    """The bundled sample, ingested as `make demo` does."""
    service = _service(tmp_path, "demo")
    report = service.ingest([str(SAMPLE)], now=NOW)
    assert report.failed == 0, report.errors
    yield service
    service.engine.dispose()


def _all_events(service: BriefingService) -> list[EventView]:
    with Session(service.engine) as session:
        ids = [i for i in session.exec(select(Event.id)) if i is not None]
    return [service.event(i) for i in ids]


def test_one_importance_per_event_in_every_view(demo: BriefingService) -> None:
    ranked = {view.id: view.importance for view in demo.top_events(limit=50)}
    assert len(ranked) == 4 and all(score > 0.01 for score in ranked.values())
    for event_id, score in ranked.items():
        assert demo.event(event_id).importance == score
        story = demo.event(event_id).story_id
        assert story is not None
        in_story = {e.id: e.importance for e in demo.story(story).events}
        assert in_story[event_id] == score


def test_a_syndicated_copy_counts_its_outlet_and_no_source_is_a_tagline(
    demo: BriefingService,
) -> None:
    events = _all_events(demo)
    talks = next(e for e in events if "Duvra water talks" in e.title or "talks open" in e.title)
    assert "Kelmar Herald" in talks.sources and "Northwire" in talks.sources
    sources = {s for e in events for s in e.sources} | {
        line.source for e in events for line in e.digest
    }
    assert "Kestrel News" in sources
    assert not [s for s in sources if _NOT_AN_OUTLET.search(s) or " - " in s]


def test_a_date_only_dateline_has_no_invented_time_and_is_marked_estimated(
    demo: BriefingService,
) -> None:
    cup = next(e for e in _all_events(demo) if "Norland Cup" in e.title)
    assert cup.last_seen_date_only and cup.last_seen_estimated
    assert not cup.first_seen_date_only and not cup.first_seen_estimated
    data = render.event_dict(cup)
    assert data["last_seen"] == "2026-03-15" and data["last_seen_estimated"] is True
    assert data["first_seen"] == "2026-03-14T21:37:00Z"
    essel = next(a for a in data["articles"] if "port-essel" in a["location"])
    assert essel["published"] == "2026-03-15" and essel["published_estimated"] is True
    text = render.event_text(cup)
    assert "2026-03-15 (estimated)" in text and "00:00" not in text
    assert "PORT ESSEL, March 15" not in text  # the dateline is cut from the digest line


def test_digests_open_with_a_line_that_stands_alone(demo: BriefingService) -> None:
    for event in _all_events(demo):
        assert event.digest, event.title
        assert stands_alone(event.digest[0].text, context=event.title), event.digest[0].text
        for line in event.digest:
            assert line.published is not None and line.event_id == event.id


def test_story_digest_catches_up_in_time_order(demo: BriefingService) -> None:
    with Session(demo.engine) as session:
        stories = [s.id for s in session.exec(select(Story)) if s.id is not None]
    treaty = next(
        view for view in (demo.story(i, words=120) for i in stories) if len(view.events) > 1
    )
    assert treaty.digest
    assert sum(len(line.text.split()) for line in treaty.digest) <= 120
    assert stands_alone(treaty.digest[0].text, context=treaty.title)
    times = [line.published for line in treaty.digest]
    assert all(t is not None for t in times) and times == sorted(times)  # type: ignore[type-var]
    assert {line.event_id for line in treaty.digest} <= {e.id for e in treaty.events}
    assert len({line.event_id for line in treaty.digest}) == 2  # both events are told
    words = [content_words(line.text) for line in treaty.digest]
    for i, first in enumerate(words):
        assert not any(is_near_duplicate(first, second) for second in words[i + 1 :])
    data = render.story_dict(treaty)
    assert set(data) == {"id", "title", "digest", "events"}
    assert set(data["digest"][0]) >= {"text", "article_id", "source", "event_id", "published"}
    json.dumps(data)
    assert "What happened:" in render.story_text(treaty)


def _dev_sets() -> list[tuple[str, list[str]]]:
    from tests.conftest import shared_dir

    shared = shared_dir()
    bbc = sorted((shared / "eval" / "bbc" / "articles").glob("*"))[::4]  # a sample of 140
    return [
        ("demo", [str(SAMPLE)]),
        ("seeds", [str(shared / "seeds")]),
        ("extraction-html", [str(shared / "eval" / "extraction" / "html")]),
        ("extraction-text", [str(shared / "eval" / "extraction" / "text")]),
        ("bbc-sample", [str(p) for p in bbc]),
    ]


@pytest.mark.parametrize(
    "name", ["demo", "seeds", "extraction-html", "extraction-text", "bbc-sample"]
)
def test_every_event_of_every_dev_set_has_a_digest(name: str, shared: Path, tmp_path: Path) -> None:
    inputs = dict(_dev_sets())[name]
    service = _service(tmp_path, name)
    try:
        service.ingest(inputs, now=NOW)
        events = _all_events(service)
        assert events
        empty = [e.title for e in events if not e.digest]
        assert not empty, empty
        sources = {s for e in events for s in e.sources}
        assert not [s for s in sources if _NOT_AN_OUTLET.search(s)], sources
    finally:
        service.engine.dispose()


def test_the_ranking_without_digests_and_views_of_some_articles(demo: BriefingService) -> None:
    top = demo.top_events(limit=10)
    ranked = demo.ranked_events(limit=10)
    assert [r.id for r in ranked] == [e.id for e in top]
    assert [set(r.article_ids) for r in ranked] == [{a.id for a in e.articles} for e in top]
    assert [r.id for r in demo.ranked_events(limit=2, offset=1)] == [e.id for e in top[1:3]]
    event = next(e for e in top if len(e.articles) > 1)
    first = event.articles[0]
    part = demo.event(event.id, articles=frozenset({first.id}))
    assert [a.id for a in part.articles] == [first.id]
    assert {line.article_id for line in part.digest} == {first.id}
    assert part.first_seen == part.last_seen == first.published
    assert demo.event(event.id) == event  # the whole view is cached apart from the part
    assert part.importance == event.importance
    assert event.story_id is not None
    story = demo.story(event.story_id, articles=frozenset({first.id}))
    assert [e.id for e in story.events] == [event.id]
    assert [a.id for a in story.events[0].articles] == [first.id]
    assert {line.article_id for line in story.digest} == {first.id}
    whole = demo.story(event.story_id)
    assert {a.id for e in whole.events for a in e.articles} >= {a.id for a in event.articles}


def test_a_story_is_not_titled_by_a_sentence_cut_short(tmp_path: Path, seeds: list[Path]) -> None:
    service = _service(tmp_path, "seeds")
    assert service.ingest([str(path) for path in seeds], now=NOW).failed == 0
    with Session(service.engine) as session:
        stories = [s.id for s in session.exec(select(Story)) if s.id is not None]
    cut = 0
    for story_id in stories:
        view = service.story(story_id)
        titles = [event.title for event in view.events]
        cut += sum(title.endswith("…") for title in titles)
        if any(not title.endswith("…") for title in titles):
            assert not view.title.endswith("…"), titles
        assert view.title in titles  # one of its events' titles, the latest whole one
    assert cut  # the seeds hold a page without a title, whose event is titled by a cut sentence
    service.engine.dispose()


def test_the_demo_keeps_its_three_stories_apart(demo: BriefingService) -> None:
    # The treaty's talks and draft are one story; the comet and the cup final share only the
    # country's and a city's names with it (Norland, Kelmar) and stay stories of their own.
    events = _all_events(demo)
    story_of = {e.title: e.story_id for e in events}
    talks = next(s for t, s in story_of.items() if "Duvra water talks" in t)
    draft = next(s for t, s in story_of.items() if "draft Duvra treaty" in t)
    cup = next(s for t, s in story_of.items() if "Norland Cup" in t)
    comet = next(s for t, s in story_of.items() if "comet" in t)
    assert talks == draft
    assert len({talks, cup, comet}) == 3


def test_a_partial_story_whose_events_cannot_be_shown_keeps_the_stored_title_hidden(
    demo: BriefingService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # When no event view can be built, the whole story's stored title (which may come from an
    # article the reader may not read) is not shown to a reader of part of it.
    event = next(e for e in demo.top_events(limit=10) if len(e.articles) > 1)
    assert event.story_id is not None
    first = event.articles[0]
    with Session(demo.engine) as session:
        story = session.get(Story, event.story_id)
        assert story is not None
        story.title = "A headline only another chat may read"
        session.add(story)
        session.commit()

    def broken(*args: object, **kwargs: object) -> EventView:
        raise RuntimeError("cannot be shown")

    monkeypatch.setattr(demo, "_event_view", broken)
    part = demo.story(event.story_id, articles=frozenset({first.id}))
    assert part.events == () and part.title == first.title
    assert demo.story(event.story_id).title == "A headline only another chat may read"


_FERRY_TITLE = "Harbour board approves new ferry pier"
_FERRY_BODY = (
    "The Port Essel harbour board approved a new ferry pier on Tuesday after two years of "
    "debate over its cost, which the board put at 14 million crowns. Work on the pier will "
    "begin in May and end before the summer season of next year, the board said. The ferry "
    "company welcomed the decision and said it would add two sailings a day."
)


def _ferry_event(tmp_path: Path, name: str, sites: Sequence[str], unnamed: bool) -> EventView:
    """The one event of a page per site ("" for none) of one report, each a little longer than
    the one before (near-duplicates, linked as copies of the first), and a plain-text copy
    naming no outlet when `unnamed`."""
    service = _service(tmp_path, name)
    pages = tmp_path / name
    pages.mkdir()
    for number, site in enumerate(sites):
        tail = " Tickets will cost the same." * number
        (pages / f"{number}.html").write_text(
            f'<html><head><title>{_FERRY_TITLE}</title><meta property="og:site_name" '
            f'content="{site}"></head><body><article><h1>{_FERRY_TITLE}</h1>'
            f"<p>{_FERRY_BODY}{tail}</p></article></body></html>",
            encoding="utf-8",
        )
    if unnamed:
        (pages / "copy.txt").write_text(
            f"{_FERRY_TITLE}\n\n{_FERRY_BODY} It was a long debate.\n", encoding="utf-8"
        )
    report = service.ingest([str(pages)], now=NOW)
    assert (report.new, report.duplicate) == (1, len(sites) - 1 + unnamed)
    (event,) = _all_events(service)
    with Session(service.engine) as session:
        stored = session.get(Event, event.id)
        assert stored is not None and stored.source_count == len(event.sources)
    service.engine.dispose()
    return event


def test_an_outlet_is_listed_and_ranked_once_however_spelled_and_an_unnamed_copy_adds_none(
    tmp_path: Path,
) -> None:
    alone = _ferry_event(tmp_path, "alone", ["Wired"], unnamed=False)
    spelled = _ferry_event(tmp_path, "spelled", ["Wired", "WIRED"], unnamed=True)
    assert alone.sources == spelled.sources == ("Wired",)
    assert spelled.importance == alone.importance
    other = _ferry_event(tmp_path, "other", ["Wired", "Ars Technica"], unnamed=True)
    assert other.sources == ("Wired", "Ars Technica")
    assert other.importance > alone.importance


def test_distinct_outlets_compares_case_the_and_web_endings() -> None:
    from summarizer.views import UNKNOWN_OUTLET, distinct_outlets

    assert distinct_outlets(
        [
            ("MacRumors.com", ["MacRumors", "Slate Magazine", UNKNOWN_OUTLET]),
            ("The Week", ["Week", "slate", ""]),
            (UNKNOWN_OUTLET, []),
        ]
    ) == ("MacRumors.com", "The Week", UNKNOWN_OUTLET, "Slate Magazine")
    assert distinct_outlets([("Fox News", []), ("Fox Business", [])]) == (
        "Fox News",
        "Fox Business",
    )


def test_a_text_is_told_by_its_named_outlets_whichever_came_first() -> None:
    from summarizer.views import UNKNOWN_OUTLET, distinct_outlets

    assert distinct_outlets([("Wired", [UNKNOWN_OUTLET])]) == ("Wired",)
    assert distinct_outlets([(UNKNOWN_OUTLET, ["Wired"])]) == ("Wired",)
    # An unnamed text without a named copy is still one (unknown) outlet of its event.
    told = [(UNKNOWN_OUTLET, ["Wired"]), ("Ledger", []), (UNKNOWN_OUTLET, [UNKNOWN_OUTLET])]
    assert distinct_outlets(told) == ("Ledger", UNKNOWN_OUTLET, "Wired")
