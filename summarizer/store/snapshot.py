"""What ingestion produced, free of ids and arrival order: to compare two databases' results."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import text
from sqlalchemy.engine import Engine

Group = frozenset[str]


def ingest_outcome(engine: Engine) -> dict[str, frozenset[object]]:
    """The articles, copies, events and stories of a database, by location.

    A text and its near-duplicates form one group (the locations of the stored article and of
    its copies): which of them arrived first, and so is stored as the article, depends on the
    arrival order, the group does not. Events are sets of groups with their source count;
    stories are sets of events. Texts are what each stored text became: its location, title
    (a copy has none of its own) and the fingerprint of its cleaned body.

    Returns:
        "articles": the groups; "copies": the groups with copies; "events" and "stories" as
        above; "texts".
    """
    with engine.connect() as connection:
        articles = connection.execute(
            text("SELECT id, location, event_id, title, fingerprint FROM article")
        ).all()
        copies = connection.execute(
            text("SELECT article_id, location, fingerprint FROM articlecopy")
        ).all()
        events = connection.execute(text("SELECT id, story_id, source_count FROM event")).all()
    members: dict[int, set[str]] = defaultdict(set)
    for article_id, location, *_ in articles:
        members[article_id].add(location)
    for article_id, location, _ in copies:
        members[article_id].add(location)
    group = {article_id: frozenset(locations) for article_id, locations in members.items()}
    by_event: dict[int, set[Group]] = defaultdict(set)
    for article_id, _, event_id, *_ in articles:
        by_event[event_id].add(group[article_id])
    event_sets = {
        event_id: (frozenset(by_event[event_id]), sources) for event_id, _, sources in events
    }
    by_story: dict[int, set[object]] = defaultdict(set)
    for event_id, story_id, _ in events:
        by_story[story_id].add(event_sets[event_id])
    return {
        "articles": frozenset(group.values()),
        "copies": frozenset(group[article_id] for article_id, *_ in copies),
        "events": frozenset(event_sets.values()),
        "stories": frozenset(frozenset(s) for s in by_story.values()),
        "texts": frozenset(
            [(location, title, mark) for _, location, _, title, mark in articles]
            + [(location, None, mark) for _, location, mark in copies]
        ),
    }


def differences(first: dict[str, frozenset[object]], second: dict[str, frozenset[object]]) -> int:
    """How many items one outcome has that the other lacks, over every part."""
    return sum(len(first[part] ^ second[part]) for part in first)


def arrival_order(engine: Engine) -> list[str]:
    """Locations of the stored articles and copies in the order they were stored."""
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT location, ingested_at AS stored FROM article "
                "UNION ALL SELECT location, seen_at AS stored FROM articlecopy "
                "ORDER BY stored"
            )
        ).all()
    return [str(location) for location, _ in rows]
