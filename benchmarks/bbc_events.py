"""BBC events through the product: how the undated BBC dev articles group, for inspection.

Run: `.venv/bin/python -m benchmarks.bbc_events [--shared PATH]`.

The BBC News Summary dev articles (`eval/bbc/articles`, title on the first line, no dates, so
all ingested at one time) go as they are to `briefing ingest` into a fresh SQLite database;
`briefing events --json` lists the events. Each article is its own report (one outlet, mostly
different happenings), so an event of several articles should be one happening told twice. The
data has no labels for that: the benchmark prints the events by size and every event of two or
more articles with its files and titles, largest first, for a person to judge (judgments are in
docs/benchmarks.md). Prints Markdown and writes benchmarks/results/bbc_events.md.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import product

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "bbc_events.md"


def run(shared: Path) -> str:
    """Ingest the BBC articles through the CLI and describe the events; return the Markdown."""
    folder = shared / "eval" / "bbc" / "articles"
    with tempfile.TemporaryDirectory(prefix="bbc-events-") as tmp:
        db = product.sqlite_url(Path(tmp) / "bbc.db")
        report, result = product.ingest([folder], db)
        if result.code != 0:
            raise SystemExit(f"briefing ingest failed: {result.stderr.strip()[-500:]}")
        found = product.events(db)
    return page(report, found)


def page(report: dict[str, Any], found: Sequence[dict[str, Any]]) -> str:
    """The Markdown page: ingest counts, events by size, and the events of 2+ articles."""
    sizes = Counter(len(event.get("articles", [])) for event in found)
    grouped = sorted(
        (event for event in found if len(event.get("articles", [])) >= 2),
        key=lambda event: (-len(event["articles"]), event["id"]),
    )
    lines = [
        "# BBC events (dev articles, one ingest time)",
        "",
        f"Ingest: {report.get('new', 0)} stored, {report.get('duplicate', 0)} copies, "
        f"{report.get('failed', 0)} failed. Events: {len(found)}; by size: "
        + ", ".join(f"{count} of {size}" for size, count in sorted(sizes.items()))
        + f"; {len(grouped)} events of two or more articles hold "
        f"{sum(len(event['articles']) for event in grouped)} articles.",
        "",
        "| event | articles | files and titles |",
        "|---|---|---|",
    ]
    for event in grouped:
        titles = "; ".join(
            f"{Path(str(article.get('location', ''))).stem}: {_cell(str(article.get('title')))}"
            for article in event["articles"]
        )
        lines.append(f"| {event['id']} | {len(event['articles'])} | {titles} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text for a Markdown table cell."""
    return " ".join(text.replace("|", "/").split())


def main(argv: Sequence[str] | None = None) -> None:
    """Run the inspection, print it and save it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=product.default_shared())
    args = parser.parse_args(argv)
    text = run(args.shared)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text)


if __name__ == "__main__":
    main()
