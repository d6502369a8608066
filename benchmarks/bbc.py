"""BBC News Summary benchmark: ROUGE F1 of per-article extractive summaries of K sentences.

Run: `.venv/bin/python -m benchmarks.bbc [--shared PATH] [--limit N]`. K is the number of the
article's sentences (as summarizer.text.sentences splits them) that occur in the reference, which
joins its sentences without spaces. The product row hands the article files as stored to
`briefing article --json --sentences K` (one command per K) and scores the summary it prints;
the component rows call the summarisers on the body the benchmark split itself. It prints a
Markdown table and, on a full run, writes it to benchmarks/results/bbc.md.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import re
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rouge_score import rouge_scorer

from summarizer.summarize.article import summarize_article
from summarizer.summarize.methods import rank_order
from summarizer.text.sentences import split_sentences

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "bbc.md"
METRICS = ("rouge1", "rouge2", "rougeLsum")

Summarizer = Callable[["Pair"], Sequence[str]]


@dataclass(frozen=True, slots=True)
class Pair:
    """One dev article with its reference summary."""

    path: Path
    name: str
    title: str
    body: str
    sentences: tuple[str, ...]
    reference_lines: tuple[str, ...]
    k: int


@dataclass(frozen=True, slots=True)
class Row:
    """Mean ROUGE F1 (percent) of one system and its mean time per article."""

    system: str
    rouge1: float
    rouge2: float
    rouge_lsum: float
    ms_per_article: float


def default_shared() -> Path:
    """Return BRIEFING_SHARED_DIR or ../shared beside the repository."""
    return Path(os.environ.get("BRIEFING_SHARED_DIR", REPO.parent / "shared"))


def reference_lines(sentences: Sequence[str], reference: str) -> tuple[tuple[str, ...], int]:
    """Split a reference (sentences joined without spaces) into lines at the article's sentences.

    Args:
        sentences: the article's sentences.
        reference: the reference summary text.

    Returns:
        The reference cut into lines (article sentences found in it and the text between them),
        and K, the number of distinct article sentences found (at least 1).
    """
    found = {s for s in sentences if s in reference}
    spans = sorted(
        (match.start(), match.end())
        for sentence in found
        for match in re.finditer(re.escape(sentence), reference)
    )
    lines: list[str] = []
    position = 0
    for start, end in spans:
        if start < position:  # a sentence that is part of a longer one already cut
            continue
        lines.append(reference[position:start])
        lines.append(reference[start:end])
        position = end
    lines.append(reference[position:])
    return tuple(line.strip() for line in lines if line.strip()), max(len(found), 1)


def load_pairs(shared: Path, limit: int | None = None) -> list[Pair]:
    """Read the BBC dev pairs from `shared/eval/bbc`.

    Args:
        shared: the shared data folder.
        limit: read only the first N pairs (sorted by file name).

    Returns:
        The pairs, sorted by file name.
    """
    root = shared / "eval" / "bbc"
    pairs: list[Pair] = []
    for path in sorted((root / "articles").iterdir())[:limit]:
        raw = path.read_text(encoding="utf-8", errors="replace")
        title, _, body = raw.partition("\n")
        reference = (root / "summaries" / path.name).read_text(encoding="utf-8", errors="replace")
        sentences = tuple(split_sentences(body))
        lines, k = reference_lines(sentences, reference)
        pairs.append(Pair(path, path.name, title.strip(), body, sentences, lines, k))
    return pairs


def _top_k(method: str, k: int | None = None) -> Summarizer:
    """Return a summarizer taking a method's K (or k) best-ranked sentences, in article order."""

    def summarize(pair: Pair) -> Sequence[str]:
        best = sorted(rank_order(method, pair.sentences, title=pair.title)[: k or pair.k])
        return [pair.sentences[i] for i in best]

    return summarize


def _briefing(pair: Pair) -> Sequence[str]:
    """Summarise with summarize_article's default method and all its guarantees."""
    return summarize_article(pair.title, pair.body, sentences=pair.k)


def _briefing_default_length(pair: Pair) -> Sequence[str]:
    """Summarise with summarize_article's defaults: default method, 3 sentences."""
    return summarize_article(pair.title, pair.body)


def product_summaries(pairs: Sequence[Pair]) -> tuple[dict[str, Sequence[str]], int]:
    """Summaries printed by `briefing article --json --sentences K` for the files as stored.

    Returns:
        The summary per file name (absent when the command printed nothing for a file) and the
        tracebacks printed.
    """
    from benchmarks.product import articles_by_location

    by_k: dict[int, list[Pair]] = {}
    for pair in pairs:
        by_k.setdefault(pair.k, []).append(pair)
    summaries: dict[str, Sequence[str]] = {}
    tracebacks = 0
    for k, group in sorted(by_k.items()):
        found, result = articles_by_location([p.path for p in group], "--sentences", str(k))
        tracebacks += result.tracebacks
        for pair in group:
            article = found.get(str(pair.path))
            if article is not None:
                summaries[pair.name] = list(article.get("summary", []))
    return summaries, tracebacks


def run_product(pairs: Sequence[Pair]) -> tuple[Row, int]:
    """The product row: `briefing article` summaries scored like the others.

    Returns:
        The row and the number of articles the command printed no summary for.
    """
    summaries, tracebacks = product_summaries(pairs)
    if tracebacks:
        logger.warning("briefing article printed %d tracebacks", tracebacks)
    row = run_system(
        "**product**: `briefing article --json --sentences K` on the files",
        lambda pair: summaries.get(pair.name, ()),
        pairs,
    )
    missing = sum(1 for pair in pairs if pair.name not in summaries)
    # Not timed: one command per K, so start-up would dominate.
    return Row(row.system, row.rouge1, row.rouge2, row.rouge_lsum, math.nan), missing


def run_system(name: str, summarize: Summarizer, pairs: Sequence[Pair]) -> Row:
    """Summarise every pair with one system and average its ROUGE F1 scores.

    Args:
        name: the system's name in the table.
        summarize: pair -> chosen sentences.
        pairs: the dev pairs.

    Returns:
        The system's row.
    """
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    totals = dict.fromkeys(METRICS, 0.0)
    elapsed = 0.0
    for pair in pairs:
        start = time.perf_counter()
        summary = summarize(pair)
        elapsed += time.perf_counter() - start
        scores = scorer.score("\n".join(pair.reference_lines), "\n".join(summary))
        for metric in METRICS:
            totals[metric] += scores[metric].fmeasure
    count = max(len(pairs), 1)
    return Row(
        name,
        100 * totals["rouge1"] / count,
        100 * totals["rouge2"] / count,
        100 * totals["rougeLsum"] / count,
        1000 * elapsed / count,
    )


def render(rows: Sequence[Row], pairs: Sequence[Pair], missing: int = 0) -> str:
    """Render the rows as a Markdown table with a short header."""
    mean_k = statistics.mean(p.k for p in pairs) if pairs else 0.0
    mean_n = statistics.mean(len(p.sentences) for p in pairs) if pairs else 0.0
    lines = [
        "# BBC News Summary (dev), K = reference sentences",
        "",
        f"{len(pairs)} articles; mean K {mean_k:.2f} of {mean_n:.2f} sentences. ROUGE F1 in percent"
        " (rouge-score, Porter stemming; Lsum over one sentence per line). The **product** row"
        " gives the files as stored to `briefing article --json --sentences K` (title detection,"
        " cleaning and language done by the product; not timed: one command per K;"
        f" articles it printed no summary for: {missing}); *component* rows summarise the body"
        " the benchmark split itself (time: summarising only).",
        "",
        "| system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | ms / article |",
        "|---|---|---|---|---|",
    ]
    lines.extend(
        f"| {r.system} | {r.rouge1:.2f} | {r.rouge2:.2f} | {r.rouge_lsum:.2f} "
        f"| {'–' if math.isnan(r.ms_per_article) else f'{r.ms_per_article:.2f}'} |"
        for r in rows
    )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    """Run every system on the same dev pairs, print the table and save it after a full run."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=None, help="shared data folder")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pairs")
    parser.add_argument("--no-save", action="store_true", help="print only")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    pairs = load_pairs(args.shared or default_shared(), args.limit)
    product, missing = run_product(pairs)
    systems: list[tuple[str, Summarizer]] = [
        ("component: summarize_article(method='default')", _briefing),
        ("  its ranking alone (vectorised TextRank, top K)", _top_k("default")),
        ("sumy TextRank (offline tokenizer)", _top_k("textrank")),
        ("sumy LexRank (offline tokenizer)", _top_k("lexrank")),
        ("Lead-K", _top_k("lead")),
        ("component: summarize_article, 3 sentences (its defaults)", _briefing_default_length),
        ("sumy TextRank, 3 sentences", _top_k("textrank", 3)),
        ("Lead-3", _top_k("lead", 3)),
    ]
    rows = [product] + [run_system(name, summarize, pairs) for name, summarize in systems]
    table = render(rows, pairs, missing)
    print(table)
    if args.limit is None and not args.no_save:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
