"""Furniture candidates: the short lines counted per source, their keys, the count that makes one.

A line is site furniture when MIN_ARTICLES or more stored articles of one source carry it (see
summarizer.ingest.furniture, which decides it while storing). Ingestion counts these lines and the
store prunes their counts (summarizer.store.retention), so both take them from here.
"""

from __future__ import annotations

import hashlib

from summarizer.clean.lines import normalise_line

MAX_WORDS = 14
MIN_ARTICLES = 3


def short_lines(text: str) -> frozenset[str]:
    """Distinct short lines of a text, normalised as the cleaner compares them."""
    lines = (normalise_line(line).casefold() for line in text.splitlines())
    return frozenset(line for line in lines if line and len(line.split()) <= MAX_WORDS)


def line_key(line: str) -> str:
    """A short stable key of a normalised line, for the per-source counts."""
    return hashlib.sha1(line.encode("utf-8")).hexdigest()[:16]
