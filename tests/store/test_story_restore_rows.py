"""The rows a story index is rebuilt from: the most recently active stories, read in chunks."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session

from summarizer.store import events as event_store
from summarizer.store.db import create_schema, make_engine
from summarizer.store.models import Event, Story

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def test_active_story_events_reads_the_newest_stories_across_chunks(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(event_store, "CHUNK", 2)  # five stories: three chunks
    engine = make_engine(database_url)
    create_schema(engine)
    try:
        with Session(engine) as session:
            for n in range(1, 7):
                when = T0 + timedelta(days=n)
                session.add(Story(id=n, title=f"story {n}", first_seen=when, last_seen=when))
            session.commit()
            for n in range(1, 7):  # two events per story, the second with the newer time
                for k in (0, 1):
                    when = T0 + timedelta(days=n, hours=k)
                    profile = json.dumps({f"e:name{n}": 0.8, "t:common": (0.6, 0.5)[k]})
                    session.add(
                        Event(
                            id=10 * n + k,
                            story_id=n,
                            title=f"event {n}.{k}",
                            first_seen=when,
                            last_seen=when,
                            profile_json=profile,
                        )
                    )
            session.commit()
            found = event_store.active_story_events(session=session, limit=5)
        assert [story for story, _ in found] == [2, 3, 4, 5, 6]  # story 1 is the least recent
        _, events = found[-1]
        assert sorted(event for event, _, _ in events) == [60, 61]
        by_id = {event: (text, last) for event, text, last in events}
        assert json.loads(by_id[61][0]) == {"e:name6": 0.8, "t:common": 0.5}
        assert by_id[61][1] == T0 + timedelta(days=6, hours=1)
        texts = [text for _, evs in found for _, text, _ in evs]
        profiles = event_store.parse_profiles(texts)
        assert profiles[texts.index(by_id[61][0])] == {"e:name6": 0.8, "t:common": 0.5}
        # one string per feature name, shared by every profile that has it
        names = [name for profile in profiles for name in profile]
        common = [name for name in names if name == "t:common"]
        assert len(common) == 10 and all(name is common[0] for name in common)
    finally:
        engine.dispose()


def test_parse_profiles_refuses_what_is_no_profile() -> None:
    assert event_store.parse_profiles([]) == []
    with pytest.raises(ValueError):
        event_store.parse_profiles(['{"t:a": 1.0}', "[1, 2]"])
    with pytest.raises(ValueError):
        event_store.parse_profiles(['{"t:a": 1.0}, {"t:b": 2.0}'])


def test_drain_stories_parses_chunk_by_chunk_in_order_and_empties_the_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(event_store, "DRAIN_CHUNK", 3)  # 4 stories of 2 profiles: 2 chunks of 2
    stored: list[tuple[int, list[event_store.StoredMember]]] = [
        (n, [(10 * n + k, json.dumps({f"e:n{n}": 1.0, "t:k": k / 4}), T0) for k in (0, 1)])
        for n in (2, 5, 7, 9)
    ]
    wanted = [
        (key, [(event, json.loads(text), when) for event, text, when in group])
        for key, group in stored
    ]
    stories = event_store.drain_stories(stored)
    first = next(stories)
    assert first == wanted[0]
    assert sorted(key for key, _ in stored) == [7, 9]  # the first chunk's rows are gone
    assert [first, *stories] == wanted
    assert stored == []


def test_drain_stories_refuses_what_is_no_profile() -> None:
    with pytest.raises(ValueError):
        list(event_store.drain_stories([(1, [(1, "[1, 2]", None)])]))
