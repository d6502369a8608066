"""WikiRef story clustering: B-cubed F1 through the product, StoryLinker, TF-IDF baselines.

Run: `.venv/bin/python -m benchmarks.wikiref [--shared PATH] [--orders N]`. First row: the raw
files ingested through `BriefingService.ingest` into a fresh SQLite database at one time, each
event's story id (as `briefing events --json` shows it) the predicted cluster; an article the
product refuses counts as a cluster of its own. The other rows are components. The articles have
no dates, so time plays no part. Every article is treated as a one-article event whose
profile is built the way `EventIndex` builds it; document frequencies are taken over the whole set
first (as a running service has them from its history; no labels are used). The linker is
incremental, so the result depends on arrival order: it is scored over N seeded random orders
(file names carry the labels, so name order would flatter it). Further rows show the same linker
with document frequencies that grow as articles arrive, at neighbouring thresholds, and without
merging. Prints a Markdown table and writes benchmarks/results/wikiref.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import random
import re
import statistics
import tempfile
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

from summarizer.events.features import DocumentFrequencies, doc_features, stop_words, weigh
from summarizer.events.stories import (
    DEFAULT_MERGE_THRESHOLD,
    DEFAULT_THRESHOLD,
    StoryLinker,
)
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "wikiref.md"
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
INGESTED = datetime(2024, 1, 1, tzinfo=UTC)


def bcubed(predicted: Sequence[object], gold: Sequence[object]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold labels.

    Args:
        predicted: cluster id per item.
        gold: gold label per item.

    Returns:
        (precision, recall, F1), each averaged over items.
    """
    pairs = Counter(zip(predicted, gold, strict=True))
    pred_sizes = Counter(predicted)
    gold_sizes = Counter(gold)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        precision += pairs[(p, g)] / pred_sizes[p]
        recall += pairs[(p, g)] / gold_sizes[g]
    precision /= len(gold)
    recall /= len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def load(shared: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """Read the articles (title = first line) and their story labels, in file-name order."""
    folder = shared / "eval" / "wikiref"
    labels: dict[str, str] = json.loads((folder / "labels.json").read_text())
    docs: list[tuple[str, str]] = []
    gold: list[str] = []
    for name in sorted(labels):
        lines = (folder / "articles" / name).read_text(errors="replace").splitlines()
        docs.append((lines[0].strip() if lines else "", "\n".join(lines[1:])))
        gold.append(labels[name])
    return docs, gold


def linker_clusters(
    docs: Sequence[tuple[str, str]],
    order: Sequence[int],
    *,
    warm: bool = True,
    threshold: float = DEFAULT_THRESHOLD,
    merge_threshold: float = DEFAULT_MERGE_THRESHOLD,
) -> list[int]:
    """Cluster with StoryLinker (no time), feeding articles in the given order.

    Args:
        docs: (title, body) pairs.
        order: arrival order (indices into docs).
        warm: take document frequencies over all articles first; otherwise they grow as
            articles arrive, as in a service that has just started.
        threshold: the linker's join threshold.
        merge_threshold: the linker's merge threshold.

    Returns:
        The story key of each article.
    """
    counts = [doc_features(title, body) for title, body in docs]
    frequencies = DocumentFrequencies()
    if warm:
        for c in counts:
            frequencies.observe(c)
    linker = StoryLinker(threshold=threshold, merge_threshold=merge_threshold)
    for i in order:
        if not warm:
            frequencies.observe(counts[i])
        linker.link(i, weigh(counts[i], frequencies))
    return [linker.story_of(i) or 0 for i in range(len(docs))]


def product_clusters(shared: Path) -> tuple[list[str], int]:
    """Ingest the raw files into a fresh database; return each file's story and the refusals.

    Returns:
        (story per file in file-name order, as "story N" or "refused NAME"; refused count).
    """
    folder = shared / "eval" / "wikiref"
    names = sorted(json.loads((folder / "labels.json").read_text()))
    with tempfile.TemporaryDirectory(prefix="wikiref-") as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'wikiref.db'}")
        try:
            create_schema(engine)
            service = BriefingService(engine)
            report = service.ingest([str(folder / "articles" / n) for n in names], now=INGESTED)
            story_of: dict[str, str] = {}
            for event in service.top_events(limit=len(names), now=INGESTED):
                for article in event.articles:
                    story_of[Path(article.location).name] = f"story {event.story_id}"
        finally:
            engine.dispose()
    return [story_of.get(n, f"refused {n}") for n in names], report.failed


def linker_scores(
    docs: Sequence[tuple[str, str]], gold: Sequence[str], orders: int, **options: Any
) -> tuple[tuple[float, float, float], float, float]:
    """Mean B-cubed (P, R, F1) over seeded random orders, with the lowest and highest F1."""
    scores = []
    for seed in range(orders):
        order = list(range(len(docs)))
        random.Random(seed).shuffle(order)
        scores.append(bcubed(linker_clusters(docs, order, **options), gold))
    f1s = [s[2] for s in scores]
    mean = tuple(statistics.fmean(s[i] for s in scores) for i in range(3))
    return (mean[0], mean[1], mean[2]), min(f1s), max(f1s)


def tfidf_matrix(texts: Sequence[str]) -> np.ndarray:
    """TF-IDF as scikit-learn's default with English stop words and sublinear TF, L2 rows."""
    stops = stop_words("en")
    tokenised = [Counter(w for w in _TOKEN.findall(t.lower()) if w not in stops) for t in texts]
    vocabulary = {w: i for i, w in enumerate(sorted(set().union(*tokenised)))}
    df = Counter(w for counts in tokenised for w in counts)
    n = len(texts)
    matrix = np.zeros((n, len(vocabulary)))
    for row, counts in enumerate(tokenised):
        for word, count in counts.items():
            matrix[row, vocabulary[word]] = (1 + math.log(count)) * (
                math.log((1 + n) / (1 + df[word])) + 1
            )
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def average_link(texts: Sequence[str], *, k: int | None = None, distance: float = 0.8) -> list[int]:
    """TF-IDF + average-linkage (cosine) clusters, cut at k clusters or at a distance."""
    tree = linkage(tfidf_matrix(texts), method="average", metric="cosine")
    if k is not None:
        return [int(x) for x in fcluster(tree, k, criterion="maxclust")]
    return [int(x) for x in fcluster(tree, distance, criterion="distance")]


def run(shared: Path, orders: int) -> str:
    """Score every method and return the Markdown table."""
    docs, gold = load(shared)
    texts = [f"{title}\n{body}" for title, body in docs]
    rows: list[tuple[str, tuple[float, float, float], str]] = []
    predicted, refused = product_clusters(shared)
    rows.append(
        (
            "Product: `ingest` of the raw files, story of each event",
            bcubed(predicted, gold),
            f"{refused} files refused (each its own cluster)",
        )
    )
    mean, low, high = linker_scores(docs, gold, orders)
    rows.append(
        (
            f"StoryLinker (incremental, no k, mean of {orders} random orders)",
            mean,
            f"F1 min {low:.3f}, max {high:.3f}",
        )
    )
    mean, low, high = linker_scores(docs, gold, orders, warm=False)
    rows.append(
        ("StoryLinker, document frequencies from the arrivals so far", mean, f"F1 min {low:.3f}")
    )
    for threshold, merge in ((0.10, 0.20), (0.14, 0.25), (0.12, 1.01)):
        mean, low, _ = linker_scores(docs, gold, orders, threshold=threshold, merge_threshold=merge)
        note = "no merging" if merge > 1 else "sensitivity"
        rows.append(
            (f"StoryLinker, threshold {threshold}, merge {merge}", mean, f"{note}; min {low:.3f}")
        )
    k = len(set(gold))
    rows.append(("TF-IDF + average link, told k", bcubed(average_link(texts, k=k), gold), f"k={k}"))
    rows.append(
        (
            "TF-IDF + average link, cosine distance 0.8",
            bcubed(average_link(texts, distance=0.8), gold),
            "",
        )
    )
    lines = [
        f"# WikiRef story clustering ({len(docs)} articles, {k} stories; B-cubed)",
        "",
        "| method | precision | recall | F1 | note |",
        "|---|---|---|---|---|",
    ]
    for name, (p, r, f), note in rows:
        lines.append(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {note} |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark, print the table and save it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--shared",
        type=Path,
        default=Path(os.environ.get("BRIEFING_SHARED_DIR", REPO.parent / "shared")),
    )
    parser.add_argument("--orders", type=int, default=10, help="random arrival orders to average")
    args = parser.parse_args(argv)
    table = run(args.shared, args.orders)
    print(table)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(table)


if __name__ == "__main__":
    main()
