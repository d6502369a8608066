"""Ingest as history grows: one article and a 1,000-article batch into databases of 0 to 100,000.

Run: `.venv/bin/python -m benchmarks.ingest_scale [--sizes 0,10000,100000] [--postgres URL]`
(`--pg-prefix me_` names the PostgreSQL databases me_scale_N, me_built_N: see `database_name`).

Each database is built synthetic but realistic, fast, with bulk inserts (executemany on SQLite,
COPY on PostgreSQL): outlets, threads of happenings over four months, each happening reported
by one to six outlets (sentences of three BBC articles of ../shared/eval of one category, their
names replaced by the thread's generated ones, with the thread's own people, body, place and
words: see `Writer`; an outlet's furniture line), about one article in twenty with a
near-duplicate copy; every table ingestion reads is filled as ingestion fills it (events with
their profiles and stories made by the product's own code, summaries, copies, the
near-duplicate shingle rows, the furniture counts: see `build`). Then, through the
`briefing` CLI in a child process (as a user or a feed poll runs it): one new article (the
database holds no ingest origin yet: this process rebuilds the indexes, the stories placed
from the rows the build filled as a rebuild fills them), the next new article
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
import contextlib
import hashlib
import itertools
import json
import multiprocessing
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session

from benchmarks.product import default_shared
from summarizer.clean.furniture_lines import line_key
from summarizer.events.cluster import EventDoc
from summarizer.events.features import article_features, stop_words
from summarizer.events.profiles import event_profiles
from summarizer.events.stories import StoryLinker
from summarizer.store import tables
from summarizer.store.db import create_schema, make_engine
from summarizer.store.features import features_json
from summarizer.store.profiles import profile_json
from summarizer.store.snapshot import arrival_order, differences, ingest_outcome
from summarizer.store.story_sums import fill_story_sums
from summarizer.text.fingerprint import (
    MAX_POSTINGS,
    content_fingerprint,
    shingle_sample,
    stored_shingles,
)
from summarizer.text.months import ENGLISH_MONTHS, WEEKDAY_PHRASES

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


@dataclass
class Thread:
    """What one thread of happenings is about: its own cast and words, and its BBC material.

    Attributes:
        number: the thread's number (a story per thread when the reports are made).
        category: the BBC category its sentences come from.
        sources: the BBC articles its happenings are told with.
        people: (given name, family name) of its actors, generated.
        organisation: a generated body ("Telbor Group").
        place: a generated place name.
        words: its own distinctive lower-case words ("drusken").
        renames: each real name of the BBC sentences -> the generated name it stands for here.
    """

    number: int
    category: str
    sources: list[int]
    people: list[tuple[str, str]]
    organisation: str
    place: str
    words: list[str]
    renames: dict[str, str] = field(default_factory=dict)


@dataclass
class Happening:
    """One happening of a thread: its word, its headline verb and the sentences that tell it."""

    number: int
    thread: Thread
    word: str
    verb: str
    sentences: list[str]
    when: datetime


@dataclass
class Report:
    """One synthetic article."""

    outlet: int
    title: str
    body: str
    published: datetime
    happening: int
    thread: int


class Writer:
    """Makes happenings and their reports, deterministic for a seed.

    Each thread has its own cast: people, a body and a place with generated names (drawn
    without repeats from a space of about 10^9 words, so two threads, or two writers, rarely
    share one), its own words, and the BBC sentences it is told with, whose real names are
    replaced by generated ones of the thread (the same real name, the same generated name, in
    every report of the thread). So, as in real news, the reports of one happening share their
    names, a thread's happenings share its actors, and different threads share only common
    words and names (months, weekdays, "Mr"), whatever BBC article they borrow sentences from.
    """

    def __init__(self, corpus: Corpus, seed: int) -> None:
        self.corpus = corpus
        self.rng = random.Random(seed)
        self.threads: list[Thread] = []
        self._used: set[str] = set()

    def happening(self, number: int, when: datetime) -> Happening:
        """A happening: its thread (new, or one of the 300 latest), its word and sentences.

        One happening in three starts a thread; the others continue one of the 300 latest, so
        stories are threads of a few events each, each about its own people and things.
        """
        rng = self.rng
        if not self.threads or rng.random() < 0.35:
            self.threads.append(self._thread(len(self.threads)))
        thread = rng.choice(self.threads[-300:])
        pool = [s for source in thread.sources for s in self.corpus.articles[source][2]]
        told = rng.sample(pool, k=min(len(pool), rng.randint(7, 10)))
        return Happening(
            number,
            thread,
            self._word(),
            rng.choice(_VERBS),
            [self._renamed(thread, sentence) for sentence in told],
            when,
        )

    def _thread(self, number: int) -> Thread:
        rng = self.rng
        category = rng.choice(sorted(self.corpus.by_category))
        sources = rng.sample(self.corpus.by_category[category], k=3)
        people = [(self._name(2), self._name(3)) for _ in range(rng.randint(2, 3))]
        organisation = f"{self._name(2)} {rng.choice(_BODIES)}"
        words = [self._word(), self._word()]
        return Thread(number, category, sources, people, organisation, self._name(3), words)

    def _name(self, syllables: int) -> str:
        """A generated name never given before by this writer."""
        while True:
            name = "".join(self._syllable() for _ in range(syllables)).title()
            if name not in self._used:
                self._used.add(name)
                return name

    def _word(self) -> str:
        """A generated lower-case word (no common word of English: a specific one)."""
        return self._name(3).lower()

    def _syllable(self) -> str:
        rng = self.rng
        return rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)

    def _renamed(self, thread: Thread, sentence: str) -> str:
        """A BBC sentence with its names (capitalised words inside it) replaced by the
        thread's generated ones; months, weekdays, titles ("Mr") and stop words stay."""

        def rename(match: re.Match[str]) -> str:
            word = match.group()
            if match.start() == 0 or word.lower() in _KEPT or word.lower() in _STOPS:
                return word
            name = thread.renames.get(word)
            if name is None:
                name = thread.renames[word] = self._name(2 + len(word) // 8)
            return name

        return _CAPITALISED.sub(rename, sentence)

    def report(self, happening: Happening) -> Report:
        """One outlet's report of a happening."""
        rng = self.rng
        thread = happening.thread
        (given, family), (_, other) = rng.sample(thread.people, k=2)
        fields = {
            "given": given,
            "family": family,
            "other": other,
            "body": thread.organisation,
            "place": thread.place,
            "topic": thread.words[0],
            "word": happening.word,
            "verb": happening.verb,
        }
        own = rng.sample(happening.sentences, k=min(len(happening.sentences), rng.randint(4, 6)))
        others = []
        for _ in range(rng.randint(1, 2)):
            article = rng.choice(self.corpus.by_category[thread.category])
            others.append(self._renamed(thread, rng.choice(self.corpus.articles[article][2])))
        lead = rng.choice(_LEADS).format(**fields)
        paragraphs = [lead, *own[:2], " ".join(own[2:]), *others]
        outlet = rng.randrange(OUTLETS)
        paragraphs.append(_FURNITURE[outlet % len(_FURNITURE)].format(outlet=_outlet(outlet)))
        published = happening.when + timedelta(minutes=rng.randint(0, 600))
        return Report(
            outlet,
            rng.choice(_TITLES).format(**fields),
            "\n\n".join(paragraphs),
            published,
            happening.number,
            thread.number,
        )

    def stream(self, count: int, start: datetime, days: float, first: int = 0) -> Iterator[Report]:
        """`count` reports of happenings spread over `days` from `start`, in time order (the
        reports of one happening one after another)."""
        made = 0
        number = first
        span = timedelta(days=days)
        while made < count:
            happening = self.happening(number, start + span * (made / max(1, count)))
            for _ in range(min(count - made, self.rng.choice((1, 1, 2, 2, 3, 4, 6)))):
                yield self.report(happening)
                made += 1
            number += 1


#: A word that opens with a capital, digits included as ingest reads words ("G8", "U2").
_CAPITALISED = re.compile(r"\b[A-Z][^\W_]*")
_STOPS = stop_words("en")
_KEPT = frozenset(
    {*ENGLISH_MONTHS, *(p.lower() for p in WEEKDAY_PHRASES), "mr", "mrs", "ms", "dr", "sir"}
)
_ONSETS: tuple[str, ...] = ("b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v")
_ONSETS = (*_ONSETS, "z", "br", "dr", "gr", "kr", "st", "tr", "sh", "th", "ch")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ei", "ou")
_CODAS = ("", "", "n", "r", "l", "s", "m", "k")
_BODIES = ("Group", "Council", "Union", "Holdings", "Trust", "Party", "Agency", "United")
_VERBS = (
    "faces questions over",
    "defends",
    "hits back at critics of",
    "welcomes",
    "warns over",
    "backs",
    "rejects",
    "calls for review of",
)
_TITLES = (
    "{family} {verb} {word} plan",
    "{body} {word} row: {family} {verb} deal",
    "{place} {word}: {given} {family} {verb} move",
    "{family} and {other} in {topic} {word} dispute",
)
_LEADS = (
    "{given} {family}, {other} and the {body} were at the centre of the {topic} {word} affair "
    "in {place}, officials told reporters on the day.",
    "{given} {family} {verb} the {word} plan, as the {body} met in {place} to discuss the "
    "{topic} question.",
    "The {body} said {given} {family} and {other} would answer questions in {place} about "
    "the {word} decision and the wider {topic} issue.",
    "In {place}, {given} {family} said the {word} move by the {body} was part of the {topic} "
    "plans {other} had set out.",
)
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
    """Fill a fresh database with `size` articles; return the seconds it took.

    Articles (with their features as ingest stores them), summaries, copies, shingle rows and
    furniture counts are written as ingest writes them. A happening's reports are its event
    (ingest's event clustering is not run). Each event's profile is made by the product's own
    code from its articles' features (`events.profiles.event_profiles`, the story profile
    `EventIndex.profile` builds: full names, specific names), its names weighed by their
    document frequencies in the chunk of about CHUNK articles it is written with. Events are
    linked into stories by the product's `StoryLinker` in time order, each once with its
    final profile (ingest links an event again as it grows), so stories are what story
    linking makes of the threads, not the threads as written.
    """
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
    stories = Stories()
    reports = writer.stream(size, END - timedelta(days=DAYS), DAYS)
    rng = random.Random(size + 1)
    postings: Counter[int] = Counter()
    for happenings in _chunks(reports, CHUNK):
        articles, summaries, shingles, copies = [], [], [], []
        events: list[dict[str, Any]] = []
        docs: list[tuple[int, list[EventDoc]]] = []
        for group in happenings:
            ids["event"] += 1
            first = group[0]
            event: dict[str, Any] = {
                "id": ids["event"],
                "story_id": None,  # set once the stories are written
                "title": first.title,
                "first_seen": min(report.published for report in group),
                "last_seen": max(report.published for report in group),
                "article_count": len(group),
                "source_count": 0,
                "profile_json": "{}",
                "created_at": first.published,
            }
            outlets: set[int] = set()
            members: list[EventDoc] = []
            for report in group:
                ids["article"] += 1
                article_id = ids["article"]
                outlets.add(report.outlet + 1)
                # Stored as the cleaner leaves it: the outlet's furniture line (its last
                # paragraph, counted below) is known boilerplate once the outlet has a few
                # articles, so neither the text nor its features hold it.
                body, furniture = report.body.rsplit("\n\n", 1)
                found = article_features(report.title, body, "en", year=report.published.year)
                members.append(
                    EventDoc(
                        article_id,
                        report.title,
                        body,
                        _outlet(report.outlet),
                        report.published,
                        "en",
                        found,
                    )
                )
                articles.append(
                    {
                        "id": article_id,
                        "title": report.title,
                        "body": body,
                        "source_id": report.outlet + 1,
                        "location": f"synthetic://{report.outlet}/{article_id}",
                        "published": report.published,
                        "published_estimated": False,
                        "published_date_only": False,
                        "language": "en",
                        "fingerprint": content_fingerprint(body),
                        "event_id": event["id"],
                        "ingested_at": report.published,
                        "features": features_json(found),  # as ingest stores them
                    }
                )
                summaries.append(
                    {
                        "id": article_id,
                        "article_id": article_id,
                        "method": "default",
                        "length": "3s",
                        "sentences_json": json.dumps(body.split("\n\n")[1:4]),
                        "created_at": report.published,
                    }
                )
                sample = shingle_sample(body)
                for value in stored_shingles(sample):
                    if postings[value] <= MAX_POSTINGS:  # as add_shingles: stock phrases stop
                        postings[value] += 1
                        shingles.append({"shingle": value, "article_id": article_id})
                lines[(report.outlet + 1, line_key(furniture.casefold()))] += 1
                if rng.random() < COPY_SHARE:
                    ids["copy"] += 1
                    other = (report.outlet + 7) % OUTLETS
                    outlets.add(other + 1)
                    copies.append(
                        {
                            "id": ids["copy"],
                            "article_id": article_id,
                            "source_id": other + 1,
                            "location": f"synthetic://{other}/copy-{article_id}",
                            "fingerprint": hashlib.sha256(
                                f"copy {article_id}".encode()
                            ).hexdigest(),
                            "similarity": 0.93,
                            "seen_at": report.published,
                        }
                    )
            event["source_count"] = len(outlets)
            events.append(event)
            docs.append((event["id"], members))
        profiles, _ = event_profiles(docs)
        for event in events:
            profile = profiles.get(event["id"], {})
            event["profile_json"] = profile_json(profile)
            stories.link(event, profile)
        _bulk(engine, tables.EVENTS, events, postgres)
        _bulk(engine, tables.ARTICLES, articles, postgres)
        _bulk(engine, tables.SUMMARIES, summaries, postgres)
        _bulk(engine, tables.SHINGLES, shingles, postgres)
        _bulk(engine, tables.COPIES, copies, postgres)
    _bulk(engine, tables.STORIES, list(stories.rows.values()), postgres)
    _set_stories(engine, stories)
    line_rows = [
        {"id": n, "source_id": source, "line_key": key, "articles": count}
        for n, ((source, key), count) in enumerate(sorted(lines.items()), start=1)
    ]
    _bulk(engine, tables.LINES, line_rows, postgres)
    if postgres:
        _reset_sequences(engine)
    # The stories' rows (summarizer.store.story_sums) as the last rebuild of a deployment
    # leaves them: the first process measured rebuilds from them, as one after a damaged
    # origin or a prune would (after a features-version upgrade none match: every story is
    # summed again).
    with Session(engine) as session:
        fill_story_sums(session=session, linker=StoryLinker())
        session.commit()
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    return time.perf_counter() - started


def build_apart(url: str, shared: Path, size: int) -> float:
    """`build` into the database at `url` in a process of its own; return its seconds.

    On Linux a child keeps its parent's peak RSS as its own across fork and exec, so the
    build's memory (the writer's names, the story linker) stays out of the children measured
    after it only if it never was in this process.
    """
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return float(pool.apply(_build, (url, shared, size)))


def _build(url: str, shared: Path, size: int) -> float:
    engine = make_engine(url)
    try:
        return build(engine, Corpus.load(shared), size)
    finally:
        engine.dispose()


def _chunks(reports: Iterator[Report], size: int) -> Iterator[list[list[Report]]]:
    """The reports as lists of whole happenings (a happening's reports come in a row), about
    `size` reports a list."""
    chunk: list[list[Report]] = []
    count = 0
    for _, group in itertools.groupby(reports, key=lambda report: report.happening):
        if count >= size:
            yield chunk
            chunk, count = [], 0
        chunk.append(list(group))
        count += len(chunk[-1])
    if chunk:
        yield chunk


class Stories:
    """Events linked into stories by the product's `StoryLinker`, as ingest links them.

    Attributes:
        rows: the story rows to write (id, title, first and last seen), by story key.
        members: each story's event ids (merged stories' events moved into the one kept).
    """

    def __init__(self) -> None:
        self.linker = StoryLinker()
        self.rows: dict[int, dict[str, Any]] = {}
        self.members: dict[int, list[int]] = {}

    def link(self, event: dict[str, Any], profile: Mapping[str, float]) -> None:
        """Link an event (its row) by its profile; a new story takes the event's title."""
        link = self.linker.link(event["id"], profile, event["last_seen"])
        key = link.story_key
        story = self.rows.setdefault(
            key,
            {
                "id": key,
                "title": event["title"],
                "first_seen": event["first_seen"],
                "last_seen": event["last_seen"],
            },
        )
        members = self.members.setdefault(key, [])
        for old in link.merged:
            members.extend(self.members.pop(old))
            gone = self.rows.pop(old)
            story["first_seen"] = min(story["first_seen"], gone["first_seen"])
            story["last_seen"] = max(story["last_seen"], gone["last_seen"])
        members.append(event["id"])
        story["first_seen"] = min(story["first_seen"], event["first_seen"])
        story["last_seen"] = max(story["last_seen"], event["last_seen"])


def _set_stories(engine: Engine, stories: Stories) -> None:
    """Each event's story, in one grouped statement (UPDATE ... FROM a temporary table)."""
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TEMPORARY TABLE event_stories (id INTEGER PRIMARY KEY, story_id INTEGER)"
        )
        connection.execute(
            text("INSERT INTO event_stories VALUES (:id, :story_id)"),
            [
                {"id": event, "story_id": key}
                for key, members in stories.members.items()
                for event in members
            ],
        )
        connection.exec_driver_sql(
            "UPDATE event SET story_id = event_stories.story_id "
            "FROM event_stories WHERE event.id = event_stories.id"
        )


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
        with cursor.copy(statement) as copy:
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


MEASURED, KEPT = "scale", "built"  # a database a run measures; a build kept for later (--reuse)
_PREFIX = re.compile(r"[a-z_][a-z0-9_]*")  # PostgreSQL names go into SQL unquoted


def database_name(role: str, size: int, *, prefix: str = "") -> str:
    """The name of a benchmark database of `size` articles: `prefix` + scale_N (MEASURED) or
    built_N (KEPT). SQLite files add `.db`; the pair's copies add _pair, _serial, _ordered."""
    return f"{prefix}{role}_{size}"


def _pg_prefix(value: str) -> str:
    """The --pg-prefix argument, checked: PostgreSQL names are written into SQL unquoted."""
    if value and not _PREFIX.fullmatch(value):
        raise argparse.ArgumentTypeError("use lower-case letters, digits and _ (e.g. me_)")
    return value


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
    pg_prefix: str = "",
) -> str:
    """Build, measure, and return the Markdown report (`pg_prefix` starts every PostgreSQL
    database's name)."""
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
    shapes: list[str] = []
    for backend, base, backend_sizes in backends:
        for size in backend_sizes:
            if backend == "sqlite":
                url, built = _sqlite_build(folder, shared, size, reuse)
            else:
                assert base is not None
                url, built = _pg_build(base, shared, size, reuse, pg_prefix)
            if backend == "postgresql" and size == pair_size:  # copies of the built database
                for mode in pair_modes:
                    measured = database_name(MEASURED, size, prefix=pg_prefix)
                    pair_rows += measure_pair(
                        base or "", measured, corpus, folder, size, batch_size, mode
                    )
            before = shape(url)
            single = ingest_child(url, one)
            following = ingest_child(url, again)
            first, steady = steady_child(url, polls)
            many = ingest_child(url, batch)
            shapes.append(shape_row(f"{backend} | {size:,}", before, shape(url, before.last)))
            rows.append(
                f"| {backend} | {size:,} | {built:.0f} | {single.seconds:.2f} ({single.cpu:.2f}) | "
                f"{single.rss_mb:.0f} | {following.seconds:.2f} ({following.cpu:.2f}) | "
                f"{following.rss_mb:.0f} | {first:.2f} | {steady:.3f} | {many.seconds:.1f} "
                f"({many.cpu:.1f}) | "
                f"{batch_size / many.seconds:.1f} | {many.rss_mb:.0f} |"
            )
            print(rows[-1], flush=True)
            print(single.output[-200:], many.output[-200:], flush=True)
    report = ["# Ingest at scale", "", *rows, "", *SHAPE_HEAD, *shapes, ""]
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


def _sqlite_build(folder: Path, shared: Path, size: int, reuse: bool) -> tuple[str, float]:
    """A built SQLite database to measure and its build seconds (nan: a copy of the build
    kept as built_N.db, with `reuse`)."""
    path = folder / f"{database_name(MEASURED, size)}.db"
    kept = folder / f"{database_name(KEPT, size)}.db"
    path.unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    if reuse and kept.exists():
        shutil.copyfile(kept, path)
        return url, float("nan")
    built = build_apart(url, shared, size)
    if reuse:
        shutil.copyfile(path, kept)
    return url, built


def _pg_build(
    base: str, shared: Path, size: int, reuse: bool, prefix: str = ""
) -> tuple[str, float]:
    """A built PostgreSQL database `scale_N` to measure and its build seconds; with `reuse`
    the build is kept as the database `built_N` and `scale_N` is a copy of it (nan: the kept
    one, built by an earlier run). Both names start with `prefix`."""
    measured = database_name(MEASURED, size, prefix=prefix)
    if not reuse:
        url = pg_database(base, measured)
        return url, build_apart(url, shared, size)
    kept = database_name(KEPT, size, prefix=prefix)
    built = float("nan")
    if not _pg_exists(base, kept):
        built = build_apart(pg_database(base, kept), shared, size)
    return pg_database(base, measured, template=kept), built


def _pg_exists(base: str, name: str) -> bool:
    admin = make_engine(base)
    try:
        with admin.connect() as connection:
            found = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            ).first()
    finally:
        admin.dispose()
    return found is not None


@dataclass(frozen=True)
class Shape:
    """Events and stories of a database: counts, the largest story's events, the last event id;
    after new articles, also the stored events (id up to an earlier `last`) left and the
    stories holding both stored and new events."""

    articles: int
    events: int
    stories: int
    largest: int
    last: int
    stored_left: int = 0
    mixed: int = 0


def shape(url: str, stored: int | None = None) -> Shape:
    """The `Shape` of a database (`stored`: the last event id before the new articles)."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            events, last = connection.execute(
                text("SELECT count(*), coalesce(max(id), 0) FROM event")
            ).one()
            articles = connection.execute(text("SELECT count(*) FROM article")).scalar_one()
            sizes = [
                n
                for (n,) in connection.execute(
                    text("SELECT count(*) FROM event WHERE story_id IS NOT NULL GROUP BY story_id")
                )
            ]
            left = mixed = 0
            if stored is not None:
                left = connection.execute(
                    text("SELECT count(*) FROM event WHERE id <= :stored"), {"stored": stored}
                ).scalar_one()
                mixed = connection.execute(
                    text(
                        "SELECT count(DISTINCT story_id) FROM event WHERE id > :stored AND "
                        "story_id IN (SELECT story_id FROM event WHERE id <= :stored)"
                    ),
                    {"stored": stored},
                ).scalar_one()
    finally:
        engine.dispose()
    return Shape(articles, events, len(sizes), max(sizes, default=0), last, left, mixed)


SHAPE_HEAD = [
    "## Events and stories before and after the new articles",
    "",
    "| backend | articles | events | stories | largest story | events after | stories after "
    "| largest after | stored events merged away | stories of stored and new events |",
    "|---|---|---|---|---|---|---|---|---|---|",
]


def shape_row(label: str, before: Shape, after: Shape) -> str:
    """A row of the shape table: a database before and after the measured ingests."""
    return (
        f"| {label} | {before.events:,} | {before.stories:,} | {before.largest:,} | "
        f"{after.events:,} | {after.stories:,} | {after.largest:,} | "
        f"{before.events - after.stored_left:,} | {after.mixed:,} |"
    )


def measure_pair(
    base: str, built: str, corpus: Corpus, folder: Path, size: int, count: int, mode: str
) -> list[str]:
    """Two workers over interleaved halves against one worker; rows of the pair table.

    The three copies of `built` are named after it: `built`_pair, _serial and _ordered.
    """
    stream = write_files(
        folder / f"pair_{size}", new_reports(corpus, count, seed=9, first=3 * 10**7)
    )
    pair_url, serial_url, ordered_url = (
        pg_database(base, f"{built}_{part}", template=built)
        for part in ("pair", "serial", "ordered")
    )
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
    parser.add_argument(
        "--pg-prefix",
        type=_pg_prefix,
        default="",
        help="start every PostgreSQL database's name with this (e.g. me_: me_scale_N), so that "
        "runs sharing a server do not drop each other's databases",
    )
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
        help="keep each build (SQLite: built_N.db in --keep's folder; PostgreSQL: the database "
        "built_N) and measure copies of it in later runs instead of building again (the build "
        "column then says nan)",
    )
    parser.add_argument(
        "--shape",
        nargs=2,
        type=Path,
        metavar=("BUILT", "AFTER"),
        help="only print the events-and-stories row of two kept SQLite files (a build and its "
        "copy after a run's ingests, e.g. DIR/built_N.db DIR/scale_N.db)",
    )
    args = parser.parse_args(argv)
    if args.shape:
        built, after = (f"sqlite:///{path}" for path in args.shape)
        before = shape(built)
        print(
            "\n".join(
                [
                    *SHAPE_HEAD,
                    shape_row(f"sqlite | {before.articles:,}", before, shape(after, before.last)),
                ]
            )
        )
        return
    sizes = [int(size) for size in args.sizes.split(",") if size]
    pg_sizes = [int(size) for size in (args.pg_sizes or args.sizes).split(",") if size]
    modes = [mode for mode in args.pair_calls.split(",") if mode in ("batch", "polls")]
    shared = args.shared or default_shared()
    with contextlib.ExitStack() as stack:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            folder = args.keep
        else:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="scale_")))
        report = run(
            sizes,
            args.postgres,
            shared,
            folder,
            args.batch,
            args.pair_size,
            pg_sizes,
            modes,
            reuse=args.reuse,
            pg_prefix=args.pg_prefix,
        )
    print(report)
    RESULTS.write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
