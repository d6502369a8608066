"""Ingest as history grows: one article and a 1,000-article batch into databases of 0 to 100,000.

Run: `.venv/bin/python -m benchmarks.ingest_scale [--sizes 0,10000,100000] [--postgres URL]`.

Each database is built synthetic but realistic, fast, with bulk inserts (executemany on SQLite,
COPY on PostgreSQL): outlets, happenings over four months each reported by one to six outlets
(sentences of one BBC article of ../shared/eval with sentences of others of its category, an
outlet's furniture line), about one article in twenty with a near-duplicate copy; every table
ingestion reads is filled as ingestion fills it (events with their profiles, stories,
summaries, copies, the near-duplicate shingle rows, the furniture counts). Then, through the
`briefing` CLI in a child process (as a user or a feed poll runs it): one new article (the
database holds no ingest origin yet: this process rebuilds the indexes), the next new article
(a process that follows the origin the first one wrote), then a
batch of 1,000 new articles (new happenings and more reports of recent ones), each timed with
the child's peak RSS. On PostgreSQL, two children ingest the interleaved halves of another
1,000 articles at once into a copy of the database; one child then ingests the same articles
in the order the two stored them into a second copy, and the two results are compared (zero
differences expected); a third copy takes the stream in its own order (articles, copies and
events compared). Figures go to benchmarks/results/ingest_scale.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.engine import Engine, make_url

from benchmarks.product import default_shared
from summarizer.events.features import article_features
from summarizer.ingest.fingerprint import (
    MAX_POSTINGS,
    content_fingerprint,
    shingle_sample,
    stored_shingles,
)
from summarizer.ingest.furniture import line_key
from summarizer.store import tables
from summarizer.store.db import create_schema, make_engine
from summarizer.store.events import profile_json
from summarizer.store.features import features_json
from summarizer.store.snapshot import arrival_order, differences, ingest_outcome

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "ingest_scale.md"
END = datetime(2026, 11, 1, tzinfo=UTC)  # the newest stored article: a fixed "now"
DAYS = 120
OUTLETS = 80
CHUNK = 5_000
COPY_SHARE = 0.05


@dataclass
class Corpus:
    """BBC sentences by category and per-article, the material of every synthetic text."""

    articles: list[tuple[str, str, list[str]]]  # (category, title, sentences)
    by_category: dict[str, list[int]] = field(default_factory=dict)
    features: dict[int, dict[str, int]] = field(default_factory=dict)

    @classmethod
    def load(cls, shared: Path) -> Corpus:
        """Read ../shared/eval/bbc/articles (title line, then paragraphs)."""
        articles = []
        for path in sorted((shared / "eval" / "bbc" / "articles").iterdir()):
            lines = [line.strip() for line in path.read_text(errors="replace").splitlines()]
            lines = [line for line in lines if line]
            sentences = [s.strip() + "." for p in lines[1:] for s in p.split(". ") if s.strip()]
            articles.append((path.name.split("-")[0], lines[0], sentences))
        corpus = cls(articles)
        for index, (category, _, _) in enumerate(articles):
            corpus.by_category.setdefault(category, []).append(index)
        return corpus

    def profile(self, seed: int, names: Sequence[str], rng: random.Random) -> str:
        """A stored event profile: most of the seed article's features and the happening's
        names (the seed's features are computed once)."""
        if seed not in self.features:
            _, title, sentences = self.articles[seed]
            self.features[seed] = dict(article_features(title, " ".join(sentences)).counts)
        counts = {k: v / 2 for k, v in self.features[seed].items() if rng.random() < 0.6}
        counts.update({f"e:{name.lower()}": 3.0 for name in names if name[0].isupper()})
        counts.update({f"t:{name}": 3.0 for name in names if name.islower()})
        total = sum(value * value for value in counts.values()) ** 0.5 or 1.0
        return profile_json({k: v / total for k, v in counts.items()})


@dataclass
class Report:
    """One synthetic article."""

    outlet: int
    title: str
    body: str
    published: datetime
    happening: int
    seed: int
    names: tuple[str, ...]


class Writer:
    """Makes happenings and their reports, deterministic for a seed."""

    def __init__(self, corpus: Corpus, seed: int) -> None:
        self.corpus = corpus
        self.rng = random.Random(seed)
        self.threads: list[tuple[int, int, str, list[str]]] = []
        self.thread_of: dict[int, int] = {}

    def happening(self, number: int, when: datetime) -> tuple[int, str, list[str], datetime]:
        """A happening: its thread (a seed article, names and words of its own), its time.

        One happening in three starts a thread; the others continue one of the 300 latest, so
        stories are threads of a few events each, each about its own people and things.
        """
        rng = self.rng
        if not self.threads or rng.random() < 0.35:
            category = rng.choice(sorted(self.corpus.by_category))
            seed = rng.choice(self.corpus.by_category[category])
            own = [self._word().title(), self._word().title(), self._word(), self._word()]
            self.threads.append((len(self.threads), seed, category, own))
        thread, seed, category, own = rng.choice(self.threads[-300:])
        self.thread_of[number] = thread
        return seed, category, [*own, self._word().title()], when

    def _word(self) -> str:
        return "".join(self.rng.choice(_SYLLABLES) for _ in range(3))

    def report(
        self, number: int, seed: int, category: str, names: list[str], when: datetime
    ) -> Report:
        """One outlet's report of a happening."""
        rng = self.rng
        _, title, sentences = self.corpus.articles[seed]
        own = rng.sample(sentences, k=min(len(sentences), rng.randint(4, 7)))
        others = []
        for _ in range(rng.randint(1, 3)):
            other = self.corpus.articles[rng.choice(self.corpus.by_category[category])][2]
            others.append(rng.choice(other))
        lead = (
            f"{names[0]}, {names[1]} and {names[4]} were at the centre of the {names[2]} "
            f"{names[3]} affair, officials told reporters on the day, {rng.choice(_LEADS)}."
        )
        paragraphs = [lead, *own[:2], " ".join(own[2:]), *others]
        outlet = rng.randrange(OUTLETS)
        paragraphs.append(_FURNITURE[outlet % len(_FURNITURE)].format(outlet=_outlet(outlet)))
        published = when + timedelta(minutes=rng.randint(0, 600))
        return Report(
            outlet,
            f"{title}: {names[0]} and {names[4]}",
            "\n\n".join(paragraphs),
            published,
            number,
            seed,
            tuple(names),
        )

    def stream(self, count: int, start: datetime, days: float, first: int = 0) -> Iterator[Report]:
        """`count` reports of happenings spread over `days` from `start`, in time order."""
        made = 0
        number = first
        span = timedelta(days=days)
        happenings = []
        while made < count:
            when = start + span * (made / max(1, count))
            happenings.append((number, *self.happening(number, when)))
            for _ in range(min(count - made, self.rng.choice((1, 1, 2, 2, 3, 4, 6)))):
                yield self.report(number, *happenings[-1][1:])
                made += 1
            number += 1


_LEADS = (
    "as the first accounts came in",
    "while the details were still being checked",
    "and more was expected later in the week",
    "adding that a fuller statement would follow",
)
_SYLLABLES = ("kor", "val", "mir", "dan", "tesh", "lor", "vin", "sar", "bel", "mon", "rak", "zen")
_FURNITURE = (
    "Sign up for the {outlet} newsletter",
    "Follow {outlet} on social media",
    "Copyright {outlet}. All rights reserved",
    "Read more from {outlet}",
)


def _outlet(number: int) -> str:
    return f"The {['Daily', 'Evening', 'Morning', 'Weekly'][number % 4]} Courier {number}"


# -- building databases -------------------------------------------------------------------


def build(engine: Engine, corpus: Corpus, size: int) -> float:
    """Fill a fresh database with `size` articles; return the seconds it took."""
    started = time.perf_counter()
    create_schema(engine)
    if size == 0:
        return time.perf_counter() - started
    writer = Writer(corpus, seed=size)
    postgres = engine.dialect.name == "postgresql"
    sources = [{"id": n + 1, "name": _outlet(n)} for n in range(OUTLETS)]
    _bulk(engine, tables.SOURCES, sources, postgres)
    ids = Counter[str]()
    lines: Counter[tuple[int, str]] = Counter()
    events: dict[int, dict[str, Any]] = {}
    stories: dict[tuple[int, int], dict[str, Any]] = {}
    reports = writer.stream(size, END - timedelta(days=DAYS), DAYS)
    rng = random.Random(size + 1)
    flushed: set[tuple[str, int]] = set()
    postings: Counter[int] = Counter()
    while True:
        chunk = [report for _, report in zip(range(CHUNK), reports, strict=False)]
        if not chunk:
            break
        articles, summaries, shingles, copies = [], [], [], []
        for report in chunk:
            ids["article"] += 1
            article_id = ids["article"]
            event = events.get(report.happening)
            if event is None:
                ids["event"] += 1
                seed = report.seed
                period = (writer.thread_of[report.happening], 0)  # a story per thread
                story = stories.get(period)
                if story is None:
                    ids["story"] += 1
                    story = stories[period] = {
                        "id": ids["story"],
                        "title": report.title,
                        "first_seen": report.published,
                        "last_seen": report.published,
                    }
                event = events[report.happening] = {
                    "id": ids["event"],
                    "story_id": story["id"],
                    "title": report.title,
                    "first_seen": report.published,
                    "last_seen": report.published,
                    "article_count": 0,
                    "sources": set(),
                    "profile_json": corpus.profile(seed, report.names, rng),
                    "created_at": report.published,
                }
                story["last_seen"] = max(story["last_seen"], report.published)
            event["article_count"] += 1
            event["sources"].add(report.outlet + 1)
            event["last_seen"] = max(event["last_seen"], report.published)
            articles.append(
                {
                    "id": article_id,
                    "title": report.title,
                    "body": report.body,
                    "source_id": report.outlet + 1,
                    "location": f"synthetic://{report.outlet}/{article_id}",
                    "published": report.published,
                    "published_estimated": False,
                    "published_date_only": False,
                    "language": "en",
                    "fingerprint": content_fingerprint(report.body),
                    "event_id": event["id"],
                    "ingested_at": report.published,
                    "features": features_json(  # as ingest stores them
                        article_features(
                            report.title, report.body, "en", year=report.published.year
                        )
                    ),
                }
            )
            first = report.body.split("\n\n")[1:4]
            summaries.append(
                {
                    "id": article_id,
                    "article_id": article_id,
                    "method": "default",
                    "length": "3s",
                    "sentences_json": json.dumps(first),
                    "created_at": report.published,
                }
            )
            sample = shingle_sample(report.body)
            for value in stored_shingles(sample):
                if postings[value] <= MAX_POSTINGS:  # as add_shingles: stock phrases stop
                    postings[value] += 1
                    shingles.append({"shingle": value, "article_id": article_id})
            furniture = report.body.rsplit("\n\n", 1)[-1].casefold()
            lines[(report.outlet + 1, line_key(furniture))] += 1
            if rng.random() < COPY_SHARE:
                ids["copy"] += 1
                other = (report.outlet + 7) % OUTLETS
                event["sources"].add(other + 1)
                copies.append(
                    {
                        "id": ids["copy"],
                        "article_id": article_id,
                        "source_id": other + 1,
                        "location": f"synthetic://{other}/copy-{article_id}",
                        "fingerprint": hashlib.sha256(f"copy {article_id}".encode()).hexdigest(),
                        "similarity": 0.93,
                        "seen_at": report.published,
                    }
                )
        _flush_parents(engine, events, stories, postgres, flushed)
        _bulk(engine, tables.ARTICLES, articles, postgres)
        _bulk(engine, tables.SUMMARIES, summaries, postgres)
        _bulk(engine, tables.SHINGLES, shingles, postgres)
        _bulk(engine, tables.COPIES, copies, postgres)
    _update_counts(engine, events, stories)
    line_rows = [
        {"id": n, "source_id": source, "line_key": key, "articles": count}
        for n, ((source, key), count) in enumerate(sorted(lines.items()), start=1)
    ]
    _bulk(engine, tables.LINES, line_rows, postgres)
    if postgres:
        _reset_sequences(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    return time.perf_counter() - started


def _flush_parents(
    engine: Engine,
    events: dict[int, dict[str, Any]],
    stories: dict[tuple[int, int], dict[str, Any]],
    postgres: bool,
    flushed: set[tuple[str, int]],
) -> None:
    """Insert the events and stories not yet written (counts are set at the end)."""
    new_stories = [s for s in stories.values() if ("story", s["id"]) not in flushed]
    new_events = [e for e in events.values() if ("event", e["id"]) not in flushed]
    _bulk(engine, tables.STORIES, new_stories, postgres)
    rows = [
        {k: v for k, v in e.items() if k != "sources"} | {"source_count": 0} for e in new_events
    ]
    _bulk(engine, tables.EVENTS, rows, postgres)
    flushed.update(("story", s["id"]) for s in new_stories)
    flushed.update(("event", e["id"]) for e in new_events)


def _update_counts(
    engine: Engine,
    events: dict[int, dict[str, Any]],
    stories: dict[tuple[int, int], dict[str, Any]],
) -> None:
    """Final counts and spans in a few grouped statements (UPDATE ... FROM a temporary table)."""
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TEMPORARY TABLE event_counts (id INTEGER PRIMARY KEY, last_seen TIMESTAMP, "
            "article_count INTEGER, source_count INTEGER)"
        )
        connection.execute(
            text(
                "INSERT INTO event_counts VALUES (:id, :last_seen, :article_count, :source_count)"
            ),
            [
                {
                    "id": e["id"],
                    "last_seen": _stored_time(engine, e["last_seen"]),
                    "article_count": e["article_count"],
                    "source_count": len(e["sources"]),
                }
                for e in events.values()
            ],
        )
        connection.exec_driver_sql(
            "UPDATE event SET last_seen = event_counts.last_seen, "
            "article_count = event_counts.article_count, source_count = event_counts.source_count "
            "FROM event_counts WHERE event.id = event_counts.id"
        )
        connection.exec_driver_sql(
            "CREATE TEMPORARY TABLE story_spans (id INTEGER PRIMARY KEY, last_seen TIMESTAMP)"
        )
        connection.execute(
            text("INSERT INTO story_spans VALUES (:id, :last_seen)"),
            [
                {"id": s["id"], "last_seen": _stored_time(engine, s["last_seen"])}
                for s in stories.values()
            ],
        )
        connection.exec_driver_sql(
            "UPDATE story SET last_seen = story_spans.last_seen "
            "FROM story_spans WHERE story.id = story_spans.id"
        )


def _stored_time(engine: Engine, moment: datetime) -> object:
    """A time as the UTCDateTime column stores it (naive UTC text on SQLite)."""
    if engine.dialect.name == "sqlite":
        return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
    return moment


def _bulk(engine: Engine, table: Any, rows: Sequence[dict[str, Any]], postgres: bool) -> None:
    """Insert rows in one statement per chunk (COPY on PostgreSQL)."""
    if not rows:
        return
    if not postgres:
        with engine.begin() as connection:
            connection.execute(insert(table), list(rows))
        return
    columns = list(rows[0])
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        statement = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
        with cursor.copy(statement) as copy:  # type: ignore[attr-defined]
            for row in rows:
                copy.write_row([row[column] for column in columns])
        raw.commit()
    finally:
        raw.close()


def _reset_sequences(engine: Engine) -> None:
    with engine.begin() as connection:
        for name in ("source", "story", "event", "article", "articlecopy", "summary", "sourceline"):
            connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT max(id) FROM {name}), 0) + 1, false)"
            )


# -- measuring ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One `briefing ingest` child: wall seconds, peak RSS (MB), what it printed, CPU seconds."""

    seconds: float
    rss_mb: float
    output: str
    cpu: float = 0.0


def ingest_child(url: str, paths: Sequence[str]) -> Run:
    """Run `briefing ingest --db URL PATHS...` and measure it."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("DATABASE_URL", None)
    env.pop("BRIEFING_CONFIG", None)
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "ingest", "--json", "--db", url, *paths],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    output, _ = child.communicate()
    seconds = time.perf_counter() - started
    rss, cpu = _child_rusage(child.pid)
    return Run(seconds, rss / 1024, output.decode(errors="replace")[-400:], cpu)


_RUSAGE: dict[int, tuple[int, float]] = {}


def _child_rusage(pid: int) -> tuple[int, float]:
    """Peak RSS (kB) and CPU seconds (user and system) of a finished child, captured by its
    reaper (see `_reap_popen`)."""
    return _RUSAGE.pop(pid, (0, 0.0))


def _reap_popen() -> None:
    """Make Popen reap children with wait4, keeping each one's peak RSS."""
    original = subprocess.Popen._try_wait  # type: ignore[attr-defined]

    def _try_wait(self: subprocess.Popen[bytes], wait_flags: int) -> tuple[int, int]:
        try:
            pid, status, usage = os.wait4(self.pid, wait_flags)
        except ChildProcessError:
            return original(self, wait_flags)  # type: ignore[no-any-return]
        if pid:
            _RUSAGE[pid] = (usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
        return pid, status

    subprocess.Popen._try_wait = _try_wait  # type: ignore[attr-defined]


def steady_child(url: str, paths: Sequence[str]) -> tuple[float, float]:
    """In one child (as the bot's feed poll): the first ingest call, then the next one."""
    code = (
        "import json, sys, time\n"
        "from summarizer.service import BriefingService\n"
        "from summarizer.store.db import make_engine\n"
        "service = BriefingService(make_engine(sys.argv[1]))\n"
        "times = []\n"
        "for path in sys.argv[2:]:\n"
        "    started = time.perf_counter()\n"
        "    service.ingest([path])\n"
        "    times.append(time.perf_counter() - started)\n"
        "print(json.dumps(times))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, url, *paths],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    times = json.loads(done.stdout.strip().splitlines()[-1])
    return times[0], sorted(times[1:])[len(times[1:]) // 2]


_POLLS = (
    "import sys\n"
    "from summarizer.service import BriefingService\n"
    "from summarizer.store.db import make_engine\n"
    "service = BriefingService(make_engine(sys.argv[1]))\n"
    "for path in sys.argv[2:]:\n"
    "    service.ingest([path])\n"
)


def worker(url: str, paths: Sequence[str], mode: str) -> subprocess.Popen[bytes]:
    """Start one ingest worker: `briefing ingest` of every path ("batch"), or one long-lived
    service ingesting one file per call, as the bot's feed poll does ("polls")."""
    command = (
        ["-m", "bot.cli", "ingest", "--json", "--db", url]
        if mode == "batch"
        else [
            "-c",
            _POLLS,
            url,
        ]
    )
    return subprocess.Popen(
        [sys.executable, *command, *paths],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def timed_worker(url: str, paths: Sequence[str], mode: str) -> tuple[float, float]:
    """Run one worker to its end; its wall seconds and CPU seconds (its own and its workers')."""
    started = time.perf_counter()
    child = worker(url, paths, mode)
    child.communicate()  # a failed input is reported in its output, as in the pair's
    return time.perf_counter() - started, _child_rusage(child.pid)[1]


def write_files(folder: Path, reports: Sequence[Report]) -> list[str]:
    """Write reports as plain-text files (title, date line, paragraphs); return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, report in enumerate(reports):
        path = folder / f"{number:05d}.txt"
        stamp = report.published.strftime("%d %B %Y %H:%M UTC")
        path.write_text(f"{report.title}\n\n{_outlet(report.outlet)}, {stamp}\n\n{report.body}\n")
        paths.append(str(path))
    return paths


def new_reports(corpus: Corpus, count: int, seed: int, first: int) -> list[Report]:
    """`count` reports of new happenings in the last day after the stored ones."""
    writer = Writer(corpus, seed=seed)
    return list(writer.stream(count, END + timedelta(hours=1), 1.0, first=first))


def pg_database(base: str, name: str, template: str | None = None) -> str:
    """(Re)create the PostgreSQL database `name` (a copy of `template` when given)."""
    url = make_url(base)
    admin = make_engine(base)
    try:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            source = f" TEMPLATE {template}" if template else ""
            connection.exec_driver_sql(f"CREATE DATABASE {name}{source}")
    finally:
        admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def run(
    sizes: Sequence[int],
    postgres: str | None,
    shared: Path,
    folder: Path,
    batch_size: int,
    pair_size: int,
    pg_sizes: Sequence[int],
    pair_modes: Sequence[str] = ("batch",),
    reuse: bool = False,
) -> str:
    """Build, measure, and return the Markdown report."""
    _reap_popen()
    corpus = Corpus.load(shared)
    one = write_files(folder / "one", new_reports(corpus, 1, seed=7, first=10**7))
    # The next article through the CLI: a process that follows the origin the first one wrote.
    again = write_files(folder / "again", new_reports(corpus, 1, seed=9, first=3 * 10**7))
    polls = write_files(folder / "polls", new_reports(corpus, 6, seed=6, first=4 * 10**7))
    batch = write_files(folder / "batch", new_reports(corpus, batch_size, seed=8, first=2 * 10**7))
    rows = [
        "| backend | articles | build s | one article, CLI s (CPU) | one RSS MB "
        "| next article, CLI s (CPU) | next RSS MB | first call s "
        "| next calls s | batch s (CPU) | articles/s | batch RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    backends = [("sqlite", None, sizes)] + (
        [("postgresql", postgres, pg_sizes)] if postgres else []
    )
    pair_rows: list[str] = []
    for backend, base, backend_sizes in backends:
        for size in backend_sizes:
            kept = folder / f"built_{size}.db"  # a kept build (SQLite), reused by --reuse
            if backend == "sqlite":
                path = folder / f"scale_{size}.db"
                path.unlink(missing_ok=True)
                url = f"sqlite:///{path}"
            else:
                assert base is not None
                url = pg_database(base, f"scale_{size}")
            if backend == "sqlite" and reuse and kept.exists():
                shutil.copyfile(kept, path)
                built = float("nan")
            else:
                engine = make_engine(url)
                try:
                    built = build(engine, corpus, size)
                finally:
                    engine.dispose()
                if backend == "sqlite" and reuse:
                    shutil.copyfile(path, kept)
            if backend == "postgresql" and size == pair_size:  # copies of the built database
                for mode in pair_modes:
                    pair_rows += measure_pair(
                        base or "", f"scale_{size}", corpus, folder, size, batch_size, mode
                    )
            single = ingest_child(url, one)
            following = ingest_child(url, again)
            first, steady = steady_child(url, polls)
            many = ingest_child(url, batch)
            rows.append(
                f"| {backend} | {size:,} | {built:.0f} | {single.seconds:.2f} ({single.cpu:.2f}) | "
                f"{single.rss_mb:.0f} | {following.seconds:.2f} ({following.cpu:.2f}) | "
                f"{following.rss_mb:.0f} | {first:.2f} | {steady:.3f} | {many.seconds:.1f} "
                f"({many.cpu:.1f}) | "
                f"{batch_size / many.seconds:.1f} | {many.rss_mb:.0f} |"
            )
            print(rows[-1], flush=True)
            print(single.output[-200:], many.output[-200:], flush=True)
    report = ["# Ingest at scale", "", *rows, ""]
    if pair_rows:
        report += [
            "## Two workers on PostgreSQL",
            "",
            "| articles before | calls | workers | seconds (CPU) | articles/s | differences |",
            "|---|---|---|---|---|---|",
            *pair_rows,
            "",
        ]
    return "\n".join(report)


def measure_pair(
    base: str, built: str, corpus: Corpus, folder: Path, size: int, count: int, mode: str
) -> list[str]:
    """Two workers over interleaved halves against one worker; rows of the pair table."""
    stream = write_files(
        folder / f"pair_{size}", new_reports(corpus, count, seed=9, first=3 * 10**7)
    )
    pair_url = pg_database(base, f"scale_{size}_pair", template=built)
    serial_url = pg_database(base, f"scale_{size}_serial", template=built)
    ordered_url = pg_database(base, f"scale_{size}_ordered", template=built)
    started = time.perf_counter()
    children = [worker(pair_url, half, mode) for half in (stream[0::2], stream[1::2])]
    for child in children:
        child.communicate()
    pair_seconds = time.perf_counter() - started
    pair_cpu = sum(_child_rusage(child.pid)[1] for child in children)
    engine = make_engine(pair_url)
    try:
        new = set(stream)  # the stored database's own articles are not files
        pair = ingest_outcome(engine)
        order = [location for location in arrival_order(engine) if location in new]
    finally:
        engine.dispose()
    serial, serial_cpu = timed_worker(serial_url, order, mode)
    ordered, ordered_cpu = timed_worker(ordered_url, stream, mode)
    outcomes = []
    for url in (serial_url, ordered_url):
        engine = make_engine(url)
        try:
            outcomes.append(ingest_outcome(engine))
        finally:
            engine.dispose()
    in_order = {part: outcomes[1][part] for part in ("articles", "copies", "events")}
    pair_part = {part: pair[part] for part in in_order}
    return [
        f"| {size:,} | {mode} | 2 | {pair_seconds:.1f} ({pair_cpu:.1f}) | "
        f"{count / pair_seconds:.1f} | "
        f"{differences(outcomes[0], pair)} against one worker in the pair's order |",
        f"| {size:,} | {mode} | 1 (pair's order) | {serial:.1f} ({serial_cpu:.1f}) | "
        f"{count / serial:.1f} | |",
        f"| {size:,} | {mode} | 1 (stream order) | {ordered:.1f} ({ordered_cpu:.1f}) | "
        f"{count / ordered:.1f} | "
        f"{differences(in_order, pair_part)} in articles, copies, events against the pair |",
    ]


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the arguments, run, print and save the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,10000,100000", help="articles per database")
    parser.add_argument("--postgres", help="PostgreSQL URL (databases scale_* are created)")
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--batch", type=int, default=1_000, help="articles per batch")
    parser.add_argument("--pg-sizes", help="articles per PostgreSQL database (default --sizes)")
    parser.add_argument("--pair-size", type=int, default=10_000, help="database of the pair")
    parser.add_argument(
        "--pair-calls",
        default="batch",
        help="how the pair's workers ingest, comma-separated: batch (one `briefing ingest` "
        "each) and/or polls (one long-lived service each, one file per call)",
    )
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: keep each SQLite build as built_N.db and measure copies of it in "
        "later runs instead of building again (the build column then says nan)",
    )
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size]
    pg_sizes = [int(size) for size in (args.pg_sizes or args.sizes).split(",") if size]
    modes = [mode for mode in args.pair_calls.split(",") if mode in ("batch", "polls")]
    shared = args.shared or default_shared()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        report = run(
            sizes,
            args.postgres,
            shared,
            args.keep,
            args.batch,
            args.pair_size,
            pg_sizes,
            modes,
            reuse=args.reuse,
        )
    else:
        with tempfile.TemporaryDirectory(prefix="scale_") as folder:
            report = run(
                sizes,
                args.postgres,
                shared,
                Path(folder),
                args.batch,
                args.pair_size,
                pg_sizes,
                modes,
            )
    print(report)
    RESULTS.write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
