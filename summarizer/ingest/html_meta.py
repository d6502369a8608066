"""Precise publication times from HTML metadata (trafilatura keeps only the day)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

_META_TIME = re.compile(
    r"<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|"
    r"og:published_time|datePublished|pubdate|publish-date|dc\.date\.issued|date)[\"'][^>]*>",
    re.I,
)
_CONTENT = re.compile(r"\bcontent\s*=\s*[\"']([^\"']{8,40})[\"']", re.I)
_TIME_TAG = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']{8,40})[\"']", re.I)
_JSONLD = re.compile(r"\"datePublished\"\s*:\s*\"([^\"]{8,40})\"")
_HEAD_BYTES = 200_000


def published_from_html(html: str) -> list[datetime]:
    """Every parseable published time in meta tags, JSON-LD and <time datetime>, in that order.

    Whether one is plausible is the caller's call (see summarizer.ingest.dates.is_plausible).
    """
    head = html[:_HEAD_BYTES]
    candidates: list[str] = []
    for tag in _META_TIME.finditer(head):
        content = _CONTENT.search(tag.group(0))
        if content:
            candidates.append(content.group(1))
    candidates += _JSONLD.findall(head)
    candidates += _TIME_TAG.findall(head)
    parsed = (_parse(value.strip()) for value in candidates)
    return [when for when in parsed if when is not None]


def _parse(value: str) -> datetime | None:
    """ISO 8601 with a time (a date alone is left to the extractor)."""
    if "T" not in value and " " not in value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except (ValueError, OverflowError):  # e.g. 0001-01-01T00:00+05:00 is before year 1 in UTC
        return None
