"""The product path for quality benchmarks: raw files in through the `briefing` CLI, JSON out.

Every quality figure is taken from what the product gives back: the benchmark hands the files as
they are stored in ../shared/eval (any encoding, any language, missing or wrong dates) to
`briefing` in a child process, and reads the JSON it prints. Nothing here decodes, dates, cleans
or groups the inputs. Where the data is not stored as article files (MultiLing's JSON lines,
the event pairs' TSV), `write_text_article` writes each document as the plain-text file a user
would have: its lines as given, one per line, and nothing added.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def default_shared() -> Path:
    """Return BRIEFING_SHARED_DIR or ../shared beside the repository."""
    return Path(os.environ.get("BRIEFING_SHARED_DIR", REPO.parent / "shared"))


@dataclass(frozen=True, slots=True)
class CliResult:
    """What one `briefing` command printed and returned."""

    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str

    @property
    def tracebacks(self) -> int:
        """Python tracebacks printed on stderr (a traceback is always a bug)."""
        return self.stderr.count("Traceback (most recent call last)")

    def json(self) -> Any:
        """The JSON document printed on stdout."""
        return json.loads(self.stdout)

    def json_lines(self) -> list[Any]:
        """One JSON document per non-empty stdout line."""
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


def briefing(*args: str, timeout: float = 3600.0) -> CliResult:
    """Run `briefing ARGS...` in a child process with this interpreter (no config of the user's).

    Args:
        args: the command line after `briefing`.
        timeout: seconds before the command is killed.

    Returns:
        Its exit code and output.
    """
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("DATABASE_URL", None)
    env.pop("BRIEFING_CONFIG", None)
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return CliResult(tuple(args), done.returncode, done.stdout, done.stderr)


def sqlite_url(path: Path) -> str:
    """The --db URL of a SQLite file."""
    return f"sqlite:///{path}"


def ingest(paths: Sequence[Path | str], db: str) -> tuple[dict[str, Any], CliResult]:
    """`briefing ingest --json PATHS...` into a database; the report and the raw result."""
    result = briefing("ingest", "--db", db, "--json", *map(str, paths))
    try:
        report = json.loads(result.stdout.strip().splitlines()[-1]) if result.stdout else {}
    except (json.JSONDecodeError, IndexError):
        report = {}
    return report, result


def events(db: str, *, limit: int = 100_000, words: int | None = None) -> list[dict[str, Any]]:
    """Every event `briefing events --json` lists (empty when the command failed)."""
    args = ["events", "--db", db, "--json", "--limit", str(limit)]
    if words is not None:
        args += ["--words", str(words)]
    result = briefing(*args)
    if result.code != 0 or not result.stdout.strip():
        return []
    found: list[dict[str, Any]] = result.json().get("events", [])
    return found


def event_of_location(found: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Map each article location listed under the events (copies included) to its event."""
    where: dict[str, dict[str, Any]] = {}
    for event in found:
        for article in event.get("articles", []):
            where.setdefault(str(article.get("location", "")), event)
        for copy in event.get("copies", []):
            where.setdefault(str(copy.get("location", "")), event)
    return where


def articles_by_location(files: Sequence[Path], *extra: str) -> tuple[dict[str, Any], CliResult]:
    """`briefing article --json FILES...`: the article JSON of each file, keyed by its path."""
    result = briefing("article", "--json", *extra, *map(str, files))
    found: dict[str, Any] = {}
    for line in result.stdout.splitlines():
        if line.strip():
            article = json.loads(line)
            found[str(article.get("location", ""))] = article
    return found, result


def write_text_article(lines: Sequence[str], path: Path) -> Path:
    """Write one document as a plain-text file: its lines as given, one per line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(line.rstrip("\n") for line in lines) + "\n", encoding="utf-8")
    return path


def bcubed(predicted: Sequence[object], gold: Sequence[object]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold labels.

    Args:
        predicted: cluster id per item.
        gold: gold label per item.

    Returns:
        (precision, recall, F1), each averaged over items.
    """
    from collections import Counter

    pairs = Counter(zip(predicted, gold, strict=True))
    pred_sizes = Counter(predicted)
    gold_sizes = Counter(gold)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        precision += pairs[(p, g)] / pred_sizes[p]
        recall += pairs[(p, g)] / gold_sizes[g]
    precision /= len(gold)
    recall /= len(gold)
    total = precision + recall
    return precision, recall, (2 * precision * recall / total if total else 0.0)
