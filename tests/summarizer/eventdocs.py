"""One English article of an event test, published at a fixed time."""

from __future__ import annotations

from datetime import UTC, datetime

from summarizer.events.cluster import EventDoc

WHEN = datetime(2025, 3, 4, 12, tzinfo=UTC)


def en_doc(article_id: int, title: str, body: str, *, when: datetime = WHEN) -> EventDoc:
    """An English article published at `when` (default WHEN)."""
    return EventDoc(article_id, title, body, f"outlet-{article_id}", when)
