"""Event profiles stored before story linking read specific names are made again, once."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text
from sqlmodel import Session

from summarizer.events import features
from summarizer.events.features import FEATURES_VERSION, PROFILES_SINCE, SPECIFIC
from summarizer.service import BriefingService
from summarizer.store import events as event_store
from summarizer.store import profiles
from summarizer.store.db import alembic_config, create_schema, make_engine
from summarizer.store.features import current_prefix
from summarizer.store.ingest_state import origin_mark

LISTING = (
    "Shares of North Harbour soar on their first day of trading",
    "Shares of North Harbour rose by a third on their first day of trading on Wednesday, after the "
    "maker of industrial sensors raised more money than it had planned. Traders said demand "
    "for the listing was strong, and the company's founders kept most of their stake.",
)
LATER = (
    "A rival is bought by North Harbour as its shares keep climbing",
    "On Thursday, North Harbour agreed to buy a smaller rival, two months after its listing, as "
    "its shares kept climbing. The maker of industrial sensors said the deal would add factories "
    "and traders said demand for its shares stayed strong.",
)


def _write(folder: Path, name: str, when: str, article: tuple[str, str]) -> str:
    path = folder / name
    title, body = article
    path.write_text(f"{title}\n{when}\n\n{body}\n", encoding="utf-8")
    return str(path)


def _age(url: str, version: int = PROFILES_SINCE - 1) -> None:
    """Make the stored rows look as an older version left them: article features of `version`
    (by default one whose profiles lack `s:` names: the profiles lose them too), the schema at
    0017."""
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            for article, features in connection.execute(text("SELECT id, features FROM article")):
                older = features.replace(f'"v":{FEATURES_VERSION}', f'"v":{version}')
                connection.execute(
                    text("UPDATE article SET features = :f WHERE id = :id"),
                    {"f": older, "id": article},
                )
            rows = connection.execute(text("SELECT id, profile_json FROM event")).all()
            for event, stored in rows if version < PROFILES_SINCE else ():
                kept = {k: v for k, v in json.loads(stored).items() if k[:2] != SPECIFIC}
                connection.execute(
                    text("UPDATE event SET profile_json = :p WHERE id = :id"),
                    {"p": json.dumps(kept), "id": event},
                )
        command.downgrade(alembic_config(engine), "0017")
    finally:
        engine.dispose()


def _events(url: str, column: str) -> list[Any]:
    """One column of the stored events, in id order."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text(f"SELECT {column} FROM event ORDER BY id")).all()
        return [row[0] for row in rows]
    finally:
        engine.dispose()


def _stories(url: str) -> list[int | None]:
    return _events(url, "story_id")


def _ingest_later(url: str, tmp_path: Path) -> None:
    engine = make_engine(url)
    try:
        create_schema(engine)  # 0018 drops the origin: the next ingest reads the rows
        with Session(engine) as session:
            assert origin_mark(session=session) is None
        later = _write(tmp_path, "later.txt", "Published: 2026-05-08", LATER)
        BriefingService(engine, {}).ingest([later], now=datetime(2026, 5, 9, tzinfo=UTC))
    finally:
        engine.dispose()


def _old_database(tmp_path: Path, name: str, version: int = PROFILES_SINCE - 1) -> str:
    url = f"sqlite:///{tmp_path / name}"
    engine = make_engine(url)
    create_schema(engine)
    try:
        first = _write(tmp_path, "listing.txt", "Published: 2026-03-04", LISTING)
        BriefingService(engine, {}).ingest([first], now=datetime(2026, 3, 5, tzinfo=UTC))
    finally:
        engine.dispose()
    _age(url, version)
    return url


def _profiles(url: str) -> list[str]:
    return _events(url, "profile_json")


def test_profiles_of_features_that_give_todays_profiles_are_kept(tmp_path: Path) -> None:
    # features of a version since PROFILES_SINCE make the same profiles: a rebuild keeps the
    # stored ones (remade, their names would be weighed among the events remade with them)
    url = _old_database(tmp_path, "recent.db", version=PROFILES_SINCE)
    before = _profiles(url)
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            stories = [s for s in _stories(url) if s is not None]
            assert stories and profiles.stale_events(session=session, story_ids=stories) == []
    finally:
        engine.dispose()
    _ingest_later(url, tmp_path)
    assert _profiles(url)[0] == before[0]


def test_profiles_of_older_features_are_made_again_and_the_story_continues(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the listing's profile lost its specific names: only "North Harbour" (a two-word name)
    # anchors the later report
    kept = _old_database(tmp_path, "kept.db")
    with monkeypatch.context() as patched:  # as before: nothing made the profiles again
        patched.setattr(event_store, "refresh_stale_profiles", lambda **_: 0)
        _ingest_later(kept, tmp_path)
    first, later = _stories(kept)
    assert first is not None and later != first  # an old profile cannot be joined by its name

    upgraded = _old_database(tmp_path, "upgraded.db")
    _ingest_later(upgraded, tmp_path)
    first, later = _stories(upgraded)
    assert first is not None and later == first
    engine = make_engine(upgraded)
    try:
        with engine.connect() as connection:
            stored = connection.execute(text("SELECT profile_json FROM event ORDER BY id")).all()
            features = connection.execute(text("SELECT features FROM article")).all()
        assert f"{SPECIFIC}north harbour" in json.loads(stored[0][0])
        assert all(row[0].startswith(current_prefix()) for row in features)
        with Session(engine) as session:  # made again once: nothing is stale now
            assert profiles.stale_events(session=session, story_ids=[first]) == []
    finally:
        engine.dispose()


FLOODS = (
    "Floods close the coastal road to Marlow Bay for a week",
    "Heavy rain flooded the coastal road to Marlow Bay on Tuesday, and the county said it would "
    "stay closed for a week while engineers checked its bridges. Residents of the villages "
    "around the bay were told to take the inland route.",
)


def _two_stories(tmp_path: Path, name: str) -> str:
    """An aged database of two unrelated articles: two stale events in two stories."""
    url = f"sqlite:///{tmp_path / name}"
    engine = make_engine(url)
    create_schema(engine)
    try:
        paths = [
            _write(tmp_path, "listing.txt", "Published: 2026-03-04", LISTING),
            _write(tmp_path, "floods.txt", "Published: 2026-03-04", FLOODS),
        ]
        BriefingService(engine, {}).ingest(paths, now=datetime(2026, 3, 5, tzinfo=UTC))
    finally:
        engine.dispose()
    _age(url)
    return url


def _refreshed(url: str) -> tuple[int, list[Any], list[Any]]:
    """Remake the stale profiles of every story; how many, and the stored profiles and features."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            stories = sorted({s for s in _stories(url) if s is not None})
            done = profiles.refresh_stale_profiles(session=session, story_ids=stories)
            session.commit()
    finally:
        engine.dispose()
    return done, _profiles(url), _articles_features(url)


def _articles_features(url: str) -> list[Any]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT features FROM article ORDER BY id")).all()
        return [row[0] for row in rows]
    finally:
        engine.dispose()


def test_the_words_of_a_chunk_remade_are_forgotten_before_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # one event per chunk: the second chunk starts with no word memo of the first (memory of
    # a process that remakes thousands), and remakes what it would with the memos kept
    monkeypatch.setattr(profiles, "REFRESH_CHUNK", 1)
    memos: list[int] = []
    remake = profiles.event_profiles

    def remade(events: Any) -> Any:
        memos.append(features.stem.cache_info().currsize)
        return remake(events)

    monkeypatch.setattr(profiles, "event_profiles", remade)
    kept_url, forgot_url = _two_stories(tmp_path, "kept.db"), _two_stories(tmp_path, "forgot.db")
    with monkeypatch.context() as patched:  # the memos kept across chunks
        patched.setattr(profiles, "forget_words", lambda: None)
        kept = _refreshed(kept_url)
    assert len(memos) == 2 and memos[1] > 0  # the first chunk's words, still memoised

    memos.clear()
    forgot = _refreshed(forgot_url)
    assert len(memos) == 2 and memos[1] == 0
    assert features.stem.cache_info().currsize == 0 and features.terms("harbours") == ["harbour"]
    assert forgot == kept and forgot[0] == 2
    assert f"{SPECIFIC}north harbour" in json.loads(forgot[1][0])  # the listing's, remade
