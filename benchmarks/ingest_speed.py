"""Ingest throughput and peak memory: `briefing ingest` of 1,000 plain-text articles into SQLite.

Run: `.venv/bin/python -m benchmarks.ingest_speed [--shared PATH] [--articles N]`. The articles are
built at run time from ../shared/eval (BBC articles; beyond the 559 originals each new article joins
the first halves of three BBC articles, so none is a near-duplicate). The
command runs as a subprocess on a fresh SQLite file; wall time and the child's peak RSS are reported
and written to benchmarks/results/ingest_speed.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "ingest_speed.md"


def shared_dir(arg: str | None) -> Path:
    """The shared data folder: --shared, BRIEFING_SHARED_DIR, or ../shared beside the repo."""
    return Path(arg or os.environ.get("BRIEFING_SHARED_DIR") or REPO.parent / "shared")


def tree_rss_kb(pid: int) -> int:
    """Resident memory (kB) of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        stack.extend(children.get(current, []))
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def process_cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of one process so far, from /proc (None once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def build_corpus(shared: Path, target: Path, count: int) -> int:
    """Write `count` plain-text articles (title line, blank line, paragraphs) into `target`."""
    sources = sorted((shared / "eval" / "bbc" / "articles").iterdir())
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sources]
    parsed = []
    for text in texts:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        parsed.append((lines[0], lines[1:]))
    for i in range(count):
        title, paragraphs = parsed[i % len(parsed)]
        if i >= len(parsed):
            # Half of each of three articles: no source holds most of the new text.
            picks = [paragraphs] + [parsed[(i * k + 3) % len(parsed)][1] for k in (7, 11)]
            paragraphs = [p for pick in picks for p in pick[: max(1, len(pick) // 2)]]
            title = f"{title} ({i // len(parsed)})"
        body = "\n\n".join(paragraphs)
        (target / f"{i:04d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return count


def main() -> None:
    """Build the corpus, time `briefing ingest` on it and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="path of the shared data folder")
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    shared = shared_dir(args.shared)
    if not (shared / "eval" / "bbc").is_dir():
        sys.exit(f"shared data not found at {shared} (use --shared or BRIEFING_SHARED_DIR)")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        count = build_corpus(shared, corpus, args.articles)
        database = Path(tmp) / "bench.db"
        command = [
            str(REPO / ".venv" / "bin" / "briefing"),
            "ingest",
            str(corpus),
            "--db",
            f"sqlite:///{database}",
            "--json",
        ]
        started = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            child = subprocess.Popen(command, stdout=out, stderr=err, text=True)
            peak_kb, own_cpu = 0, 0.0
            while child.poll() is None:
                peak_kb = max(peak_kb, tree_rss_kb(child.pid))
                own_cpu = process_cpu_seconds(child.pid) or own_cpu
                time.sleep(0.05)
            elapsed = time.perf_counter() - started
            out.seek(0)
            err.seek(0)
            done = subprocess.CompletedProcess(command, child.returncode, out.read(), err.read())
        peak_mb = peak_kb / 1024
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        largest_mb = after.ru_maxrss / 1024
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if done.returncode not in (0, 1):
            sys.exit(f"ingest failed ({done.returncode}): {done.stderr[-2000:]}")
        counts = json.loads(done.stdout.strip().splitlines()[-1])
    table = "\n".join(
        [
            f"# Ingest speed ({count:,} plain-text articles, SQLite, {os.cpu_count()} cores)",
            "",
            "| articles | new | duplicate | failed | seconds | CPU seconds | CPU seconds, "
            "ingest process | articles/s | peak RSS, all processes (MB) | largest process (MB) |",
            "|---|---|---|---|---|---|---|---|---|---|",
            f"| {count:,} | {counts['new']} | {counts['duplicate']} | {counts['failed']} "
            f"| {elapsed:.1f} | {cpu:.1f} | {own_cpu:.1f} | {count / elapsed:.0f} "
            f"| {peak_mb:.0f} | {largest_mb:.0f} |",
            "",
            "Peak RSS of all processes is the largest sum over the ingest process and its worker",
            "processes, sampled every 50 ms (shared pages are counted once per process). CPU",
            "seconds (user + system of the command and its workers) vary less than wall time on",
            "a shared machine. The ingest process's own CPU seconds (its last sample, at most",
            "50 ms before it ended) bound the wall time from below when workers prepare: it",
            "stores and clusters every article itself, in order.",
            "",
            "Targets: under 10 s and under 300 MB on this machine (issue 10). Command: "
            "`.venv/bin/python -m benchmarks.ingest_speed`.",
        ]
    )
    print(table)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
