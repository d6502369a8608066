"""Double quotation marks: which pairs open and close, what is still open, what lies outside."""

from __future__ import annotations

import re

# Each opening double quote with the marks that close it („…“ in German, “…” in English).
QUOTE_PAIRS = {"“": "”", "„": "“”", "«": "»"}
CLOSING_QUOTES = "”»“"
ANY_QUOTE = ('"', "“", "”", "„", "«", "»")
# Every mark the readers below act on; they step from one to the next, past the other characters.
_MARKS = re.compile('["“”„«»]')


def _closes(stack: list[tuple[str, int]], char: str) -> int | None:
    """The stack depth a mark closes down to, or None when it closes nothing open.

    A straight quote closes the innermost curly one (a common typing slip); a curly closer closes
    the outermost opener it pairs with, and any stray opener inside it ("“he said «no”", "“a „b”":
    double quotes of one family are not nested in news text, stray marks inside them are common).
    """
    if not stack:
        return None
    if char == '"':
        return len(stack) - 1
    for depth in range(len(stack)):
        if char in QUOTE_PAIRS[stack[depth][0]]:
            return depth
    return None


def open_quotes(text: str) -> int:
    """How many double quotations are open at the end of a text (straight quotes by parity)."""
    stack: list[tuple[str, int]] = []
    straight = False
    for mark in _MARKS.finditer(text):
        index, char = mark.start(), mark.group()
        depth = _closes(stack, char)
        if depth is not None:
            del stack[depth:]
        elif char in QUOTE_PAIRS:
            stack.append((char, index))
        elif char == '"':
            straight = not straight
    return len(stack) + straight


def outside_quotes(text: str) -> str:
    """The text with every closed quotation (marks included) replaced by one space.

    A quotation still open at the end is kept: a line that opens a quote and never closes it is
    read as it stands, as the sentence splitter may have cut a long quotation.
    """
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    spans: list[tuple[int, int]] = []
    for mark in _MARKS.finditer(text):
        index, char = mark.start(), mark.group()
        depth = _closes(stack, char)
        if depth is not None:
            start = stack[depth][1]
            del stack[depth:]
            if not stack:
                spans.append((start, index + 1))
        elif char in QUOTE_PAIRS:
            stack.append((char, index))
        elif char == '"' and straight is None:
            straight = index
        elif char == '"' and straight is not None:
            spans.append((straight, index + 1))
            straight = None
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

    A closing mark (” or ») with nothing open closes one ('no more,” he said.'), and so does a
    “ right after a word or a mark (German closes „ with it: 'Nein“, sagte er.'). Straight
    quotes look alike both ways: an odd number of them closes one when the first follows a word
    or a mark ('no more," he said.'), not when it follows a blank ('He said "no more.': the
    text opens a quotation the splitter cut).
    """
    stack: list[tuple[str, int]] = []
    straight: list[int] = []
    for mark in _MARKS.finditer(text):
        index, char = mark.start(), mark.group()
        if char == '"' and not stack:
            straight.append(index)
            continue
        depth = _closes(stack, char)
        if depth is not None:
            del stack[depth:]
        elif char in "”»" or (char in CLOSING_QUOTES and index and not text[index - 1].isspace()):
            return True
        elif char in QUOTE_PAIRS:
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


def close_open_quotes(text: str) -> str:
    """The text with the quotations still open at its end closed after its last mark.

    News prose quotes a speech of several sentences, or paragraphs, with one pair of marks: a
    paragraph that ends inside the quotation leaves it open ('He said: "We are ready.' then
    '"We will win."'). A sentence shown alone closes what it opened, innermost first, with the
    mark its opener pairs with (“ ”, « », „ “, a straight quote with a straight one). A straight
    quote left over by parity is closed only where it opens ('He said: "We are ready.'): one
    after a word closes a quotation ('ready," he said.'), the tail of one a splitter cut.
    """
    if not _MARKS.search(text):
        return text
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for mark in _MARKS.finditer(text):
        index, char = mark.start(), mark.group()
        depth = _closes(stack, char)
        if depth is not None:
            del stack[depth:]
        elif char in QUOTE_PAIRS:
            stack.append((char, index))
        elif char == '"':
            straight = None if straight is not None else index
    openers = [(index, QUOTE_PAIRS[char][0]) for char, index in stack]
    if straight is not None and _opens_here(text, straight):
        openers.append((straight, '"'))
    closers = "".join(closer for _, closer in sorted(openers, reverse=True))
    return text.rstrip() + closers if closers else text


# A blank just inside a quotation mark, as text exported from a page leaves it ('“ comfort
# food ”', 'the " Normandy Four"'): the opener's blank before a word, the closer's after one.
_BLANK_AFTER_OPENER = re.compile(r"([“«„])[^\S\n]+(?=\w)")
_BLANK_BEFORE_CLOSER = re.compile(r"(?<=[\w.,!?…])[^\S\n]+([”»])")


def tighten_quotes(text: str) -> str:
    """The text without blanks just inside its quotation marks ('“ comfort food ”' reads
    '“comfort food”'). Curly marks show their side; straight ones are read in pairs, the first
    of each pair opening, and only when they pair up (an odd one could be either)."""
    if not _MARKS.search(text):
        return text
    text = _BLANK_AFTER_OPENER.sub(r"\1", text)
    text = _BLANK_BEFORE_CLOSER.sub(r"\1", text)
    straight = [m.start() for m in re.finditer('"', text)]
    if not straight or len(straight) % 2:
        return text
    pieces: list[str] = []
    position = 0
    for number, index in enumerate(straight):
        if number % 2 == 0:  # an opener: drop the blanks after it before a word
            pieces.append(text[position : index + 1])
            position = index + 1
            rest = len(text) - len(text[position:].lstrip(" "))
            if rest > position and text[rest : rest + 1].isalnum():
                position = rest
        else:  # a closer: drop the blanks before it after a word or a mark
            head = text[position:index]
            stripped = head.rstrip(" ")
            if (
                stripped != head
                and stripped[-1:]
                and (stripped[-1].isalnum() or stripped[-1] in ".,!?…")
            ):
                head = stripped
            pieces.append(head + '"')
            position = index + 1
    pieces.append(text[position:])
    return "".join(pieces)
