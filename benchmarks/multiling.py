"""MultiLing 2011 sample: ROUGE-1/2 recall of 250-word event digests beside sumy LexRank.

Run: `.venv/bin/python -m benchmarks.multiling [--shared PATH] [--words 250]`. Each topic's ten
WikiNews articles form one event; the digest is compared with every human ("reference") summary of
the topic (ROUGE recall with stemming, averaged over references, then over topics). sumy LexRank
reads all the documents of a topic as one text; its sentences are taken in rating order until the
budget is reached, then cut at the budget. Prints a Markdown table and writes
benchmarks/results/multiling.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import statistics
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

from summarizer.events.digest import DigestDoc, build_digest
from summarizer.text.sentences import split_sentences

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "multiling.md"
_DATE = re.compile(r"^(\d{4})/(\d{2})/(\d{2})\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


class _RegexTokenizer:
    """Fallback sumy tokenizer: sentences by split_sentences, words by a regex."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def sumy_tokenizer() -> Any:
    """The project's offline sumy tokenizer, or the fallback when it is not there yet."""
    try:
        from summarizer.text.tokenizer import OfflineTokenizer
    except ImportError:
        return _RegexTokenizer()
    return OfflineTokenizer("english")


class _RankedLexRank(LexRankSummarizer):  # type: ignore[misc]
    """LexRank that returns every sentence, best first (sumy's own maths)."""

    def _get_best_sentences(self, sentences: Any, count: Any, rating: Any, *args: Any) -> Any:
        return tuple(sorted(sentences, key=lambda s: -rating[s]))


def cut(sentences: Sequence[str], words: int) -> str:
    """Join sentences and cut the text at a word budget."""
    return " ".join(" ".join(sentences).split()[:words])


def lexrank_summary(text: str, words: int) -> str:
    """sumy LexRank over the text: best sentences until the budget, in text order, then cut."""
    document = PlaintextParser.from_string(text, sumy_tokenizer()).document
    summarizer = _RankedLexRank(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    ranked = summarizer(document, len(document.sentences))
    chosen: set[int] = set()
    used = 0
    for sentence in ranked:
        if used >= words:
            break
        chosen.add(id(sentence))
        used += len(str(sentence).split())
    in_order = [str(s) for s in document.sentences if id(s) in chosen]
    return cut(in_order, words)


def topic_docs(topic: dict[str, Any]) -> list[DigestDoc]:
    """Turn one topic's documents into digest inputs (date from the title's prefix when given)."""
    docs: list[DigestDoc] = []
    start = datetime(2000, 1, 1, tzinfo=UTC)
    for index, document in enumerate(topic["documents"]):
        lines: list[str] = document["text"]
        title = lines[0] if lines else ""
        published = start + timedelta(minutes=index)
        match = _DATE.match(title)
        if match:
            year, month, day = (int(g) for g in match.groups())
            published = datetime(year, month, day, tzinfo=UTC) + timedelta(minutes=index)
            title = title[match.end() :]
        docs.append(DigestDoc(index, title, "\n".join(lines[1:]), document["filename"], published))
    return docs


def run(shared: Path, words: int) -> str:
    """Score both systems on every topic and return the Markdown table."""
    folder = shared / "eval" / "multiling"
    topics = [json.loads(line) for line in (folder / "documents.jsonl").read_text().splitlines()]
    references: dict[str, list[str]] = {}
    for line in (folder / "summaries.jsonl").read_text().splitlines():
        row = json.loads(line)
        if row["summarizer_type"] == "reference":
            references.setdefault(row["instance_id"], []).append(" ".join(row["summary"]["text"]))
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    systems: dict[str, Callable[[dict[str, Any]], str]] = {
        "event digest (build_digest)": lambda t: build_digest(topic_docs(t), words=words).text,
        "sumy LexRank, all documents": lambda t: lexrank_summary(
            "\n\n".join("\n".join(d["text"]) for d in t["documents"]), words
        ),
    }
    lines = [
        f"# MultiLing 2011 sample: {len(topics)} topics, {words}-word summaries, ROUGE recall",
        "",
        "| system | ROUGE-1 R | ROUGE-2 R | mean words |",
        "|---|---|---|---|",
    ]
    for name, summarise in systems.items():
        r1: list[float] = []
        r2: list[float] = []
        lengths: list[int] = []
        for topic in topics:
            summary = summarise(topic)
            lengths.append(len(summary.split()))
            for reference in references[topic["instance_id"]]:
                score = scorer.score(reference, summary)
                r1.append(score["rouge1"].recall)
                r2.append(score["rouge2"].recall)
        lines.append(
            f"| {name} | {100 * statistics.fmean(r1):.1f} | {100 * statistics.fmean(r2):.1f} "
            f"| {statistics.fmean(lengths):.0f} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark, print the table and save it."""
    parser = argparse.ArgumentParser(description=__doc__)
    default_shared = Path(os.environ.get("BRIEFING_SHARED_DIR", REPO.parent / "shared"))
    parser.add_argument("--shared", type=Path, default=default_shared)
    parser.add_argument("--words", type=int, default=250)
    args = parser.parse_args(argv)
    table = run(args.shared, args.words)
    print(table)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(table)


if __name__ == "__main__":
    main()
