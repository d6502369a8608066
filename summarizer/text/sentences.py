"""Offline sentence splitting over sentencex (no NLTK data needed), with a few news-text rules."""

from __future__ import annotations

import logging
import re

from sentencex import segment

from summarizer.text.abbreviations import STARTERS, ends_with_abbreviation
from summarizer.text.clock import TIME_ZONES
from summarizer.text.glued import restore_blanks, starts_sentence, stop_inside_name
from summarizer.text.language import alternation
from summarizer.text.months import ENGLISH_WEEKDAYS, FULL_ENGLISH_MONTHS
from summarizer.text.quotes import ANY_QUOTE, CLOSING_QUOTES, open_quotes

logger = logging.getLogger(__name__)


# A closing quote followed by a space, or a space and an opening quote, at the wrong end of a piece.
_LEADING_CLOSE = re.compile(r"^([\"”’»])\s+")
_TRAILING_OPEN = re.compile(r"\s([\"“‘«])$")
_LINE_BREAK = re.compile(r"\s*\n\s*")

# sentencex never splits after "U.S." or "U.K.". Split there too when a full stop, "!" or "?" is
# followed by an upper-case letter, outside quotation marks, unless the word before the stop is an
# abbreviation (Mr., Sept., U.S., a.m., single initials) and, for "U.S.", the next word does not
# start a sentence.
_SPLIT_POINT = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'«(\[]?[A-Z])")
_DOTTED_CAPITALS = re.compile(r"(?:[A-Z]\.){2,}$")
_STARTER_WINDOW = 40  # characters, longer than any starter with its quotation mark

# After "a.m." or "p.m." sentencex splits even when a day, a month or a zone follows ("9 a.m.
# Monday", "9 a.m. EST").
_TIME_END = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_AFTER_TIME = re.compile(
    r"^(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept"
    r"|Oct|Nov|Dec)\.|(?:"
    + "|".join((*ENGLISH_WEEKDAYS, *FULL_ENGLISH_MONTHS))
    + "|"
    + alternation(TIME_ZONES)
    + r")\b|\d)"
)
# Titles before a name ("Ms. Valdane", "Gen. Smith"), which never end a sentence.
_TITLE_END = re.compile(
    r"(?:^|[\s(\"“‘'])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Gen|Lt|Col|Capt|Cpt|Sgt|Maj|Adm|Gov|Sen|Rep|Rev"
    r"|Hon|Pres|Supt|Insp|Amb|Atty|Cmdr|Mme|Mlle|Mgr|Hr|Fr|Sra|Dra)\.$"
)
# A piece that starts with an abbreviation and a comma continues the one before ("Va., said").
_ABBREVIATION_START = re.compile(r"^[A-Z][a-z]{0,4}\.,")
# An initialism cut in two ("The Mexico-U." + "S. border"): capitals with stops end one piece
# and start the next.
_INITIALS_END = re.compile(r"(?:^|[\s\-–(/])(?:[A-Z]\.)+$")
_INITIALS_START = re.compile(r"^(?:[A-Z]\.)+(?=[\s,;:]|$)")
# A stop with a space before it, as cut by sentencex ("the globe ." + "MIWD00000PUS rose").
_LONE_STOP = (" .", "\u00a0.")
_QUOTE_MARKS = "\"“”‘’'«»„([ "


def _has_quote(text: str) -> bool:
    """Tell whether a text holds any double quotation mark (most do not: a quick test first)."""
    return any(map(text.__contains__, ANY_QUOTE))


def _closes_quote(text: str) -> bool:
    """Tell whether a text holds a closing double quote (a straight one counts)."""
    return any(char in CLOSING_QUOTES or char == '"' for char in text)


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Split text into sentences.

    A line break ends a sentence (headlines have no full stop) unless the line plainly goes on:
    it has no closing punctuation and the next line starts in lower case, or it ends with a
    comma or a word that cannot end a sentence ("the", "of"); such lines are joined with a
    space. Within a line, a break never falls inside a quotation that closes on that line, after
    an abbreviation ("p.m. Aug. 9", "R-W.Va., visited"), before a full stop that starts a word
    (".MIWD00000PUS", a ticker) or before a lower-case continuation. In every language, a
    sentence glued to the one before by a lost blank ("a slice of it.Once several", "at 9/4 .He
    said", "достиг 5 .Он") is split as if the blank were there, and never inside a name
    ("Amazon.Com", "ASP.NET", "v2.Beta", ".Net"): see summarizer.text.glued.

    Args:
        text: plain text, paragraphs separated by line breaks.
        language: ISO 639-1 code of the text.

    Returns:
        The sentences, stripped, in order; empty strings dropped.
    """
    sentences: list[str] = []
    english = language in ("en", "")  # the abbreviation and starter lists below are English
    for line in _lines(text):
        line = restore_blanks(line, language or "en")
        pieces = _join_continuations(_segment(language or "en", line), language or "en")
        pieces = _reattach_quotes(_split_long_quotations(pieces, language or "en"))
        if english:
            pieces = _split_inner(pieces)
        sentences.extend(_split_script_stops(pieces))
    return sentences


# A line that ends like this goes on in the next line: no sentence or headline ends so.
_OPEN_ENDING = re.compile(
    r"(?:,|\b(?:the|a|an|of|and|or|with|by|from|at|than|that|which|who|whose|his|her|their|its"
    r"|our|my|your|is|are|was|were|be|been|has|have|had|will|would|could|should|can|may|might"
    r"|must))$",
    re.IGNORECASE,
)
# A line closed by a stop (or a colon), maybe inside closing quotes or brackets: its last
# character once those are stripped (a line holds no line break).
_LINE_STOPS = frozenset(".!?…:;。！？؟۔।॥።။។៕")
_LINE_CLOSERS = "\"”’'»)]」』）"
_MIN_WRAPPED_WORDS = 6  # a line ending in "the" this long is a wrapped line, not a headline


def _lines(text: str) -> list[str]:
    """The text's lines, with lines broken inside a sentence joined again."""
    lines: list[str] = []
    for raw in _LINE_BREAK.split(text):
        line = raw.strip()
        if not line:
            continue
        if lines and _goes_on(lines[-1], line):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


def _goes_on(line: str, following: str) -> bool:
    """Tell whether a line break between two lines falls inside a sentence."""
    if line.rstrip(_LINE_CLOSERS)[-1:] in _LINE_STOPS:
        return False
    if following[0].islower():
        return True
    return bool(
        following[0].isalnum()
        and _OPEN_ENDING.search(line)
        and (line.endswith(",") or len(line.split()) >= _MIN_WRAPPED_WORDS)
    )


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
        if piece.isascii():  # most pieces: no other script's stop, no Thai
            result.append(piece)
            continue
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


# sentencex reads an Italian line in time that grows with its square (3.6 s for 100,000
# characters of "a.B", 86 s for 500,000): a longer line is read a window at a time, which holds
# some fifty sentences of prose (one line in 12,000 of the eval texts is longer; sentencex
# carries a stray quotation mark's state across the whole line, a window does not). A sentence
# end counts only with a quarter of the window read after it (sentencex looks ahead: a
# quotation that opens, an initial); where none ends between the window's first and last
# quarters, it is cut after its last stop and blank there (else at the last quarter) and the
# sentence goes on into the next window: a cut ends no sentence.
_SEGMENT_WINDOW = 8_000
_BREAK = re.compile(r"[.!?…]\s+")


def _segment(language: str, line: str, *, window: int = _SEGMENT_WINDOW) -> list[str]:
    """sentencex's split of one line, read a window at a time (see _SEGMENT_WINDOW).

    Prose without quotations splits as it would whole (where a long quotation is split depends
    on text far beyond it in sentencex's own reading, so it may go otherwise), and the time
    grows with the line's length. sentencex 1.0.32 panics (a Rust panic, raised as a
    BaseException) on some Unicode spaces between a letter and a full stop ("J\u2009.
    Dupont"), so those become plain spaces first (ingested bodies have only plain spaces
    already).
    """
    if _ODD_SPACE.search(line):  # avoid the panic (and the backtrace it prints) altogether
        line = _ODD_SPACE.sub(" ", line)
    pieces: list[str] = []
    going_on: list[str] = []  # the start of a sentence cut at a window's end
    start = 0
    quarter = window // 4
    while len(line) - start > window:
        text = line[start : start + window]
        found, ends = [], 0
        for piece in _segment_window(language, text):
            if ends + len(piece) > window - quarter:
                break
            found.append(piece)
            ends += len(piece)
        pieces.extend(_go_on(going_on, found))
        if ends < quarter:  # no sentence ends in the middle of the window
            breaks = [end.end() for end in _BREAK.finditer(text, quarter, window - quarter)]
            cut = breaks[-1] if breaks else window - quarter
            going_on.append(text[ends:cut])
            ends = cut
        start += ends
    pieces.extend(_go_on(going_on, _segment_window(language, line[start:])))
    return pieces


def _go_on(going_on: list[str], found: list[str]) -> list[str]:
    """Pieces with the start of a sentence cut before them joined to the first (and emptied)."""
    if going_on and found:
        found = ["".join((*going_on, found[0])), *found[1:]]
        going_on.clear()
    return found


def _segment_window(language: str, text: str) -> list[str]:
    """sentencex's split of a text, or the text whole where sentencex fails."""
    try:
        return list(segment(language, text))
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException:  # pyo3's PanicException derives from BaseException
        logger.warning("sentencex failed on a line; keeping it as one sentence", exc_info=True)
        return [text]


# A piece wholly inside quotation marks and longer than this is a quoted text, not one quotation
# (a body an export wrapped in quotes, a letter quoted whole): it is split at its own sentence
# ends like any other text. A long quotation with its speaker stays whole (and, too long to be
# prose, is never a summary line: a digest does not take part of a speech for narration).
_MAX_QUOTATION_WORDS = 80
_WRAPPED_IN_QUOTES = re.compile(r"^[\"“«„].*[\"”»“][.!?…]?$", re.DOTALL)
_QUOTE_MASK = str.maketrans({mark: "#" for mark in ANY_QUOTE})


def _split_long_quotations(pieces: list[str], language: str) -> list[str]:
    """Split pieces wholly inside an over-long quotation at the sentence ends inside it.

    The quotation marks are masked (one character for one, so offsets stay) and the piece is
    segmented again; the original text is cut at the same offsets.
    """
    result: list[str] = []
    for piece in pieces:
        if (
            len(piece.split()) <= _MAX_QUOTATION_WORDS
            or _WRAPPED_IN_QUOTES.match(piece.strip()) is None
        ):
            result.append(piece)
            continue
        masked = _join_continuations(_segment(language, piece.translate(_QUOTE_MASK)), language)
        at = 0
        for part in masked:
            result.append(piece[at : at + len(part)])
            at += len(part)
        if at < len(piece):
            result[-1] += piece[at:]
    return result


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


def _join_continuations(pieces: list[str], language: str) -> list[str]:
    """Join raw sentencex pieces cut where no sentence ends (see split_sentences).

    The pieces are concatenated as they came, so the text between them is kept exactly.
    """
    joined: list[str] = []
    for piece in pieces:
        if joined and piece.strip() and _joins(joined[-1], piece, language):
            joined[-1] += piece
        else:
            joined.append(piece)
    return joined


def _joins(head: str, piece: str, language: str) -> bool:
    """Tell whether piece goes on head: within a sentence, or within a word ("Amazon.Com")."""
    if _continues(head.rstrip(), piece.lstrip(), language):
        return True
    return not head[-1:].isspace() and not piece[:1].isspace() and stop_inside_name(head, piece)


def _continues(head: str, piece: str, language: str) -> bool:
    """Tell whether piece goes on the sentence that head has started."""
    if not any(map(str.isalnum, piece)):
        return True  # a lone "." or "—" (before a ticker such as ".MIWD00000PUS") is no sentence
    start = piece.lstrip(_QUOTE_MARKS + "—–-")[:1]  # "approx. — a lot": a dash starts no sentence
    if start.islower():
        return True  # "e.g. the", "approx. five": no sentence starts in lower case
    if (
        head.endswith(_LONE_STOP)
        and piece[:1].isascii()
        and piece[:1].isalnum()
        and not starts_sentence(piece, language)
    ):
        # "across the globe .MIWD00000PUS rose", "between .Net and Java": the stop starts a
        # ticker or a name; before a word that starts sentences it ends one ("at 9/4 .He said")
        return True
    tail = head[-12:]  # the patterns below look at the end of head only
    if _TIME_END.search(tail) and _AFTER_TIME.match(piece):
        return True  # "10:30 p.m. Aug. 9", "9 a.m. Monday"
    if _ABBREVIATION_START.match(piece):
        return True  # "R-W." + "Va., visited": no sentence starts with "Va.,"
    if _INITIALS_END.search(tail) and _INITIALS_START.match(piece):
        return True  # "Mexico-U." + "S. border": the rest of an initialism
    if _TITLE_END.search(tail):
        return True  # "Ms." + "Valdane set out ...": a title never ends a sentence
    if piece[:1].isdigit() and head[-2:-1].islower() and ends_with_abbreviation(tail):
        return True  # "approx. 2,000", "No. 10", "fig. 3"
    return _has_quote(head) and open_quotes(head) > 0 and _closes_quote(piece)


def _split_inner(pieces: list[str]) -> list[str]:
    """Split pieces at sentence ends that sentencex skipped ("U.S. The", an unclosed quote)."""
    result: list[str] = []
    for piece in pieces:
        start = 0
        quoted = _has_quote(piece)
        for match in _SPLIT_POINT.finditer(piece):
            head = piece[start : match.start()]
            if (
                quoted
                and open_quotes(piece[: match.start()])
                and _closes_quote(piece[match.end() :])
            ):
                continue  # never inside a quotation: it stays whole
            # The word after the stop is read from a bounded window: no starter is longer.
            following = piece[match.end() : match.end() + _STARTER_WINDOW]
            if ends_with_abbreviation(head) and not _starts_sentence_after_capitals(
                head, following
            ):
                continue
            result.append(head.strip())
            start = match.end()
        result.append(piece[start:].strip())
    return [s for s in result if s]


def _starts_sentence_after_capitals(head: str, tail: str) -> bool:
    """Tell whether "U.S." or "U.K." ending head ends a sentence, judged by tail's first word."""
    if _DOTTED_CAPITALS.search(head[-12:]) is None:  # the end of head only (linear time)
        return False
    first = tail.split(maxsplit=1)[0] if tail.strip() else ""
    return first.strip("\"“‘'«([,") in STARTERS
