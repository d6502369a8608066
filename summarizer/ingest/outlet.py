"""Outlet names from text cues: agency datelines, partner credits, newsletter prompts."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

_CUES = (
    # "MOSCOW, September 3 (RIA Novosti) -"
    re.compile(r"^[A-Z][A-Za-z .,'-]{2,60}?\d{1,2}\s*\((?P<name>[A-Z][\w .&'-]{1,40})\)\s*[-–—]"),
    # "This article is from the archive of our partner The Wire."
    re.compile(r"archive of our partner (?P<name>[A-Z][\w .&'-]{1,40}?)\.?\s*$", re.I),
    # "Sign up for The Week's Free Newsletters", "Subscribe to The Week"
    re.compile(
        r"^(?i:sign up for|subscribe to) "
        r"(?P<name>(?:The )?[A-Z][\w&-]*(?: [A-Z][\w&-]*)?)(?:'s|’s|\s*$)"
    ),
    # "(c) 2026 Northwire" / "© Northwire 2026"
    re.compile(
        r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s+)?(?P<name>[A-Z][\w .&'-]{1,40}?)(?:\s+\d{4})?\.?\s*$",
        re.I,
    ),
)


# DATE_OUTLET_SLUG file names, e.g. 2026-03-10_meridian-daily_river-talks.txt
_FILE_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}_(?P<outlet>[A-Za-z0-9-]+)_")


def outlet_from_text(text: str) -> str:
    """Return the outlet a raw article text names (dateline agency or credit line), or ""."""
    for line in (line.strip() for line in text.splitlines()):
        if not line or len(line) > 400:
            continue
        for cue in _CUES:
            match = cue.search(line)
            if match:
                return match.group("name").strip(" .")
    return ""


def outlet_from_location(location: str) -> str:
    """Fallback outlet: the URL's host, the OUTLET of a DATE_OUTLET_SLUG file name, or the stem."""
    host = urlsplit(location).hostname
    if host:
        return host.removeprefix("www.")
    stem = Path(location).stem
    named = _FILE_NAME.match(stem)
    if named:
        return named.group("outlet").replace("-", " ").replace("_", " ").title()
    return stem or location
