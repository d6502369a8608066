"""Expand what the user gave (files, directories, URLs, feeds) into raw inputs, one at a time."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

from summarizer.errors import BriefingError, InputError, stage
from summarizer.ingest.decode import decode_bytes
from summarizer.ingest.feeds import looks_like_feed, parse_feed
from summarizer.ingest.fetch import FetchPolicy, FetchResult, fetch
from summarizer.values import RawInput, Validators

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that did not become an article, with the error saying why.

    ``error.kind`` tells a fetch failure ("fetch") from an unreadable file ("input"), a page with
    no article text ("extraction"), a database refusal ("storage") or a bug ("internal").
    """

    location: str
    error: BriefingError

    @property
    def message(self) -> str:
        """The one-line error, naming the input."""
        text = " ".join(str(self.error).split())
        return text if self.location in text else f"{self.location}: {text}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file inside a given directory that is not an article format (a PDF, a .docx)."""

    location: str


ValidatorStore = Callable[[str], Validators | None]
ValidatorSave = Callable[[str, Validators], None]


def is_url(location: str) -> bool:
    """Tell whether a location is an http(s) URL."""
    return urlsplit(location).scheme in {"http", "https"}


def expand(
    locations: list[str],
    *,
    policy: FetchPolicy,
    cached: ValidatorStore | None = None,
    remember: ValidatorSave | None = None,
) -> Iterator[RawInput | Failure | Skipped]:
    """Yield a RawInput (or a Failure) per article found in the given locations.

    Directories are walked recursively in name order; feeds yield one input per entry; files
    in a directory that are not text, HTML or feeds are yielded as Skipped (hidden files and
    READMEs silently). A failure never stops the iteration.
    """
    for location in locations:
        if is_url(location):
            yield from _from_url(location, policy=policy, cached=cached, remember=remember)
            continue
        path = Path(location)
        try:
            is_dir = path.is_dir()
        except OSError as exc:  # e.g. a name too long for the file system
            yield Failure(
                location, InputError(f"{location[:200]}: cannot read ({exc.strerror or exc})")
            )
            continue
        if is_dir:
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not p.name.startswith(".") and p.name.lower() != "readme.md"
            )
            files = [p for p in found if p.suffix.lower() in SUPPORTED_SUFFIXES]
            yield from (
                Skipped(str(p)) for p in found if p.suffix.lower() not in SUPPORTED_SUFFIXES
            )
            if not files:
                yield Failure(
                    location, InputError(f"{location}: directory has no .txt, .html or feed files")
                )
            for file in files:
                yield from _from_file(file, display=str(file), policy=policy)
        else:
            yield from _from_file(path, display=location, policy=policy)


def _from_file(path: Path, *, display: str, policy: FetchPolicy) -> Iterator[RawInput | Failure]:
    """Read one file as text, HTML or a feed."""
    try:
        if not path.exists():
            raise InputError(f"{display}: no such file")
        if not path.is_file():
            raise InputError(f"{display}: not a regular file")
        status = path.stat()
        size = status.st_size
        if size > policy.max_bytes:
            raise InputError(
                f"{display}: too large ({size:,} bytes; the cap is {policy.max_bytes:,})"
            )
        data = path.read_bytes()
        with stage("reading", display):
            text = decode_bytes(data, location=display, max_bytes=policy.max_bytes)
            written = _modified(status.st_mtime)
            found = list(
                _classify(
                    text, location=display, suffix=path.suffix.lower(), source="", written=written
                )
            )
        yield from found
    except BriefingError as exc:
        yield Failure(display, exc)
    except OSError as exc:
        yield Failure(display, InputError(f"{display}: cannot read ({exc.strerror or exc})"))


def _from_url(
    url: str,
    *,
    policy: FetchPolicy,
    cached: ValidatorStore | None,
    remember: ValidatorSave | None,
) -> Iterator[RawInput | Failure]:
    """Fetch one URL (conditional GET when validators are known)."""
    try:
        with stage("fetching", url):
            known = cached(url) if cached else None
            result: FetchResult = fetch(url, policy=policy, validators=known)
        if remember is not None:
            remember(url, result.validators)
        if result.not_modified:
            logger.info("not modified since last fetch: %s", url)
            return
        with stage("reading", url):
            text = decode_bytes(
                result.content, location=url, charset=result.charset, max_bytes=policy.max_bytes
            )
            suffix = "feed" if "xml" in result.content_type or "rss" in result.content_type else ""
            if "html" in result.content_type:
                suffix = ".html"
            host = (urlsplit(result.url).hostname or "").removeprefix("www.")
            written = _http_date(result.validators.last_modified)
            found = list(_classify(text, location=url, suffix=suffix, source=host, written=written))
        yield from found
    except BriefingError as exc:
        yield Failure(url, exc)


def _http_date(value: str | None) -> datetime | None:
    """An HTTP date header ("Wed, 03 Sep 2014 10:11:00 GMT") in UTC, or None."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _classify(
    text: str, *, location: str, suffix: str, source: str, written: datetime | None = None
) -> Iterator[RawInput]:
    """Decide between feed, HTML and plain text, and yield the raw inputs."""
    head = text[:2000].lstrip().lower()
    if suffix in FEED_SUFFIXES or suffix == "feed" or looks_like_feed(text):
        if looks_like_feed(text):
            for entry in parse_feed(text, location=location):
                yield RawInput(
                    location=entry.link,
                    content=entry.content,
                    kind="fragment",
                    source=entry.source or source,
                    title=entry.title,
                    published=entry.published,
                )
            return
        if suffix in FEED_SUFFIXES:
            raise InputError(f"{location}: not an RSS or Atom feed")
    looks_html = head.startswith(("<!doctype html", "<html")) or "<body" in head
    kind = "html" if suffix in HTML_SUFFIXES or looks_html else "text"
    yield RawInput(location=location, content=text, kind=kind, source=source, written=written)


def _modified(mtime: float) -> datetime | None:
    """A file's modification time, or None when the file system gives one out of range."""
    try:
        return datetime.fromtimestamp(mtime, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
