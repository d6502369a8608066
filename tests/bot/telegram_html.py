"""A strict checker of Telegram HTML parse mode, independent of bot.split (used by the fake API)."""

from __future__ import annotations

import html
import re

ALLOWED = {
    "b": set(),
    "strong": set(),
    "i": set(),
    "em": set(),
    "u": set(),
    "ins": set(),
    "s": set(),
    "strike": set(),
    "del": set(),
    "span": {"class"},
    "tg-spoiler": set(),
    "a": {"href"},
    "tg-emoji": {"emoji-id"},
    "code": {"class"},
    "pre": set(),
    "blockquote": {"expandable"},
}
_TAG = re.compile(r'<(/?)([a-z-]+)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>')
_ATTR = re.compile(r'([a-z-]+)(?:="([^"]*)")?')
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class HTMLError(ValueError):
    """The text is not valid Telegram HTML; the message says where."""


def parse(text: str) -> str:
    """Return the plain text of Telegram HTML, or raise HTMLError like Telegram's 400.

    Args:
        text: the message in HTML parse mode.

    Returns:
        The text after entity parsing.
    """
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    while pos < len(text):
        char = text[pos]
        if char == "<":
            match = _TAG.match(text, pos)
            if not match:
                raise HTMLError(f"Unsupported start tag at byte offset {pos}")
            closing, name, attrs = match.groups()
            if name not in ALLOWED:
                raise HTMLError(f"Unsupported start tag {name!r} at byte offset {pos}")
            if closing:
                if attrs.strip() or not stack or stack[-1] != name:
                    raise HTMLError(f"Unmatched end tag {name!r} at byte offset {pos}")
                stack.pop()
            else:
                names = {a for a, _ in _ATTR.findall(attrs)}
                if not names <= ALLOWED[name]:
                    raise HTMLError(f"Unsupported attribute in {name!r} at byte offset {pos}")
                if name == "a" and "href" not in names:
                    raise HTMLError("Tag 'a' must have attribute 'href'")
                stack.append(name)
            pos = match.end()
        elif char == ">":
            raise HTMLError(f"Unescaped '>' at byte offset {pos}")
        elif char == "&":
            match = _ENTITY.match(text, pos)
            if not match:
                raise HTMLError(f"Unescaped '&' at byte offset {pos}")
            out.append(html.unescape(match.group()))
            pos = match.end()
        else:
            out.append(char)
            pos += 1
    if stack:
        raise HTMLError(f"Can't find end tag corresponding to start tag {stack[-1]!r}")
    return "".join(out)


def utf16_len(text: str) -> int:
    """Return the length in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2
