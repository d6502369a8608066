"""Text safe for a terminal: control characters in stored content are never printed.

Titles, summaries and addresses come from the web; an ESC sequence in one would move the
cursor, recolour or retitle the terminal of whoever runs `briefing search`. Every C0 control
but newline and tab, DEL and every C1 control (U+0080-U+009F, which some terminals read as
ESC sequences) is dropped. JSON output already escapes C0 controls; C1 ones go there too.
"""

from __future__ import annotations

import re
from typing import Any, TextIO, cast

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Return text without terminal control characters (newline and tab kept)."""
    return _CONTROL.sub("", text)


class PrintableStream:
    """A text stream that drops control characters from everything written to it."""

    def __init__(self, stream: TextIO) -> None:
        """Wrap `stream` (sys.stdout or sys.stderr)."""
        self.stream = stream

    def write(self, text: str) -> int:
        """Write text without its control characters; return the length given."""
        self.stream.write(printable(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)  # flush, fileno, isatty, encoding...


def printable_stream(stream: TextIO) -> TextIO:
    """Wrap a text stream so that nothing written through it can drive the terminal."""
    if isinstance(stream, PrintableStream):
        return cast(TextIO, stream)
    return cast(TextIO, PrintableStream(stream))


__all__ = ["PrintableStream", "printable", "printable_stream"]
