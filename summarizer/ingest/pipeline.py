"""One raw input to one Article: clean, date, detect language, fingerprint, summarise."""

from __future__ import annotations

import logging
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime

import lxml.html

from summarizer.clean.html import extract_html
from summarizer.clean.text import clean_plain_text
from summarizer.config import SUMMARY_SENTENCES
from summarizer.errors import ExtractionError, InputError, stage
from summarizer.ingest.dates import find_published, is_plausible
from summarizer.ingest.html_meta import published_from_html
from summarizer.ingest.outlet import choose_outlet, title_masthead
from summarizer.summarize.article import summarize_article
from summarizer.text.fingerprint import content_fingerprint
from summarizer.text.language import detect_language
from summarizer.text.rules import strip_dateline, title_from_sentence
from summarizer.text.sentences import split_sentences
from summarizer.text.tokenizer import word_count
from summarizer.values import Article, CleanedText, RawInput

logger = logging.getLogger(__name__)

_MIN_BODY_WORDS = 15
_SPACES = re.compile(r"[^\S\n]+")  # every space but the line break: one plain space


@dataclass(frozen=True, slots=True)
class SummarySpec:
    """Which summary to write: method and length (sentences or words)."""

    method: str = "default"
    sentences: int | None = SUMMARY_SENTENCES
    words: int | None = None

    @property
    def label(self) -> str:
        """Length as stored, e.g. "3s" or "80w"."""
        return f"{self.words}w" if self.words else f"{self.sentences}s"


DEFAULT_SUMMARY = SummarySpec()


def build_article(
    raw: RawInput,
    *,
    summary: SummarySpec | None = DEFAULT_SUMMARY,
    known_boilerplate: Collection[str] = (),
    now: datetime | None = None,
) -> Article:
    """Turn one raw input into a cleaned, dated, fingerprinted and summarised Article.

    Args:
        raw: the input as read.
        summary: the summary to write (None: no summary).
        known_boilerplate: lines seen repeatedly in other articles of the same source.
        now: ingestion time (default: now, UTC), used when no cue dates the article.

    Raises:
        ExtractionError: the input holds no article text.
        InputError: a feed entry's HTML is malformed.
        InternalError: an unexpected exception in one stage (cleaning, dating, ...).
    """
    ingested = now or datetime.now(UTC)
    location = raw.location
    names = [raw.source]  # a feed's title or the URL's host
    metadata: list[tuple[datetime | None, bool]] = [(raw.published, False)]
    with stage("cleaning", location):
        if raw.kind == "html":
            extract = extract_html(raw.content, url=location if "://" in location else None)
            cleaned = CleanedText(raw.title or extract.title, extract.paragraphs)
            # The site's own name beats its host; a tagline is no name (see ingest.outlet).
            names = [extract.source, extract.home_name, raw.source, extract.host]
        elif raw.kind == "fragment":
            cleaned = CleanedText(raw.title, _fragment_paragraphs(raw.content))
        else:
            cleaned = clean_plain_text(raw.content, known_boilerplate=known_boilerplate)
        paragraphs = tuple(
            p for p in (_SPACES.sub(" ", p).strip() for p in cleaned.paragraphs) if p
        )
        body = "\n\n".join(paragraphs)
    if word_count(body) < _MIN_BODY_WORDS:
        raise ExtractionError(f"{location}: no article text found after cleaning")
    with stage("dating", location):
        if raw.kind == "html":
            metadata += [(when, False) for when in published_from_html(raw.content)]
            metadata.append((extract.published, extract.published_date_only))
        cue_text = raw.content if raw.kind == "text" else body
        published, estimated, date_only = _published(
            metadata, cue_text, now=ingested, written=raw.written
        )
    with stage("detecting the language", location):
        language = detect_language(body) or "en"
    with stage("cleaning", location):
        title = _SPACES.sub(" ", cleaned.title).strip() or _title_from_body(body, language)
        page = raw.content if raw.kind == "html" else ""
        if raw.kind == "text":  # the masthead on the title line beats the copyright's company
            names = [title_masthead(raw), *names]
        cue_source = body if page else raw.content
        source = choose_outlet(names, text=cue_source, location=location, page=page)
    sentences: tuple[str, ...] = ()
    if summary is not None:
        with stage("summarising", location):
            sentences = summarize_article(
                title,
                body,
                language=language,
                method=summary.method,
                sentences=None if summary.words else summary.sentences,
                words=summary.words,
            )
    return Article(
        title=title,
        body=body,
        source=source,
        location=location,
        published=published,
        published_estimated=estimated,
        published_date_only=date_only,
        language=language,
        fingerprint=content_fingerprint(body),
        summary=sentences,
    )


def _published(
    metadata: list[tuple[datetime | None, bool]],
    text: str,
    *,
    now: datetime,
    written: datetime | None = None,
) -> tuple[datetime, bool, bool]:
    """The published time, whether it is estimated and whether only its day is known.

    Metadata first (each value with its day-only flag), then text cues, then `now`. A value
    before 1990 or more than a day ahead of `now` (a template's 0001-01-01) is no date: the next
    cue is taken, and the time is marked estimated.
    """
    doubtful = False
    for when, date_only in metadata:
        if when is None:
            continue
        if is_plausible(when, now=now):
            return when, doubtful, date_only
        doubtful = True
    cue = find_published(text, now=now, written=written)
    if cue is not None:
        return cue.when, cue.estimated or doubtful, cue.date_only
    return now, True, False


def _fragment_paragraphs(content: str) -> tuple[str, ...]:
    """Paragraphs of a feed entry's HTML fragment (or plain text)."""
    if "<" not in content:
        return tuple(p.strip() for p in content.split("\n\n") if p.strip())
    try:
        root = lxml.html.fragment_fromstring(content, create_parent="div")
    except (ValueError, lxml.etree.ParserError) as exc:
        raise InputError(f"malformed HTML in feed entry ({exc})") from exc
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = [el.text_content() for el in root.iter("p", "li", "blockquote", "h2", "h3")]
    text = "\n".join(blocks) if blocks else root.text_content()
    return tuple(line.strip() for line in text.split("\n") if line.strip())


def _title_from_body(body: str, language: str) -> str:
    """A title from the first sentence when the input had none (see rules.title_from_sentence)."""
    first = strip_dateline(next(iter(split_sentences(body, language)), body), opens_text=True)
    return title_from_sentence(first, language)
