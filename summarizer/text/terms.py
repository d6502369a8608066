"""Texts as runs of stems in their language, so a word or a phrase is found by substring search.

`stem_text` turns an article's title and body into `StemmedText`: every word lower-cased and
stemmed in the article's language (Snowball, or sumy's stemmer for Ukrainian, Czech and Slovak),
separated by single spaces, with " | " where a phrase must not run on (between the title and the
body, between paragraphs, between articles). A word is then found with `" stem " in text` and a
phrase with `" stem1 stem2 " in text`, both in C: matching one topic against an event is one
substring search per language, however many articles the event has. The stemmed text is plain
text, so it can be cached per article id or stored beside the article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from summarizer.text.stemming import stemmer
from summarizer.text.tokenizer import character_bigrams

BREAK = "|"  # never a stem: words are letters and digits only
_CJK = frozenset({"zh", "ja"})
_TOKEN = re.compile(r"[^\W_]+|\n")
_BREAKS = re.compile(rf"(?: \{BREAK})+ ")


@dataclass(frozen=True, slots=True)
class StemmedText:
    """Stems of one or more texts in one language; ``text`` starts and ends with a space."""

    language: str
    text: str

    def has(self, stems: Sequence[str]) -> bool:
        """Tell whether the stems occur here consecutively (a single stem: anywhere).

        Args:
            stems: stems made by `stems_of` in this text's language.
        """
        return bool(stems) and f" {' '.join(stems)} " in self.text


def stems_of(text: str, language: str) -> tuple[str, ...]:
    """The stems of a text's words in order (character pairs for Chinese and Japanese).

    A word here is a run of letters and digits: hyphens, apostrophes and dots split words
    ("Saint-Petersburg", "Putin's" and "U.S." are two each). Topics and articles are split the
    same way, so a topic typed with them still matches as a phrase; and a plain regex is three
    times faster than the summariser's tokenizer, which keeps such words whole. Line breaks
    give BREAK, where a phrase cannot run on.

    Args:
        text: any text (one line or many).
        language: ISO 639-1 code of the text ("" or unknown: words are only lower-cased).

    Returns:
        The stems, lower-case, with BREAK at line breaks.
    """
    code = (language or "").lower()
    if code in _CJK:
        lines = ([gram.lower() for gram in character_bigrams(line)] for line in text.split("\n"))
        return tuple(item for grams in lines for item in (*grams, BREAK))[:-1]
    if not unicodedata.is_normalized("NFC", text):  # "é" as e + accent is one letter
        text = unicodedata.normalize("NFC", text)
    tokens = _TOKEN.findall(text.lower().replace("ʼ", "'"))  # Ukrainian ʼ is a letter to \w
    stem = stemmer(code) if code else str
    stems = {token: stem(token) for token in set(tokens)}  # news repeats its words
    stems["\n"] = BREAK
    return tuple(stems[token] for token in tokens)


def stem_text(title: str, body: str, language: str) -> StemmedText:
    """Stem an article's title and body (paragraph breaks kept as phrase breaks).

    Args:
        title: the article's title.
        body: its cleaned text, paragraphs separated by line breaks.
        language: ISO 639-1 code of the article.

    Returns:
        The stemmed text.
    """
    return StemmedText((language or "").lower(), _spaced(stems_of(f"{title}\n{body}", language)))


def _spaced(stems: Iterable[str]) -> str:
    """Stems joined by spaces within a leading and a trailing one; runs of BREAK become one."""
    joined = _BREAKS.sub(f" {BREAK} ", f" {' '.join(stems)} ")
    if joined.startswith(f" {BREAK} "):
        joined = joined[2:]
    if joined.endswith(f" {BREAK} "):
        joined = joined[:-2]
    return joined if joined.strip() else " "


def join_texts(texts: Iterable[StemmedText]) -> list[StemmedText]:
    """Merge stemmed texts by language (an event's articles), phrase breaks between them.

    Args:
        texts: stemmed articles.

    Returns:
        One StemmedText per language, in first-seen order.
    """
    merged: dict[str, list[str]] = {}
    for item in texts:
        parts = merged.setdefault(item.language, [])
        if item.text.strip():
            parts.append(item.text.strip())
    return [
        StemmedText(language, f" {f' {BREAK} '.join(parts)} " if parts else " ")
        for language, parts in merged.items()
    ]
