"""MultiLing 2011 sample: ROUGE-1/2 recall of the 250-word story digest, through the product.

Run: `.venv/bin/python -m benchmarks.multiling [--shared PATH] [--words 250]`.

Product path: every document of the three topics is written as the text file a user would have
(title line, the date line as given, then the paragraphs) and ingested together into a fresh
SQLite database by `BriefingService.ingest`; for each topic, the story holding most of its
documents is asked for its digest (`BriefingService.story(id, words=250)`, what `briefing story
ID --json --words 250` prints), and that digest is scored against every human ("reference")
summary of the topic (ROUGE recall with stemming, averaged over references, then over topics).
The benchmark only writes files, asks the service and scores what comes back.

Component rows, labelled as such, sit beside it: the story digest over every event that holds a
document of the topic (what the product would give once a story spans the whole topic), the
biggest event's digest through the product, and sumy LexRank reading all the documents of a
topic as one text (best sentences until the budget, in text order, cut at the budget). Prints a
Markdown table and writes benchmarks/results/multiling.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer
from sqlmodel import Session, col, select
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

from summarizer.events.digest import build_story_digest
from summarizer.events.values import DigestDoc
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.store.models import Article, Event, Source
from summarizer.text.tokenizer import OfflineTokenizer

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "multiling.md"
# One ingest time for every run: the documents' own date lines date them.
INGEST_TIME = datetime(2026, 1, 1, tzinfo=UTC)


class _RankedLexRank(LexRankSummarizer):  # type: ignore[misc]
    """LexRank that returns every sentence, best first (sumy's own maths)."""

    def _get_best_sentences(self, sentences: Any, count: Any, rating: Any, *args: Any) -> Any:
        return tuple(sorted(sentences, key=lambda s: -rating[s]))


def cut(sentences: Sequence[str], words: int) -> str:
    """Join sentences and cut the text at a word budget."""
    return " ".join(" ".join(sentences).split()[:words])


def lexrank_summary(text: str, words: int) -> str:
    """sumy LexRank over the text: best sentences until the budget, in text order, then cut."""
    document = PlaintextParser.from_string(text, OfflineTokenizer("english")).document
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


def write_files(topics: Sequence[dict[str, Any]], folder: Path) -> dict[str, str]:
    """Write each document as a user's text file; return file path -> topic id."""
    topic_of: dict[str, str] = {}
    for topic in topics:
        for document in topic["documents"]:
            lines: list[str] = [line.strip() for line in document["text"]]
            text = "\n".join(lines[:2]) + "\n\n" + "\n\n".join(lines[2:]) + "\n"
            path = folder / f"{document['filename'].replace('.', '_')}.txt"
            path.write_text(text, encoding="utf-8")
            topic_of[str(path)] = topic["instance_id"]
    return topic_of


class Product:
    """The three topics ingested into one fresh database, and what the service says of them."""

    def __init__(self, topics: Sequence[dict[str, Any]], folder: Path) -> None:
        self.topic_of = write_files(topics, folder)
        engine = make_engine(f"sqlite:///{folder / 'multiling.db'}")
        create_schema(engine)
        self.service = BriefingService(engine)
        report = self.service.ingest(sorted(self.topic_of), now=INGEST_TIME)
        if report.failed:
            raise SystemExit(f"ingest failed: {report.errors}")
        with Session(engine) as session:
            rows = session.exec(
                select(Article.location, Article.event_id, Event.story_id).join(
                    Event, col(Event.id) == col(Article.event_id)
                )
            ).all()
        self.events: dict[str, Counter[int]] = {}
        self.stories: dict[str, Counter[int]] = {}
        for location, event_id, story_id in rows:
            topic = self.topic_of[location]
            self.events.setdefault(topic, Counter())[event_id or 0] += 1
            self.stories.setdefault(topic, Counter())[story_id or 0] += 1
        self.engine = engine

    def story_digest(self, topic: str, words: int) -> str:
        """The digest of the story holding most of the topic's documents (product path)."""
        story_id = self.stories[topic].most_common(1)[0][0]
        return " ".join(line.text for line in self.service.story(story_id, words=words).digest)

    def event_digest(self, topic: str, words: int) -> str:
        """The digest of the event holding most of the topic's documents (product path)."""
        event_id = self.events[topic].most_common(1)[0][0]
        return " ".join(line.text for line in self.service.event(event_id, words=words).digest)

    def all_events_digest(self, topic: str, words: int) -> str:
        """Component: the story digest over every event holding a document of the topic."""
        with Session(self.engine) as session:
            rows = session.exec(
                select(Article, Source.name)
                .join(Source, col(Source.id) == col(Article.source_id))
                .where(col(Article.event_id).in_(list(self.events[topic])))
            ).all()
        docs = [
            DigestDoc(
                a.id or 0,
                a.title,
                a.body,
                name,
                a.published,
                a.published_estimated,
                a.published_date_only,
                a.event_id,
            )
            for a, name in rows
        ]
        return build_story_digest(docs, words=words).text

    def split(self, topic: str) -> str:
        """How the topic's documents fell into stories and events."""
        stories = sorted(self.stories[topic].values(), reverse=True)
        events = sorted(self.events[topic].values(), reverse=True)
        return f"stories {stories}, events {events}"


def run(shared: Path, words: int) -> str:
    """Score every system on every topic and return the Markdown table."""
    folder = shared / "eval" / "multiling"
    topics = [json.loads(line) for line in (folder / "documents.jsonl").read_text().splitlines()]
    references: dict[str, list[str]] = {}
    for line in (folder / "summaries.jsonl").read_text().splitlines():
        row = json.loads(line)
        if row["summarizer_type"] == "reference":
            references.setdefault(row["instance_id"], []).append(" ".join(row["summary"]["text"]))
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    with tempfile.TemporaryDirectory() as tmp:
        product = Product(topics, Path(tmp))
        systems: dict[str, Callable[[dict[str, Any]], str]] = {
            "story digest (product: ingest, `story --json --words N` of the topic's story)": (
                lambda t: product.story_digest(t["instance_id"], words)
            ),
            "component: story digest over every event holding the topic's documents": (
                lambda t: product.all_events_digest(t["instance_id"], words)
            ),
            "component: digest of the topic's biggest event (product, `digest --words N`)": (
                lambda t: product.event_digest(t["instance_id"], words)
            ),
            "component: sumy LexRank, all documents of the topic as one text": lambda t: (
                lexrank_summary("\n\n".join("\n".join(d["text"]) for d in t["documents"]), words)
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
        splits = "; ".join(f"{t['instance_id']}: {product.split(t['instance_id'])}" for t in topics)
        product.engine.dispose()
    lines += ["", f"How the product grouped each topic's 10 documents: {splits}."]
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
