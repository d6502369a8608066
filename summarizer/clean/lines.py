"""Split plain text into normalised lines, re-joining paragraphs that were hard-wrapped."""

from __future__ import annotations

_TERMINAL = frozenset(".!?…:;\"”’'»)]。！？")
_MIN_WRAPPED_CHARS = 30
_MAX_WRAP_WIDTH = 100
_MIN_CONTINUATION_SHARE = 0.25


def normalise_line(line: str) -> str:
    """Collapse runs of whitespace (including non-breaking spaces) and strip the line."""
    return " ".join(line.split())


def split_lines(text: str) -> list[str]:
    """Return the non-empty lines of a text, whitespace-normalised.

    Text wrapped at a fixed width (e-mail, terminals) has its paragraphs joined back into one
    line each, so that a paragraph reads as prose rather than as a stack of short fragments.

    Args:
        text: plain text, one block per line or hard-wrapped.

    Returns:
        The lines (or re-joined paragraphs) in order.
    """
    raw = [normalise_line(line) for line in text.splitlines()]
    if not is_hard_wrapped(raw):
        return [line for line in raw if line]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in raw:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def is_hard_wrapped(lines: list[str]) -> bool:
    """True when long lines stop short of a width and often continue in lower case below.

    Args:
        lines: normalised lines, blank ones included.

    Returns:
        Whether the text looks wrapped at a fixed width.
    """
    long_lines = [i for i, line in enumerate(lines) if len(line) >= _MIN_WRAPPED_CHARS]
    if len(long_lines) < 3 or max(len(lines[i]) for i in long_lines) > _MAX_WRAP_WIDTH:
        return False
    continued = sum(
        1
        for i in long_lines
        if i + 1 < len(lines) and lines[i + 1][:1].islower() and lines[i][-1] not in _TERMINAL
    )
    return continued >= _MIN_CONTINUATION_SHARE * len(long_lines)
