"""Double quotation marks: which pairs open and close, what is still open, what lies outside."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

# Each opening double quote with the marks that close it: “…” (English), „…“ (German, Czech),
# «…» (French, Russian), »…« (German, Danish), »…» (Finnish), ”…” (Swedish, Finnish).
QUOTE_PAIRS = {"“": "”", "„": "“”", "«": "»", "»": "«»", "”": "”"}
CLOSING_QUOTES = "”»“"
ANY_QUOTE = ('"', "“", "”", "„", "«", "»")
# Every mark the readers below act on; they step from one to the next, past the other characters.
_MARKS = re.compile('["“”„«»]')
OPENS, CLOSES, INCH = "opens", "closes", "inch"
# What a mark faces when its place does not tell (blanks on both sides, or words on both).
_FACES_CLOSED = "”»"
# Characters that, before a mark, leave it free on its left (a blank, an opening bracket, a dash).
_FREE_BEFORE = '([{-–—/"“”„«»'
# Characters that, after a mark, leave it free on its right (a blank, a stop, a closing bracket).
_FREE_AFTER = ')]}.,;:!?…-–—/"“”„«»'


def mark_side(text: str, index: int) -> str | None:
    """Which way the quotation mark at index faces, told by its place.

    A mark glued to a word (or a stop) on its left and free on its right closes a quotation
    ('Nein“ und', 'nej” och', 'ready," he'); one free on its left and glued on its right opens
    one ('„Nein', '»nej', '”nej'); a straight quote after a digit is an inch mark ('7" wide').

    Returns:
        OPENS, CLOSES or INCH; None when the place does not tell (blanks on both sides, as in
        French « non » or an exported '“ comfort food ”', or words on both).
    """
    before = text[index - 1] if index else " "
    after = text[index + 1 : index + 2] or " "
    if before.isdigit() and text[index] == '"':
        return INCH
    glued_left = not before.isspace() and before not in _FREE_BEFORE
    glued_right = not after.isspace() and after not in _FREE_AFTER
    if glued_left and not glued_right:
        return CLOSES
    if glued_right and not glued_left:
        return OPENS
    return None


def _marks(text: str) -> Iterator[tuple[int, str, str | None]]:
    """The quotation marks of a text with their sides (mark_side), inch marks left out; a
    straight quote after a digit while one is open closes it ('"roll over loans due in 2005"')."""
    straight = 0
    for mark in _MARKS.finditer(text):
        index, char = mark.start(), mark.group()
        side = mark_side(text, index)
        if side == INCH:
            if not straight % 2:
                continue
            side = CLOSES
        straight += char == '"'
        yield index, char, side


def _closes(stack: list[tuple[str, int]], char: str, side: str | None) -> int | None:
    """The stack depth a mark closes down to, or None when it closes nothing open.

    A mark that opens by its place closes nothing. A straight quote closes the innermost curly
    one (a common typing slip); a curly closer closes the outermost opener it pairs with, and
    any stray opener inside it ("“he said «no”", "“a „b”": double quotes of one family are not
    nested in news text, stray marks inside them are common).
    """
    if not stack or side == OPENS:
        return None
    if char == '"':
        return len(stack) - 1
    for depth in range(len(stack)):
        if char in QUOTE_PAIRS.get(stack[depth][0], ""):
            return depth
    return None


def _opens(char: str, side: str | None) -> bool:
    """Tell whether a curly mark that closed nothing opens a quotation (else it is a closer
    whose opener the text does not hold)."""
    return side == OPENS or (side is None and char not in _FACES_CLOSED)


def open_quotes(text: str) -> int:
    """How many double quotations are open at the end of a text (straight quotes by parity)."""
    stack: list[tuple[str, int]] = []
    straight = False
    for index, char, side in _marks(text):
        depth = _closes(stack, char, side)
        if depth is not None:
            del stack[depth:]
        elif char == '"':
            straight = not straight
        elif _opens(char, side):
            stack.append((char, index))
    return len(stack) + straight


def opening_marks(text: str) -> frozenset[int]:
    """Where the curly marks that open a quotation stand in a text, read in one pass.

    A mark opens when it closes nothing open before it and opens by its place or by its face
    (see open_quotes): the same “ closes after „ (German, Czech, Polish: '„Wir gewinnen.“Die')
    and opens elsewhere ('cheered.“We').
    """
    stack: list[tuple[str, int]] = []
    opening: set[int] = set()
    for index, char, side in _marks(text):
        depth = _closes(stack, char, side)
        if depth is not None:
            del stack[depth:]
        elif char != '"' and _opens(char, side):
            stack.append((char, index))
            opening.add(index)
    return frozenset(opening)


def outside_quotes(text: str) -> str:
    """The text with every closed quotation (marks included) replaced by one space.

    A quotation still open at the end is kept: a line that opens a quote and never closes it is
    read as it stands, as the sentence splitter may have cut a long quotation.
    """
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    spans: list[tuple[int, int]] = []
    for index, char, side in _marks(text):
        depth = _closes(stack, char, side)
        if depth is not None:
            start = stack[depth][1]
            del stack[depth:]
            if not stack:
                spans.append((start, index + 1))
        elif char == '"' and straight is None:
            straight = index
        elif char == '"' and straight is not None:
            spans.append((straight, index + 1))
            straight = None
        elif _opens(char, side):
            stack.append((char, index))
    if not spans:
        return text
    spans.sort()
    pieces: list[str] = []
    position = 0
    for start, end in spans:
        if start < position:
            continue  # a straight pair inside a curly quotation already blanked
        pieces.append(text[position:start])
        pieces.append(" ")
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def closes_unopened(text: str) -> bool:
    """Tell whether a text closes a quotation it did not open: the tail of one a splitter cut.

    A curly mark that closes by its place (mark_side: 'Nein“, sagte er.', 'no more,” he said.')
    or faces closed ('» ajouta-t-il.') with nothing open closes one. Straight quotes look alike
    both ways: an odd number of them closes one when the first follows a word or a mark ('no
    more," he said.'), not when it follows a blank ('He said "no more.': the text opens a
    quotation the splitter cut).
    """
    stack: list[tuple[str, int]] = []
    straight: list[int] = []
    for index, char, side in _marks(text):
        if char == '"' and not stack:
            straight.append(index)
            continue
        depth = _closes(stack, char, side)
        if depth is not None:
            del stack[depth:]
        elif char != '"' and not _opens(char, side):
            return True
        elif char != '"':
            stack.append((char, index))
    if len(straight) % 2 == 0:
        return False
    first = straight[0]
    return first > 0 and not text[first - 1].isspace() and text[first - 1] not in "([{"


def attribution(text: str) -> str | None:
    """What follows a quotation that opens a text ('Putin said.' after '“We will win,”').

    Returns:
        The words after the opening quotation (any later quotation blanked), or None when the
        text does not open with a quotation that closes and is followed by a word.
    """
    if text[:1] not in ANY_QUOTE:
        return None
    outside = outside_quotes(text)
    if outside == text or not outside.startswith(" "):
        return None  # the opening quotation never closes
    rest = outside.lstrip(" ,")
    return rest if rest[:1].isalnum() else None


def _opens_here(text: str, index: int) -> bool:
    """Tell whether a straight quote at index opens a quotation by its place: at the start, or
    after a blank or an opening bracket (one after a word or a mark closes one)."""
    return index == 0 or text[index - 1].isspace() or text[index - 1] in "([{"


_TRAILING_BRACKETS = re.compile(r"[)\]}]+[.!?…]?$")


def close_open_quotes(text: str) -> str:
    """The text with the quotations still open at its end closed after its last mark.

    News prose quotes a speech of several sentences, or paragraphs, with one pair of marks: a
    paragraph that ends inside the quotation leaves it open ('He said: "We are ready.' then
    '"We will win."'). Where the speech is shown cut, its quotation is closed, innermost first,
    with the mark its opener pairs with (“ ”, « », „ “, » «, a straight quote with a straight
    one), inside a bracket it opened in ('(He said: "We are ready.")'). A straight quote left
    over by parity is closed only where it opens ('He said: "We are ready.'): one after a word
    closes a quotation ('ready," he said.'). A text that closes a quotation it did not open (the
    tail of a cut one, or marks this reader cannot pair) is left as it is.
    """
    if not _MARKS.search(text) or closes_unopened(text):
        return text
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for index, char, side in _marks(text):
        depth = _closes(stack, char, side)
        if depth is not None:
            del stack[depth:]
        elif char == '"':
            straight = None if straight is not None else index
        elif _opens(char, side):
            stack.append((char, index))
    openers = [(index, QUOTE_PAIRS[char][0]) for char, index in stack]
    if straight is not None and _opens_here(text, straight):
        openers.append((straight, '"'))
    if not openers:
        return text
    closers = "".join(closer for _, closer in sorted(openers, reverse=True))
    text = text.rstrip()
    tail = _TRAILING_BRACKETS.search(text)
    if tail and _bracket_opened_before(text, min(index for index, _ in openers), tail.start()):
        return text[: tail.start()] + closers + text[tail.start() :]
    return text + closers


def _bracket_opened_before(text: str, opener: int, tail: int) -> bool:
    """Tell whether the brackets closing a text (from tail on) close one opened before its
    first open quotation (at opener): '(He said: "We are ready.)', not 'He said: "We (all) win.'"""
    inside = text[opener:tail]
    return sum(map(inside.count, "([{")) <= sum(map(inside.count, ")]}"))


# A blank a page exporter leaves inside a quotation mark ('“ comfort food ”').
_BLANKS = re.compile(r"[^\S\n]+")
_FRENCH = "«»"  # French sets « » apart with (no-break) blanks by rule: never tightened


def tighten_quotes(text: str) -> str:
    """The text without blanks just inside its quotation marks ('“ comfort food ”' reads
    '“comfort food”', 'the " Harbour Three"' 'the "Harbour Three"').

    Only a mark with blanks on both sides is tightened (mark_side cannot tell its side), and
    only when it pairs with a mark of the same quotation: an opener's blanks before a word go,
    a closer's after a word or a stop. « » are left as they are: French typography sets them
    apart with blanks ('« non »'), and a mark glued to a word on one side is in place whatever
    language's quotes it is ('„Nein“ und', '»nej« og', '”nej” och').
    """
    if not _MARKS.search(text):
        return text
    stack: list[tuple[str, int]] = []
    loose_openers: set[int] = set()  # where the stack's loose openers stand
    cuts: list[tuple[int, int]] = []  # spans of blanks to drop
    for index, char, side in _marks(text):
        loose = side is None and _loose(text, index) and char not in _FRENCH
        depth = _closes(stack, char, side)
        if depth is None and char == '"' and stack and stack[-1][0] == '"':
            depth = len(stack) - 1
        if depth is not None:
            start = stack[depth][1]
            del stack[depth:]
            if start in loose_openers:
                blanks = _BLANKS.match(text, start + 1)
                if blanks and text[blanks.end() : blanks.end() + 1].isalnum():
                    cuts.append(blanks.span())
            if loose:
                end = index
                while end > start + 1 and text[end - 1] in " \t\u00a0":
                    end -= 1
                if end < index and (text[end - 1].isalnum() or text[end - 1] in ".,!?…"):
                    cuts.append((end, index))
        elif char == '"' or _opens(char, side):
            stack.append((char, index))
            if loose:
                loose_openers.add(index)
    if not cuts:
        return text
    pieces: list[str] = []
    position = 0
    for start, end in sorted(cuts):
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _loose(text: str, index: int) -> bool:
    """Tell whether a mark has blanks (no line breaks) on both sides."""
    before, after = text[index - 1 : index], text[index + 1 : index + 2]
    return before.isspace() and after.isspace() and "\n" not in before + after


def close_quotations(lines: Sequence[str], follows: Sequence[bool]) -> list[str]:
    """Lines as a summary or a digest shows them, each quotation closed where the speech is cut.

    A quotation open at the end of a line is closed (close_open_quotes) unless the next line
    shown is the next sentence of the same article, which goes on with the speech ('"We are
    ready.' then 'The harbour will stay open," she said.'); a run of such lines is read as one
    text, so a quotation opened in its first line and left open by its last is closed there.
    A next sentence that opens with a quotation mark starts a run of its own: news prose opens
    each paragraph of a long quotation anew and closes only the last ('"We are ready.' then
    '"The harbour will stay open."'), which shown on one line reads closed before it.

    Args:
        lines: the lines in the order shown.
        follows: for each line but the last, whether the line after it is its article's next
            sentence.

    Returns:
        The lines, closing marks added where a quotation stops being shown.
    """
    shown: list[str] = []
    run = ""  # the lines of the current run before this one, joined, with a blank after
    for number, line in enumerate(lines):
        if number < len(follows) and follows[number] and not _reopens(lines[number + 1]):
            shown.append(line)
            run += line + " "
            continue
        closed = close_open_quotes(run + line)
        shown.append(closed[len(run) :] if closed.startswith(run) else line)
        run = ""
    return shown


def _reopens(line: str) -> bool:
    """Tell whether a line opens with a quotation mark that opens a quotation."""
    text = line.lstrip()
    return text[:1] in ANY_QUOTE and mark_side(text, 0) != CLOSES
