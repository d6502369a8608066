"""MultiLing 2011 sample: ROUGE-1/2 recall of the 250-word story digest, through the product.

Run: `.venv/bin/python -m benchmarks.multiling [--shared PATH] [--words 250]`.

Product path: every document of the three topics is written as the plain-text file a user would
have (its lines as given: title, date line, paragraphs; benchmarks.product.write_text_article) and
the folder goes to `briefing ingest` into a fresh SQLite database; `briefing events --json` tells
which story holds most of each topic's documents, and `briefing story ID --json --words 250`
gives that story's digest, which is scored against every human ("reference") summary of the
topic (ROUGE recall with stemming, averaged over references, then over topics). The benchmark
only writes files, runs the CLI and scores what it prints.

Component rows, labelled as such, sit beside it: the story digest (build_story_digest) over every
event that holds a document of the topic, read back from the same database (what the product
gives once a story spans the whole topic), the biggest event's digest (`briefing digest ID
--json --words 250`), and sumy LexRank reading all the documents of a topic as one text (best
sentences until the budget, in text order, cut at the budget). Prints a Markdown table and writes
benchmarks/results/multiling.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer
from sqlmodel import Session, col, select
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

from benchmarks import product
from summarizer.events.digest import build_story_digest
from summarizer.events.values import DigestDoc
from summarizer.store.db import make_engine
from summarizer.store.models import Article, Source
from summarizer.text.tokenizer import OfflineTokenizer

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "multiling.md"


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


class Product:
    """The three topics ingested into one fresh database, and what the CLI says of them."""

    def __init__(self, topics: Sequence[dict[str, Any]], folder: Path) -> None:
        self.topic_of: dict[str, str] = {}
        for topic in topics:
            for document in topic["documents"]:
                path = folder / "articles" / f"{document['filename']}.txt"
                product.write_text_article(document["text"], path)
                self.topic_of[str(path)] = topic["instance_id"]
        self.db_path = folder / "multiling.db"
        self.db = product.sqlite_url(self.db_path)
        report, result = product.ingest([folder / "articles"], self.db)
        if result.code != 0 or report.get("failed"):
            raise SystemExit(f"ingest failed: {result.stderr[-500:]}")
        self.events: dict[str, Counter[int]] = {}
        self.stories: dict[str, Counter[int]] = {}
        for event in product.events(self.db):
            for member in event["articles"]:
                topic_id = self.topic_of[member["location"]]
                self.events.setdefault(topic_id, Counter())[event["id"]] += 1
                self.stories.setdefault(topic_id, Counter())[event["story_id"]] += 1

    def story_digest(self, topic: str, words: int) -> str:
        """`story --json --words N` of the story holding most of the topic's documents."""
        story_id = self.stories[topic].most_common(1)[0][0]
        found = product.briefing(
            "story", str(story_id), "--db", self.db, "--json", "--words", str(words)
        )
        return " ".join(line["text"] for line in found.json()["digest"])

    def event_digest(self, topic: str, words: int) -> str:
        """Component: `digest --json --words N` of the event holding most of the topic."""
        event_id = self.events[topic].most_common(1)[0][0]
        found = product.briefing(
            "digest", str(event_id), "--db", self.db, "--json", "--words", str(words)
        )
        return " ".join(line["text"] for line in found.json()["digest"])

    def all_events_digest(self, topic: str, words: int) -> str:
        """Component: the story digest over every event holding a document of the topic."""
        engine = make_engine(self.db)
        with Session(engine) as session:
            rows = session.exec(
                select(Article, Source.name)
                .join(Source, col(Source.id) == col(Article.source_id))
                .where(col(Article.event_id).in_(list(self.events[topic])))
            ).all()
        engine.dispose()
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
        ml = Product(topics, Path(tmp))
        systems: dict[str, Callable[[dict[str, Any]], str]] = {
            "story digest (product: ingest, `story --json --words N` of the topic's story)": (
                lambda t: ml.story_digest(t["instance_id"], words)
            ),
            "component: story digest over every event holding the topic's documents": (
                lambda t: ml.all_events_digest(t["instance_id"], words)
            ),
            "component: digest of the topic's biggest event (product, `digest --words N`)": (
                lambda t: ml.event_digest(t["instance_id"], words)
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
        splits = "; ".join(f"{t['instance_id']}: {ml.split(t['instance_id'])}" for t in topics)
    lines += ["", f"How the product grouped each topic's 10 documents: {splits}."]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark, print the table and save it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=product.default_shared())
    parser.add_argument("--words", type=int, default=250)
    args = parser.parse_args(argv)
    table = run(args.shared, args.words)
    print(table)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(table)


if __name__ == "__main__":
    main()
