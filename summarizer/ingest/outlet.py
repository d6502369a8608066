"""Outlet names: the name an input gives, cleaned of taglines, else file-name and text cues."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit


def _word_set(text: str) -> frozenset[str]:
    """Return the blank-separated words of text as a set."""
    return frozenset(text.split())


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
# What separates a site's name from its tagline or a feed's section: "LinkNaija | Nigeria's ...".
_SEPARATOR = re.compile(r"\s+[|\-–—·•]\s+|\s*[|·•]\s*|\s*:\s+")
# Words of a feed's or a page's section rather than of an outlet's name ("Top Stories").
_SECTION_WORDS = _word_set(
    """top stories story news latest headlines headline breaking home homepage front page main
    world politics business sport sports tech technology science culture opinion entertainment
    health feed feeds rss all articles article blog posts edition international national local
    online official site website channel section today daily live"""
)
# Lower-case words that names are made with ("Society of Authors", "Le Monde de l'Art").
_NAME_PARTICLES = _word_set(
    """of the and for on in at de du des la le les l' el los las del y e da do di van von der den
    und für a an"""
)
_MAX_NAME_CHARS = 60


def outlet_name(name: str) -> str:
    """Return an outlet's name without a tagline or a section, or "" when it is only a tagline.

    "LinkNaija | Nigeria's popular news platform" gives "LinkNaija", "Kestrel News - Top Stories"
    gives "Kestrel News", and "Expert how-to for English Riders" (a tagline, no name) gives "".

    Args:
        name: a site name, feed title or host as an input gives it.

    Returns:
        The name, or "".
    """
    for part in _SEPARATOR.split(" ".join(name.split())):
        part = part.strip(" .,;")
        if part and not _is_tagline(part) and not _is_section(part):
            return part[:_MAX_NAME_CHARS]
    return ""


def _is_tagline(part: str) -> bool:
    """A phrase that describes rather than names: it holds a lower-case word that is not a
    particle of names ("popular news platform", "how-to"); hosts ("phys.org") are names."""
    if "." in part and " " not in part:
        return False
    return any(
        word[:1].islower() and word.lower() not in _NAME_PARTICLES for word in part.split()
    ) or part.lower().startswith(("your ", "the best ", "where ", "all the "))


def _is_section(part: str) -> bool:
    """A feed's or a site's section ("Top Stories", "World News")."""
    return all(word.lower().removesuffix("'s") in _SECTION_WORDS for word in part.split())


def choose_outlet(names: Sequence[str], *, text: str, location: str) -> str:
    """Pick an article's outlet from what its input says, best first.

    Args:
        names: names the input gives, best first (page metadata, a feed's title, the host).
        text: the raw article text, for cues such as a dateline agency or a credit line.
        location: the path or URL, for the OUTLET of a DATE_OUTLET_SLUG file name.

    Returns:
        The first usable name given, else the file name's OUTLET, else a text cue, else "" (a
        file-name hash or a tagline is never an outlet).
    """
    for name in names:
        cleaned = outlet_name(name)
        if cleaned:
            return cleaned
    return outlet_from_file_name(location) or outlet_name(outlet_from_text(text))


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


def outlet_from_file_name(location: str) -> str:
    """The OUTLET of a local DATE_OUTLET_SLUG file name ("Meridian Daily"), else ""."""
    if urlsplit(location).hostname:
        return ""
    named = _FILE_NAME.match(Path(location).stem)
    if named:
        return named.group("outlet").replace("-", " ").replace("_", " ").title()
    return ""


def outlet_from_location(location: str) -> str:
    """The URL's host, or the OUTLET of a DATE_OUTLET_SLUG file name; else ""."""
    host = urlsplit(location).hostname
    if host:
        return host.removeprefix("www.")
    return outlet_from_file_name(location)
