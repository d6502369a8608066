"""Bytes to text: refuse empty, binary, oversized and undecodable input with a clear message."""

from __future__ import annotations

import re

from summarizer.errors import InputError

DEFAULT_MAX_BYTES = 5_000_000
# Control characters other than tab, line feed, vertical tab and form feed (0x09-0x0C).
_CONTROLS = re.compile(r"[\x00-\x08\x0d-\x1f]")
_BINARY_SIGNATURES = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
)


def decode_bytes(
    data: bytes, *, location: str, charset: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> str:
    """Decode an input as text.

    Args:
        data: the raw bytes.
        location: the path or URL, named in error messages.
        charset: a declared charset (HTTP header or meta tag), tried after UTF-8.
        max_bytes: the size cap.

    Returns:
        The text with a leading BOM removed and line endings normalised to "\\n".

    Raises:
        InputError: empty, over the size cap, binary, or not decodable text.
    """
    if len(data) > max_bytes:
        raise InputError(f"{location}: too large ({len(data):,} bytes; the cap is {max_bytes:,})")
    if not data.strip():
        raise InputError(f"{location}: empty input")
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if (data.startswith(_BINARY_SIGNATURES) or b"\x00" in data[:8192]) and not utf16:
        raise InputError(f"{location}: binary file, not text or HTML")
    text = _decode(data, charset)
    if text is None:
        raise InputError(
            f"{location}: not valid UTF-8 (declared charset: {charset or 'none'}); "
            "convert it to UTF-8 first"
        )
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    controls = len(_CONTROLS.findall(text, 0, 10000))
    if controls > max(8, len(text[:10000]) // 100):
        raise InputError(f"{location}: binary content (control characters), not text")
    if not text.strip():
        raise InputError(f"{location}: empty input")
    return text


def _decode(data: bytes, charset: str | None) -> str | None:
    """Try UTF-8 (with BOMs), then the declared charset; None when neither fits."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if charset and charset.lower().replace("_", "-") not in {"utf-8", "utf8"}:
        try:
            return data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            return None
    return None
