"""Builders of the hostile input corpus, written into a test's tmp_path at run time."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "summarizer" / "data" / "sample"
LANGUAGES = REPO / "tests" / "data" / "languages"

HUGE_BYTES = 50 * 1024 * 1024
HTML_TITLE = (
    '<b>bold</b> & <a href="x">link</a> *star* _under_ `code` [md](http://x) '
    "<tg-spoiler>s</tg-spoiler> &amp; &lt;i&gt;"
)
TRAM = (
    "The city council voted on Tuesday to approve a new tram line through the harbour "
    "district after a long debate about its cost. "
)
BRIDGE = (
    "Engineers closed the old stone bridge over the river on Friday after divers found cracks "
    "in two of its piers during a routine inspection. "
)
TRAM_MORE = (
    "Councillors said the first trams would run in the spring of next year, with "
    "construction starting in the autumn and the depot opening first. "
)


@dataclass(frozen=True, slots=True)
class Case:
    """One input of the corpus: its file name and what must happen to it.

    Attributes:
        name: file name inside the corpus folder.
        error: a fragment of the one-line error it must get; None when it must be stored.
    """

    name: str
    error: str | None


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", TRAM * 20)
    return buffer.getvalue()


def _billion_laughs() -> str:
    entities = ['<!ENTITY lol0 "lol">']
    for level in range(1, 10):
        entities.append(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">')
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n'
        + "\n".join(entities)
        + '\n]>\n<rss version="2.0"><channel><title>Laughs</title><item><title>&lol9;</title>'
        "<description>&lol9;</description></item></channel></rss>\n"
    )


def _xxe(target: Path) -> str:
    return (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{target}">]>\n'
        '<rss version="2.0"><channel><title>XXE</title><item><title>&xxe;</title>'
        "<description>Leaked: &xxe;</description></item></channel></rss>\n"
    )


def _write_huge(path: Path) -> None:
    line = (TRAM * 8 + "\n").encode()
    block = line * (1024 * 1024 // len(line) + 1)
    with path.open("wb") as handle:
        while handle.tell() < HUGE_BYTES:
            handle.write(block)


def write_corpus(folder: Path) -> list[Case]:
    """Write every hostile input, and two good articles, into a folder.

    Args:
        folder: an empty folder (created when missing).

    Returns:
        The cases in name order; good ones have ``error`` None.
    """
    folder.mkdir(parents=True, exist_ok=True)
    secret = folder.parent / "secret.txt"
    secret.write_text("TOP-SECRET-FILE-CONTENT\n")
    texts: dict[str, str] = {
        "good-comet.txt": (SAMPLE / "2026-03-11_meridian-daily_comet-discovered.txt").read_text(),
        "good-cup.txt": (SAMPLE / "2026-03-14_kelmar-herald_rovers-win-cup.txt").read_text(),
        "html-title.txt": f"{HTML_TITLE}\n\n{TRAM * 3}\n\n{TRAM_MORE * 2}\n",
        "nested.html": "<html><body>"
        + "<div>" * 10_000
        + f"<p>{TRAM * 3}</p>"
        + "</div>" * 10_000
        + "</body></html>",
        "unclosed.html": "<html><head><title>Bridge closed</title></head><body><div>"
        f"<article><h1>Bridge closed</h1><p>{BRIDGE * 3}<p>{BRIDGE * 2}"
        "<p><b>bold <i>italic <a href='x'>link",
        "scripts-only.html": "<html><head><script>var a = 1;</script></head><body>"
        + "<script>document.write('x')</script><style>p { color: red }</style>" * 50
        + "</body></html>",
        "malformed.xml": '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
        "<item><title>a</item></channel>",
        "xxe.xml": _xxe(secret),
        "billion-laughs.rss": _billion_laughs(),
        "boilerplate.txt": (
            "Subscribe to our newsletter\nShare on Facebook\nAdvertisement\nSign in\n"
            "Cookie settings\nMost read\nRelated stories\n"
        )
        * 30,
        "greek.txt": "Τίτλος\n\n" + "Η συνάντηση έγινε στην πόλη την Τρίτη το πρωί. " * 10,
    }
    for language in ("ru", "uk", "zh"):
        texts[f"lang-{language}.txt"] = (LANGUAGES / f"{language}.txt").read_text(encoding="utf-8")
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    binaries: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.txt": b"  \n\n\t \n",
        "png.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "elf": b"\x7fELF\x02\x01\x01" + bytes(600),
        "zip.html": _zip_bytes(),
        "invalid-utf8.txt": b"Title\n\nSome text \xff\xfe\xfa here about the council.\n" * 5,
        "mixed-encodings.txt": (f"Tram line\n\n{TRAM}\n").encode()
        + "Un café à Paris près de la gare, où l'on parle du tramway.\n".encode("latin-1"),
    }
    for name, data in binaries.items():
        (folder / name).write_bytes(data)
    _write_huge(folder / "huge.txt")
    errors: dict[str, str | None] = {
        "good-comet.txt": None,
        "good-cup.txt": None,
        "html-title.txt": None,
        "unclosed.html": None,
        "lang-ru.txt": None,
        "lang-uk.txt": None,
        "lang-zh.txt": None,
        "nested.html": "no article text",
        "scripts-only.html": "no article text",
        "malformed.xml": "malformed XML",
        "xxe.xml": "refused feed",
        "billion-laughs.rss": "refused feed",
        "boilerplate.txt": "no article text",
        "greek.txt": None,  # every language is accepted (no Greek stemmer: words lower-cased)
        "empty.txt": "empty input",
        "blank.txt": "empty input",
        "png.txt": "binary",
        "elf": "binary",
        "zip.html": "binary",
        "invalid-utf8.txt": "no article text",  # decoded (not refused); one line repeated
        "mixed-encodings.txt": None,
        "huge.txt": "too large",
    }
    return [Case(name, errors[name]) for name in sorted(errors)]
