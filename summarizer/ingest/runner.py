"""The ingest batch: expand inputs, build articles, drop duplicates, store, cluster into events."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from summarizer.errors import BriefingError, InternalError, StorageError, stage
from summarizer.events.cluster import EventAssignment, EventDoc, EventIndex
from summarizer.events.stories import StoryLinker, UnreadableStory
from summarizer.ingest.collector import collector_paused
from summarizer.ingest.furniture import Furniture
from summarizer.ingest.outlet import with_masthead
from summarizer.ingest.pipeline import DEFAULT_SUMMARY, SummarySpec
from summarizer.ingest.prepare import Jobs, Prepared, prepare, prepare_all
from summarizer.ingest.sources import Failure, Skipped
from summarizer.store import articles as article_store
from summarizer.store import events as event_store
from summarizer.store import shingles as shingle_store
from summarizer.store.features import features_json
from summarizer.store.ingest_state import (
    OriginWriter,
    bump,
    load_origin,
    lock_ingest,
    origin_mark,
)
from summarizer.store.story_sums import StorySums, UnusableRow
from summarizer.text.fingerprint import stored_shingles
from summarizer.timemath import shift
from summarizer.values import RawInput
from summarizer.views import UNKNOWN_OUTLET, IngestFailure, IngestReport

logger = logging.getLogger(__name__)

EVENT_WINDOW = timedelta(hours=36)
NEAR_DUPLICATE_WINDOW = timedelta(days=14)
_COMMIT_EVERY = 50
# Inputs after a chunk whose furniture counts its turn reads too: the jobs of the next chunk,
# and of the one after it that worker processes prepare meanwhile (prepare.prepare_all).
_READ_AHEAD = 2 * _COMMIT_EVERY
#: The most articles a process replays to catch up with the database. A process is behind by
#: the articles stored after those its indexes hold: after its own watermark when others
#: stored since it last wrote, after the origin's when it starts or finds a new origin. More
#: than this, and it rebuilds its indexes from the database instead, and the rebuild becomes
#: the origin the others take up. Replaying gives the indexes one process would hold; a
#: rebuild, those of one process that rebuilt at that point. Measured at 100,000 articles
#: (2026-12-03, SQLite): replaying costs about 3 ms of CPU per article (240 articles: 0.7 s
#: over loading the origin), a rebuild 9.6 s; at 10,000 a rebuild costs about 2.9 s. So
#: replaying the limit costs about a third of a rebuild at 100,000 and as much at 10,000.
REPLAY_LIMIT = 1000
#: A process whose indexes hold this many articles past the stored origin stores them as the
#: new origin (a checkpoint, `Ingestor._checkpoint`) when an ingest call ends, so the origin
#: stays within reach of a process that starts: a CLI beside the bot, the bot restarted, a
#: worker that was idle while another ingested a batch replay instead of rebuilding. Half the
#: limit: a process that starts replays at most about half of it. A checkpoint costs about
#: 0.1 s of CPU at 10,000 articles and 0.6 to 0.8 s at 100,000 (the event index's state,
#: the stories' postings and texts mostly copied as stored): about 1.5 ms an article at
#: 100,000 at this interval, where storing one costs about 11 ms.
CHECKPOINT_AFTER = REPLAY_LIMIT // 2
#: Within a long call (a batch), a checkpoint is stored once the origin is this far behind,
#: so the origin stays within reach of the other processes while the batch runs.
CHECKPOINT_WITHIN = REPLAY_LIMIT - 2 * _COMMIT_EVERY


@dataclass(frozen=True, slots=True)
class Stored:
    """What one transaction of an ingest stored, handed to its `OnStored` before it commits.

    Attributes:
        article_ids: the new articles.
        duplicate_of: the stored articles its duplicates are (exactly, or as copies).
        copies: the fingerprints of the near-duplicates linked as copies.
    """

    article_ids: tuple[int, ...]
    duplicate_of: tuple[int, ...]
    copies: tuple[str, ...]


#: Writes what depends on the articles an ingest stores (a feed's links to them) in the
#: transaction that stores them: nobody reads the articles without it, in any process.
OnStored = Callable[[Session, Stored], None]


@dataclass
class _Counts:
    new: int = 0
    duplicate: int = 0
    failures: list[Failure] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    matched: list[int] = field(default_factory=list)  # what each duplicate duplicates
    matched_at: list[str] = field(default_factory=list)  # and where each duplicate was
    copies: list[str] = field(default_factory=list)  # fingerprints of the copies linked

    def mark(self) -> tuple[int, int, int]:
        """Where the lists end now (what `since` counts from)."""
        return len(self.ids), len(self.matched), len(self.copies)

    def since(self, mark: tuple[int, int, int]) -> Stored:
        """What was stored after `mark`."""
        ids, matched, copies = mark
        return Stored(
            tuple(self.ids[ids:]), tuple(self.matched[matched:]), tuple(self.copies[copies:])
        )


@dataclass
class _Batch:
    """One ingest call: its inputs as handed to preparing, their furniture, what storing gave.

    Attributes:
        on_stored: what to write with each transaction's articles before it commits.
        again: inputs prepared again at storing time, their furniture having changed.
    """

    jobs: Jobs
    furniture: Furniture
    now: datetime
    on_stored: OnStored | None = None
    counts: _Counts = field(default_factory=_Counts)
    again: int = 0


class Ingestor:
    """Stores articles and keeps the event and story indexes of one database up to date.

    The event and story indexes live in memory for as long as the Ingestor (a process can keep
    one across batches) and follow the database: each transaction of a batch takes the ingest
    lock (summarizer.store.ingest_state) and rebuilds them only when another process ingested
    since this one last wrote. An article that fails after it entered them is rolled back in
    the database and the indexes are rebuilt from what the database then holds, so none keeps
    a half-added article. Near-duplicates and page furniture are looked up in tables; an
    article's furniture is decided under the lock from the counts stored before it.

    Articles are prepared (cleaned, dated, summarised: most of the work) outside the lock, so
    several processes ingesting at once share the work and take turns only to store and
    cluster, 50 articles at a time.
    """

    def __init__(self, engine: Engine, *, summary: SummarySpec | None = DEFAULT_SUMMARY) -> None:
        self.engine = engine
        self.summary = summary
        self.events = EventIndex(window=EVENT_WINDOW)
        self.stories = StoryLinker()
        self._version: int | None = None  # the ingest counter the indexes follow; None: stale
        self._origin: int | None = None  # the serial of the origin they grew from
        self._refused: int | None = None  # the serial of an origin the indexes failed on
        # a stored state failed (origin, replay, a story's text): the next rebuild sums every
        # story instead of trusting the stories' rows, which may be what failed
        self._sums_distrusted = False
        self._watermark = 0  # the newest article the indexes hold
        self._origin_article = 0  # the newest article of the origin they grew from
        # the texts of the stories the linker has not read yet (its reader's, `StoryTexts`)
        self._texts: dict[int, bytes] = {}
        self._near_since = datetime.min.replace(tzinfo=UTC)
        self._near_after = 0
        self._near_lowest = 0
        self._samples = shingle_store.SampleCache()

    def _restore(self, session: Session) -> None:
        """Build the event and story indexes afresh from the database; make that the origin.

        The origin (summarizer.store.ingest_state) records what they were built from, so a
        process that joins later builds the same indexes and replays what was stored since.
        Stories unchanged since the last rebuild are placed from their rows
        (summarizer.store.story_sums); when a row does not read as written (UnusableRow), or
        when a stored state has just failed (the rows may be what it came from), every story is
        summed from its events' profiles and the rows are written afresh: nothing stored can
        stop ingestion. Other failures are the rebuild's own and go up as before.
        """
        if not self._sums_distrusted:
            try:
                with session.connection().begin_nested():
                    self._rebuild(session, trusted=True)
                return
            except UnusableRow as exc:  # summing the stories replaces the rows
                logger.warning(
                    "the stories' stored sums cannot be used (%s); every story is summed", exc
                )
        self._rebuild(session, trusted=False)
        self._sums_distrusted = False

    def _rebuild(self, session: Session, *, trusted: bool) -> None:
        """`_restore`'s work; `trusted`: stories whose row matches are placed from it."""
        watermark = event_store.max_article_id(session=session)
        newest = event_store.newest_article_time(session=session)
        event_max, story_max = event_store.max_ids(session=session)
        events: list[tuple[int, list[EventDoc]]] = []
        stored: list[tuple[int, list[event_store.StoredMember]]] = []
        if newest is not None:
            events = event_store.recent_event_docs(
                session=session, since=shift(newest, -EVENT_WINDOW)
            )
            stored = event_store.active_story_events(session=session, limit=self.stories.capacity)
        writer = OriginWriter()
        # The stories' texts are parsed and dropped as the linker takes them (memory); it keeps
        # where each story is posted, the writer each story's sums, compressed (`keep`), and the
        # linker reads a story again from them when it needs it.
        self.events = EventIndex(window=EVENT_WINDOW)
        self.stories = StoryLinker()
        self.events.restore(events, next_key=event_max + 1)
        # Only the docs' ids are stored: the docs (about 40 MB at 100,000 articles) are not
        # held while the stories are placed and the origin written, the rebuild's peak.
        event_ids = [(key, [doc.article_id for doc in docs]) for key, docs in events]
        del events
        read = writer.reader()
        self._texts = read.texts
        # Stories unchanged since the last rebuild are placed from their rows, not summed.
        sums = StorySums(session=session, linker=self.stories, trusted=trusted)
        entries, postings = self.stories.restore_placed(
            sums.placed(stored, keep=writer.keep_text),
            next_key=story_max + 1,
            read=read,
        )
        sums.save()
        logger.debug("stories placed from rows: %s, summed: %s", sums.taken, sums.summed)
        origin = writer.save(
            session=session,
            article=watermark,
            event_next=event_max + 1,
            story_next=story_max + 1,
            events=event_ids,
            event_state=self.events.state(),
            entries=entries,
            postings=postings,
            linker=self.stories.settings(),
            held=self.stories.held_features(),
        )
        self._watermark = self._origin_article = watermark
        self._origin = self._version = origin

    def _checkpoint(self, session: Session) -> int | None:
        """Store the indexes as they are now as the origin; return its serial (None when they
        cannot be stored: the origin stays as it was and nothing else changes).

        Under the ingest lock, with every article stored so far in the indexes: a process that
        follows this origin and replays what is stored after it holds what this one holds, as
        with an origin rebuilt from the rows (adding an article is deterministic). Stories not
        read since they were placed keep their stored texts; the others are encoded as the
        linker holds them. In a savepoint: a story that cannot be stored fails the checkpoint,
        never the transaction's articles.
        """
        try:
            with session.connection().begin_nested():
                entries, summed, held = self.stories.stored()
                writer = OriginWriter()
                for (key, _, _), story in zip(entries, summed, strict=True):
                    if story is None:
                        writer.keep_text(key, self._texts[key])
                    else:
                        writer.keep(story)
                return writer.save(
                    session=session,
                    article=self._watermark,
                    event_next=self.events.next_key,
                    story_next=self.stories.next_key,
                    events=event_store.event_articles(session=session, keys=self.events.keys()),
                    event_state=self.events.state(),
                    entries=entries,
                    postings=self.stories.stored_postings(),
                    linker=self.stories.settings(),
                    held=held,
                )
        except SQLAlchemyError:
            raise
        except Exception as exc:  # whatever the indexes hold: the old origin stays
            detail = (str(exc).splitlines() or [""])[0]
            logger.warning(
                "the indexes cannot be stored as the ingest origin (%s: %s); it stays",
                type(exc).__name__,
                detail,
            )
            return None

    def _follow(self, session: Session) -> bool:
        """Build the indexes from the stored origin and replay the articles stored after it.

        False when there is no origin, the indexes failed replaying it (`_replays`), it lies too
        far back (`REPLAY_LIMIT`), it cannot be read, or its articles are gone. The event index
        is loaded as the rebuild left it (`EventIndex.load`), not built again from its articles.
        The story index is built from the origin's entries alone (`StoryLinker.restore_index`):
        a story's events are parsed from the origin when the linker first needs it, so a process
        that starts reads the few stories its articles touch, not the thousands the origin holds.
        """
        mark = origin_mark(session=session)
        if mark is None or mark[0] == self._refused:
            return False  # an origin the indexes failed on is not followed again
        if not _replayable(session, after_id=mark[1]):
            return False
        with collector_paused():  # what is decoded is kept (see `collector_paused`)
            origin = load_origin(session=session)
            if origin is None:
                return False
            wanted = [article for _, ids in origin.events for article in ids]
            if event_store.count_articles(session=session, ids=wanted) < len(wanted):
                return False
            self.events = EventIndex(window=EVENT_WINDOW)
            self.stories = StoryLinker()
            self._texts = origin.texts  # the reader pops each story's text from them
            try:
                self.events.load(origin.event_state)
                # Each story's events are parsed when the linker first needs them.
                self.stories.restore_index(
                    origin.stories,
                    origin.postings,
                    next_key=origin.story_next,
                    read=origin.reader(),
                    settings=origin.linker,
                    held=origin.held,
                )
            except SQLAlchemyError:
                raise
            except Exception as exc:  # whatever the stored state holds: a rebuild replaces it
                _cannot_follow("read", exc)
                self._sums_distrusted = True
                return False
        self._watermark = self._origin_article = origin.article
        self._origin = origin.serial
        return self._replays(session)  # the stories' texts are read as the replay links them

    def _replays(self, session: Session) -> bool:
        """`_replay`, False also when the indexes fail on what they replay.

        Any failure but the database's: an origin whose indexes fail on stored articles is
        never followed again (by this process or, once the rebuild is stored, any other).
        """
        try:
            return self._replay(session)
        except SQLAlchemyError:
            raise
        except Exception as exc:
            _cannot_follow("replayed", exc)
            self._sums_distrusted = True
            self._refused = self._origin
            return False

    def _catch_up(self, writer: _Writer) -> bool:
        """Take the ingest lock; follow what other processes stored since this one last wrote.

        Every process's indexes are the origin's (the last rebuild from the database, by
        whichever process) with every article stored after it added in the order they were
        stored (the lock's order): adding an article is deterministic, so all processes hold
        the indexes one process would, and taking turns gives what one process would. A
        process that is behind replays the others' articles; one that starts, or finds a new
        origin, builds the origin's indexes and replays; when that cannot be done (no origin,
        too far back, or the replay disagrees with the database) it rebuilds from the
        database and that becomes the new origin.

        Returns:
            Whether anything was stored since this process last wrote (or it never did).
        """
        session = writer.session
        version = lock_ingest(session=session)
        if version == self._version:
            return False
        writer.forget()  # rows it kept may have changed too
        known, self._version = self._version, None
        mark = origin_mark(session=session)
        same = known is not None and mark is not None and mark[0] == self._origin
        if (same and self._replays(session)) or self._follow(session):
            self._version = version
        else:
            self._restore(session)
        return True

    def _replay(self, session: Session) -> bool:
        """Add the articles stored after the watermark to the indexes.

        False when it cannot: too many (`REPLAY_LIMIT`), or the result disagrees with the
        database.
        """
        if not _replayable(session, after_id=self._watermark):
            return False
        docs = event_store.event_docs_after(
            session=session, after_id=self._watermark, limit=REPLAY_LIMIT
        )
        for doc in docs:
            assignment = self.events.add(doc)
            for dropped in assignment.merged:
                self.stories.unlink(dropped)
            event = self.events.event(assignment.event_key)
            if event is None:
                return False
            if self._relinks(assignment, event.size):
                self.stories.link(
                    assignment.event_key, self.events.profile(assignment.event_key), event.last
                )
            self._watermark = doc.article_id
        event_max, story_max = event_store.max_ids(session=session)
        return self.events.next_key > event_max and self.stories.next_key > story_max

    def _relinks(self, assignment: EventAssignment, count: int) -> bool:
        """Whether an event that gained an article is linked to a story again.

        The event's profile barely moves between powers of two of its article count: an event
        already in a story is re-linked only when its count reaches one, or when it merged.
        """
        known = self.stories.story_of(assignment.event_key)
        return known is None or not count & (count - 1) or bool(assignment.merged)

    def ingest(
        self,
        items: Iterable[RawInput | Failure | Skipped],
        *,
        now: datetime | None = None,
        progress: Callable[[], None] | None = None,
        workers: int = 0,
        on_stored: OnStored | None = None,
    ) -> IngestReport:
        """Ingest a batch; one bad input is reported and never stops the rest.

        Args:
            items: raw inputs and read failures (from `summarizer.ingest.sources.expand`).
            now: ingestion time (default: now, UTC).
            progress: called once per input handled.
            workers: worker processes that prepare a large batch (see
                `ingest.prepare.prepare_all`; 0: none); storing and clustering stay in this
                process, in the inputs' order, so the rows are those of one process.
            on_stored: called in each transaction that stores articles, with what it stored,
                before it commits; when it raises, the transaction is rolled back and the
                error raised (nothing it stored is kept without what it writes).

        Returns:
            Counts of new, duplicate and failed inputs with the failures' one-line errors.
        """
        given = list(items)
        skipped = tuple(i.location for i in given if isinstance(i, Skipped))
        # A plain text's masthead is read here once, for the furniture and the pipeline both.
        materialised = [
            with_masthead(i) if isinstance(i, RawInput) else i
            for i in given
            if not isinstance(i, Skipped)
        ]
        ingested = now or datetime.now(UTC)
        with Session(self.engine, expire_on_commit=False) as session:
            writer = _Writer(session)
            furniture = Furniture(materialised)
            self._read_lines(writer, furniture, None)
            self._near_window(session)
            session.commit()  # end the reading transaction before preparing
            jobs = Jobs(materialised, furniture.guess)
            batch = _Batch(jobs, furniture, ingested, on_stored)
            prepared = prepare_all(jobs, summary=self.summary, now=ingested, workers=workers)
            with closing(prepared):  # a storing error stops the workers at once
                for start in range(0, len(materialised), _COMMIT_EVERY):
                    chunk = []
                    for _ in range(start, min(start + _COMMIT_EVERY, len(materialised))):
                        chunk.append(next(prepared))
                        if progress is not None:
                            progress()
                    self._store_chunk(writer, batch, chunk, start, len(materialised))
        if batch.again:
            logger.info("furniture changed before storing: %d input(s) prepared again", batch.again)
        counts = batch.counts
        return IngestReport(
            new=counts.new,
            duplicate=counts.duplicate,
            failed=len(counts.failures),
            errors=tuple(f.message for f in counts.failures),
            article_ids=tuple(counts.ids),
            duplicate_of=tuple(counts.matched),
            duplicate_locations=tuple(counts.matched_at),
            copies=tuple(counts.copies),
            failures=tuple(
                IngestFailure(f.location, f.error.kind, f.message) for f in counts.failures
            ),
            skipped=skipped,
        )

    def _near_window(self, session: Session) -> None:
        """Where this batch looks for near-duplicates: the 14 days before the newest article,
        and every article stored from now on."""
        newest = event_store.newest_article_time(session=session)
        if newest is not None:
            self._near_since = shift(newest, -NEAR_DUPLICATE_WINDOW)
        self._near_after = event_store.max_article_id(session=session)
        self._near_lowest = shingle_store.lowest_candidate(
            session=session, since=self._near_since, after_id=self._near_after
        )

    def _store_chunk(
        self,
        writer: _Writer,
        batch: _Batch,
        chunk: list[Prepared | Failure],
        start: int,
        total: int,
    ) -> None:
        """Store prepared articles in one transaction under the ingest lock, with what the
        batch's `on_stored` writes for them (`start`: the chunk's first input; `total`: the
        call's inputs).

        Each article's furniture is decided from the line counts stored before it (read under
        the lock, this batch's stored articles added): an article prepared with other furniture
        is prepared again. The chunk's new articles' line counts are stored with them. The
        indexes are stored as the origin when it is far enough behind them (`CHECKPOINT_AFTER`
        at the call's last chunk, `CHECKPOINT_WITHIN` before).
        """
        session, counts, furniture = writer.session, batch.counts, batch.furniture
        try:
            if self._catch_up(writer):
                furniture.forget()  # counts read before may have grown since
            # The next inputs' counts too: what they are prepared with is guessed from them
            # (preparing runs up to two chunks ahead of storing; see _READ_AHEAD).
            self._read_lines(writer, furniture, range(start, start + len(chunk) + _READ_AHEAD))
            written, mark = counts.new + len(counts.copies), counts.mark()
            for index, prepared in enumerate(chunk, start=start):
                if self._one(writer, self._furnished(batch, index, prepared), counts):
                    furniture.stored(index)
            furniture.next = start + len(chunk)
            self._write_lines(writer, furniture)
            stored = counts.since(mark)
            if batch.on_stored is not None and (stored.article_ids or stored.duplicate_of):
                batch.on_stored(session, stored)
            # Copies change their events' source counts too; an exact duplicate writes nothing,
            # and nothing written is nothing to tell (a feed polled again changes no counter).
            version = self._version
            if counts.new + len(counts.copies) != written:
                version = bump(session=session)
            checkpoint = None
            due = CHECKPOINT_AFTER if start + len(chunk) >= total else CHECKPOINT_WITHIN
            if self._watermark - self._origin_article >= due:
                checkpoint = self._checkpoint(session)
            session.commit()
        except BaseException:
            self._version = None  # the indexes may hold what the rollback undid
            furniture.forget()
            session.rollback()
            writer.forget()
            self._samples.clear()  # ids the rollback freed may come back for other texts
            raise
        self._version = version
        if checkpoint is not None:  # the counter it raised is the one the indexes follow
            self._version = self._origin = checkpoint
            self._origin_article = self._watermark

    @staticmethod
    def _read_lines(writer: _Writer, furniture: Furniture, indexes: range | None) -> None:
        """Read the stored line counts of these inputs' short lines (default all) not yet read."""
        wanted = furniture.wanted(indexes)
        if wanted:
            stored = article_store.line_history(
                session=writer.session, wanted=wanted, keys=writer.source_keys
            )
            furniture.learn(wanted, stored)

    def _furnished(
        self, batch: _Batch, index: int, prepared: Prepared | Failure
    ) -> Prepared | Failure:
        """The input prepared with the furniture the counts stored before it give."""
        job = batch.jobs[index]
        known = batch.furniture.known(index)
        if known == job.known_boilerplate:
            return prepared
        batch.again += 1
        return prepare(job.item, summary=self.summary, known_boilerplate=known, now=batch.now)

    @staticmethod
    def _write_lines(writer: _Writer, furniture: Furniture) -> None:
        """Add the line counts of the articles stored since last written, per source."""
        line_counts: dict[int, Counter[str]] = {}
        for name, keys in furniture.take_pending().items():
            line_counts.setdefault(writer.source_id(name), Counter()).update(keys)
        if line_counts:
            article_store.add_line_counts(session=writer.session, counts=line_counts)

    def _one(self, writer: _Writer, prepared: Prepared | Failure, counts: _Counts) -> bool:
        """Store one prepared input; True when it is a new article.

        A failure at any step rolls back this article alone (its savepoint) and is counted; the
        batch goes on. When it had entered the in-memory indexes, they are built again as this
        process built them without it: the origin's, with the articles stored since replayed in
        order (a rebuild from the database, which weighs terms by other counts, when that
        cannot be done or the origin itself failed: the rebuild then replaces the origin).
        """
        if isinstance(prepared, Failure):
            self._fail(counts, prepared)
            return False
        where = prepared.article.location
        progress = _Progress()
        try:
            # A Core savepoint: the writes are Core statements, and it costs half the ORM's.
            with writer.session.connection().begin_nested():
                stored = self._store(writer, prepared, progress)
        except Exception as exc:  # the batch boundary: this article fails alone
            writer.forget()  # the rollback undid writes the writer remembers
            self._samples.clear()
            logger.info("discarding data: %s", where, exc_info=True)
            # Following the origin gives the indexes this process would hold without the
            # article, unless the origin itself failed: a story it cannot give back makes the
            # indexes come from the rows again, and that rebuild replaces it for every process.
            unreadable = _from_origin(exc)
            if progress.indexed and (unreadable or not self._follow(writer.session)):
                self._sums_distrusted |= unreadable
                self._restore(writer.session)
            self._fail(counts, Failure(where, _storing_error(where, exc)))
            return False
        article_id, new, copied = stored
        if not new:
            counts.duplicate += 1
            counts.matched.append(article_id)
            counts.matched_at.append(prepared.article.location)
            if copied:
                counts.copies.append(prepared.article.fingerprint)
            return False
        counts.new += 1
        counts.ids.append(article_id)
        return True

    @staticmethod
    def _fail(counts: _Counts, failure: Failure) -> None:
        counts.failures.append(failure)
        logger.warning("discarding data: %s", failure.message)

    def _store(
        self, writer: _Writer, prepared: Prepared, progress: _Progress
    ) -> tuple[int, bool, bool]:
        """Store a new article: its id, True, False; for an exact or near duplicate, the id of
        the stored article it duplicates, False, and whether it was linked as a copy."""
        session = writer.session
        article, sample = prepared.article, prepared.sample
        existing = article_store.find_by_fingerprint(
            session=session, fingerprint=article.fingerprint
        )
        if existing is not None:
            return existing, False, False
        # The stock read once for the lookup and the rows added below: nothing adds shingles
        # between.
        stock, near = shingle_store.look_up(
            session=session,
            sample=sample,
            since=self._near_since,
            after_id=self._near_after,
            samples=self._samples,
            lowest_id=self._near_lowest,
        )
        source_id = writer.source_id(article.source)
        if near is not None:
            original, share = near
            article_store.insert_copy(
                session=session,
                article_id=original,
                source_id=source_id,
                article=article,
                similarity=round(share, 4),
            )
            writer.events.add_copy_source(article_id=original, source_id=source_id)
            return original, False, True
        article_id = article_store.insert_article(
            session=session,
            article=article,
            source_id=source_id,
            features=features_json(prepared.features),
        )
        if self.summary is not None:
            article_store.add_summary(
                session=session,
                article_id=article_id,
                method=self.summary.method,
                length=self.summary.label,
                sentences=article.summary,
            )
        shingle_store.add_shingles(
            session=session, article_id=article_id, shingles=stored_shingles(sample), stock=stock
        )
        self._samples.remember(article_id, article.body, sample)
        self._cluster(writer.events, article_id, source_id, prepared, progress)
        # Only once it is in the indexes: a failure before rolls the article back, and SQLite
        # gives its id to the next article stored (by any process), which a catch-up replays.
        self._watermark = max(self._watermark, article_id)
        return article_id, True, False

    def _cluster(
        self,
        rows: event_store.EventWriter,
        article_id: int,
        source_id: int,
        prepared: Prepared,
        progress: _Progress,
    ) -> None:
        """Assign a stored article to an event and the event to a story."""
        article = prepared.article
        doc = EventDoc(
            article_id=article_id,
            title=article.title,
            body=article.body,
            source=article.source,
            published=article.published,
            language=article.language,
            features=prepared.features,
        )
        progress.indexed = True  # from here on the indexes may hold part of this article
        with stage("clustering", article.location):
            assignment = self.events.add(doc)
            for dropped in assignment.merged:  # events this article bridged fold into one
                self.stories.unlink(dropped)
                rows.merge_events(keep=assignment.event_key, drop=dropped)
        profile = self.events.profile(assignment.event_key)
        event = rows.attach(
            event_id=assignment.event_key,
            article_id=article_id,
            source_id=source_id,
            published=article.published,
            title=article.title,
            profile=profile,
        )
        known_story = self.stories.story_of(assignment.event_key)
        if known_story is not None and not self._relinks(assignment, event.article_count):
            rows.set_story(event=event, story_id=known_story, merged=(), title=article.title)
            return
        with stage("linking stories", article.location):
            link = self.stories.link(assignment.event_key, profile, event.last_seen)
        rows.set_story(
            event=event, story_id=link.story_key, merged=link.merged, title=article.title
        )


def _replayable(session: Session, *, after_id: int) -> bool:
    """Whether the articles stored after `after_id` are few enough to replay (REPLAY_LIMIT)."""
    after = event_store.articles_after(session=session, after_id=after_id, limit=REPLAY_LIMIT + 1)
    return after <= REPLAY_LIMIT


def _from_origin(exc: BaseException) -> bool:
    """Whether a failure came from a story the origin cannot give back (UnreadableStory),
    raised as it is or wrapped (`errors.stage` makes it the cause of an InternalError)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, UnreadableStory):
            return True
        seen = seen.__cause__
    return False


def _cannot_follow(what: str, exc: Exception) -> None:
    """Log, in one line, that the stored origin cannot be followed and the indexes are rebuilt."""
    detail = (str(exc).splitlines() or [""])[0]
    logger.warning(
        "the stored ingest origin cannot be %s (%s: %s); the indexes are rebuilt",
        what,
        type(exc).__name__,
        detail,
    )


@dataclass
class _Progress:
    """How far one article got: whether it entered the in-memory indexes."""

    indexed: bool = False


def _storing_error(where: str, exc: Exception) -> BriefingError:
    """The error of an article that failed while being stored, clustered or linked."""
    if isinstance(exc, BriefingError):
        return exc
    if isinstance(exc, SQLAlchemyError):
        cause = getattr(exc, "orig", None) or exc
        detail = str(cause).splitlines()[0] if str(cause) else ""
        return StorageError(f"{where}: database error: {type(cause).__name__}: {detail}")
    detail = (str(exc).splitlines() or [""])[0]
    return InternalError(
        f"{where}: internal error while storing: {type(exc).__name__}: {detail}", stage="storing"
    )


class _Writer:
    """The ingest session with what it has written: source ids, events and stories."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.events = event_store.EventWriter(session)
        self._sources: dict[str, int] = {}
        self.source_keys = article_store.SourceKeys()

    def source_id(self, name: str) -> int:
        """The id of a source by name (created when new), read once per ingest."""
        found = self._sources.get(name)
        if found is None:
            found = article_store.source_id(session=self.session, name=name, keys=self.source_keys)
            self._sources[name] = found
            unnamed = article_store.stored_name(name) == UNKNOWN_OUTLET
            self.events.know_source(found, unnamed=unnamed)
        return found

    def forget(self) -> None:
        """Drop what is remembered, after a rollback may have undone it."""
        self.events.forget()
        self._sources.clear()
        self.source_keys = article_store.SourceKeys()
