"""Offline sentence splitting over sentencex (no NLTK data needed), with a few news-text rules."""

from __future__ import annotations

import logging
import re

from sentencex import segment

logger = logging.getLogger(__name__)


def _word_set(text: str) -> frozenset[str]:
    """Return the blank-separated words of text as a set."""
    return frozenset(text.split())


# A closing quote followed by a space, or a space and an opening quote, at the wrong end of a piece.
_LEADING_CLOSE = re.compile(r"^([\"”’»])\s+")
_TRAILING_OPEN = re.compile(r"\s([\"“‘«])$")
_LINE_BREAK = re.compile(r"\s*\n\s*")

# sentencex never splits inside quotation marks, so a quoted passage of several sentences stays one
# piece, and it never splits after "U.S." or "U.K.". Split there too when a full stop, "!" or "?"
# is followed by an upper-case letter, unless the word before the stop is an abbreviation (Mr.,
# Sept., U.S., a.m., single initials) and, for "U.S.", the next word does not start a sentence.
_SPLIT_POINT = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'«(\[]?[A-Z])")
_ABBREVIATIONS = _word_set(
    """mr mrs ms dr prof st jr sr gen lt col capt cpt sgt maj adm gov sen rep rev hon pres supt insp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc ltd co corp plc bros dept est fig no nos vol vs etc al approx ave blvd mt ft"""
)
_LAST_WORD = re.compile(r"(\S+)[.!?]$")
# Words that start sentences but hardly ever follow "U.S." or "U.K." inside one.
_STARTERS = _word_set(
    "The A An He She It They We I You His Her Its Their This That These Those But And However In On"
    " At After Before When While If There Some Many Most Analysts Officials"
)
_DOTTED_CAPITALS = re.compile(r"(?:[A-Z]\.){2,}$")

# After "a.m." or "p.m." sentencex splits even when a day or a month follows ("9 a.m. Monday").
_TIME_END = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_DAY_OR_MONTH = re.compile(
    r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May"
    r"|June|July|August|September|October|November|December|[A-Z]{2,4}T|GMT|UTC)\b"
)


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Split text into sentences; line breaks always end a sentence (headlines have no full stop).

    Args:
        text: plain text, paragraphs separated by line breaks.
        language: ISO 639-1 code of the text.

    Returns:
        The sentences, stripped, in order; empty strings dropped.
    """
    sentences: list[str] = []
    for line in _LINE_BREAK.split(text):
        line = line.strip()
        if not line:
            continue
        pieces = _reattach_quotes(_segment(language or "en", line))
        if language in ("en", ""):  # the abbreviation and starter lists below are English
            pieces = _split_inner(_join_times(pieces))
        sentences.extend(_split_script_stops(pieces))
    return sentences


# Full stops of other scripts, which need no space after them: CJK 。！？, Arabic ؟ and Urdu ۔,
# Devanagari and Bengali । ॥, Ethiopic ።, Myanmar ။, Khmer ។ ៕ (closing quotes stay with them).
_CLOSERS = "\"”’'»」』）)"
_SCRIPT_STOP = re.compile(f"[。！？؟۔।॥።။។៕][{_CLOSERS}]*(?=\\s*[^\\s{_CLOSERS}])")
# Thai writes no full stop: a space between two Thai words ends a sentence (or a clause).
_THAI_BREAK = re.compile(r"(?<=[\u0e00-\u0e7f])\s+(?=[\u0e00-\u0e7f])")


def _split_script_stops(pieces: list[str]) -> list[str]:
    """Split pieces after other scripts' full stops, and Thai at its spaces."""
    result: list[str] = []
    for piece in pieces:
        start = 0
        parts = []
        for match in _SCRIPT_STOP.finditer(piece):
            parts.append(piece[start : match.end()])
            start = match.end()
        parts.append(piece[start:])
        for part in parts:
            thai = part and max(part) >= "\u0e00"
            result.extend(_THAI_BREAK.split(part) if thai else [part])
    return [p.strip() for p in result if p.strip()]


_ODD_SPACE = re.compile(r"[^\S\n ](?=\s*\.)")  # a non-ASCII space before a full stop


def _segment(language: str, line: str) -> list[str]:
    """sentencex's split of one line.

    sentencex 1.0.32 panics (a Rust panic, raised as a BaseException) on some Unicode spaces
    between a letter and a full stop ("J\u2009. Dupont"), so those become plain spaces first
    (ingested bodies have only plain spaces already).
    """
    if _ODD_SPACE.search(line):  # avoid the panic (and the backtrace it prints) altogether
        line = _ODD_SPACE.sub(" ", line)
    try:
        return list(segment(language, line))
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException:  # pyo3's PanicException derives from BaseException
        logger.warning("sentencex failed on a line; keeping it as one sentence", exc_info=True)
        return [line]


def _reattach_quotes(pieces: list[str]) -> list[str]:
    """Give quotation marks that sentencex left on the wrong side of a break to their sentence.

    Before a no-break space sentencex can end a piece with the next sentence's opening quote
    ('EU. “') and start one with the previous sentence's closing quote ('" Putin').
    """
    fixed: list[str] = []
    carried = ""
    for piece in pieces:
        piece = carried + piece.strip()
        carried = ""
        if fixed and piece and not piece.strip('"”’»'):
            fixed[-1] += piece  # a piece that is only a closing quote
            continue
        closing = _LEADING_CLOSE.match(piece)
        if closing and fixed:
            fixed[-1] += closing.group(1)
            piece = piece[closing.end() :]
        opening = _TRAILING_OPEN.search(piece)
        if opening:
            carried = opening.group(1)
            piece = piece[: opening.start()]
        if piece.strip():
            fixed.append(piece.strip())
    if carried and fixed:
        fixed[-1] += carried
    return fixed


def _join_times(pieces: list[str]) -> list[str]:
    """Join a piece ending in a.m./p.m. with a next piece that starts with a day, month or zone."""
    joined: list[str] = []
    for piece in pieces:
        if joined and _TIME_END.search(joined[-1]) and _DAY_OR_MONTH.match(piece):
            joined[-1] = f"{joined[-1]} {piece}"
        else:
            joined.append(piece)
    return joined


def _split_inner(pieces: list[str]) -> list[str]:
    """Split pieces at sentence ends that sentencex skipped inside quotation marks."""
    result: list[str] = []
    for piece in pieces:
        start = 0
        for match in _SPLIT_POINT.finditer(piece):
            head = piece[start : match.start()]
            if _ends_with_abbreviation(head) and not _starts_sentence_after_capitals(
                head, piece[match.end() :]
            ):
                continue
            result.append(head.strip())
            start = match.end()
        result.append(piece[start:].strip())
    return [s for s in result if s]


def _starts_sentence_after_capitals(head: str, tail: str) -> bool:
    """Tell whether "U.S." or "U.K." ending head ends a sentence, judged by tail's first word."""
    if _DOTTED_CAPITALS.search(head) is None:
        return False
    first = tail.split(maxsplit=1)[0] if tail.strip() else ""
    return first.strip("\"“‘'«([,") in _STARTERS


def _ends_with_abbreviation(text: str) -> bool:
    """Tell whether text ends with an abbreviation's full stop rather than a sentence's."""
    if not text.endswith("."):
        return False
    match = _LAST_WORD.search(text)
    if match is None:
        return True
    word = match.group(1).lstrip("\"“‘'«([")
    if "." in word or len(word) == 1:  # U.S., a.m., e.g., initials such as "J."
        return True
    return word.lower() in _ABBREVIATIONS
