"""RSS and Atom feeds: safe XML checks (no entities, no external references), then feedparser."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from summarizer.errors import InputError
from summarizer.ingest.urls import MAX_URL_LENGTH

_FEED_START = re.compile(r"<(rss|feed|rdf:RDF)\b", re.I)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed item: its link, title, time and the text or HTML it carries."""

    link: str
    title: str
    published: datetime | None
    content: str
    source: str


def looks_like_feed(text: str) -> bool:
    """Tell whether a document is an RSS/Atom feed (checks the first 2,000 characters)."""
    head = text[:2000].lstrip()
    return bool(_FEED_START.search(head)) and not head.lower().startswith(
        ("<!doctype html", "<html")
    )


def parse_feed(text: str, *, location: str) -> list[FeedEntry]:
    """Parse a feed document into entries.

    Args:
        text: the feed's XML.
        location: the path or URL of the feed, named in errors and used for relative links.

    Returns:
        The entries in document order (entries without text are skipped).

    Raises:
        InputError: malformed XML, entity declarations or external references, or no entries.
    """
    try:
        fromstring(text.encode("utf-8"), forbid_dtd=True)
    except DefusedXmlException as exc:
        raise InputError(f"{location}: refused feed: {type(exc).__name__} (DTD/entities)") from exc
    except ParseError as exc:
        raise InputError(f"{location}: malformed XML feed ({exc})") from exc
    import feedparser  # here, not at import: 50 ms that ingests without feeds skip

    parsed: Any = feedparser.parse(text, resolve_relative_uris=False, sanitize_html=True)
    channel = parsed.get("feed", {})
    source = str(channel.get("title") or urlsplit(location).hostname or "").strip()
    entries: list[FeedEntry] = []
    for item in parsed.get("entries", []):
        content = _entry_content(item)
        title = str(item.get("title") or "").strip()
        if not content and not title:
            continue
        link = _entry_link(item)
        entries.append(
            FeedEntry(
                link=link or f"{location}#{len(entries) + 1}",
                title=title,
                published=_entry_time(item),
                content=content,
                source=source,
            )
        )
    if not entries:
        raise InputError(f"{location}: feed has no entries")
    return entries


def _entry_link(item: Any) -> str:
    """An entry's link, else its id, skipping any longer than an address may be."""
    for key in ("link", "id"):
        value = str(item.get(key) or "").strip()
        if value and len(value) <= MAX_URL_LENGTH:
            return value
    return ""


def _entry_content(item: Any) -> str:
    """The richest text an entry carries: full content, else summary/description."""
    contents = item.get("content") or []
    best = max((str(c.get("value") or "") for c in contents), key=len, default="")
    summary = str(item.get("summary") or "")
    return best if len(best) >= len(summary) else summary


def _entry_time(item: Any) -> datetime | None:
    """Published (or updated) time of an entry, UTC-aware."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = item.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    return None
