"""Decoding refuses bad bytes with a clear message; date cues are found in headers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from summarizer.errors import InputError
from summarizer.ingest.dates import find_published
from summarizer.ingest.decode import decode_bytes


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "empty input"),
        (b"   \n\t ", "empty input"),
        (b"%PDF-1.7 binary", "binary file"),
        (b"\x89PNG\r\n\x1a\n....", "binary file"),
        (b"abc\x00def", "binary file"),
        (b"\xff\xfeT\x00e\x00\x00\xd8x\x00", "not valid utf-16-le despite its byte-order mark"),
        (b"x" * 101, "too large"),
    ],
)
def test_bad_bytes_are_refused_naming_the_input(data: bytes, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, location="in/put.txt", max_bytes=100)
    assert "in/put.txt" in str(caught.value)
    assert expected in str(caught.value)


def test_declared_charset_is_used() -> None:
    assert decode_bytes(b"caf\xe9", location="x", charset="latin-1") == "café"


def test_bom_and_crlf_are_normalised() -> None:
    assert decode_bytes(b"\xef\xbb\xbfTitle\r\nBody\r\n", location="x") == "Title\nBody\n"


def test_utf16_with_bom_decodes() -> None:
    assert decode_bytes("Привет мир".encode("utf-16"), location="x") == "Привет мир"


NOW = datetime(2026, 11, 23, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected", "guessed"),
    [
        ("Title\n\nUpdated: 2015-05-13 09:31\n\nBody.", datetime(2015, 5, 13, 9, 31), False),
        (
            "Title\nPublished March 14, 2026 at 9:31 p.m.\nBody",
            datetime(2026, 3, 14, 21, 31),
            False,
        ),
        ("Title\n14 March 2026\nBody", datetime(2026, 3, 14), False),
        ("MOSCOW, September 3 (RIA Novosti) - Talks.", datetime(2026, 9, 3), True),
        ("VESBURG, Dec. 24 (Northwire) - Late news.", datetime(2025, 12, 24), True),
    ],
)
def test_date_cues(text: str, expected: datetime, guessed: bool) -> None:
    cue = find_published(text, now=NOW)
    assert cue is not None
    assert cue.when == expected.replace(tzinfo=UTC)
    assert cue.year_guessed is guessed


def test_no_cue_gives_none() -> None:
    assert find_published("A title\nA body without any date at all.", now=NOW) is None
