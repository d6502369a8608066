"""OPML feed lists: read an export (Feedly, Thunderbird, Inoreader...) safely, plan it, write one.

Reading refuses hostile or broken files as a whole with one clear InputError (over the size
cap, not XML, entity declarations or external references, not OPML, no feeds); each feed in a
readable file is then judged on its own by `plan_import`: added, already there, or refused with
the reason. Writing produces OPML 2.0 as Feedly and Thunderbird import it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from enum import Enum
from xml.etree import ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from summarizer.errors import InputError
from summarizer.ingest.urls import normalize_feed_url

MAX_OPML_BYTES = 10_000_000
MAX_OUTLINES_READ = 20_000  # outlines (feeds and folders) read; later ones are only counted
MAX_TITLE = 200
MAX_FOLDERS = 8  # folder levels kept per feed; deeper ones are folded into the eighth
_SPACE = re.compile(r"[\s\x00-\x1f\x7f]+")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    """One feed outline: its address as written, title, kind, web page and folder path."""

    url: str
    title: str = ""
    kind: str = "rss"  # the outline's type: "rss" or "atom" (other values are kept as given)
    site: str = ""  # htmlUrl
    folders: tuple[str, ...] = ()  # titles of the enclosing outlines, outermost first


@dataclass(frozen=True, slots=True)
class OpmlDocument:
    """A parsed OPML file: its title, its feed outlines in order, and how many were not read."""

    title: str
    feeds: tuple[OpmlFeed, ...]
    unread: int = 0  # outlines past MAX_OUTLINES_READ (feeds or folders), not read


class ImportStatus(Enum):
    """What importing one feed outline did."""

    ADDED = "added"
    ALREADY = "already there"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class ImportLine:
    """The verdict on one feed outline: `url` is normalised unless the line is refused."""

    url: str
    title: str
    status: ImportStatus
    reason: str = ""


def parse_opml(data: bytes, *, location: str = "OPML file") -> OpmlDocument:
    """Read an OPML document into its feed outlines.

    Nested outlines (folders or categories) are walked at any depth; an outline is a feed when it
    has an ``xmlUrl`` (any letter case), whatever its ``type``. Addresses are not checked here:
    `plan_import` judges each one.

    Args:
        data: the file's bytes (the XML declaration names the encoding; UTF-8 by default).
        location: how errors name the input (a file name, or "your file" in the bot).

    Returns:
        The document's title and feeds.

    Raises:
        InputError: larger than MAX_OPML_BYTES, not well-formed XML, with entity declarations
            or external references, not an <opml> document, or holding no feed outline.
    """
    if len(data) > MAX_OPML_BYTES:
        raise InputError(
            f"{location}: too large ({len(data):,} bytes; the cap is {MAX_OPML_BYTES:,})"
        )
    try:
        root = fromstring(data)
    except DefusedXmlException as exc:
        raise InputError(
            f"{location}: refused: {type(exc).__name__} (entity declarations and external "
            "references are not allowed in OPML)"
        ) from exc
    except ET.ParseError as exc:
        raise InputError(f"{location}: not an OPML file: not well-formed XML ({exc})") from exc
    except (ValueError, LookupError) as exc:  # e.g. an encoding Python does not know
        raise InputError(f"{location}: not an OPML file: cannot read it ({exc})") from exc
    tag = _local(root.tag)
    if tag != "opml":
        hint = " (this is a feed itself: add its address instead)" if tag in _FEED_ROOTS else ""
        raise InputError(f"{location}: not an OPML file: the document is <{tag[:40]}>{hint}")
    head = _child(root, "head")
    title_element = _child(head, "title") if head is not None else None
    title = _clean(title_element.text or "") if title_element is not None else ""
    body = _child(root, "body")
    feeds, unread = _walk(body) if body is not None else ([], 0)
    if not feeds:
        where = f"the first {MAX_OUTLINES_READ:,} outlines" if unread else "this OPML file"
        raise InputError(f"{location}: no feeds in {where} (no outline has an xmlUrl)")
    return OpmlDocument(title=title, feeds=tuple(feeds), unread=unread)


_FEED_ROOTS = frozenset({"rss", "feed", "RDF"})


def _walk(body: ET.Element) -> tuple[list[OpmlFeed], int]:
    """Collect feed outlines depth-first in document order (a stack: no recursion limit).

    At most MAX_OUTLINES_READ outlines are read, so a 10 MB file of empty or deeply nested
    outlines costs a bounded time; the rest are only counted (in C, by iter()).
    """
    feeds: list[OpmlFeed] = []
    read = 0
    stack: list[tuple[ET.Element, tuple[str, ...]]] = [
        (child, ()) for child in reversed(list(body))
    ]
    while stack and read < MAX_OUTLINES_READ:
        element, folders = stack.pop()
        if _local(element.tag) != "outline":
            continue
        read += 1
        attrs = {key.lower(): value for key, value in element.attrib.items()}
        name = _clean(attrs.get("title") or attrs.get("text") or "")
        url = attrs.get("xmlurl", "").strip()
        if url:
            kind = (attrs.get("type") or "rss").strip().lower()[:20]
            site = (attrs.get("htmlurl") or "").strip()
            feeds.append(OpmlFeed(url, name, kind, site, folders))
        inner = folders
        if name and not url and len(folders) < MAX_FOLDERS:
            inner = (*folders, name)
        stack.extend((child, inner) for child in reversed(list(element)))
    if not stack:
        return feeds, 0
    outlines = sum(1 for element in body.iter() if _local(element.tag) == "outline")
    return feeds, outlines - read


def plan_import(
    feeds: Iterable[OpmlFeed],
    existing: Collection[str],
    *,
    limit: int | None = None,
    allow_private: bool = False,
) -> list[ImportLine]:
    """Judge each feed of an import against the feeds already there.

    Args:
        feeds: the outlines, in order (e.g. `OpmlDocument.feeds`).
        existing: the normalised addresses already followed (by the chat, or globally).
        limit: the most feeds allowed in all (existing ones included); None for no cap.
        allow_private: accept private and loopback addresses (see normalize_feed_url).

    Returns:
        One line per outline, in order: ADDED (to be added by the caller), ALREADY (already
        followed, or repeated in the file) or REFUSED with the reason.
    """
    seen = set(existing)
    room = None if limit is None else max(0, limit - len(seen))
    lines: list[ImportLine] = []
    for feed in feeds:
        try:
            url = normalize_feed_url(feed.url, allow_private=allow_private)
        except InputError as exc:
            lines.append(ImportLine(feed.url[:200], feed.title, ImportStatus.REFUSED, str(exc)))
            continue
        if url in seen:
            lines.append(ImportLine(url, feed.title, ImportStatus.ALREADY))
            continue
        if room is not None and room <= 0:
            reason = f"over the limit of {limit} feeds"
            lines.append(ImportLine(url, feed.title, ImportStatus.REFUSED, reason))
            continue
        seen.add(url)
        if room is not None:
            room -= 1
        lines.append(ImportLine(url, feed.title, ImportStatus.ADDED))
    return lines


def write_opml(feeds: Sequence[OpmlFeed], *, title: str, created: datetime) -> bytes:
    """Write feeds as an OPML 2.0 document that Feedly, Thunderbird and Inoreader import.

    Each feed is ``<outline type="rss" text=... title=... xmlUrl=... htmlUrl=.../>`` (htmlUrl
    only when known); feeds with folders are nested in one outline per folder, in first-seen
    order.

    Args:
        feeds: the feeds to write.
        title: the document's title (e.g. "Briefing feeds of Newsroom").
        created: the document's dateCreated (an aware datetime).

    Returns:
        The UTF-8 document with its XML declaration.
    """
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = _clean(title) or "Feeds"
    ET.SubElement(head, "dateCreated").text = format_datetime(created)
    body = ET.SubElement(root, "body")
    folders: dict[tuple[str, ...], ET.Element] = {(): body}
    for feed in feeds:
        parent = body
        for depth in range(1, len(feed.folders) + 1):
            path = feed.folders[:depth]
            if path not in folders:
                name = _clean(path[-1]) or "Feeds"
                folders[path] = ET.SubElement(parent, "outline", text=name, title=name)
            parent = folders[path]
        url = _NOT_XML.sub("", feed.url)
        name = _clean(feed.title) or url
        attrs = {"type": "rss", "text": name, "title": name, "xmlUrl": url}
        if feed.site:
            attrs["htmlUrl"] = _NOT_XML.sub("", feed.site)
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root, space="  ")
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def _local(tag: object) -> str:
    """An element's name without its namespace (comments and instructions have none)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(parent: ET.Element, name: str) -> ET.Element | None:
    return next((child for child in parent if _local(child.tag) == name), None)


def _clean(text: str) -> str:
    """One line of text: control characters and runs of spaces become one space, capped."""
    return _SPACE.sub(" ", text).strip()[:MAX_TITLE]


__all__ = [
    "MAX_OPML_BYTES",
    "ImportLine",
    "ImportStatus",
    "OpmlDocument",
    "OpmlFeed",
    "parse_opml",
    "plan_import",
    "write_opml",
]
