"""What ingestion produced, free of ids and arrival order: to compare two databases' results."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine, Row

Group = frozenset[str]


@dataclass(frozen=True, slots=True)
class IngestRows:
    """The rows ingestion wrote, as stored (columns by name; ids as they are).

    Attributes:
        articles: id, location, title, source (its name), published, published_estimated,
            language, event_id, fingerprint.
        copies: article_id, location, fingerprint, similarity.
        events: id, story_id, title, article_count, source_count.
    """

    articles: list[Row[Any]]
    copies: list[Row[Any]]
    events: list[Row[Any]]


def ingest_rows(engine: Engine) -> IngestRows:
    """Read the articles, copies and events of a database (one connection)."""
    with engine.connect() as connection:
        articles = connection.execute(
            text(
                "SELECT a.id, a.location, a.title, s.name AS source, a.published, "
                "a.published_estimated, a.language, a.event_id, a.fingerprint "
                "FROM article a JOIN source s ON s.id = a.source_id"
            )
        ).all()
        copies = connection.execute(
            text("SELECT article_id, location, fingerprint, similarity FROM articlecopy")
        ).all()
        events = connection.execute(
            text("SELECT id, story_id, title, article_count, source_count FROM event")
        ).all()
    return IngestRows(list(articles), list(copies), list(events))


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
    rows = ingest_rows(engine)
    members: dict[int, set[str]] = defaultdict(set)
    for row in rows.articles:
        members[row.id].add(row.location)
    for row in rows.copies:
        members[row.article_id].add(row.location)
    group = {article_id: frozenset(locations) for article_id, locations in members.items()}
    by_event: dict[int, set[Group]] = defaultdict(set)
    for row in rows.articles:
        by_event[row.event_id].add(group[row.id])
    event_sets = {e.id: (frozenset(by_event[e.id]), e.source_count) for e in rows.events}
    by_story: dict[int, set[object]] = defaultdict(set)
    for event in rows.events:
        by_story[event.story_id].add(event_sets[event.id])
    return {
        "articles": frozenset(group.values()),
        "copies": frozenset(group[row.article_id] for row in rows.copies),
        "events": frozenset(event_sets.values()),
        "stories": frozenset(frozenset(s) for s in by_story.values()),
        "texts": frozenset(
            [(row.location, row.title, row.fingerprint) for row in rows.articles]
            + [(row.location, None, row.fingerprint) for row in rows.copies]
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
