"""A reader's check: every dev set through every CLI command, counting what a reader would see.

Run: `.venv/bin/python -m benchmarks.reader [--shared PATH] [--only NAME ...]`. Each set is
ingested as stored, its folder given to `briefing ingest` as a user would, into a fresh SQLite
database; then `events --json` lists every event, and `digest`, `story` and `search` run on the
first events and stories. It counts files stored or refused, tracebacks (always a bug), failed
commands, events whose digest is empty, and sources that are not outlet names (a file name, a
"Site | tagline" title, a name ending in a year, a bare host or a section such as "Content").
Prints a Markdown table and writes benchmarks/results/reader.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import product

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "reader.md"
SAMPLE = REPO / "summarizer" / "data" / "sample"
_SEARCH_WORD = re.compile(r"[^\W\d_]{5,}")
_CHECKED = 8  # events and stories opened with `digest` and `story` per set


@dataclass
class Check:
    """What one dev set gave through the product."""

    name: str
    files: int = 0
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    events: int = 0
    stories: int = 0
    commands: int = 0
    failed_commands: int = 0
    tracebacks: int = 0
    empty_digests: int = 0
    odd_sources: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)

    def run(self, *args: str, allowed: Sequence[int] = (0,)) -> product.CliResult:
        """Run one command and count its failure or traceback."""
        result = product.briefing(*args)
        self.commands += 1
        self.tracebacks += result.tracebacks
        if result.code not in allowed:
            self.failed_commands += 1
            first = (result.stderr.strip().splitlines() or ["(no output)"])[-1]
            self.notes.append(f"`{' '.join(args[:2])}`: exit {result.code}: {first[:160]}")
        return result


# A name that ends in a year ("Phys.org 2003"), a host as a URL gives it ("example.com"), or a
# site's section alone ("Content", "Policy"): not how an outlet is called.
_YEAR_END = re.compile(r"\b(?:19|20)\d{2}$")
_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$")
_SECTIONS = frozenset(
    {"content", "news", "home", "policy", "newsletter", "newsletters", "our newsletter"}
)


def _odd_source(source: str, stems: set[str]) -> bool:
    """A source that is a file name, a page title with a tagline, a name ending in a year, a
    bare host or a section, not an outlet's name."""
    text = source.strip()
    return (
        not text
        or text in stems
        or " | " in text
        or len(text) > 60
        or bool(_YEAR_END.search(text))
        or bool(_HOST.match(text))
        or text.lower() in _SECTIONS
    )


def check_set(name: str, inputs: Sequence[Path]) -> Check:
    """Ingest the inputs (files or folders) into a fresh database and run the reading commands."""
    walked = (sorted(i.rglob("*")) if i.is_dir() else [i] for i in inputs)
    files = [path for paths in walked for path in paths if path.is_file()]
    check = Check(name, files=len(files))
    stems = {path.stem for path in files} | {path.name for path in files}
    with tempfile.TemporaryDirectory() as tmp:
        db = product.sqlite_url(Path(tmp) / f"{name}.db")
        ingested = check.run("ingest", "--db", db, "--json", *map(str, inputs), allowed=(0, 1))
        try:
            report = json.loads(ingested.stdout.strip().splitlines()[-1])
        except (json.JSONDecodeError, IndexError):
            report = {}
        check.new = int(report.get("new", 0))
        check.duplicate = int(report.get("duplicate", 0))
        check.failed = int(report.get("failed", 0))
        listed = check.run("events", "--db", db, "--json", "--limit", "100000")
        events = listed.json().get("events", []) if listed.code == 0 and listed.stdout else []
        check.events = len(events)
        stories = list(dict.fromkeys(e.get("story_id") for e in events if e.get("story_id")))
        check.stories = len(stories)
        for event in events:
            if not event.get("digest"):
                check.empty_digests += 1
                check.notes.append(f"event {event.get('id')} has no digest: {event.get('title')!r}")
            for source in event.get("sources", []):
                if _odd_source(str(source), stems):
                    check.odd_sources.add(str(source))
        for event in events[:_CHECKED]:
            check.run("digest", str(event["id"]), "--db", db)
            check.run("digest", str(event["id"]), "--db", db, "--json")
        for story in stories[:_CHECKED]:
            check.run("story", str(story), "--db", db)
            check.run("story", str(story), "--db", db, "--json")
        words = [w for e in events[:_CHECKED] for w in _SEARCH_WORD.findall(e.get("title", ""))]
        for word in words[:3]:
            check.run("search", word, "--db", db)
        check.run("events", "--db", db)
    return check


def _write_multiling(shared: Path, target: Path) -> list[Path]:
    """Each MultiLing document as the text file a reader would have (its lines as given)."""
    files = []
    with (shared / "eval" / "multiling" / "documents.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            topic = json.loads(line)
            for document in topic["documents"]:
                path = target / f"{document['filename']}.txt"
                files.append(product.write_text_article(document["text"], path))
    return files


def _write_eventpairs(shared: Path, target: Path) -> list[Path]:
    """Each article of the event pairs as a text file: its title line, then its text."""
    csv.field_size_limit(1 << 30)
    files = []
    for pool in sorted((shared / "eval" / "eventpairs").glob("*.tsv")):
        with pool.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle, delimiter="\t")):
                for side in ("first", "second"):
                    lines = [row[f"INPUT:{side}_title"], row[f"INPUT:{side}_text"]]
                    path = target / f"{pool.stem}_{number:03d}_{side}.txt"
                    files.append(product.write_text_article(lines, path))
    return files


def dev_sets(shared: Path, scratch: Path) -> dict[str, Callable[[], list[Path]]]:
    """The dev sets by name, each a function that returns its files."""
    evaluation = shared / "eval"

    def files_in(folder: Path) -> Callable[[], list[Path]]:
        return lambda: [folder]  # as a user gives it: `briefing ingest FOLDER`

    return {
        "demo sample": files_in(SAMPLE),
        "seeds": files_in(shared / "seeds"),
        "extraction html": files_in(evaluation / "extraction" / "html"),
        "extraction text": files_in(evaluation / "extraction" / "text"),
        "wikiref": files_in(evaluation / "wikiref" / "articles"),
        "bbc": files_in(evaluation / "bbc" / "articles"),
        "multiling": lambda: _write_multiling(shared, scratch / "multiling"),
        "eventpairs": lambda: _write_eventpairs(shared, scratch / "eventpairs"),
    }


def render(checks: Sequence[Check]) -> str:
    """The Markdown table and the notes."""
    lines = [
        "# A reader's check: every dev set through the CLI",
        "",
        "| set | files | new | duplicate | refused | events | stories | commands run "
        "| failed commands | tracebacks | empty digests | non-outlet sources |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for c in checks:
        lines.append(
            f"| {c.name} | {c.files} | {c.new} | {c.duplicate} | {c.failed} | {c.events} "
            f"| {c.stories} | {c.commands} | {c.failed_commands} | {c.tracebacks} "
            f"| {c.empty_digests} | {len(c.odd_sources)} |"
        )
    lines += [
        "",
        "Each set's folder is ingested as stored (`briefing ingest FOLDER`) into a fresh SQLite "
        "database (files counts every file in it, a README included); `events --json`"
        f" lists every event; `digest` and `story` (text and JSON) open the first {_CHECKED} "
        "events and stories, and `search` looks up three words of their titles. MultiLing and "
        "the event pairs are stored as JSON and TSV: each document is written as a text file "
        "of its lines as given. A non-outlet source is a file name, a `Site | tagline` title, "
        "a name over 60 characters, a name ending in a year, a host as a URL gives it or a "
        "section (`Content`).",
    ]
    details = [
        f"- {c.name}: {note}"
        for c in checks
        for note in [*c.notes[:10], *(f"source {s!r}" for s in sorted(c.odd_sources)[:10])]
    ]
    if details:
        lines += ["", "Details (at most ten of each kind per set):", "", *details]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    """Check every dev set (or the ones named), print the table and save it after a full run."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=None, help="shared data folder")
    parser.add_argument("--only", nargs="*", help="set names to check (quote names with spaces)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    shared = args.shared or product.default_shared()
    checks = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, files in dev_sets(shared, Path(scratch)).items():
            if args.only and name not in args.only:
                continue
            checks.append(check_set(name, files()))
            print(render(checks[-1:]).splitlines()[4], flush=True)
    table = render(checks)
    print(table)
    if not args.only:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
