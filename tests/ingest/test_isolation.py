"""An unexpected exception at any stage fails that one article; the batch and its events go on."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, select

from summarizer.errors import ExtractionError, FetchError, InternalError
from summarizer.events.cluster import EventIndex
from summarizer.events.stories import StoryLinker
from summarizer.ingest import pipeline
from summarizer.ingest.prepare import prepare
from summarizer.ingest.sources import Failure
from summarizer.service import BriefingService
from summarizer.store import articles as article_store
from summarizer.store.db import create_schema, make_engine
from summarizer.store.models import Article
from summarizer.values import RawInput
from tests.ingest.test_runner_writes import assert_events_match_articles

SAMPLE = Path(__file__).resolve().parents[2] / "summarizer" / "data" / "sample"
NOW = datetime(2026, 3, 20, tzinfo=UTC)
# The third article of the sample's first event; for story linking, an article that opens an
# event (a grown event is re-linked only when its size reaches a power of two).
TARGETS = {"linking stories": "comet-discovered"}
DEFAULT_TARGET = "water-talks-begin"


def _mark(target: str) -> str:
    return next(SAMPLE.glob(f"*{target}*")).read_text(encoding="utf-8").splitlines()[0]


def _service(path: Path) -> BriefingService:
    engine = make_engine(f"sqlite:///{path}")
    create_schema(engine)
    return BriefingService(engine, {})


def _events(service: BriefingService) -> set[frozenset[str]]:
    """The partition of stored articles into events, by file name."""
    with Session(service.engine) as session:
        rows = session.exec(select(Article.event_id, Article.location)).all()
    groups: dict[int | None, set[str]] = {}
    for event_id, location in rows:
        groups.setdefault(event_id, set()).add(Path(location).name)
    return {frozenset(group) for group in groups.values()}


def _stories(service: BriefingService) -> set[frozenset[str]]:
    """The partition of stored articles into stories, by file name."""
    with Session(service.engine) as session:
        rows = session.exec(
            select(Article.location, Article.event_id).where(Article.event_id.is_not(None))  # type: ignore[union-attr]
        ).all()
        from summarizer.store.models import Event

        story_of = {e.id: e.story_id for e in session.exec(select(Event)).all()}
    groups: dict[int | None, set[str]] = {}
    for location, event_id in rows:
        groups.setdefault(story_of[event_id], set()).add(Path(location).name)
    return {frozenset(group) for group in groups.values()}


_CLEAN: dict[str, tuple[set[Any], set[Any]]] = {}


def _without(target: str, folder: Path) -> tuple[set[Any], set[Any]]:
    """Events and stories of a clean run over the sample without the target article."""
    if target not in _CLEAN:
        for path in SAMPLE.iterdir():
            if target not in path.name:
                shutil.copy(path, folder / path.name)
        service = _service(folder / "clean.db")
        report = service.ingest([str(folder)], now=NOW)
        assert report.failed == 0
        _CLEAN[target] = (_events(service), _stories(service))
    return _CLEAN[target]


def _raise_for_target(
    original: Callable[..., Any], seen: Callable[..., bool]
) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if seen(*args, **kwargs):
            raise ZeroDivisionError("injected")
        return original(*args, **kwargs)

    return wrapper


MARK: list[str] = [""]


def _mentions(*args: Any, **kwargs: Any) -> bool:
    return any(MARK[0] in str(value) for value in (*args, *kwargs.values()))


_last_doc: list[str] = []


def _remember_doc(original: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(self: EventIndex, doc: Any) -> Any:
        _last_doc[:] = [doc.title]
        return original(self, doc)

    return wrapper


STAGES = ["cleaning", "dating", "summarising", "clustering", "linking stories", "storing"]


def _inject(stage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if stage == "cleaning":
        target = _raise_for_target(pipeline.clean_plain_text, _mentions)
        monkeypatch.setattr(pipeline, "clean_plain_text", target)
    elif stage == "dating":
        monkeypatch.setattr(
            pipeline, "find_published", _raise_for_target(pipeline.find_published, _mentions)
        )
    elif stage == "summarising":
        target = _raise_for_target(pipeline.summarize_article, _mentions)
        monkeypatch.setattr(pipeline, "summarize_article", target)
    elif stage == "clustering":
        monkeypatch.setattr(
            EventIndex,
            "add",
            _raise_for_target(EventIndex.add, lambda _s, doc: MARK[0] in doc.title),
        )
    elif stage == "linking stories":
        monkeypatch.setattr(EventIndex, "add", _remember_doc(EventIndex.add))
        seen = lambda *_a, **_k: bool(_last_doc) and MARK[0] in _last_doc[0]  # noqa: E731
        monkeypatch.setattr(StoryLinker, "link", _raise_for_target(StoryLinker.link, seen))
    else:
        target = _raise_for_target(
            article_store.insert_article, lambda **kw: MARK[0] in kw["article"].title
        )
        monkeypatch.setattr(article_store, "insert_article", target)


@pytest.mark.parametrize("stage", STAGES)
def test_a_failure_at_any_stage_fails_that_article_alone(
    stage: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    target = TARGETS.get(stage, DEFAULT_TARGET)
    MARK[0] = _mark(target)
    events, stories = _without(target, tmp_path_factory.mktemp("clean"))
    _inject(stage, monkeypatch)
    service = _service(tmp_path / "db.sqlite")
    report = service.ingest([str(SAMPLE)], now=NOW)
    assert (report.new, report.duplicate, report.failed) == (12, 1, 1), report.errors
    (failure,) = report.failures
    assert target in failure.location and failure.kind == "internal"
    assert f"internal error while {stage}: ZeroDivisionError: injected" in failure.message
    assert "\n" not in failure.message
    with Session(service.engine) as session:
        locations = [a.location for a in session.exec(select(Article)).all()]
    assert not any(target in location for location in locations)
    assert_events_match_articles(service.engine)
    assert _events(service) == events
    assert _stories(service) == stories
    # The indexes hold nothing of the failed article: ingesting it again now stores it, into
    # the event it belongs to.
    monkeypatch.undo()
    again = service.ingest([str(next(SAMPLE.glob(f"*{target}*")))], now=NOW)
    assert (again.new, again.failed) == (1, 0), again.errors
    assert_events_match_articles(service.engine)


def test_prepare_carries_a_typed_failure(tmp_path: Path) -> None:
    fetched = Failure("https://example.org/a", FetchError("https://example.org/a: HTTP 404"))
    assert prepare(fetched, summary=None, known_boilerplate=frozenset(), now=NOW) is fetched
    empty = RawInput(location="menu.txt", content="Home\nNews\nSport\n", kind="text")
    failure = prepare(empty, summary=None, known_boilerplate=frozenset(), now=NOW)
    assert isinstance(failure, Failure) and isinstance(failure.error, ExtractionError)
    assert (failure.error.kind, fetched.error.kind) == ("extraction", "fetch")


def test_an_unexpected_exception_is_an_internal_error_with_its_cause(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(pipeline, "detect_language", broken)
    text = "Title\n\n" + "The council met on Tuesday to discuss the new tram line. " * 5
    failure = prepare(
        RawInput(location="a.txt", content=text, kind="text"),
        summary=None,
        known_boilerplate=frozenset(),
        now=NOW,
    )
    assert isinstance(failure, Failure) and isinstance(failure.error, InternalError)
    assert failure.error.stage == "detecting the language"
    assert isinstance(failure.error.__cause__, KeyError)
    assert failure.message.startswith("a.txt: internal error while detecting the language")
