"""HTML extraction: article body and metadata of a web page, via trafilatura, offline."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from summarizer.errors import ExtractionError
from summarizer.text.tokenizer import word_count

logger = logging.getLogger(__name__)

# htmldate returns a time when the page states one; the offset is absent for date-only values.
# No extensive search: it guesses from free text ("Copyright 2024" became 2024-01-01), and on
# the dev pages it found no date that the page's markup did not give.
_DATE_PARAMS = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}
_LANGUAGE = re.compile(r"^[a-z]{2,3}\b")
_MIN_WORDS = 5
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—:·]\s+([^|\-–—:·]+)$")
_TITLE_PREFIX_SEPARATOR = re.compile(r"^\s*[|\-–—:·]\s*")


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    """What a page yields: title, body paragraphs and metadata.

    Attributes:
        title: the headline ("" when the page has none).
        paragraphs: body paragraphs in order, without menus, comments or related links.
        published: publication time from the page metadata, UTC-aware, or None.
        source: the site name ("" when the page does not give one).
        language: ISO 639 code from the page's `lang` attribute ("" when unknown).
        published_date_only: the metadata gave a day and no time of day.
        home_name: the name on the logo that links to the site's home page ("" when none).
        host: the host of the page's canonical URL ("" when the page names none).
    """

    title: str
    paragraphs: tuple[str, ...]
    published: datetime | None
    source: str
    language: str
    published_date_only: bool = False
    home_name: str = ""
    host: str = ""

    @property
    def body(self) -> str:
        """The body text, paragraphs separated by blank lines (as CleanedText.body)."""
        return "\n\n".join(self.paragraphs)


def extract_html(html: str, *, url: str | None = None) -> HtmlExtract:
    """Extract the article of a web page; nothing is fetched.

    Comments are left out and trafilatura favours precision: on the 43 dev pages this scores
    higher than its defaults (see benchmarks/extraction.py).

    Args:
        html: the page source.
        url: where the page came from, if known (helps metadata and date extraction).

    Returns:
        The title, paragraphs and metadata.

    Raises:
        ExtractionError: the HTML is empty, cannot be parsed, or holds no article text.
    """
    if not html or not html.strip():
        raise ExtractionError("the HTML is empty: pass the page source, not an empty string")
    import trafilatura  # here, not at import: 80 ms that plain-text ingests and the CLI skip

    tree = trafilatura.load_html(html)
    if tree is None:
        raise ExtractionError("the HTML could not be parsed: is it a web page at all?")
    language = page_language(tree)
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        favor_precision=True,
        with_metadata=True,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    text = (getattr(document, "text", None) or "") if document is not None else ""
    source = (getattr(document, "sitename", None) or "").strip()
    title = _headline(tree, (getattr(document, "title", None) or "").strip(), source)
    paragraphs = _body_paragraphs(text, title)
    if sum(map(word_count, paragraphs)) < _MIN_WORDS:  # Japanese has no spaces to count
        where = f" at {url}" if url else ""
        raise ExtractionError(
            f"no article text found in the HTML{where}: the page has only navigation or markup"
        )
    date = getattr(document, "date", None)
    return HtmlExtract(
        title=title,
        paragraphs=paragraphs,
        published=parse_published(date),
        source=source,
        language=language,
        published_date_only=is_date_only(date),
        home_name=home_link_name(tree),
        host=(getattr(document, "hostname", None) or "").removeprefix("www."),
    )


def strip_site_name(title: str, source: str) -> str:
    """Drop a trailing " | Site" or a leading "Site: " from a title when it names the site.

    Args:
        title: the page title.
        source: the site name ("" when unknown).

    Returns:
        The headline alone (the title unchanged when no affix names the site).
    """
    if not source:
        return title
    match = _TITLE_SUFFIX.search(title)
    if match and match.group(1).casefold() == source.casefold():
        return title[: match.start()].strip()
    if title.casefold().startswith(source.casefold()):
        rest = _TITLE_PREFIX_SEPARATOR.sub("", title[len(source) :], count=1)
        if rest != title[len(source) :] and rest.strip():
            return rest.strip()
    return title


_MAX_AFFIX_WORDS = 4  # a site's name after a headline's separator ("... - Entermedia")


def _headline(tree: HtmlElement, title: str, source: str) -> str:
    """The page's headline: the extractor's title, unless that is the site's own name.

    A masthead ("엔터 미디어" in an <h1> that links to the home page) is the site, not the
    article: then the page's <title> gives the headline, without a short affix after its last
    separator ("엘제이-류화영 ... 이유 - Entermedia"), which names the site.
    """
    if not title or not _is_masthead(tree, title, source):
        return strip_site_name(title, source)
    page_title = " ".join(" ".join(tree.xpath("//head/title//text()")[:1]).split())
    match = _TITLE_SUFFIX.search(page_title)
    if match and len(match.group(1).split()) <= _MAX_AFFIX_WORDS:
        page_title = page_title[: match.start()].strip()
    if not page_title or _is_masthead(tree, page_title, source):
        return ""  # no headline: the article's first sentence titles it (ingest.pipeline)
    return page_title


def _is_masthead(tree: HtmlElement, title: str, source: str) -> bool:
    """Tell whether a title is the site's name: its declared name, its logo's, or the text of
    a link to its home page."""
    key = _name_key(title)
    if key in {_name_key(source), _name_key(home_link_name(tree))}:
        return True
    for link in tree.xpath("//a[@href]")[:_LINKS_READ]:
        parts = urlsplit(str(link.get("href") or "").strip())
        if parts.query or parts.path not in _HOME_PATHS:
            continue
        if _name_key(link.text_content()) == key:
            return True
    return False


def _name_key(name: str) -> str:
    """A name compared without case or blanks ("엔터 미디어", "The  Site")."""
    return "".join(name.casefold().split())


_LINKS_READ = 300
_HOME_PATHS = frozenset({"", "/", "./", "/index.html", "/index.htm", "/index.php", "/home"})
_GENERIC_ALT = frozenset({"logo", "home", "homepage", "site logo", "home page", "header"})


def home_link_name(tree: HtmlElement) -> str:
    """The alt text of the first image inside a link to the site's home page (its logo), or "".

    Pages without site-name metadata still show their name on the logo ("The Space Review").
    """
    for image in tree.xpath("//a[@href]//img[@alt]")[:50]:
        link = image.xpath("ancestor::a[@href][1]/@href")
        parts = urlsplit(str(link[0]).strip()) if link else None
        if parts is None or parts.query or parts.path not in _HOME_PATHS:
            continue
        alt = " ".join(str(image.get("alt") or "").split())
        if 2 <= len(alt) <= 60 and alt.casefold() not in _GENERIC_ALT:
            return alt
    return ""


def _body_paragraphs(text: str, title: str) -> tuple[str, ...]:
    """Split extracted text into paragraphs, dropping the headline when it opens the body."""
    paragraphs = [" ".join(p.split()) for p in text.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    folded_title = " ".join(title.split()).casefold()
    while paragraphs and folded_title and paragraphs[0].casefold() == folded_title:
        paragraphs.pop(0)
    return tuple(paragraphs)


def page_language(tree: HtmlElement) -> str:
    """Return the primary language subtag of `<html lang>` or a content-language meta, or ""."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath(
        "//meta[translate(@http-equiv, 'CONTENTLAGU', 'contentlagu')='content-language']/@content"
    )
    for value in candidates:
        match = _LANGUAGE.match(str(value or "").strip().lower())
        if match:
            return match.group(0)
    return ""


def is_date_only(value: str | None) -> bool:
    """Tell whether htmldate's value holds a day alone (midnight with no offset, or no time)."""
    if not value:
        return False
    return "T" not in value or (value.endswith("T00:00:00") and "+" not in value[10:])


def parse_published(value: str | None) -> datetime | None:
    """Turn htmldate's "YYYY-MM-DDTHH:MM:SS[+HHMM]" into a UTC-aware datetime (naive means UTC).

    Args:
        value: the date string, or None.

    Returns:
        The time in UTC, or None when the value is missing or not a date.
    """
    if not value:
        return None
    for fmt in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        if parsed.tzinfo is None:
            return parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)
    logger.debug("unparsed publication date %r", value)
    return None
