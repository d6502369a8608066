"""Candidate event conflicts, measured and not kept: what each would split on both judged sets.

Run: `.venv/bin/python -m benchmarks.event_candidates [--shared PATH]`.

Each candidate is a test on two reports' texts that would tell another happening (issue 11 item
1: actors, place, action and time agree). On the event pairs (`eval/eventpairs`) a firing
candidate takes the conflict factor, as the product's name, actor and particulars conflicts do
(a day candidate takes the date conflict's place, not on top of the product's day conflicts),
and the product's rule is scored as it is, with its score threshold chosen leave-one-out and
by folds (`benchmarks.eventpairs`). On the BBC events (the 24 two-article events of
`benchmarks.bbc_events` on main a117af1, judged by hand in docs/benchmarks.md) the table counts
the one-happening events a candidate would split and the subject events it would split, and
of those the ones the pair's evidence would part (no longer join with the conflict). Texts
are read as given (title line, then the body), without the product's cleaning. Prints
Markdown and writes benchmarks/results/event_candidates.md.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from benchmarks import eventpairs, product
from benchmarks.places import places
from summarizer.events.cluster import EventDoc, Evidence, pair_evidence
from summarizer.events.features import (
    OPENING_WORDS,
    article_features,
    dates,
    particulars,
    terms,
    weekdays,
)
from summarizer.text.numbers import read_numbers
from summarizer.text.sentences import split_sentences

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "event_candidates.md"
#: The year the texts are read in: the pairs' ingest year; the BBC texts name no year of theirs.
YEAR = eventpairs.INGEST_TIME.year

#: A report as the candidates read it: (title, body).
Text = tuple[str, str]

#: The two-article BBC events of main a117af1 (`benchmarks/results/bbc_events.md`) and their
#: judgment in docs/benchmarks.md (branch events13, read strictly): one happening or not.
BBC_EVENTS: tuple[tuple[str, str, bool], ...] = (
    ("business-162", "business-251", True),  # Verizon seals MCI; MCI shares climb on the bid
    ("business-427", "business-493", False),  # China's exports; China's growth
    ("entertainment-049", "entertainment-340", True),  # De Niro's box-office weekend
    ("entertainment-086", "entertainment-368", False),  # bookmakers' and critics' Oscar picks
    ("entertainment-180", "entertainment-225", False),  # McCririck out; Stallone evicted
    ("entertainment-285", "entertainment-288", False),  # 50 Cent's chart record; his feud
    ("politics-040", "politics-224", True),  # the Lords' detainee ruling and Straw on it
    ("politics-045", "politics-089", False),  # McLetchie cleared; McLetchie quits
    ("politics-077", "politics-361", False),  # Brown names the date; the Budget preview
    ("politics-153", "politics-220", True),  # Clarke's immigration plan, two previews
    ("politics-265", "politics-271", True),  # the Tories' quango and spending plans
    ("politics-277", "politics-387", False),  # a Commons clash; the pre-poll clash
    ("politics-340", "politics-417", False),  # the women's manifesto; the slogan
    ("sport-121", "sport-243", True),  # Parry on keeping Gerrard (borderline)
    ("sport-138", "sport-187", False),  # Bellamy under fire; Celtic's bid
    ("sport-180", "sport-233", False),  # Brentford v Southampton; Redknapp poised for Saints
    ("sport-448", "sport-502", False),  # Kuznetsova's test; the minister digs in
    ("sport-464", "sport-493", True),  # Connors and the LTA, two reports
    ("sport-481", "sport-482", False),  # Roddick leaves Gilbert; talks with a new coach
    ("tech-016", "tech-035", False),  # a blogger jailed; an action day for him (borderline)
    ("tech-018", "tech-190", True),  # the PlayStation 3 chip
    ("tech-025", "tech-238", False),  # the PSP's US date announced; its Japan launch
    ("tech-094", "tech-306", False),  # two high-definition features
    ("tech-239", "tech-387", False),  # .mobi and .jobs; .post and .travel
)


def lede_particulars(text: Text, language: str) -> frozenset[str]:
    """The particulars (see `features.particulars`) of the body's first sentence."""
    sentences = split_sentences(text[1].strip(), language)
    lede = sentences[0] if sentences else ""
    return particulars(terms(lede, language), read_numbers(lede, language), language, year=YEAR)


def ledes_differ(first: Text, second: Text, language: str) -> bool:
    """Each report's first sentence gives two particulars or more, and they share none: a lede
    says what happened, so two ledes with nothing rare in common tell two happenings."""
    one, other = lede_particulars(first, language), lede_particulars(second, language)
    return len(one) >= 2 and len(other) >= 2 and not one & other


def amounts(text: Text, language: str) -> frozenset[str]:
    """The amounts (sums, percentages, decimals) of the title and the first OPENING_WORDS."""
    title, body = text
    opening = " ".join(body.split()[:OPENING_WORDS])
    found = read_numbers(title, language) + read_numbers(opening, language)
    return frozenset(number.key for number in found if number.kind == "amount")


def amounts_differ(first: Text, second: Text, language: str) -> bool:
    """Each opening gives amounts and they share none: one happening is told by its figures."""
    one, other = amounts(first, language), amounts(second, language)
    return bool(one) and bool(other) and not one & other


def family_names_differ(first: Text, second: Text, language: str) -> bool:
    """A family name both reports give in full with other given names, neither report giving
    the other's full name: two people of one family (Jamie and Harry Redknapp)."""
    one = article_features(*first, language, year=YEAR).people
    other = article_features(*second, language, year=YEAR).people
    one_full, other_full = {full for _, full in one}, {full for _, full in other}
    families = dict(one)
    return any(
        family in families
        and families[family] != full
        and families[family] not in other_full
        and full not in one_full
        for family, full in other
    )


def opening_places(text: Text, language: str) -> frozenset[str]:
    """The countries (territory codes, see `places.places`) of the title and the first
    OPENING_WORDS words of the body: where the report's happening is."""
    title, body = text
    return places(title + "\n" + " ".join(body.split()[:OPENING_WORDS]), language)


def places_differ(first: Text, second: Text, language: str) -> bool:
    """Both openings name countries and share none: two places, two happenings (the PSP's US
    launch date against its launch in Japan)."""
    one, other = opening_places(first, language), opening_places(second, language)
    return bool(one) and bool(other) and not one & other


def title_places_differ(first: Text, second: Text, language: str) -> bool:
    """Both titles name countries and share none."""
    one, other = places(first[0], language), places(second[0], language)
    return bool(one) and bool(other) and not one & other


def opening_days(text: Text, language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The days of the year ("MM-DD", see `features.dates`) and the weekdays (see
    `features.weekdays`) that the title and the first OPENING_WORDS words of the body name:
    when the report's happening was."""
    title, body = text
    return (
        dates(title, year=YEAR, language=language)
        | dates(body, OPENING_WORDS, year=YEAR, language=language),
        weekdays(title) | weekdays(body, OPENING_WORDS),
    )


def opening_days_differ(first: Text, second: Text, language: str) -> bool:
    """Both openings name days of one kind (days of the year, or weekdays) and share none of
    that kind: two days, two happenings (an eviction "on Monday" against a vote "on Friday").
    A weekday is compared only with weekdays, as the product's day conflicts do, which read
    the title and the lead (`cluster._days_differ`); the opening is the report's own day."""
    (one_dates, one_days), (other_dates, other_days) = (
        opening_days(first, language),
        opening_days(second, language),
    )
    return _disjoint(one_dates, other_dates) or _disjoint(one_days, other_days)


def opening_any_days_differ(first: Text, second: Text, language: str) -> bool:
    """Both openings name days of either kind and share none, a weekday never matching a day of
    the year ("went on sale in Japan on Sunday" against "from 24 March"): the texts give no
    publication date, so a weekday cannot be resolved to a day of the year, and both are
    counted as different days."""
    one, other = opening_days(first, language), opening_days(second, language)
    return _disjoint(one[0] | one[1], other[0] | other[1])


def _disjoint(one: frozenset[str], other: frozenset[str]) -> bool:
    """Both sets hold something and they share nothing."""
    return bool(one) and bool(other) and not one & other


@dataclasses.dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate conflict and the evidence field it sets where it fires: the particulars
    conflict's (CONFLICT_FACTOR, on top of a day conflict), or the date conflict's
    (DATE_CONFLICT_FACTOR, not on top of the product's own day conflicts)."""

    differ: Callable[[Text, Text, str], bool]
    sets: Literal["particulars_differ", "dates_differ"] = "particulars_differ"


CANDIDATES: dict[str, Candidate] = {
    "ledes share no particular": Candidate(ledes_differ),
    "openings share no amount": Candidate(amounts_differ),
    "one family name, two people": Candidate(family_names_differ),
    "openings name other countries": Candidate(places_differ),
    "titles name other countries": Candidate(title_places_differ),
    "openings name other days (of one kind)": Candidate(opening_days_differ, "dates_differ"),
    "openings share no day (a weekday never a date)": Candidate(
        opening_any_days_differ, "dates_differ"
    ),
}


def pair_rows(shared: Path) -> list[str]:
    """Each candidate on the event pairs: where it fires and the rule's figures with it."""
    pairs = eventpairs.load(shared)
    gold = [pair.same for pair in pairs]
    found = [eventpairs.evidence(pair) for pair in pairs]
    rows = [
        "## Event pairs (component: the index's evidence, the candidate as one more conflict)",
        "",
        "| rule | fires on (same event) | accuracy | precision of same | recall of same | "
        "LOO accuracy | CV accuracy |",
        "|---|---|---|---|---|---|---|",
        _rule_row("the product's rule", [False] * len(pairs), found, gold),
    ]
    where = [
        "",
        "Where each fires (* the same event; the pair's score without the candidate, and its "
        "headline support):",
        "",
    ]
    for name, candidate in CANDIDATES.items():
        fired = [candidate.differ(pair.first, pair.second, pair.language) for pair in pairs]
        with_it = [
            dataclasses.replace(e, **{candidate.sets: True}) if fires else e
            for e, fires in zip(found, fired, strict=True)
        ]
        rows.append(_rule_row(f"with: {name}", fired, with_it, gold))
        where.append(
            f"- {name}: "
            + (
                ", ".join(
                    f"{pair.name}{'*' if pair.same else ''} ({e.score:.3f}, {e.support:.2f})"
                    for pair, e, fires in zip(pairs, found, fired, strict=True)
                    if fires
                )
                or "none"
            )
        )
    return rows + where


def _rule_row(
    name: str, fired: Sequence[bool], found: Sequence[Evidence], gold: Sequence[bool]
) -> str:
    """One row: how often the candidate fires, and the rule's figures with it."""
    same = sum(f and g for f, g in zip(fired, gold, strict=True))
    acc, prec, rec = eventpairs.scores([e.joins() for e in found], gold)
    loo = eventpairs.leave_one_out(found, gold)
    cv = eventpairs.cross_validated(eventpairs.threshold_values(found), gold)
    return (
        f"| {name} | {sum(fired)} ({same}) | {acc:.3f} | {prec:.3f} | {rec:.3f} | "
        f"{loo:.3f} | {cv:.3f} |"
    )


def bbc_rows(shared: Path) -> list[str]:
    """Each candidate on the judged BBC events: the events it fires on, and those of them
    whose pair it would part (see `_parts`)."""
    folder = shared / "eval" / "bbc" / "articles"

    def text(stem: str) -> Text:
        title, _, body = (folder / f"{stem}.txt").read_text(encoding="utf-8").partition("\n")
        return title.strip(), body.strip()

    events = [(text(one), text(other), happening) for one, other, happening in BBC_EVENTS]
    happenings = sum(happening for _, _, happening in events)
    rows = [
        f"## BBC events ({len(events)} of two articles: {happenings} one happening, "
        f"{len(events) - happenings} subjects)",
        "",
        "`split`: the events a candidate fires on, by kind (one happening, subject), each with "
        "its pair's score without the candidate and its headline support. `parted`: those "
        "whose pair no longer joins with the candidate's conflict, as the pair's evidence says "
        "(the second report against an event of the first in a fresh index, texts as given; "
        "the product's run over all 559 articles weighs words by other frequencies).",
        "",
        "| candidate | one-happening events split (parted) | subject events split (parted) "
        "| split |",
        "|---|---|---|---|",
    ]
    for name, candidate in CANDIDATES.items():
        split = [
            i for i, (one, other, _) in enumerate(events) if candidate.differ(one, other, "en")
        ]
        scores = {i: _evidence(events[i][0], events[i][1]) for i in split}
        parted = [i for i in split if _parts(scores[i], candidate)]
        lost, lost_parted = (sum(events[i][2] for i in found) for found in (split, parted))
        stems = (
            ", ".join(
                f"{BBC_EVENTS[i][0]} + {BBC_EVENTS[i][1]} ({scores[i].score:.3f}, "
                f"{scores[i].support:.2f}{', parted' if i in parted else ''})"
                for i in split
            )
            or "none"
        )
        rows.append(
            f"| {name} | {lost} ({lost_parted}) | {len(split) - lost} "
            f"({len(parted) - lost_parted}) | {stems} |"
        )
    return rows


def _evidence(first: Text, second: Text) -> Evidence:
    """The second report's evidence against an event of the first alone, in a fresh index."""
    docs = [
        EventDoc(i, title, body, f"outlet-{i}", eventpairs.INGEST_TIME, "en")
        for i, (title, body) in enumerate((first, second))
    ]
    return pair_evidence(docs[0], docs[1])


def _parts(found: Evidence, candidate: Candidate) -> bool:
    """Whether a pair that joins (`Evidence.joins` at the product's constants) no longer
    joins with the candidate's conflict."""
    return found.joins() and not dataclasses.replace(found, **{candidate.sets: True}).joins()


def run(shared: Path) -> str:
    """Measure every candidate on both sets; return the Markdown page."""
    lines = [
        "# Candidate event conflicts (measured, not in the product)",
        "",
        *pair_rows(shared),
        "",
        *bbc_rows(shared),
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    """Run the measurement, print it and save it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=product.default_shared())
    args = parser.parse_args(argv)
    page = run(args.shared)
    print(page)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(page)


if __name__ == "__main__":
    main()
