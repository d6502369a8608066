"""Double quotation marks: which pairs open and close, what is still open, what lies outside."""

from __future__ import annotations

# Each opening double quote with the marks that close it („…“ in German, “…” in English).
QUOTE_PAIRS = {"“": "”", "„": "“”", "«": "»"}
CLOSING_QUOTES = "”»“"
ANY_QUOTE = ('"', "“", "”", "„", "«", "»")


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
    for index, char in enumerate(text):
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
    for index, char in enumerate(text):
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
