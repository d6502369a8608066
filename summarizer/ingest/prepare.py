"""Preparing inputs for storing: one article each, in this process or in worker processes."""

from __future__ import annotations

import logging
import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime
from typing import overload

from summarizer.errors import BriefingError, InternalError, stage
from summarizer.events.features import ArticleFeatures, article_features
from summarizer.ingest.pipeline import SummarySpec, build_article
from summarizer.ingest.sources import Failure
from summarizer.text.fingerprint import shingle_sample
from summarizer.values import Article, RawInput

logger = logging.getLogger(__name__)

#: Fewer inputs than this are prepared in this process: starting a worker costs about as much
#: as preparing a hundred articles.
PARALLEL_MIN = 200
_CHUNK = 25  # inputs sent to a worker at a time (few round trips, results still stream)


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article with what storing and clustering read from its text alone.

    Attributes:
        sample: its near-duplicate shingle sample (`fingerprint.shingle_sample` of the body).
        features: its event features (`events.features.article_features`).
    """

    article: Article
    sample: frozenset[int]
    features: ArticleFeatures


@dataclass(frozen=True, slots=True)
class Job:
    """One input to prepare, with what the batch knows of its source's furniture."""

    item: RawInput | Failure
    known_boilerplate: frozenset[str]


class Jobs(Sequence[Job]):
    """Inputs to prepare, each with the furniture given for it when it is first read.

    `prepare_all` reads a job just before it prepares it (or hands its chunk to a worker), so
    `furniture` can guess from what was learnt meanwhile (see summarizer.ingest.furniture);
    each job is kept, as storing compares what the input was prepared with.
    """

    def __init__(
        self, items: Sequence[RawInput | Failure], furniture: Callable[[int], frozenset[str]]
    ) -> None:
        self._items = items
        self._furniture = furniture
        self._made: dict[int, Job] = {}

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> Job: ...

    @overload
    def __getitem__(self, index: slice) -> list[Job]: ...

    def __getitem__(self, index: int | slice) -> Job | list[Job]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if not 0 <= index < len(self._items):
            raise IndexError(index)
        job = self._made.get(index)
        if job is None:
            job = Job(self._items[index], self._furniture(index))
            self._made[index] = job
        return job


def prepare_article(
    item: RawInput | Failure,
    *,
    summary: SummarySpec | None,
    known_boilerplate: frozenset[str],
    now: datetime,
) -> Article | Failure:
    """Build one article: clean, date, detect the language, fingerprint and summarise.

    Returns:
        The article, or the failure (its error tells a fetch failure from an extraction one).
    """
    prepared = _prepare(item, summary, known_boilerplate, now, clustering=False)
    return prepared if isinstance(prepared, Failure) else prepared.article


def prepare(
    item: RawInput | Failure,
    *,
    summary: SummarySpec | None,
    known_boilerplate: frozenset[str],
    now: datetime,
) -> Prepared | Failure:
    """Build one article (see `prepare_article`) with its shingle sample and event features.

    Pure: the result depends on the arguments alone, in whichever process it runs.

    Returns:
        The prepared article, or the failure.
    """
    return _prepare(item, summary, known_boilerplate, now, clustering=True)


def _prepare(
    item: RawInput | Failure,
    summary: SummarySpec | None,
    known_boilerplate: frozenset[str],
    now: datetime,
    *,
    clustering: bool,
) -> Prepared | Failure:
    if isinstance(item, Failure):
        return item
    try:
        with stage("preparing", item.location):
            article = build_article(
                item, summary=summary, known_boilerplate=known_boilerplate, now=now
            )
            if not clustering:
                return Prepared(article, frozenset(), _NO_FEATURES)
            return Prepared(
                article=article,
                sample=shingle_sample(article.body),
                features=article_features(
                    article.title, article.body, article.language, year=article.published.year
                ),
            )
    except BriefingError as exc:
        if isinstance(exc, InternalError):  # a bug: keep its traceback in the log
            logger.info("discarding data: %s", item.location, exc_info=True)
        return Failure(item.location, exc)


_NO_FEATURES = ArticleFeatures(counts=Counter(), names=frozenset())


def _prepare_chunk(
    jobs: Sequence[Job], summary: SummarySpec | None, now: datetime
) -> list[Prepared | Failure]:
    """Prepare a few inputs (run in a worker process)."""
    return [
        prepare(job.item, summary=summary, known_boilerplate=job.known_boilerplate, now=now)
        for job in jobs
    ]


def _log_to_stderr(level: int) -> None:
    """Log in a worker process as its parent does (its records go to stderr)."""
    logging.basicConfig(level=level, format="%(levelname)s %(name)s (worker): %(message)s")


def prepare_all(
    jobs: Sequence[Job], *, summary: SummarySpec | None, now: datetime, workers: int = 0
) -> Generator[Prepared | Failure, None, None]:
    """Prepare inputs in their order, in worker processes when there are many.

    With no workers, or fewer than PARALLEL_MIN inputs, everything runs in this process.
    Otherwise chunks go to fresh worker processes (spawned: no copy of this process's
    threads, locks or database connections) while the caller stores what came back, and the
    results come back in the inputs' order, each what this process would give: a failing
    input comes back as its Failure. Should the pool break (a worker killed), the chunks it
    owed are prepared here. This process prepares nothing itself: preparing loads tables and
    models (10 MB) that only the workers then hold.

    Args:
        jobs: the inputs with their known furniture; each job is read only when it is about
            to be prepared (or its chunk handed to a worker), so a sequence that computes its
            jobs late can use what was learnt meanwhile.
        summary: the summary to write (None: no summary).
        now: ingestion time.
        workers: worker processes to prepare in (0: this process alone).
    """
    if workers <= 0 or len(jobs) < PARALLEL_MIN:
        for job in jobs:
            yield prepare(
                job.item, summary=summary, known_boilerplate=job.known_boilerplate, now=now
            )
        return
    starts = range(0, len(jobs), _CHUNK)

    def chunk_at(index: int) -> Sequence[Job]:
        return [jobs[i] for i in range(starts[index], min(starts[index] + _CHUNK, len(jobs)))]

    context = multiprocessing.get_context("spawn")
    level = logging.getLogger().getEffectiveLevel()  # `-v` shows a worker's tracebacks too
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_log_to_stderr, initargs=(level,)
    )
    # A few chunks ahead of the storing loop, not the whole batch: prepared articles wait in
    # this process's memory only until they are stored.
    ahead = 2 * workers

    def submit(chunk: Sequence[Job]) -> Future[list[Prepared | Failure]] | None:
        try:
            return pool.submit(_prepare_chunk, chunk, summary, now)
        except Exception:  # a broken pool takes no more work: the chunk is prepared here
            return None

    submitted: deque[tuple[Sequence[Job], Future[list[Prepared | Failure]] | None]] = deque()
    for index in range(min(ahead, len(starts))):
        first = chunk_at(index)
        submitted.append((first, submit(first)))
    try:
        for index in range(len(starts)):
            if index + ahead < len(starts):
                ahead_chunk = chunk_at(index + ahead)
                submitted.append((ahead_chunk, submit(ahead_chunk)))
            chunk, future = submitted.popleft()
            try:
                if future is None:
                    raise BrokenProcessPool("the chunk was never handed to a worker")
                results = future.result()
            except Exception:  # the pool broke (a worker died): prepare here instead
                logger.warning("worker failed; preparing %d inputs here", len(chunk), exc_info=True)
                results = _prepare_chunk(chunk, summary, now)
            del future
            while results:
                yield results.pop(0)
    finally:  # done, or the caller stopped (a storing error): no worker goes on preparing
        pool.shutdown(wait=False, cancel_futures=True)
