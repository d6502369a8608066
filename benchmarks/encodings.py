"""Encoding detection on real text: charset-normalizer and chardet beside the product's decoder.

Run: `.venv/bin/python -m benchmarks.encodings [--shared PATH]`. Component figures (bytes in, text
out; no article pipeline). Samples: every WikiRef article as given (mostly Windows-1252 without a
declared charset; the truth is UTF-8 where the bytes are valid UTF-8, else Windows-1252), and real
text re-encoded without a BOM or a declaration into the legacy encodings a news archive holds:
Russian news texts of ../shared/eval/eventpairs into cp1251, koi8-r and UTF-16; the Korean page of
../shared/eval/extraction into euc-kr and UTF-16, its Brazilian page into latin-1; the team's
Chinese, Japanese, Russian and Ukrainian samples (tests/data/languages) into gb18030, shift_jis,
euc-jp, UTF-16, cp1251, koi8-r and koi8-u. Each re-encoded text counts twice: whole, and its
first 300 characters (short texts are harder). A sample counts as right when the decoded text
equals the original exactly. Prints a Markdown table and writes benchmarks/results/encodings.md.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import chardet
import charset_normalizer

from summarizer.errors import InputError
from summarizer.ingest.decode import decode_bytes

REPO = Path(__file__).resolve().parents[1]
LANGUAGES = REPO / "tests" / "data" / "languages"
SHORT = 300
TITLE = "Encoding detection on real samples (WikiRef as given; real text re-encoded, no BOM)"

Sample = tuple[str, str, bytes, str]  # (group, name, bytes, truth)


def _visible_text(html: str) -> str:
    """The visible text of a page (scripts and styles dropped), one block per line."""
    import lxml.html

    root = lxml.html.fromstring(html)
    for node in root.xpath("//script|//style|//noscript"):
        node.drop_tree()
    lines = (" ".join(t.split()) for t in root.itertext())
    return "\n".join(line for line in lines if line)


def _fits(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _reencoded(group: str, name: str, text: str, encoding: str) -> list[Sample]:
    samples = []
    for label, part in (("whole", text), ("short", text[:SHORT])):
        try:
            data = part.encode(encoding)
        except UnicodeEncodeError:
            continue
        samples.append((f"{group} {encoding}", f"{name}:{label}", data, part))
    return samples


def samples(shared: Path) -> list[Sample]:
    """Every sample with its truth."""
    found: list[Sample] = []
    wikiref = sorted((shared / "eval" / "wikiref" / "articles").iterdir())
    for path in wikiref:
        data = path.read_bytes()
        try:
            truth, kind = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            truth, kind = data.decode("cp1252"), "cp1252"
        found.append((f"wikiref as given ({kind})", path.name, data, truth))
    with (shared / "eval" / "eventpairs" / "ru_train_pool.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for index, row in enumerate(rows[:10]):
        text = row["INPUT:first_text"]
        for encoding in ("cp1251", "koi8-r", "utf-16-le", "utf-16-be"):
            found += _reencoded("ru", f"eventpairs#{index}", text, encoding)
    for page in sorted((shared / "eval" / "extraction" / "html").glob("*.html")):
        html = page.read_text(encoding="utf-8")
        if 'lang="ko"' in html[:2000]:
            text = _visible_text(html)
            found += _reencoded("ko", page.name[:8], text, "euc-kr")
            found += _reencoded("ko", page.name[:8], text, "utf-16-le")
        if 'lang="pt-BR"' in html[:2000]:
            lines = [line for line in _visible_text(html).splitlines() if _fits(line, "latin-1")]
            found += _reencoded("pt", page.name[:8], "\n".join(lines), "latin-1")
    for name, encodings in (
        ("zh.txt", ("gb18030", "utf-16-le")),
        ("ja.txt", ("shift_jis", "euc-jp", "utf-16-le")),
        ("uk.txt", ("cp1251", "koi8-u")),
        ("ru.txt", ("cp1251", "koi8-r")),
    ):
        text = (LANGUAGES / name).read_text(encoding="utf-8")
        for encoding in encodings:
            found += _reencoded(name[:2], name, text, encoding)
    return found


def _normalizer(data: bytes) -> str | None:
    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else str(best)


def _chardet(data: bytes) -> str | None:
    encoding = chardet.detect(data)["encoding"]
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _product(data: bytes) -> str | None:
    try:
        return decode_bytes(data, location="sample")
    except InputError:
        return None


METHODS: dict[str, Callable[[bytes], str | None]] = {
    "charset-normalizer 3 (best())": _normalizer,
    "chardet 7 (detect())": _chardet,
    "product: decode_bytes": _product,
}


def _same(decoded: str | None, truth: str) -> bool:
    if decoded is None:
        return False
    clean = re.compile(r"\r\n?")
    return clean.sub("\n", decoded.lstrip("\ufeff")) == clean.sub("\n", truth.lstrip("\ufeff"))


def main(argv: list[str] | None = None) -> int:
    """Score every method on every sample and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(os.environ.get("BRIEFING_SHARED_DIR", REPO.parent / "shared"))
    parser.add_argument("--shared", type=Path, default=default)
    args = parser.parse_args(argv)
    found = samples(args.shared)
    groups = sorted({group for group, *_ in found})
    totals = Counter(group for group, *_ in found)
    header = "| samples | n | " + " | ".join(METHODS) + " |"
    lines = [header, "|" + "---|" * (len(METHODS) + 2)]
    right: dict[str, Counter[str]] = {name: Counter() for name in METHODS}
    seconds: dict[str, float] = {}
    misses: dict[str, list[str]] = {name: [] for name in METHODS}
    for name, method in METHODS.items():
        started = time.perf_counter()
        for group, sample, data, truth in found:
            if _same(method(data), truth):
                right[name][group] += 1
            else:
                misses[name].append(f"{group} {sample}")
        seconds[name] = time.perf_counter() - started
    for group in groups:
        cells = " | ".join(f"{right[name][group]}" for name in METHODS)
        lines.append(f"| {group} | {totals[group]} | {cells} |")
    total = len(found)
    cells = " | ".join(f"**{sum(right[name].values())}/{total}**" for name in METHODS)
    lines.append(f"| all | {total} | {cells} |")
    cells = " | ".join(f"{seconds[name]:.2f} s" for name in METHODS)
    lines.append(f"| time for all samples | | {cells} |")
    table = "\n".join(lines)
    print(table)
    for name in METHODS:
        if misses[name]:
            print(f"\n{name} wrong on: " + ", ".join(misses[name][:40]), file=sys.stderr)
    out = REPO / "benchmarks" / "results" / "encodings.md"
    note = (
        "Component figures: bytes in, text out (no article pipeline). A sample is right when the "
        "decoded text equals the original exactly; re-encoded texts count whole and cut to their "
        f"first {SHORT} characters. Time is wall time for all samples on a shared machine."
    )
    out.write_text(f"# {TITLE}\n\n{table}\n\n{note}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
