"""Tests of the ingest_scale benchmark's synthetic build: varied names, realistic stories."""

from __future__ import annotations

import json
from collections import Counter
from datetime import timedelta
from itertools import groupby
from pathlib import Path

import pytest
from sqlalchemy import text

from benchmarks.ingest_scale import (
    DAYS,
    END,
    KEPT,
    MEASURED,
    Corpus,
    Writer,
    build,
    database_name,
    main,
)
from summarizer.store.db import make_engine


@pytest.fixture
def corpus(shared: Path) -> Corpus:
    if not (shared / "eval" / "bbc" / "articles").is_dir():
        pytest.skip("the BBC articles of ../shared/eval are needed")
    return Corpus.load(shared)


def test_threads_have_names_of_their_own(corpus: Corpus) -> None:
    writer = Writer(corpus, seed=3)
    reports = list(writer.stream(300, END - timedelta(days=DAYS), DAYS))
    casts = [
        {*(name for person in t.people for name in person), t.organisation, t.place, *t.words}
        for t in writer.threads
    ]
    assert len(casts) > 20
    named = Counter(name for cast in casts for name in cast)
    assert max(named.values()) == 1  # no name of one thread's cast is another's
    renamed = Counter(name for t in writer.threads for name in set(t.renames.values()))
    assert max(renamed.values()) == 1  # nor a generated name the BBC sentences get
    # The reports of one thread name its people; others do not.
    first = writer.threads[0]
    family = first.people[0][1]
    own = [r for r in reports if r.thread == first.number]
    assert own and all(any(f in r.body for _, f in first.people) for r in own)
    assert not any(family in r.body for r in reports if r.thread != first.number)


def test_small_build_gives_many_small_stories_with_specific_names(
    corpus: Corpus, tmp_path: Path
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'scale.db'}")
    try:
        build(engine, corpus, 300)
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT id, story_id, profile_json FROM event")).all()
            articles = connection.execute(text("SELECT count(*) FROM article")).scalar()
    finally:
        engine.dispose()
    assert articles == 300
    sizes = Counter(story for _, story, _ in rows)
    assert None not in sizes
    assert len(sizes) > 20
    assert max(sizes.values()) <= 0.2 * len(rows)  # no giant story
    assert sum(1 for n in sizes.values() if n >= 2) >= 10  # threads of several events
    # The build's events are the writer's happenings in order: stories are its threads.
    reports = Writer(corpus, seed=300).stream(300, END - timedelta(days=DAYS), DAYS)
    threads = [next(group).thread for _, group in groupby(reports, key=lambda r: r.happening)]
    story_of = {event: story for event, story, _ in rows}
    threads_of: dict[int, set[int]] = {}
    for event, thread in enumerate(threads, start=1):
        threads_of.setdefault(story_of[event], set()).add(thread)
    assert sum(1 for found in threads_of.values() if len(found) > 1) <= 1
    # Profiles hold the product's story features; their specific names stay in their story.
    stories_of: dict[str, set[int]] = {}
    for _, story, profile in rows:
        features = json.loads(profile)
        assert any(f.startswith("s:") for f in features)
        for feature in features:
            if feature.startswith(("s:", "f:")):
                stories_of.setdefault(feature, set()).add(story)
    shared_names = sum(1 for stories in stories_of.values() if len(stories) > 1)
    assert shared_names <= 0.05 * len(stories_of)


def test_database_names_are_the_documented_ones_unless_prefixed() -> None:
    assert database_name(MEASURED, 100_000) == "scale_100000"  # docs/benchmarks.md names these
    assert database_name(KEPT, 0) == "built_0"
    assert database_name(KEPT, 10_000, prefix="me_") == "me_built_10000"


def test_a_prefix_that_sql_would_not_take_unquoted_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--postgres", "postgresql://127.0.0.1/x", "--pg-prefix", "a; DROP"])
    assert "--pg-prefix" in capsys.readouterr().err
