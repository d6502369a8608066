"""Split Telegram HTML into messages of at most 4,096 characters without breaking tags.

Breaks are taken, by preference, between paragraphs, lines, sentences, words and (only for a word
longer than a message) characters. Tags open at a break are closed at the end of one part and
reopened at the start of the next, so every part is valid HTML on its own. Lengths are counted
in UTF-16 code units of the HTML source, which bounds what Telegram counts after parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

MAX_MESSAGE = 4096
_TOKEN = re.compile(r"<[^<>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);|.", re.DOTALL)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
_SENTENCE_END = frozenset(".!?…")
_CLOSERS = frozenset("\"')]»”’")


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    size: int
    opens: str | None  # tag name when this is an opening tag
    closes: str | None  # tag name when this is a closing tag

    @property
    def is_tag(self) -> bool:
        return self.opens is not None or self.closes is not None


def utf16_len(text: str) -> int:
    """Return the length of text in UTF-16 code units (how Telegram counts)."""
    return len(text.encode("utf-16-le")) // 2


def _tokens(html: str) -> list[_Token]:
    out: list[_Token] = []
    for match in _TOKEN.finditer(html):
        piece = match.group()
        opens = closes = None
        if piece.startswith("<") and len(piece) > 1:
            name = _TAG_NAME.match(piece)
            if name:
                if piece.startswith("</"):
                    closes = name.group(1).lower()
                else:
                    opens = name.group(1).lower()
        out.append(_Token(piece, utf16_len(piece), opens, closes))
    return out


def _stacks(tokens: list[_Token]) -> list[tuple[_Token, ...]]:
    """Return, for each position 0..n, the opening tags still open before that position."""
    stack: tuple[_Token, ...] = ()
    result = [stack]
    for token in tokens:
        if token.opens:
            stack = (*stack, token)
        elif token.closes:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth].opens == token.closes:
                    stack = stack[:depth] + stack[depth + 1 :]
                    break
        result.append(stack)
    return result


_DROPPED = _Token("", 0, None, None)


def _without_long_tags(tokens: list[_Token], most: int) -> list[_Token]:
    """Drop opening tags longer than `most` (a link to a huge address) with their closing tags.

    The text inside stays; only the markup goes, so a part always has room for its text.
    """
    if all(token.size <= most for token in tokens if token.opens):
        return tokens
    kept: list[_Token] = []
    open_tags: list[tuple[str, bool]] = []  # (name, kept) of each tag opened and not closed
    for token in tokens:
        if token.opens:
            keep = token.size <= most
            open_tags.append((token.opens, keep))
            if keep:
                kept.append(token)
            continue
        if token.closes:
            for depth in range(len(open_tags) - 1, -1, -1):
                if open_tags[depth][0] == token.closes:
                    if not open_tags.pop(depth)[1]:
                        token = _DROPPED
                    break
        if token is not _DROPPED:
            kept.append(token)
    return kept


def _closing(stack: tuple[_Token, ...]) -> str:
    return "".join(f"</{tag.opens}>" for tag in reversed(stack))


def _priority(tokens: list[_Token], pos: int) -> int:
    """Rank a break before tokens[pos]: paragraph 4, line 3, sentence 2, word 1, else 0."""
    before = tokens[pos - 1].text if pos >= 1 else ""
    if before == "\n":
        return 4 if pos >= 2 and tokens[pos - 2].text == "\n" else 3
    if before.isspace():
        back = pos - 2
        while back >= 0 and (tokens[back].is_tag or tokens[back].text in _CLOSERS):
            back -= 1
        if back >= 0 and tokens[back].text in _SENTENCE_END:
            return 2
        return 1
    return 0


def _has_text(tokens: list[_Token]) -> bool:
    return any(not t.is_tag and not unescape(t.text).isspace() for t in tokens)


def _html_has_text(html: str) -> bool:
    """Like `_has_text(_tokens(html))`, stopping at the first visible character."""
    for match in _TOKEN.finditer(html):
        piece = match.group()
        if piece.startswith("<") and len(piece) > 1 and _TAG_NAME.match(piece):
            continue
        if not unescape(piece).isspace():
            return True
    return False


def _is_space(token: _Token) -> bool:
    return not token.is_tag and token.text.isspace()


def split_html(html: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split an HTML message into parts Telegram accepts.

    Args:
        html: Telegram HTML (allowed tags, entities escaped).
        limit: the most UTF-16 code units per part (4,096 for a text message).

    Returns:
        The parts, in order; whitespace at a break is dropped, no part is empty.
    """
    # Most messages fit: decide that before tokenizing (a broadcast splits thousands of them).
    if not _html_has_text(html):
        return []
    if utf16_len(html) <= limit:
        return [html]
    tokens = _without_long_tags(_tokens(html), limit // 2)
    stacks = _stacks(tokens)
    closing = [utf16_len(_closing(stack)) for stack in stacks]
    parts: list[str] = []
    start = 0
    n = len(tokens)
    while start < n:
        while start < n and _is_space(tokens[start]):
            start += 1
        if start >= n:
            break
        reopen = "".join(tag.text for tag in stacks[start])
        used = utf16_len(reopen)
        fits: list[int] = []
        pos = start
        while pos < n and used + tokens[pos].size <= limit:
            used += tokens[pos].size
            pos += 1
            if used + closing[pos] <= limit:
                fits.append(pos)
        if not fits:
            raise ValueError("a tag or nesting is too long to fit in one message")
        end = fits[-1] if fits[-1] == n else _best_break(tokens, fits, start)
        body = tokens[start:end]
        while body and _is_space(body[-1]):
            body.pop()
        part = reopen + "".join(t.text for t in body) + _closing(stacks[end])
        if _has_text(body):
            parts.append(part)
        start = end
    return parts


def _best_break(tokens: list[_Token], fits: list[int], start: int) -> int:
    """Choose the end of a part: the best-ranked break in its second half, else the best one."""
    last = fits[-1]
    middle = start + (last - start) // 2
    best: dict[int, int] = {}
    for pos in fits:
        best[_priority(tokens, pos)] = pos
    for rank in (4, 3, 2, 1):
        if rank in best and best[rank] >= middle:
            return best[rank]
    for rank in (4, 3, 2, 1):
        if rank in best:
            return best[rank]
    return last
