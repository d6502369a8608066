"""WikiRef story clustering: B-cubed F1 of the product's stories beside component baselines.

Run: `.venv/bin/python -m benchmarks.wikiref [--shared PATH] [--orders N]`. The product rows hand
the raw article files (mostly Windows-1252, undeclared) to `briefing ingest` on a fresh SQLite
database, read `briefing events --json`, and take each file's story as its event's `story_id`; a
file that is not stored (or not listed) is a cluster of its own. File names carry the labels, so
besides name order (what `briefing ingest DIR` does) the files are given in seeded random orders.
Component rows follow: the articles have no dates; every article is treated as a one-article
event whose story profile is built the way `EventIndex` builds it (`features.story_counts`;
weights from the language's background table; document frequencies, taken over the whole set
first, only for languages without one). The linker is incremental, so the result depends on
arrival order: it is scored over N seeded random orders (file names carry the labels, so name
order would flatter it). Two product rows more take half of each story's files (alternately, in
name order) as a second split.
Further rows show the same linker with document frequencies that grow as articles arrive (for the
few pages in a language without a table), at neighbouring thresholds, and without merging.
Prints a Markdown table and writes benchmarks/results/wikiref.md.
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
from pathlib import Path
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

from benchmarks import product
from benchmarks.product import bcubed
from summarizer.events.features import (
    DocumentFrequencies,
    article_features,
    story_counts,
    weigh,
)
from summarizer.events.stories import (
    DEFAULT_MERGE_THRESHOLD,
    DEFAULT_THRESHOLD,
    StoryLinker,
)
from summarizer.text.language import detect_language, stop_words

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "wikiref.md"
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


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
    languages = [detect_language(body) or "en" for _, body in docs]
    counts = [  # as EventIndex builds a story profile: names counted as their full names
        story_counts(article_features(title, body, language), language)
        for (title, body), language in zip(docs, languages, strict=True)
    ]
    frequencies = DocumentFrequencies()
    if warm:
        for c in counts:
            frequencies.observe(c)
    linker = StoryLinker(threshold=threshold, merge_threshold=merge_threshold)
    for i in order:
        if not warm:
            frequencies.observe(counts[i])
        # as EventIndex weighs: the language's background table, or the frequencies
        linker.link(i, weigh(counts[i], frequencies, language=languages[i]))
    return [linker.story_of(i) or 0 for i in range(len(docs))]


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


def product_clusters(files: Sequence[Path], order: Sequence[int]) -> tuple[list[object], int, int]:
    """Stories the product gives the files: ingest in `order`, then `events --json`.

    Returns:
        The story of each file (a unique placeholder for a file not stored), how many files
        were stored, and the tracebacks printed.
    """
    with tempfile.TemporaryDirectory() as tmp:
        db = product.sqlite_url(Path(tmp) / "wikiref.db")
        _, ingested = product.ingest([files[i] for i in order], db)
        where = product.event_of_location(product.events(db))
    clusters: list[object] = []
    stored = 0
    for path in files:
        event = where.get(str(path))
        if event is None:
            clusters.append(f"missing:{path.name}")
        else:
            stored += 1
            clusters.append(event.get("story_id") or f"event:{event.get('id')}")
    return clusters, stored, ingested.tracebacks


def product_rows(
    shared: Path, gold: Sequence[str], orders: int
) -> list[tuple[str, tuple[float, float, float], str]]:
    """The product's B-cubed in name order and mean over seeded random orders."""
    folder = shared / "eval" / "wikiref" / "articles"
    labels: dict[str, str] = json.loads((shared / "eval" / "wikiref" / "labels.json").read_text())
    files = [folder / name for name in sorted(labels)]
    rows = []
    clusters, stored, tracebacks = product_clusters(files, range(len(files)))
    note = f"{stored}/{len(files)} files in events; {tracebacks} tracebacks"
    name = "**product**: `ingest` + `events --json`, name order"
    rows.append((name, bcubed(clusters, gold), note))
    scores, stored_min = [], len(files)
    for seed in range(orders):
        order = list(range(len(files)))
        random.Random(seed).shuffle(order)
        clusters, stored, _ = product_clusters(files, order)
        scores.append(bcubed(clusters, gold))
        stored_min = min(stored_min, stored)
    if scores:
        mean = tuple(statistics.fmean(s[i] for s in scores) for i in range(3))
        f1s = [s[2] for s in scores]
        rows.append(
            (
                f"**product**, mean of {orders} random orders",
                (mean[0], mean[1], mean[2]),
                f"F1 min {min(f1s):.3f}, max {max(f1s):.3f}; at least {stored_min} files stored",
            )
        )
    labels_of = dict(zip(files, gold, strict=True))
    for half, chosen in enumerate(halves(files, gold), 1):
        truth = [labels_of[path] for path in chosen]
        clusters, stored, _ = product_clusters(chosen, range(len(chosen)))
        name_order = bcubed(clusters, truth)
        f1s = []
        for seed in range(orders):
            order = list(range(len(chosen)))
            random.Random(seed).shuffle(order)
            f1s.append(bcubed(product_clusters(chosen, order)[0], truth)[2])
        means = f"; mean F1 of {orders} random orders {statistics.fmean(f1s):.3f}" if f1s else ""
        rows.append(
            (
                f"**product**, half {half} of each story's files (a second split), name order",
                name_order,
                f"{stored}/{len(chosen)} files in events{means}",
            )
        )
    return rows


def halves(files: Sequence[Path], gold: Sequence[str]) -> tuple[list[Path], list[Path]]:
    """Each story's files in name order dealt alternately into two halves (every story in both
    when it has two files or more): a second split on which a rule chosen on the whole set is
    checked."""
    dealt: tuple[list[Path], list[Path]] = ([], [])
    seen: Counter[str] = Counter()
    for path, label in sorted(zip(files, gold, strict=True)):
        dealt[seen[label] % 2].append(path)
        seen[label] += 1
    return dealt


def story_listing(shared: Path) -> str:
    """The product's stories in name order, on the whole set and on each half: each story's
    files by gold label, mixed stories first (to see which threads merge, and which split)."""
    folder = shared / "eval" / "wikiref" / "articles"
    labels: dict[str, str] = json.loads((shared / "eval" / "wikiref" / "labels.json").read_text())
    files = [folder / name for name in sorted(labels)]
    gold = [labels[path.name] for path in files]
    lines = []
    sets = [("all files", files), *zip(("half 1", "half 2"), halves(files, gold), strict=True)]
    for title, chosen in sets:
        clusters, _, _ = product_clusters(chosen, range(len(chosen)))
        members: dict[object, list[str]] = {}
        for path, story in zip(chosen, clusters, strict=True):
            members.setdefault(story, []).append(path.name)
        lines.append(f"## {title}: {len(members)} stories")
        for story, names in sorted(
            members.items(), key=lambda kv: (-len({labels[n] for n in kv[1]}), -len(kv[1]))
        ):
            by_label = Counter(labels[name] for name in names)
            shown = ", ".join(f"{label} {count}" for label, count in by_label.most_common())
            lines.append(f"- story {story}: {shown}: {' '.join(names)}")
    return "\n".join(lines) + "\n"


def run(shared: Path, orders: int, product_orders: int = 3) -> str:
    """Score every method and return the Markdown table."""
    docs, gold = load(shared)
    texts = [f"{title}\n{body}" for title, body in docs]
    rows: list[tuple[str, tuple[float, float, float], str]] = product_rows(
        shared, gold, product_orders
    )
    mean, low, high = linker_scores(docs, gold, orders)
    rows.append(
        (
            f"component: StoryLinker on text decoded by the benchmark (mean of {orders} orders)",
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
    parser.add_argument(
        "--product-orders", type=int, default=3, help="random orders of the product's ingest"
    )
    parser.add_argument(
        "--list",
        action="store_true",
        help="only list the product's stories (name order, whole set and halves) by gold label",
    )
    args = parser.parse_args(argv)
    if args.list:
        print(story_listing(args.shared))
        return
    table = run(args.shared, args.orders, args.product_orders)
    print(table)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(table)


if __name__ == "__main__":
    main()
