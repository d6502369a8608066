"""Same-event pairs through the product: each pair ingested alone, then one event or not.

Run: `.venv/bin/python -m benchmarks.eventpairs [--shared PATH]`.

Each pair of `eval/eventpairs/*.tsv` (people's verdict `GOLDEN:quality`: OK = the same event) is
written as two raw text files (title line, then the text; nothing else prepared) and ingested alone
into a fresh SQLite database with one ingest time through `BriefingService.ingest`. The product
says "same" when both articles land in one event, or when one is stored as a copy of the other.
Scored: accuracy, and precision and recall of "same", overall and per language.

Component rows sit beside, labelled: the pair's raw evidence (as the event index computes it:
similarity of the two halves, the score with conflicts, headline support) with the best threshold
chosen on the answers (in-sample, so flattering) and the same choice cross-validated (threshold
picked on the other folds, scored on the held-out fold); then each constant of the product's rule
cross-validated with the others held at their values, and the rule with each part taken out (the
date conflict, the weekday conflict, the name conflict, the particulars conflict, the close
score's test of the openings, headline support; and the actor conflict as a factor of a third
rather than a veto), scored as it is, leave-one-out and by folds.
The product's wrong pairs are listed with their titles. Prints Markdown tables and writes
benchmarks/results/eventpairs.md.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import itertools
import logging
import os
import random
import statistics
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from summarizer.events import features
from summarizer.events.cluster import (
    CLOSE_SCORE,
    CONFLICT_FACTOR,
    DATE_CONFLICT_FACTOR,
    DEFAULT_THRESHOLD,
    HEADLINE_SUPPORT,
    SHARED_PARTICULARS,
    EventDoc,
    Evidence,
    pair_evidence,
)
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "eventpairs.md"
INGEST_TIME = datetime(2020, 5, 6, 12, 0, tzinfo=UTC)
FOLDS = 5
REPEATS = 20


@dataclass(frozen=True, slots=True)
class Pair:
    """One judged pair of articles."""

    name: str
    language: str
    first: tuple[str, str]
    second: tuple[str, str]
    same: bool


def load(shared: Path) -> list[Pair]:
    """Read every pair of the TSV pools, in file then row order."""
    csv.field_size_limit(sys.maxsize)
    pairs: list[Pair] = []
    for path in sorted((shared / "eval" / "eventpairs").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row, fields in enumerate(csv.DictReader(handle, delimiter="\t"), start=1):
                pairs.append(
                    Pair(
                        name=f"{path.stem}:{row}",
                        language=path.stem.split("_")[0],
                        first=(fields["INPUT:first_title"], fields["INPUT:first_text"]),
                        second=(fields["INPUT:second_title"], fields["INPUT:second_text"]),
                        same=fields["GOLDEN:quality"].strip().upper() == "OK",
                    )
                )
    return pairs


def product_same(pair: Pair, folder: Path) -> tuple[bool, int]:
    """Ingest the pair alone into a fresh database.

    Returns:
        (True when the product calls it one event, how many of the two it refused); a refused
        article is in no event, so its pair counts as "different".
    """
    paths = []
    for name, (title, text) in (("first.txt", pair.first), ("second.txt", pair.second)):
        path = folder / name
        path.write_text(f"{title}\n{text}\n", encoding="utf-8")
        paths.append(str(path))
    engine = make_engine(f"sqlite:///{folder / 'pair.db'}")
    try:
        create_schema(engine)
        service = BriefingService(engine)
        report = service.ingest(paths, now=INGEST_TIME)
        for error in report.errors:
            logger.warning("%s: %s", pair.name, error)
        if report.duplicate:
            return True, report.failed  # stored as a copy (or an exact duplicate) of the other
        if report.new < 2:
            return False, report.failed
        first, second = (service.article(i).event_id for i in report.article_ids)
        return first is not None and first == second, report.failed
    finally:
        engine.dispose()


def scores(predicted: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float, float]:
    """Accuracy, precision and recall of "same"."""
    hits = sum(p == g for p, g in zip(predicted, gold, strict=True))
    true_same = sum(p and g for p, g in zip(predicted, gold, strict=True))
    said_same = sum(predicted)
    precision = true_same / said_same if said_same else 0.0
    return hits / len(gold), precision, true_same / max(sum(gold), 1)


def best_threshold(values: Sequence[float], gold: Sequence[bool]) -> float:
    """The threshold (midpoint between sorted values) with the best accuracy on these pairs."""
    ordered = sorted(set(values))
    cuts = [ordered[0] - 1e-9] + [(a + b) / 2 for a, b in itertools.pairwise(ordered)]
    cuts.append(ordered[-1] + 1e-9)

    def accuracy(cut: float) -> float:
        return sum((v >= cut) == g for v, g in zip(values, gold, strict=True)) / len(gold)

    return max(cuts, key=lambda cut: (accuracy(cut), -abs(cut - statistics.median(ordered))))


def cross_validated(values: Sequence[float], gold: Sequence[bool]) -> float:
    """Mean accuracy of a threshold chosen on the other folds (stratified, repeated)."""
    accuracies: list[float] = []
    for repeat in range(REPEATS):
        rng = random.Random(repeat)
        folds: list[list[int]] = [[] for _ in range(FOLDS)]
        for label in (True, False):
            members = [i for i, g in enumerate(gold) if g == label]
            rng.shuffle(members)
            for position, i in enumerate(members):
                folds[position % FOLDS].append(i)
        hits = 0
        for held in folds:
            train = [i for i in range(len(gold)) if i not in held]
            cut = best_threshold([values[i] for i in train], [gold[i] for i in train])
            hits += sum((values[i] >= cut) == gold[i] for i in held)
        accuracies.append(hits / len(gold))
    return statistics.fmean(accuracies)


def evidence(pair: Pair) -> Evidence:
    """The evidence the event index weighs for the pair's second article against its first."""
    docs = [
        EventDoc(i, title, text, f"outlet-{i}", INGEST_TIME, pair.language)
        for i, (title, text) in enumerate((pair.first, pair.second))
    ]
    return pair_evidence(docs[0], docs[1])


def product_table(pairs: Sequence[Pair]) -> tuple[list[str], list[bool]]:
    """Rows for the product path, overall and per language, and the per-pair verdicts."""
    predicted: list[bool] = []
    refused = 0
    with tempfile.TemporaryDirectory(prefix="eventpairs-") as tmp:
        for index, pair in enumerate(pairs):
            folder = Path(tmp) / str(index)
            folder.mkdir()
            same, failed = product_same(pair, folder)
            predicted.append(same)
            refused += failed
    rows = [
        "## Through the product (each pair ingested alone; one event or a copy = same)",
        "",
        "| pairs | n | accuracy | precision of same | recall of same |",
        "|---|---|---|---|---|",
    ]
    for label, keep in (
        ("all", lambda p: True),
        ("English", lambda p: p.language == "en"),
        ("Russian", lambda p: p.language == "ru"),
    ):
        chosen = [i for i, p in enumerate(pairs) if keep(p)]
        acc, prec, rec = scores([predicted[i] for i in chosen], [pairs[i].same for i in chosen])
        rows.append(f"| {label} | {len(chosen)} | {acc:.3f} | {prec:.3f} | {rec:.3f} |")
    rows += ["", f"Articles the product refused (no article text after cleaning): {refused}."]
    return rows, predicted


def component_table(pairs: Sequence[Pair]) -> list[str]:
    """Rows for each part of the event decision: at the product's constants, and thresholded."""
    gold = [p.same for p in pairs]
    found = [evidence(p) for p in pairs]
    parts: dict[str, Callable[[Evidence], float]] = {
        "terms alone (cosine of the terms half)": lambda e: e.terms,
        "names and numbers alone (cosine of the names half)": lambda e: e.names,
        "similarity: mean of both halves": lambda e: e.similarity,
        f"score: similarity x {CONFLICT_FACTOR:.2f} on a name or particulars conflict, "
        f"x {DATE_CONFLICT_FACTOR:.2f} on a date conflict, 0 on an actor conflict": lambda e: (
            e.score
        ),
        "headline support alone (each headline told by the other article)": lambda e: e.support,
    }
    conflicts = [e.conflict for e in found]
    same_conflicts = sum(c and g for c, g in zip(conflicts, gold, strict=True))
    dated = [e.dates_differ for e in found]
    same_dated = sum(c and g for c, g in zip(dated, gold, strict=True))
    weekdays = [e.weekdays_differ for e in found]
    same_weekdays = sum(c and g for c, g in zip(weekdays, gold, strict=True))
    actors = [e.actors_differ for e in found]
    same_actors = sum(c and g for c, g in zip(actors, gold, strict=True))
    apart = [e.particulars_differ for e in found]
    same_apart = sum(c and g for c, g in zip(apart, gold, strict=True))
    openings = [e.openings_differ for e in found]
    same_openings = sum(c and g for c, g in zip(openings, gold, strict=True))
    gated = [e.openings_differ and e.score >= CLOSE_SCORE for e in found]
    same_gated = sum(c and g for c, g in zip(gated, gold, strict=True))
    rows = [
        "## Components (labelled: the event index's evidence, not the product's output)",
        "",
        "Each pair's second article scored against an event made of the first, in a fresh "
        "index (no cleaning step). `at product threshold`: accuracy with the product's fixed "
        f"threshold {DEFAULT_THRESHOLD} ({HEADLINE_SUPPORT} for headline support). `best`: the "
        "threshold chosen on all pairs (in-sample, flattering). `CV`: the threshold chosen on "
        f"{FOLDS - 1} of {FOLDS} stratified folds and scored on the held-out fold, mean of "
        f"{REPEATS} shuffles.",
        "",
        "| feature | at product threshold (recall of same) | best threshold | in-sample "
        "accuracy | CV accuracy |",
        "|---|---|---|---|---|",
    ]
    for name, value in parts.items():
        values = [value(e) for e in found]
        fixed_at = HEADLINE_SUPPORT if name.startswith("headline") else DEFAULT_THRESHOLD
        acc, _, rec = scores([v >= fixed_at for v in values], gold)
        cut = best_threshold(values, gold)
        best = scores([v >= cut for v in values], gold)[0]
        cv = cross_validated(values, gold)
        rows.append(f"| {name} | {acc:.3f} ({rec:.2f}) | {cut:.3f} | {best:.3f} | {cv:.3f} |")
    rows += [
        "",
        f"Name conflicts (each side's title names someone or somewhere the other does not "
        f"name in its title or first {features.OPENING_WORDS} words): {sum(conflicts)} pairs, "
        f"{same_conflicts} of them judged the same event.",
        f"Date conflicts (each side names days of its year in its title or lead, none "
        f"shared): {sum(dated)} pairs, {same_dated} of them judged the same event.",
        f"Weekday conflicts (each side names weekdays in its title or first "
        f"{features.LEAD_WORDS} words, none "
        f"shared): {sum(weekdays)} pairs, {same_weekdays} of them judged the same event.",
        f"Actor conflicts (the titles open with different people's family names, neither "
        f"named in the other title; a veto): {sum(actors)} pairs, {same_actors} of them judged "
        "the same event.",
        f"Particulars conflicts (each side's title and first {features.OPENING_WORDS} words "
        f"give more than {SHARED_PARTICULARS} rare words or numbers, and they share fewer): "
        f"{sum(apart)} pairs, {same_apart} of them judged the same event.",
        f"Openings that differ (the same, a two-word name both give counted once; a close "
        f"score then needs the headlines): {sum(openings)} pairs, {same_openings} of them "
        f"judged the same event; with a close score: {sum(gated)} pairs, {same_gated} of them "
        "the same event.",
        "",
        *rule_rows(found, gold),
        "",
        *worth_rows(found, gold),
        "",
        *opening_rows(pairs),
    ]
    return rows


def opening_rows(pairs: Sequence[Pair]) -> list[str]:
    """The rule with the name conflict read over other opening windows (`OPENING_WORDS`)."""
    gold = [p.same for p in pairs]
    rows = [
        "### The name conflict's opening window (component, no cleaning)",
        "",
        "A name conflict: each side's title names someone the other does not name in its "
        "title or first N words. The product reads N = "
        f"{features.OPENING_WORDS}; each row reads the pairs again with another N "
        f"(N = {features.LEAD_WORDS}: the whole lead, as before).",
        "",
        "| N | name conflicts (same event) | accuracy | precision of same | recall of same |",
        "|---|---|---|---|---|",
    ]
    kept = features.OPENING_WORDS
    try:
        for words in (15, 25, 40, 60, 100, features.LEAD_WORDS):
            features.OPENING_WORDS = words
            found = [evidence(p) for p in pairs]
            conflicts = [e.conflict for e in found]
            same = sum(c and g for c, g in zip(conflicts, gold, strict=True))
            acc, prec, rec = scores([e.joins() for e in found], gold)
            rows.append(
                f"| {words} | {sum(conflicts)} ({same}) | {acc:.3f} | {prec:.3f} | {rec:.3f} |"
            )
    finally:
        features.OPENING_WORDS = kept
    return rows


def _closes(e: Evidence) -> bool:
    """The rule's close score: it joins whatever the headlines say (openings that agree)."""
    return e.score >= CLOSE_SCORE and not e.openings_differ


def threshold_values(found: Sequence[Evidence]) -> list[float]:
    """Each pair's value under the rule with its score threshold left open: "value >= cut" is
    the rule's verdict at threshold `cut` (a close score joins at any cut, headlines that fail
    at none)."""
    inf = float("inf")
    return [inf if _closes(e) else e.score if e.headlines_agree else -inf for e in found]


def leave_one_out(found: Sequence[Evidence], gold: Sequence[bool]) -> float:
    """Accuracy of the rule with its threshold chosen on all other pairs, pair by pair."""
    values = threshold_values(found)
    hits = 0
    for held in range(len(gold)):
        rest = [i for i in range(len(gold)) if i != held]
        cut = best_threshold([values[i] for i in rest], [gold[i] for i in rest])
        hits += (values[held] >= cut) == gold[held]
    return hits / len(gold)


def worth_rows(found: Sequence[Evidence], gold: Sequence[bool]) -> list[str]:
    """The rule with each of its parts taken out: what each part is worth on these pairs."""
    variants: dict[str, list[Evidence]] = {
        "the product's rule": list(found),
        "without the date conflict": [dataclasses.replace(e, dates_differ=False) for e in found],
        "without the weekday conflict": [
            dataclasses.replace(e, weekdays_differ=False) for e in found
        ],
        "without the name conflict": [dataclasses.replace(e, conflict=False) for e in found],
        "without the actor conflict": [dataclasses.replace(e, actors_differ=False) for e in found],
        # the actor conflict cutting the score to a third, as a name conflict does, not to 0
        "the actor conflict as a factor, not a veto": [
            dataclasses.replace(e, actors_differ=False, conflict=e.conflict or e.actors_differ)
            for e in found
        ],
        "without the particulars conflict": [
            dataclasses.replace(e, particulars_differ=False) for e in found
        ],
        "without the headlines' particulars test": [
            dataclasses.replace(e, headlines_differ=False) for e in found
        ],
        "without the close score's openings test": [
            dataclasses.replace(e, openings_differ=False) for e in found
        ],
        "without any conflict": [
            dataclasses.replace(
                e,
                conflict=False,
                actors_differ=False,
                particulars_differ=False,
                dates_differ=False,
                weekdays_differ=False,
            )
            for e in found
        ],
        "without headline support (score alone)": [
            dataclasses.replace(e, support=1.0, headlines_differ=False) for e in found
        ],
    }
    rows = [
        "### What each part is worth (component, no cleaning)",
        "",
        "Each row takes one part out of the rule and keeps the rest. `LOO`: the score threshold "
        "chosen on the other 60 pairs (headline support and close score held), scored on the "
        f"held-out pair; `CV`: the same over {FOLDS} stratified folds, mean of {REPEATS} "
        "shuffles.",
        "",
        "| rule | accuracy | precision of same | recall of same | LOO accuracy | CV accuracy |",
        "|---|---|---|---|---|---|",
    ]
    for name, evidence in variants.items():
        acc, prec, rec = scores([e.joins() for e in evidence], gold)
        values = threshold_values(evidence)
        rows.append(
            f"| {name} | {acc:.3f} | {prec:.3f} | {rec:.3f} | "
            f"{leave_one_out(evidence, gold):.3f} | {cross_validated(values, gold):.3f} |"
        )
    return rows


def rule_rows(found: Sequence[Evidence], gold: Sequence[bool]) -> list[str]:
    """The product's rule, and each of its constants cross-validated with the others fixed."""
    joined = [e.joins() for e in found]
    acc, prec, rec = scores(joined, gold)
    rows = [
        "### The product's rule: score >= threshold and headline support >= "
        f"{HEADLINE_SUPPORT} (headlines whose particulars agree), or score >= {CLOSE_SCORE} "
        "with openings that agree",
        "",
        f"On these pairs (component, no cleaning): accuracy {acc:.3f}, precision of same "
        f"{prec:.3f}, recall {rec:.3f}. Each constant below is chosen on {FOLDS - 1} of "
        f"{FOLDS} folds with the other two held at the product's values, and scored on the "
        "held-out fold.",
        "",
        "| constant | product value | best on all pairs | in-sample accuracy | CV accuracy |",
        "|---|---|---|---|---|",
    ]
    inf = float("inf")
    varied: dict[str, tuple[float, list[float]]] = {
        # each value makes "value >= constant" the rule's verdict with that constant varied
        "threshold (score)": (DEFAULT_THRESHOLD, threshold_values(found)),
        "headline support": (
            HEADLINE_SUPPORT,
            [
                inf
                if _closes(e)
                else e.support
                if e.score >= DEFAULT_THRESHOLD and not e.headlines_differ
                else -inf
                for e in found
            ],
        ),
        "close score": (
            CLOSE_SCORE,
            [
                inf
                if e.score >= DEFAULT_THRESHOLD and e.headlines_agree
                else -inf
                if e.openings_differ
                else e.score
                for e in found
            ],
        ),
    }
    for name, (value, values) in varied.items():
        cut = best_threshold(values, gold)
        best = scores([v >= cut for v in values], gold)[0]
        rows.append(
            f"| {name} | {value} | {cut:.3f} | {best:.3f} | {cross_validated(values, gold):.3f} |"
        )
    return rows


def wrong_rows(pairs: Sequence[Pair], predicted: Sequence[bool]) -> list[str]:
    """The pairs the product gets wrong, with both titles."""
    rows = [
        "## Pairs the product gets wrong",
        "",
        "| pair | people | product | first title | second title |",
        "|---|---|---|---|---|",
    ]
    for pair, said in zip(pairs, predicted, strict=True):
        if said != pair.same:
            verdict = ("same", "different")
            rows.append(
                f"| {pair.name} | {verdict[not pair.same]} | {verdict[not said]} | "
                f"{_cell(pair.first[0])} | {_cell(pair.second[0])} |"
            )
    return rows


def _cell(text: str) -> str:
    """Text for a Markdown table cell."""
    return " ".join(text.replace("|", "/").split())


def run(shared: Path) -> str:
    """Score the product and the components; return the Markdown page."""
    pairs = load(shared)
    same = sum(p.same for p in pairs)
    lines = [
        f"# Same-event pairs ({len(pairs)} pairs: {same} same, {len(pairs) - same} different)",
        "",
    ]
    product_rows, predicted = product_table(pairs)
    lines += [*product_rows, "", *wrong_rows(pairs, predicted), "", *component_table(pairs)]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark, print the tables and save them."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--shared",
        type=Path,
        default=Path(os.environ.get("BRIEFING_SHARED_DIR", REPO.parent / "shared")),
    )
    args = parser.parse_args(argv)
    page = run(args.shared)
    print(page)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(page)


if __name__ == "__main__":
    main()
