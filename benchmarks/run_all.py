"""Run every benchmark and write docs/benchmarks.md from their result tables.

Run: `make bench` (or `.venv/bin/python -m benchmarks.run_all [--quick]`). Each benchmark runs as
its own process and writes benchmarks/results/NAME.md; this script then joins those tables, with
the command of each, into docs/benchmarks.md. `--quick` skips sumy LexRank in the event speed run
(it takes minutes). `--only NAME ...` reruns some and rebuilds the page from all saved results.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
DOC = REPO / "docs" / "benchmarks.md"

# (name, extra arguments, what it measures)
BENCHMARKS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("reader", (), "A reader's check: every dev set through every CLI command (issue 10)"),
    ("extraction", (), "Boilerplate removal: HTML and plain-text extraction F1 (issue 2)"),
    ("encodings", (), "Encodings: undeclared and legacy text (issue 10)"),
    ("bbc", (), "Per-article summaries on BBC News Summary (issue 2)"),
    ("ingest_speed", (), "Ingest throughput and memory, 1,000 articles (issue 2)"),
    ("ingest_scale", (), "Ingest at scale: history and workers (issue 12)"),
    (
        "retention_steady",
        (),
        "Database size under a steady feed, with and without retention (issue 12, item 4)",
    ),
    ("eventpairs", (), "Same-event pairs through the product (issue 11)"),
    ("wikiref", (), "Story clustering on WikiRef (issue 3)"),
    ("multiling", (), "Multi-source event digests on MultiLing (issue 3)"),
    ("event_speed", (), "Digest and clustering speed (issue 3)"),
    ("bot_sender", (), "Bot sending: pacing and limits (issue 4)"),
    ("bot_delivery", (), "Scheduled deliveries (issue 4)"),
    (
        "bot_load",
        ("--lead", "30"),
        "Broadcast to 10,000 chats and 1,000 commands at once (issue 5)",
    ),
    (
        "command_floor",
        (),
        "1,000 commands with the network and the server free: one process's floor (issue 5)",
    ),
    ("bot_commands", (), "Commands per second: ours beside a bare PTB echo bot (issue 13)"),
    ("bot_crash", (), "Kill -9 in the middle of a broadcast (issue 5)"),
    ("bot_abuse", (), "Far pages and long searches from many chats at once (issue 14)"),
)


# Run by hand only (tens of minutes, or a PostgreSQL server); the page keeps their saved tables,
# which name their own command lines.
BY_HAND = frozenset({"ingest_scale", "retention_steady"})


def run(name: str, extra: tuple[str, ...]) -> bool:
    """Run one benchmark module; False when it failed or does not exist."""
    if not (REPO / "benchmarks" / f"{name}.py").exists():
        return False
    command = [sys.executable, "-m", f"benchmarks.{name}", *extra]
    print(f"$ {' '.join(command[1:])}", flush=True)
    return subprocess.run(command, cwd=REPO, check=False).returncode == 0


def build_page() -> str:
    """docs/benchmarks.md from the saved result tables."""
    parts = [
        "# Benchmarks",
        "",
        "Every table below is written by the benchmark named in its heading, run by hand with",
        "`make bench` (all of them) or `.venv/bin/python -m benchmarks.NAME` (one). They read the",
        "evaluation data from `../shared/eval` (or `--shared PATH`); nothing of it is in the",
        "repository. Figures are from the last run on the development machine: "
        f"{platform.python_version()}, 2 cores shared with other work, so wall times vary.",
        f"Page rebuilt {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        "",
    ]
    for name, extra, what in BENCHMARKS:
        result = RESULTS / f"{name}.md"
        if not result.exists():
            continue
        command = " ".join([".venv/bin/python -m", f"benchmarks.{name}", *extra])
        parts += [f"## {what}", ""]
        if name not in BY_HAND:
            parts += [f"Command: `{command}`", ""]
        body = result.read_text(encoding="utf-8").strip().splitlines()
        parts += [line.replace("# ", "### ", 1) if line.startswith("# ") else line for line in body]
        parts.append("")
    return "\n".join(parts)


def main() -> None:
    """Run the benchmarks and write the page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip sumy LexRank timing")
    parser.add_argument("--only", nargs="*", help="benchmark names to rerun")
    parser.add_argument("--page-only", action="store_true", help="only rebuild the page")
    args = parser.parse_args()
    failed = []
    if not args.page_only:
        for name, extra, _what in BENCHMARKS:
            if (args.only and name not in args.only) or (not args.only and name in BY_HAND):
                continue
            options = (*extra, "--skip-lexrank") if args.quick and name == "event_speed" else extra
            if not run(name, options):
                failed.append(name)
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(build_page() + "\n", encoding="utf-8")
    print(f"wrote {DOC.relative_to(REPO)}")
    if failed:
        sys.exit(f"failed or missing: {', '.join(failed)}")


if __name__ == "__main__":
    main()
