"""Speed of event digests (beside sumy LexRank) and of incremental clustering of 10,000 articles.

Run: `.venv/bin/python -m benchmarks.event_speed [--shared PATH] [--skip-lexrank]
[--lexrank-timeout S] [--articles N]`.

(a) One synthetic event of 100 articles, each made of three consecutive BBC News Summary articles
(about 5,000 sentences), digested with `build_digest` and, on exactly the same sentences, by sumy
LexRank (run in a child process, stopped after the timeout). (b) `EventIndex.add` over N articles
made from the BBC and WikiRef texts, published over six months and ingested slightly out of
order; the time of each successive block of 1,000 articles shows whether the cost per article
stays flat. Prints Markdown tables and writes benchmarks/results/event_speed.md.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import random
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from summarizer.events.cluster import EventDoc, EventIndex
from summarizer.events.digest import DigestDoc, build_digest
from summarizer.text.sentences import split_sentences

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "event_speed.md"
START = datetime(2024, 1, 1, tzinfo=UTC)


def read_articles(folder: Path) -> list[tuple[str, str]]:
    """Read (title, body) pairs from a folder of plain-text articles (first line = title)."""
    out: list[tuple[str, str]] = []
    for path in sorted(folder.iterdir()):
        lines = path.read_text(errors="replace").splitlines()
        if lines:
            out.append((lines[0].strip(), "\n".join(lines[1:])))
    return out


def synthetic_event(bbc: Sequence[tuple[str, str]], articles: int = 100) -> list[DigestDoc]:
    """Build one event of `articles` articles, each three consecutive BBC articles, ten outlets."""
    docs: list[DigestDoc] = []
    for i in range(articles):
        parts = [bbc[(3 * i + k) % len(bbc)] for k in range(3)]
        body = "\n\n".join(f"{title}\n{text}" for title, text in parts)
        docs.append(
            DigestDoc(i, parts[0][0], body, f"outlet-{i % 10}", START + timedelta(minutes=7 * i))
        )
    return docs


def _lexrank_worker(sentences: list[str], queue: multiprocessing.Queue[float]) -> None:
    """Time sumy LexRank on the sentences (in a child process) and send the seconds back."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    from summarizer.text.tokenizer import OfflineTokenizer

    tokenizer = OfflineTokenizer("english")
    began = time.perf_counter()
    document = ObjectDocumentModel(
        [Paragraph([Sentence(s, tokenizer) for s in sentences])]  # the digest's own sentences
    )
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    summarizer(document, 5)
    queue.put(time.perf_counter() - began)


def time_lexrank(sentences: list[str], timeout: float) -> float | None:
    """Seconds sumy LexRank takes on the sentences, or None when it passes the timeout.

    Raises:
        RuntimeError: the child process failed (its traceback is on stderr): no figure.
    """
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[float] = context.Queue()
    process = context.Process(target=_lexrank_worker, args=(sentences, queue))
    process.start()
    process.join(timeout)
    if process.is_alive():
        process.terminate()
        process.join()
        return None
    if process.exitcode != 0:
        raise RuntimeError(f"the LexRank process failed (exit code {process.exitcode})")
    return queue.get(timeout=10)


def digest_speed(shared: Path, skip_lexrank: bool, timeout: float) -> list[str]:
    """Part (a): time the digest of the synthetic event, and LexRank on its sentences."""
    bbc = read_articles(shared / "eval" / "bbc" / "articles")
    docs = synthetic_event(bbc)
    sentences = [s for d in docs for s in split_sentences(d.body)]
    runs: list[tuple[float, float]] = []  # (wall, CPU) seconds; the first run is cold
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        digest = build_digest(docs, words=120)
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    digest_seconds = min(w for w, _ in runs[1:])
    rows = [
        f"## (a) Digest of one event: {len(docs)} articles, {len(sentences):,} sentences",
        "",
        "| method | wall seconds | CPU seconds | ratio (wall) |",
        "|---|---|---|---|",
        f"| build_digest, first run (cold caches) | {runs[0][0]:.2f} | {runs[0][1]:.2f} | |",
        f"| build_digest, best of 2 more ({len(digest.lines)} lines, 120 words) "
        f"| {digest_seconds:.2f} | {min(c for _, c in runs[1:]):.2f} | 1 |",
    ]
    if skip_lexrank:
        rows.append("| sumy LexRank | skipped (--skip-lexrank) | | |")
    else:
        seconds = time_lexrank(sentences, timeout)
        if seconds is None:
            ratio = timeout / digest_seconds
            rows.append(f"| sumy LexRank | > {timeout:.0f} (stopped) | | > {ratio:.0f}x slower |")
        else:
            rows.append(
                f"| sumy LexRank (same sentences, child process) | {seconds:.1f} | | "
                f"{seconds / digest_seconds:.0f}x slower |"
            )
    return rows


def clustering_docs(shared: Path, count: int) -> list[EventDoc]:
    """Make `count` articles from BBC and WikiRef texts over six months, ingested out of order."""
    texts = read_articles(shared / "eval" / "bbc" / "articles")
    texts += read_articles(shared / "eval" / "wikiref" / "articles")
    rng = random.Random(7)
    span = timedelta(days=182).total_seconds()
    docs: list[EventDoc] = []
    for i in range(count):
        title, body = texts[i % len(texts)]
        offset = span * i / count + rng.uniform(-12, 12) * 3600  # up to 12 h out of order
        published = START + timedelta(seconds=max(offset, 0.0))
        docs.append(EventDoc(i, title, body, f"outlet-{i % 25}", published, "en"))
    return docs


def clustering_speed(shared: Path, count: int) -> list[str]:
    """Part (b): time EventIndex.add per block of 1,000 articles."""
    docs = clustering_docs(shared, count)
    index = EventIndex()
    rows = [
        f"## (b) Incremental clustering of {count:,} articles (window 3 days, over 182 days)",
        "",
        "| articles | seconds for the block | ms per article | open events | events so far |",
        "|---|---|---|---|---|",
    ]
    total = 0.0
    block = 1000
    for start in range(0, count, block):
        began = time.perf_counter()
        for doc in docs[start : start + block]:
            index.add(doc)
        seconds = time.perf_counter() - began
        total += seconds
        done = min(start + block, count)
        rows.append(
            f"| {start + 1:,}-{done:,} | {seconds:.2f} | {1000 * seconds / (done - start):.2f} "
            f"| {index.open_events} | {index.next_key - 1:,} |"
        )
    rows += ["", f"Total: {total:.1f} s for {count:,} articles."]
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    """Run both parts, print the tables and save them."""
    parser = argparse.ArgumentParser(description=__doc__)
    default_shared = Path(os.environ.get("BRIEFING_SHARED_DIR", REPO.parent / "shared"))
    parser.add_argument("--shared", type=Path, default=default_shared)
    parser.add_argument("--skip-lexrank", action="store_true", help="do not run sumy LexRank")
    parser.add_argument("--lexrank-timeout", type=float, default=600.0, help="seconds")
    parser.add_argument("--articles", type=int, default=10_000, help="articles to cluster")
    args = parser.parse_args(argv)
    rows = ["# Event speed", ""]
    rows += digest_speed(args.shared, args.skip_lexrank, args.lexrank_timeout)
    rows += [""]
    rows += clustering_speed(args.shared, args.articles)
    table = "\n".join(rows) + "\n"
    print(table)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(table)


if __name__ == "__main__":
    main()
