"""Event features stored with each article: read back as computed, recomputed when missing."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session

from summarizer.events.features import (
    FEATURES_VERSION,
    PROFILES_SINCE,
    ArticleFeatures,
    article_features,
    story_counts,
)
from summarizer.service import BriefingService
from summarizer.store import events as event_store
from summarizer.store.db import create_schema, make_engine
from summarizer.store.features import (
    current_prefix,
    features_json,
    profile_prefixes,
    read_features,
)

TITLE = "Floods close the Danube port of Vienna on 3 May"
BODY = "Vienna's port closed on Monday as the Danube rose. Officials in Austria said 1,200 homes..."


def test_features_read_back_as_computed_with_their_counts_in_order() -> None:
    computed = article_features(TITLE, BODY, "en", year=2026)
    stored = read_features(features_json(computed))
    assert stored == computed
    assert stored is not None and list(stored.counts) == list(computed.counts)
    assert stored.people == computed.people


def test_stored_features_begin_with_their_version_as_queries_read_it() -> None:
    # store.profiles tells stale features by how the stored text begins
    stored = features_json(article_features(TITLE, BODY, "en", year=2026))
    assert stored.startswith(current_prefix())
    assert current_prefix() == profile_prefixes()[-1]
    assert all(not stored.startswith(p) for p in profile_prefixes()[:-1])


def test_story_profiles_read_nothing_the_versions_since_profiles_since_added() -> None:
    # features of PROFILES_SINCE on make the same profiles (store.profiles keeps theirs): the
    # title's actor (version 8) and subject (version 21) are not read
    assert PROFILES_SINCE <= FEATURES_VERSION
    computed = article_features(TITLE, BODY, "en", year=2026)
    for field in ("actor", "subject"):
        for key in ("", "vienn", "danub"):
            changed = dataclasses.replace(computed, **{field: key})
            assert story_counts(changed, "en") == story_counts(computed, "en")


def test_the_titles_actor_reads_back() -> None:
    computed = article_features(
        "Huber closes the port", "The mayor, Anna Huber, closed it, and Huber said so.", "en"
    )
    assert computed.actor == "huber"
    assert read_features(features_json(computed)) == computed
    actor_is_list = features_json(computed).replace('"actor":"huber"', '"actor":["huber"]')
    assert read_features(actor_is_list) is None


def test_people_read_back_in_their_order() -> None:
    computed = article_features(
        "Michelle Obama meets Barack Obama in Chicago",
        "Michelle Obama said on Monday that Barack Obama would visit Chicago, and Obama agreed.",
        "en",
        year=2026,
    )
    assert computed.people  # the test has full names to keep
    stored = read_features(features_json(computed))
    assert stored is not None and stored.people == computed.people


def test_missing_or_unreadable_features_are_none() -> None:
    assert read_features(None) is None
    assert read_features("") is None
    assert read_features("{") is None
    assert read_features("[]") is None
    version = f'"v": {FEATURES_VERSION}'
    fractional = (
        f'{{{version}, "counts": {{"t:a": 1.5}}, "names": [], "headline": [], "dates": []}}'
    )
    assert read_features(fractional) is None
    lists = '"names": [], "headline": [], "dates": []'
    assert read_features(f'{{{version}, "counts": {{"t:a": 1}}, {lists}}}') is None  # no people
    people_of_one = f'{{{version}, "counts": {{"t:a": 1}}, {lists}, "people": [["a"]]}}'
    assert read_features(people_of_one) is None
    empty = ArticleFeatures(counts=Counter(), names=frozenset())
    assert read_features(features_json(empty)) == empty
    told_is_text = (
        f'{{{version}, "counts": {{}}, "names": [], "headline": [], "dates": [], "told": "flood"}}'
    )
    assert read_features(told_is_text) is None
    opening_is_text = told_is_text.replace('"told"', '"opening"')
    assert read_features(opening_is_text) is None
    names_is_text = f'{{{version}, "counts": {{}}, "names": "abc", "headline": [], "dates": []}}'
    assert read_features(names_is_text) is None  # not read as the names "a", "b" and "c"


def test_features_another_version_computed_are_computed_again() -> None:
    # Features stored before the computation last changed (no version, or another one) are not
    # mixed with new ones: a rebuild computes them again from the text.
    computed = article_features(TITLE, BODY, "en", year=2026)
    stored = features_json(computed)
    assert read_features(stored) == computed
    older = '{"counts": {"t:flood": 3}, "names": [], "headline": ["flood"], "dates": []}'
    assert read_features(older) is None
    other = stored.replace(f'"v":{FEATURES_VERSION}', f'"v":{FEATURES_VERSION - 1}')
    assert other != stored and read_features(other) is None


def test_ingest_stores_features_and_the_rebuild_reads_them(
    database_url: str, tmp_path: Path
) -> None:
    files = []
    for n, (title, body) in enumerate([(TITLE, BODY), ("Storm hits Lisbon", "Lisbon " * 40)]):
        path = tmp_path / f"{n}.txt"
        path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        files.append(str(path))
    engine = make_engine(database_url)
    create_schema(engine)
    try:
        BriefingService(engine).ingest(files)
        with engine.begin() as connection:
            rows = connection.execute(text("SELECT id, features FROM article ORDER BY id")).all()
            assert len(rows) == 2 and all(row[1] for row in rows)
            connection.execute(
                text("UPDATE article SET features = NULL WHERE id = :id"), {"id": rows[1][0]}
            )
        with Session(engine) as session:
            docs = event_store.event_docs_after(session=session, after_id=0, limit=10)
        assert docs[0].features == read_features(rows[0][1])
        assert docs[1].features is None  # stored before features were: computed again
        assert docs[0].features == article_features(
            docs[0].title, docs[0].body, docs[0].language, year=docs[0].published.year
        )
    finally:
        engine.dispose()
