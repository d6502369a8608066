"""Each recent story's sums as a row: a rebuild sums only the stories changed since the last.

A rebuild of the ingest indexes (`Ingestor._restore`) places the 5,000 most recently active
stories; summing each from its events' stored profiles, encoding it for the origin and hashing
what it holds was more than half of its CPU at 100,000 articles. What it makes of a story
depends only on what `story_digest` digests: the linker's settings, the origin's story-text
format and features version, the story's key, and each of its events' id, stored profile text
and latest time. So a rebuild keeps, per story it summed, a row (`story_sum`: that digest, the
story's text as `story_text` gives it, the features it is posted under, its held hashes), and
the next rebuild takes the row of every story whose digest still matches instead of summing
it: the same text, postings and held features, so the same origin bytes. Rows of stories no
longer among the recent ones go (`StorySums.save`). After a features-version upgrade every
digest differs, and that rebuild sums every story, as before.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import delete, insert, select
from sqlmodel import Session

from summarizer.events.features import FEATURES_VERSION
from summarizer.events.held import hashes_data, hashes_from_data
from summarizer.events.stories import (
    SUMS_VERSION,
    PlacedStory,
    StoryEntry,
    StoryLinker,
    placed_story,
)
from summarizer.store import tables
from summarizer.store.events import StoredMember, active_story_events, drain_stories
from summarizer.store.ingest_state import STORY_TEXT_FORMAT, story_text
from summarizer.store.ranking import CHUNK

_SUMS = tables.STORY_SUMS
#: Rows read per query: each holds a story's compressed text (about 6 KB at 100,000 articles),
#: so a chunk's result stays small on a client that buffers it whole (psycopg).
_ROWS_CHUNK = 500


class UnusableRow(ValueError):
    """A story's row whose digest matches but which does not read as written (its checksum,
    its posted features, its held hashes): the rebuild sums every story instead."""


def row_checksum(text: bytes, posted: str, held: bytes) -> int:
    """CRC-32 of what a row holds, written with it and checked when it is read."""
    return zlib.crc32(held, zlib.crc32(posted.encode(), zlib.crc32(text)))


#: A story read from the database: its key and its events as `active_story_events` gives them.
StoredStory = tuple[int, list[StoredMember]]


def story_digest(key: int, events: Sequence[StoredMember], linker: Mapping[str, Any]) -> str:
    """The SHA-256 (hex) of what a story's sums are made from: the linker's settings, the
    story-text format, features version and sums version (`stories.SUMS_VERSION`), the
    story's key, and each event's id, latest time and stored profile text, in event id order."""
    digest = hashlib.sha256()
    head = [linker, STORY_TEXT_FORMAT, FEATURES_VERSION, SUMS_VERSION, key, len(events)]
    digest.update(json.dumps(head, sort_keys=True, separators=(",", ":")).encode())
    for event, text, last in sorted(events, key=lambda member: member[0]):
        when = last.isoformat() if last is not None else ""
        digest.update(f"\n{event}\n{when}\n{len(text)}\n".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class StorySums:
    """The rows of one rebuild: the stories placed from them or summed, and the rows to write.

    `placed` gives every story of `active_story_events` placed (`StoryLinker.restore_placed`
    takes them), its text handed to `keep`; `save`, in the same transaction, writes the rows of
    the stories summed and deletes those of the stories not given. Not `trusted`, it takes no
    row: every story is summed and its row written anew (after a stored state failed).
    """

    def __init__(self, *, session: Session, linker: StoryLinker, trusted: bool = True) -> None:
        self._session = session
        self._trusted = trusted  # False: no row is taken, every story summed and written anew
        self._linker = linker
        self._settings = linker.settings()
        self._known: dict[int, str] = {
            int(key): str(digest)
            for key, digest in session.connection().execute(
                select(_SUMS.c.story_id, _SUMS.c.digest)
            )
        }
        self._given: set[int] = set()
        self._new: list[dict[str, Any]] = []
        #: how many stories were taken from rows and how many summed (for the log and tests)
        self.taken = 0
        self.summed = 0

    def placed(
        self, stored: list[StoredStory], keep: Callable[[int, bytes], None]
    ) -> Iterator[PlacedStory]:
        """Each story of `stored` (emptied as it is read) placed, in key order: from its row
        when the digest matches, else summed from its events' profiles (`StoryLinker.summed`);
        each one's text given to `keep` first. Stories without events are left out.

        Raises:
            ValueError: a profile text is no JSON object, or a row does not read as stored.
        """
        fresh: list[StoredStory] = []
        digests: dict[int, str] = {}
        matched: list[StoryEntry] = []
        for key, events in stored:
            digest = story_digest(key, events, self._settings)
            self._given.add(key)
            if self._trusted and self._known.get(key) == digest:
                matched.append(_entry(key, events))
            else:
                digests[key] = digest
                fresh.append((key, events))
        stored.clear()
        from_rows = self._from_rows(matched, keep)
        summed = self._from_sums(fresh, digests, keep)
        yield from heapq.merge(from_rows, summed, key=lambda story: story.entry[0])

    def _from_rows(
        self, entries: list[StoryEntry], keep: Callable[[int, bytes], None]
    ) -> Iterator[PlacedStory]:
        """The stories of these entries (ascending keys) placed from their rows, a chunk at a
        time.

        Raises:
            UnusableRow: a row is missing, or does not read as it was written.
        """
        connection = self._session.connection()
        columns = (_SUMS.c.story_id, _SUMS.c.text, _SUMS.c.posted, _SUMS.c.held, _SUMS.c.checksum)
        for start in range(0, len(entries), _ROWS_CHUNK):
            chunk = entries[start : start + _ROWS_CHUNK]
            rows = connection.execute(
                select(*columns)
                .where(_SUMS.c.story_id.in_([key for key, _, _ in chunk]))
                .order_by(_SUMS.c.story_id)
            ).all()
            if [int(row[0]) for row in rows] != [key for key, _, _ in chunk]:
                raise UnusableRow("a story's row is missing")
            for entry, (_, text, posted, held, checksum) in zip(chunk, rows, strict=True):
                placed = _read_row(entry, bytes(text), str(posted), bytes(held), int(checksum))
                self.taken += 1
                keep(entry[0], bytes(text))
                yield placed

    def _from_sums(
        self,
        stories: list[StoredStory],
        digests: Mapping[int, str],
        keep: Callable[[int, bytes], None],
    ) -> Iterator[PlacedStory]:
        """The stories summed from their events' profiles (parsed a chunk at a time), each
        one's row kept for `save`."""
        for key, events in drain_stories(stories):
            summed = self._linker.summed(key, events)
            if summed is None:
                continue
            self.summed += 1
            text = story_text(summed)
            keep(key, text)
            placed = placed_story(summed)
            posted = json.dumps(list(placed.posted), separators=(",", ":"))
            held = hashes_data(placed.held)
            self._new.append(
                {
                    "story_id": key,
                    "digest": digests[key],
                    "text": text,
                    "posted": posted,
                    "held": held,
                    "checksum": row_checksum(text, posted, held),
                }
            )
            yield placed

    def save(self) -> None:
        """Write the rows of the stories summed; delete those of stories not placed now."""
        connection = self._session.connection()
        written = {row["story_id"] for row in self._new}
        gone = sorted(key for key in self._known if key not in self._given or key in written)
        for start in range(0, len(gone), CHUNK):
            connection.execute(
                delete(_SUMS).where(_SUMS.c.story_id.in_(gone[start : start + CHUNK]))
            )
        for start in range(0, len(self._new), CHUNK):
            connection.execute(insert(_SUMS), self._new[start : start + CHUNK])
        self._new.clear()


def _read_row(
    entry: StoryEntry, text: bytes, posted: str, held: bytes, checksum: int
) -> PlacedStory:
    """A story placed from its row, checked against the row's checksum.

    Raises:
        UnusableRow: the row does not read as it was written.
    """
    if row_checksum(text, posted, held) != checksum:
        raise UnusableRow(f"the row of story {entry[0]} does not match its checksum")
    try:
        features = json.loads(posted)
        if not isinstance(features, list) or not all(isinstance(f, str) for f in features):
            raise ValueError("posted features are no list of texts")
        return PlacedStory(entry, tuple(features), hashes_from_data(held))
    except ValueError as exc:
        raise UnusableRow(f"the row of story {entry[0]} does not read: {exc}") from exc


def _entry(key: int, events: Sequence[StoredMember]) -> StoryEntry:
    """A story's entry as `placed_story` gives it from its sums (`stories._summed`): its
    latest event time and its event keys ascending, read from the events themselves."""
    times = [last for _, _, last in events if last is not None]
    return key, max(times, default=None), sorted(event for event, _, _ in events)


def fill_story_sums(*, session: Session, linker: StoryLinker) -> int:
    """Write the rows a rebuild of `linker`'s settings would write for the recent stories
    (`active_story_events`), without rebuilding: for a database written in bulk (the scale
    benchmark's build), so that its first rebuild finds them as a rebuild would have left
    them. Returns how many stories were summed (rows that match are kept)."""
    stored = active_story_events(session=session, limit=linker.capacity)
    sums = StorySums(session=session, linker=linker)
    for _ in sums.placed(stored, keep=lambda key, text: None):
        pass
    sums.save()
    return sums.summed
