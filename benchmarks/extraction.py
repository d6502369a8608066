"""Extraction benchmark: shingle F1 of HTML extraction and plain-text cleaning on the dev set.

Run: `.venv/bin/python -m benchmarks.extraction [--shared PATH]`. The product rows hand the page
files as they are stored to `briefing article --json` and score the body it prints (a page it
refuses scores 0 and is counted); the component rows below them call the cleaners on text the
benchmark read itself, beside the baselines. It prints a Markdown table and writes it to
benchmarks/results/extraction.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "extraction.md"
_WORD = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Return the multiset of n-token shingles of lower-cased `\\w+` tokens.

    Args:
        text: any text.
        n: shingle length in tokens.

    Returns:
        A Counter of token tuples; a text shorter than n tokens gives one shorter shingle.
    """
    tokens = _WORD.findall(text.lower())
    if 0 < len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def precision_recall(predicted: str, true: str) -> tuple[float, float]:
    """Return shingle precision and recall of one document.

    Args:
        predicted: extracted text.
        true: ground-truth article body.

    Returns:
        (matched / predicted shingles, matched / true shingles); an empty side scores 0,
        and two empty sides score 1.
    """
    pred, gold = shingles(predicted), shingles(true)
    n_pred, n_gold = sum(pred.values()), sum(gold.values())
    if n_pred == 0 and n_gold == 0:
        return 1.0, 1.0
    matched = sum((pred & gold).values())
    precision = matched / n_pred if n_pred else 0.0
    recall = matched / n_gold if n_gold else 0.0
    return precision, recall


@dataclass(frozen=True, slots=True)
class Score:
    """Macro-averaged precision and recall over documents, and F1 of the two averages."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """Harmonic mean of the averaged precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def shingle_score(pairs: Iterable[tuple[str, str]]) -> Score:
    """Score (predicted, true) pairs as the article-extraction benchmark does.

    Args:
        pairs: one (predicted text, true body) pair per document.

    Returns:
        The macro-averaged Score; Score(0, 0) for no documents.
    """
    results = [precision_recall(p, t) for p, t in pairs]
    if not results:
        return Score(0.0, 0.0)
    return Score(
        sum(p for p, _ in results) / len(results), sum(r for _, r in results) / len(results)
    )


@dataclass(frozen=True, slots=True)
class Page:
    """One dev page: its id, HTML, plain-text rendering and true article body."""

    key: str
    html: str
    text: str
    body: str


def default_shared() -> Path:
    """Return BRIEFING_SHARED_DIR or ../shared beside the repository."""
    return Path(os.environ.get("BRIEFING_SHARED_DIR", REPO.parent / "shared"))


def load_pages(shared: Path) -> list[Page]:
    """Read the extraction dev set from `shared/eval/extraction`.

    Args:
        shared: the shared data folder.

    Returns:
        The pages, sorted by id.
    """
    root = shared / "eval" / "extraction"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        Page(
            key=key,
            html=(root / "html" / f"{key}.html").read_text(encoding="utf-8", errors="replace"),
            text=(root / "text" / f"{key}.txt").read_text(encoding="utf-8"),
            body=truth[key]["articleBody"],
        )
        for key in sorted(truth)
    ]


def _ours_text(page: Page) -> str:
    from summarizer.clean.text import clean_plain_text

    return "\n\n".join(clean_plain_text(page.text).paragraphs)


def _ours_html(page: Page) -> str:
    from summarizer.clean.html import extract_html
    from summarizer.errors import ExtractionError

    try:
        return "\n\n".join(extract_html(page.html).paragraphs)
    except ExtractionError:
        return ""


def _trafilatura(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page.html) or ""


def _justext_lines(page: Page) -> str:
    import justext

    html = "".join(f"<p>{_escape(line)}</p>" for line in page.text.splitlines() if line.strip())
    paragraphs = justext.justext(html, justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _escape(line: str) -> str:
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _has_justext() -> bool:
    try:
        import justext  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class Row:
    """One table row: a system, its input, its score, its time per page and refused pages."""

    system: str
    input: str
    score: Score
    ms_per_page: float
    refused: int = 0


def run_product(name: str, kind: str, files: Sequence[Path], pages: Sequence[Page]) -> Row:
    """Score `briefing article --json` over the page files as stored (the product path).

    Args:
        name: system name for the table.
        kind: "HTML" or "plain text".
        files: one file per page, in the order of `pages`.
        pages: the dev pages (only their true bodies are read).

    Returns:
        The table row; a page the command refused or printed nothing for scores 0.
    """
    from benchmarks.product import articles_by_location

    start = time.perf_counter()
    found, result = articles_by_location(files)
    elapsed = time.perf_counter() - start
    if result.tracebacks:
        logger.warning("%s: %d tracebacks\n%s", name, result.tracebacks, result.stderr[-2000:])
    outputs = [str(found.get(str(path), {}).get("body", "")) for path in files]
    refused = sum(1 for path in files if str(path) not in found)
    score = shingle_score(zip(outputs, (p.body for p in pages), strict=True))
    return Row(name, kind, score, 1000 * elapsed / max(len(pages), 1), refused)


def run_system(name: str, kind: str, extract: Callable[[Page], str], pages: Sequence[Page]) -> Row:
    """Run one extractor over the pages and score it against the true bodies.

    Args:
        name: system name for the table.
        kind: "HTML" or "plain text".
        extract: page -> extracted body.
        pages: the dev pages.

    Returns:
        The table row.
    """
    start = time.perf_counter()
    outputs = [extract(page) for page in pages]
    elapsed = time.perf_counter() - start
    score = shingle_score(zip(outputs, (p.body for p in pages), strict=True))
    return Row(name, kind, score, 1000 * elapsed / max(len(pages), 1))


def render(rows: Sequence[Row], n_pages: int) -> str:
    """Render the rows as a Markdown table with a one-line header."""
    lines = [
        f"# Extraction benchmark ({n_pages} dev pages, token-4-shingle F1, macro P/R)",
        "",
        "| system | input | precision | recall | F1 | pages refused | ms/page |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {r.system} | {r.input} | {r.score.precision:.3f} | {r.score.recall:.3f} "
        f"| {r.score.f1:.3f} | {r.refused} | {r.ms_per_page:.1f} |"
        for r in rows
    ]
    lines += [
        "",
        "Plain-text systems read `eval/extraction/text/*.txt`, HTML ones `eval/extraction/html/"
        "*.html`; each output's body (title excluded) is scored against `articleBody`. "
        "**Product** rows give the files as stored to `briefing article --json` (decoding, "
        "language, dates and cleaning all done by the product; ms/page includes the command's "
        "start-up); *component* rows call one cleaner on text the benchmark decoded itself, "
        "beside the baselines. trafilatura defaults include comments; extract_html leaves them "
        "out and favours precision. ms/page is wall time on a shared machine.",
        "Command: `.venv/bin/python -m benchmarks.extraction`",
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    """Run every system on the dev set, print the table and save it."""
    parser = argparse.ArgumentParser(description="Score article extraction on the dev set.")
    parser.add_argument("--shared", type=Path, default=None, help="shared data folder")
    parser.add_argument("--no-save", action="store_true", help="print only")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    shared = args.shared or default_shared()
    pages = load_pages(shared)
    root = shared / "eval" / "extraction"
    rows = [
        run_product(
            "**product**: `briefing article --json` on the .html files",
            "HTML",
            [root / "html" / f"{p.key}.html" for p in pages],
            pages,
        ),
        run_product(
            "**product**: `briefing article --json` on the .txt files",
            "plain text",
            [root / "text" / f"{p.key}.txt" for p in pages],
            pages,
        ),
    ]
    systems: list[tuple[str, str, Callable[[Page], str]]] = [
        ("text as given", "plain text", lambda p: p.text),
        ("trafilatura.extract (defaults)", "HTML", _trafilatura),
        ("component: summarizer.clean.html.extract_html", "HTML", _ours_html),
        ("component: summarizer.clean.text.clean_plain_text", "plain text", _ours_text),
    ]
    if _has_justext():
        systems.insert(1, ("jusText 3 over lines (English stoplist)", "plain text", _justext_lines))
    rows += [run_system(name, kind, fn, pages) for name, kind, fn in systems]
    table = render(rows, len(pages))
    print(table)
    if not args.no_save:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
