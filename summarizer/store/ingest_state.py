"""The ingest lock, counter and origin: one process at a time clusters, and all hold one index.

Clustering reads the event and story indexes, assigns an article and writes the result: two
processes doing that at once would both open an event for one happening (and both take the
next event id). Each ingest transaction therefore starts with `lock_ingest`, which waits for
the other processes' ingest transactions to end (PostgreSQL: a transaction-level advisory lock;
SQLite: the database's write lock, taken at once with BEGIN IMMEDIATE), and returns the ingest
counter; it ends with `bump`. A process whose in-memory indexes were built at the counter it
reads can go on with them; otherwise another process wrote, and it follows.

Following is exact, not a rebuild: the origin is what the indexes were last rebuilt from (the
events' article ids, the stories' stored event profiles, the next keys, the newest article id)
with what the rebuild made of them (the event index's whole state; each story's posted
features, latest time and events), written by the process that rebuilt them (`OriginWriter`).
Every process's indexes are the origin's with the articles stored after it added in storing
order (the lock's order), and adding an article is deterministic, so a process that starts, or
is behind, builds the origin's indexes and replays what was stored since, and ends with the
indexes the writing process holds. Anything else that changes events, stories or articles
(pruning) calls `bump` in its transaction too, and `forget_origin` when it removes articles the
origin holds (`origin_articles`: those of its events, or any stored after it).

The origin has a table of its own (`ingest_origin`), apart from the counter's row: raising the
counter then rewrites a few bytes, not the origin (25 MB at 100,000 articles) with them.
"""

from __future__ import annotations

import io
import json
import logging
import sqlite3
import struct
import sys
import zlib
from array import array
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any, Protocol

import psycopg
from sqlalchemy import Integer, String, bindparam, column, delete, func, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from summarizer.events.features import FEATURES_VERSION
from summarizer.events.held import HeldFeatures
from summarizer.events.index import Item
from summarizer.events.postings import StoredPostings, postings_parts
from summarizer.events.stories import StoryEntry, SummedStory
from summarizer.store import tables

logger = logging.getLogger(__name__)

# Any fixed 64-bit number, distinct from the migration lock (summarizer/store/migrations/env.py).
INGEST_LOCK = 0x6272696566696E69  # "briefini"

_STATE = tables.INGEST_STATE
_VERSION = select(_STATE.c.version).where(_STATE.c.id == 1)
_BUMP = update(_STATE).where(_STATE.c.id == 1).values(version=_STATE.c.version + 1)
_INSERT = _STATE.insert().values(id=1, version=bindparam("version"))


def lock_ingest(*, session: Session) -> int:
    """Take the ingest lock for the session's transaction (waiting for it); return the counter.

    Must be the transaction's first statement: on SQLite it opens the transaction with the
    write lock (BEGIN IMMEDIATE); the lock is held until commit or rollback.
    """
    connection = session.connection()
    dialect = connection.dialect.name
    if dialect == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({INGEST_LOCK})")
    elif dialect == "sqlite" and not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    version = connection.execute(_VERSION).scalar()
    if version is None:  # a database whose row went missing: start the count again
        connection.execute(_INSERT, {"version": 0})
        return 0
    return int(version)


def bump(*, session: Session) -> int:
    """Raise the counter (under the ingest lock) and return its new value."""
    connection = session.connection()
    connection.execute(_BUMP)
    return int(connection.execute(_VERSION).scalar_one())


_BUMP_LINKS = update(_STATE).where(_STATE.c.id == 1).values(links=_STATE.c.links + 1)


def bump_links(*, session: Session) -> None:
    """Raise the links counter in the session's transaction (a feed's links or an operator
    feed changed: what chats may read); the row is made when it is missing."""
    connection = session.connection()
    if connection.execute(_BUMP_LINKS).rowcount == 0:
        connection.execute(_STATE.insert().values(id=1, version=0, links=1))


@dataclass(frozen=True, slots=True)
class Origin:
    """What a process rebuilt its event and story indexes from, as stored for the others.

    Attributes:
        serial: the ingest counter the origin was written at (tells one origin from another).
        article: the newest article id it covers; later articles are replayed on top of it.
        event_next: the key the next new event got.
        story_next: the key the next new story got.
        events: (event key, its article ids) of the events the index was rebuilt with.
        event_state: the rebuilt event index's whole state (`EventIndex.state`), which a
            process that follows loads instead of adding those articles again.
        stories: each story the linker was rebuilt with, as `StoryLinker.entries` gave it
            (key, latest time, event keys), in key order.
        postings: the rebuilt linker's `StoryLinker.postings`, read in place (each list
            decoded when it is looked up).
        linker: the rebuilt linker's `StoryLinker.settings`, which a linker that takes up
            its stories must share.
        texts: story key -> its sums and members as the rebuild summed them (`story_text`),
            read by `reader` when the linker first needs the story.
        held: what each story's centroid holds (`StoryLinker.held_features`), so the linker
            reads only the stories an event could join or merge with.
    """

    serial: int
    article: int
    event_next: int
    story_next: int
    events: tuple[tuple[int, tuple[int, ...]], ...]
    event_state: dict[str, Any]
    stories: tuple[StoryEntry, ...]
    postings: StoredPostings
    linker: dict[str, Any]
    texts: dict[int, bytes]
    held: HeldFeatures

    def reader(self) -> StoryTexts:
        """What reads a story's sums and members from its text, once (the text is dropped);
        it keeps the texts alone, not the rest of the origin.

        The reader raises ValueError, KeyError, TypeError or IndexError when a text cannot be
        read.
        """
        return StoryTexts(self.texts)


class StoryTexts:
    """Reads a story from its text (`story_text`), once: the text is dropped as it is read, so
    `texts` holds those of the stories not read yet (a checkpoint stores them as they are)."""

    __slots__ = ("texts",)

    def __init__(self, texts: dict[int, bytes]) -> None:
        self.texts = texts

    def __call__(self, key: int) -> SummedStory:
        """The story's sums and members (see `read_story`)."""
        return read_story(key, self.texts.pop(key))


#: Floats are stored as little-endian doubles, feature positions as little-endian 32-bit
#: numbers, whatever the machine (exact values).
_SWAP = sys.byteorder != "little"
_POSITION = "I" if array("I").itemsize == 4 else "L"


def story_text(summed: SummedStory) -> bytes:
    """A summed story (`StoryLinker.summed`) as the origin stores it, compressed: the length of
    a head (4 bytes, big-endian), the head (JSON: key, first and latest time, size, the
    features named once each (the centroid's first, in its order, then those only events
    have), how many the centroid has, how many it is posted under, each event's key and how
    many features it has), then every feature's position in the head's list (the posted ones
    ascending, then each event's in its order) as 32-bit numbers, then every float as a double
    (the norm, the centroid's weights, each event's weights): read back by one decompression,
    one small JSON text and two arrays, no float parsed. The positions are found by C-level
    look-ups in the story's own small table (a table shared by every story would be a million
    names at 100,000 articles, and its look-ups miss the cache).

    Raises:
        ValueError: the story holds counts a story's item never has (names, words).
    """
    item, members = summed
    if item.names or item.mentioned or item.opened or item.headlines or item.dates:
        raise ValueError(f"story {item.key} holds counts the ingest origin does not keep")
    if item.actors or item.subjects or item.particulars or item.headed:
        raise ValueError(f"story {item.key} holds counts the ingest origin does not keep")
    features = list(item.centroid)
    where = dict(zip(features, range(len(features)), strict=True))
    for named, _ in members.values():  # an event's features are nearly all the centroid's
        for feature in sorted(set(named).difference(where)):
            where[feature] = len(features)
            features.append(feature)
    at = where.__getitem__
    positions = array(_POSITION, sorted(map(at, item.indexed)))
    values = array("d", [item.norm])
    values.extend(item.centroid.values())
    sizes = []
    for named, weights in members.values():
        positions.extend(map(at, named))
        values.extend(weights)
        sizes.append(len(named))
    head = [
        item.key,
        _iso(item.first),
        _iso(item.last),
        item.size,
        features,
        len(item.centroid),
        len(item.indexed),
        list(members),
        sizes,
    ]
    encoded = json.dumps(head, separators=(",", ":")).encode()
    if _SWAP:
        positions.byteswap()
        values.byteswap()
    raw = [len(encoded).to_bytes(4, "big"), encoded, positions.tobytes(), values.tobytes()]
    return zlib.compress(b"".join(raw), 1)


def read_story(key: int, text: bytes) -> SummedStory:
    """The summed story `story_text` stored: every part equal, dicts in the same order.

    Raises:
        ValueError, KeyError, TypeError or IndexError: `text` is not `story_text`'s for `key`.
    """
    raw = zlib.decompress(text)
    start = 4 + int.from_bytes(raw[:4], "big")
    story, first, last, size, features, width, count, events, sizes = json.loads(raw[4:start])
    if story != key:
        raise ValueError(f"the ingest origin's text of story {key} is another story's")
    named = sum(sizes)
    positions = array(_POSITION)
    end = start + positions.itemsize * (count + named)
    positions.frombytes(raw[start:end])
    values = array("d")
    values.frombytes(raw[end:])
    if _SWAP:
        positions.byteswap()
        values.byteswap()
    if len(positions) != count + named or len(values) != 1 + width + named:
        raise ValueError(f"the ingest origin's text of story {key} is cut short")
    get = features.__getitem__
    item = Item(
        key=key,
        centroid=dict(zip(features[:width], islice(values, 1, width + 1), strict=True)),
        norm=values[0],
        size=int(size),
        first=_time(first),
        last=_time(last),
        indexed=frozenset(map(get, positions[:count])),
    )
    if len(item.centroid) != width:
        raise ValueError(f"the ingest origin's text of story {key} names a feature twice")
    members = {}
    at = count
    for event, length in zip(events, sizes, strict=True):
        end = at + length
        weights = values[at - count + 1 + width : end - count + 1 + width]
        members[int(event)] = (tuple(map(get, positions[at:end])), weights)
        at = end
    return item, members


#: The origin's layout: this mark, the length of the head (8 bytes, big-endian), the head
#: (compressed JSON: format, next keys, events, the event index's state, the stories' entries
#: with the length of each one's text, a checksum of the rest), the length of the postings (8
#: bytes) and the postings (`postings_parts`: each posted feature's hash, name and keys, read in
#: place), the length (8 bytes) and data of the stories' held features (`HeldFeatures.data`),
#: then each story's text (`story_text`), so a process reads and decompresses only the stories
#: it needs; the checksum is the CRC-32 of the postings, the held features and the texts.
#: Format 4 added the event index's state; format 5 stores each story summed instead of its
#: events' profiles, and the postings as numbers instead of JSON; format 6 gives an event's
#: features as 32-bit positions in its story's list instead of JSON numbers; format 7 adds,
#: after the postings, the stories' held features (uncompressed: hashes do not compress);
#: format 8 stores the postings uncompressed with their names and hashes (not the names in the
#: head), so a process that follows looks a list up where it lies instead of decoding 300,000
#: lists at start (at 100,000 articles), and checks them with the texts: an origin of an
#: older format reads as unreadable, so the next process rebuilds once and writes the current
#: one.
#: The head also names the `FEATURES_VERSION` its state was computed from: an origin of other
#: features reads as unreadable too, so a version that changes the features needs no
#: migration to drop it.
_MARK = b"BIO8"
_FORMAT = 8
#: What a story's row (summarizer.store.story_sums) owes to the origin's layout: a new origin
#: format may encode, post or hash a story otherwise, so it makes every row be summed again.
STORY_TEXT_FORMAT = _FORMAT

_STORED = tables.INGEST_ORIGIN
_ORIGIN_MARK = select(_STORED.c.serial, _STORED.c.article).where(_STORED.c.id == 1)
_STATE_VALUE = select(_STORED.c.state).where(_STORED.c.id == 1)
#: The origin's row as SQLite's blob I/O opens it, and the type of its state ("blob" to read).
_ROW = select(column("rowid", Integer), func.typeof(_STORED.c.state, type_=String)).where(
    _STORED.c.id == 1
)


def origin_mark(*, session: Session) -> tuple[int, int] | None:
    """The stored origin's serial and article (None when there is none), without its state."""
    row = session.connection().execute(_ORIGIN_MARK).first()
    if row is None or row[0] is None or row[1] is None:
        return None
    return int(row[0]), int(row[1])


def load_origin(*, session: Session) -> Origin | None:
    """The stored origin with its state, or None (none stored, or unreadable).

    Only the head is parsed: each story's text stays compressed until the linker first needs
    that story (`Origin.reader`), and the postings are kept as stored, each list decoded when
    it is looked up (`StoredPostings`). The postings, held features and texts are checked
    against the head's checksum here, so a part that was changed makes the origin unreadable
    at once, not when it is used. On SQLite the state is read part by part where it lies
    (incremental blob I/O), on PostgreSQL a window at a time (`_Windows`): no copy of the
    whole state (53 MB at 100,000 articles) is fetched to be cut into its parts.
    """
    connection = session.connection()
    mark = origin_mark(session=session)
    if mark is None:
        return None
    try:
        with _state(connection) as state:
            if state is None:
                return None
            return _read(state, serial=mark[0], article=mark[1])
    except (ValueError, KeyError, TypeError, AttributeError, zlib.error):  # another version
        logger.warning("the stored ingest origin cannot be read; the indexes are rebuilt")
        return None


class _Readable(Protocol):
    """The stored state as a stream (an SQLite blob, or the value fetched)."""

    def read(self, length: int, /) -> bytes: ...

    def tell(self) -> int: ...


@contextmanager
def _state(connection: Connection) -> Iterator[tuple[_Readable, int] | None]:
    """The origin's state and its length (None when there is none): on SQLite the blob, read
    where it lies; on PostgreSQL windows of it (`_Windows`); elsewhere the value fetched.

    Raises:
        ValueError: the state is not bytes.
    """
    if connection.dialect.name == "postgresql":
        length = connection.execute(_STATE_LENGTH).scalar()
        if length is None:
            yield None
            return
        raw = connection.connection.dbapi_connection
        assert isinstance(raw, psycopg.Connection)
        with raw.cursor(binary=True) as cursor:
            yield _Windows(cursor, int(length)), int(length)
        return
    if connection.dialect.name != "sqlite":
        value = connection.execute(_STATE_VALUE).scalar()
        if value is None:
            yield None
            return
        state = bytes(value)
        yield io.BytesIO(state), len(state)
        return
    row = connection.execute(_ROW).first()
    if row is None or row[1] == "null":
        yield None
        return
    if row[1] != "blob":
        raise ValueError(f"an ingest origin stored as {row[1]}")
    raw = connection.connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    with raw.blobopen(_STORED.name, "state", row[0], readonly=True) as blob:
        yield blob, len(blob)


#: How much of the origin's state a PostgreSQL read fetches at once: a few MB, against the
#: whole state (53 MB at 100,000 articles, which libpq held as 106 MB of hex text besides).
_WINDOW = 4 << 20
_STATE_LENGTH = select(func.octet_length(_STORED.c.state)).where(_STORED.c.id == 1)
#: 1-based, as SQL counts; the rows are read in binary, so bytea comes as it is stored.
_SUBSTRING = f"SELECT substring(state FROM %s FOR %s) FROM {_STORED.name} WHERE id = 1"


class _Windows:
    """The origin's state on PostgreSQL, read in turn a window at a time (`_WINDOW` bytes of
    it, fetched with `substring` in binary): a read within the window is cut from it, a longer
    one is fetched on its own. The state is stored uncompressed out of line (migration 0020),
    so a window reads only its own TOAST chunks."""

    __slots__ = ("_at", "_buffer", "_cursor", "_length", "_start", "_window")

    def __init__(self, cursor: psycopg.Cursor[Any], length: int, window: int = _WINDOW) -> None:
        self._cursor = cursor
        self._length = length
        self._window = window
        self._buffer = b""
        self._start = 0  # where the buffer starts in the state
        self._at = 0

    def read(self, length: int, /) -> bytes:
        """The next `length` bytes (fewer at the end of the state)."""
        length = max(0, min(length, self._length - self._at))
        if length == 0:
            return b""
        offset = self._at - self._start
        if offset + length <= len(self._buffer):
            chunk = self._buffer[offset : offset + length]
        elif length > self._window:
            chunk = self._fetch(self._at, length)
        else:
            self._buffer, self._start = self._fetch(self._at, self._window), self._at
            chunk = self._buffer[:length]
        self._at += len(chunk)
        return chunk

    def tell(self) -> int:
        return self._at

    def _fetch(self, start: int, length: int) -> bytes:
        with _as_database_error(_SUBSTRING):
            self._cursor.execute(_SUBSTRING, (start + 1, length))
            row = self._cursor.fetchone()
        return b"" if row is None or row[0] is None else bytes(row[0])


def _read(stored: tuple[_Readable, int], *, serial: int, article: int) -> Origin:
    """The origin in a stored state (see `_MARK`), its parts read in turn.

    Raises:
        ValueError, KeyError, TypeError, AttributeError or zlib.error: the state is not one
            `OriginWriter.save` writes with this version (format and features).
    """
    state, length = stored
    take, part = _readers(stored)
    head = _head(take, part)
    posted, held = part(), part()
    crc = _crc([posted, held])
    texts: dict[int, bytes] = {}
    stories: list[StoryEntry] = []
    for key, last, events, size in head["stories"]:
        text = texts[key] = take(size)
        crc = zlib.crc32(text, crc)
        stories.append((key, _time(last), events))
    if state.tell() != length:
        raise ValueError("the ingest origin's stories and texts differ")
    if crc != head["crc"]:
        raise ValueError("the ingest origin's postings, held features or texts were changed")
    return Origin(
        serial=serial,
        article=article,
        event_next=int(head["event_next"]),
        story_next=int(head["story_next"]),
        events=tuple((int(key), tuple(ids)) for key, ids in head["events"]),
        event_state=head["event_state"],
        stories=tuple(stories),
        postings=StoredPostings(posted),
        linker=dict(head["linker"]),
        texts=texts,
        held=HeldFeatures.from_data(held),
    )


def _readers(
    stored: tuple[_Readable, int],
) -> tuple[Callable[[int], bytes], Callable[[], bytes]]:
    """What reads a stored state in turn: `take(size)` bytes, and a `part` (its 8-byte length,
    then itself); both raise ValueError past the end."""
    state, length = stored

    def take(size: int) -> bytes:
        if size > length - state.tell():
            raise ValueError("the ingest origin is cut short")
        return state.read(size)

    def part() -> bytes:
        return take(int.from_bytes(take(8), "big"))

    return take, part


def _head(take: Callable[[int], bytes], part: Callable[[], bytes]) -> dict[str, Any]:
    """The origin's head, read from the start of its state (see `_MARK`).

    Raises:
        ValueError, KeyError, TypeError, AttributeError or zlib.error: the state is not one
            `OriginWriter.save` writes with this version (format and features).
    """
    if take(4) != _MARK:
        raise ValueError("an ingest origin of another format")
    head = json.loads(zlib.decompress(part()))
    if head.get("format") != _FORMAT:
        raise ValueError("an ingest origin of another format")
    if head.get("features") != FEATURES_VERSION:  # its index state holds their sums
        raise ValueError("an ingest origin made from other article features")
    return head  # type: ignore[no-any-return]


def origin_articles(*, session: Session) -> tuple[int, frozenset[int]] | None:
    """The newest article the stored origin covers and the articles of its events (the ones
    a process that follows it checks are stored), or None when there is no readable origin.

    Only the head is read: what a prune needs to tell whether the origin still holds.
    """
    connection = session.connection()
    mark = origin_mark(session=session)
    if mark is None:
        return None
    try:
        with _state(connection) as stored:
            if stored is None:
                return None
            head = _head(*_readers(stored))
            ids = frozenset(int(article) for _, articles in head["events"] for article in articles)
    except (ValueError, KeyError, TypeError, AttributeError, zlib.error):
        return None
    return mark[1], ids


class OriginWriter:
    """Writes an origin: each story's text as the linker sums it (`keep`, while it is rebuilt),
    then the head with what the linker made of them.

    The texts are encoded story by story as `keep` is given them, so no story's sums are
    held once the linker dropped them, and no copy of the stories' whole state is ever held as
    one string (the head, with the event index's state, is: about 9 MB of JSON at 100,000
    articles).
    """

    def __init__(self) -> None:
        self._texts: dict[int, bytes] = {}

    def keep(self, summed: SummedStory) -> None:
        """Add a story's text (`story_text`) of its sums (`StoryLinker.summed`)."""
        self._texts[summed[0].key] = story_text(summed)

    def keep_text(self, key: int, text: bytes) -> None:
        """Add a story's text as it is stored (`story_text`'s, not read since)."""
        self._texts[key] = text

    def reader(self) -> StoryTexts:
        """What reads a story given to `keep` from its text, as `Origin.reader` reads it from
        the stored origin (each text once; it keeps the texts, and not the writer, after
        `save`: a story the linker keeps is read after `save` only)."""
        return StoryTexts(self._texts)

    def save(
        self,
        *,
        session: Session,
        article: int,
        event_next: int,
        story_next: int,
        events: Sequence[tuple[int, Sequence[int]]],
        event_state: dict[str, Any],
        entries: Sequence[StoryEntry],
        postings: Mapping[str, Sequence[int]] | StoredPostings,
        linker: dict[str, Any],
        held: HeldFeatures,
    ) -> int:
        """Store the origin (under the ingest lock) and return its serial, the raised counter.

        Args:
            session: the ingest session, holding the ingest lock.
            article: the newest article id the indexes hold.
            event_next: the key the next new event gets.
            story_next: the key the next new story gets.
            events: (event key, its article ids) of the event index.
            event_state: its whole state (`EventIndex.state`).
            entries: `StoryLinker.entries` of the linker rebuilt from the stories given (a
                story given that it did not keep is left out).
            postings: its `StoryLinker.postings` (or `stored_postings`: read in place, they
                are stored without decoding every list).
            linker: its `StoryLinker.settings`.
            held: its `StoryLinker.held_features`.
        """
        texts, self._texts = self._texts, {}  # the reader's now
        kept = [texts[key] for key, _, _ in entries]
        posted = (
            postings.parts() if isinstance(postings, StoredPostings) else postings_parts(postings)
        )
        holds = held.data()
        head = _compressed(
            {
                "format": _FORMAT,
                "features": FEATURES_VERSION,
                "event_next": event_next,
                "story_next": story_next,
                "events": [[key, list(ids)] for key, ids in events],
                "event_state": event_state,
                "stories": [
                    [key, last.isoformat() if last else None, list(keys), len(text)]
                    for (key, last, keys), text in zip(entries, kept, strict=True)
                ],
                "linker": linker,
                "crc": _crc([*posted, holds, *kept]),
            }
        )
        sizes = [size.to_bytes(8, "big") for size in (len(head), _length(posted), len(holds))]
        serial = bump(session=session)
        parts = [_MARK, sizes[0], head, sizes[1], *posted, sizes[2], holds, *kept]
        _write_state(session, serial=serial, article=article, parts=parts)
        return serial


def _write_state(session: Session, *, serial: int, article: int, parts: list[bytes]) -> None:
    """Store the origin's row, its state the parts one after another.

    On SQLite the row is stored with a blob of zeros of the state's length, then the parts are
    written into it in turn (incremental blob I/O), so no copy of the whole state (about 38 MB
    at 100,000 articles) is made, neither by joining the parts nor by SQLite binding them:
    the rebuilding process's peak memory was the texts, the joined state and SQLite's copy of
    it at once. On PostgreSQL the row is sent by binary COPY, the parts one after another
    (`_copy_state`). Elsewhere the parts are joined and bound.
    """
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(delete(_STORED))
        _copy_state(connection, serial=serial, article=article, parts=parts)
        return
    sqlite = connection.dialect.name == "sqlite"
    size = _length(parts)
    values = {
        "serial": serial,
        "article": article,
        "state": func.zeroblob(size) if sqlite else b"".join(parts),
    }
    # The old state's pages are freed first, so SQLite writes the new one into them: an
    # UPDATE writes the new state before it frees the old, and the file keeps room for two.
    connection.execute(delete(_STORED))
    connection.execute(_STORED.insert().values(id=1, **values))
    if not sqlite:
        return
    row = connection.execute(_ROW).first()[0]  # type: ignore[index]
    raw = connection.connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    with raw.blobopen(_STORED.name, "state", row) as blob:
        for part in parts:
            blob.write(part)


#: The origin's row in PostgreSQL's binary COPY format (the header: signature, no flags, no
#: extension; then a row of four fields, each its length and value; then the end mark).
_COPY = f"COPY {_STORED.name} (id, serial, article, state) FROM STDIN (FORMAT BINARY)"
_COPY_HEADER = b"PGCOPY\n\xff\r\n\x00" + bytes(8)
_COPY_ROW = struct.Struct(">hii iqiq i")  # fields; id (int4); serial, article (int8); state
_COPY_END = struct.pack(">h", -1)
#: The most a bytea value holds (1 GB less a byte); a larger state is refused before the COPY.
_COPY_MOST = (1 << 30) - 1


def _copy_state(connection: Connection, *, serial: int, article: int, parts: list[bytes]) -> None:
    """Insert the origin's row on PostgreSQL by binary COPY, the state's parts sent one after
    another: no copy of the whole state is made (joining the parts and binding them held
    two, 53 MB each at 100,000 articles)."""
    raw = connection.connection.dbapi_connection
    assert isinstance(raw, psycopg.Connection)
    size = _length(parts)
    if size > _COPY_MOST:
        raise ValueError(f"the ingest origin's state ({size:,} bytes) is over a value's 1 GB")
    row = _COPY_ROW.pack(4, 4, 1, 8, serial, 8, article, size)
    with _as_database_error(_COPY), raw.cursor() as cursor, cursor.copy(_COPY) as copy:
        copy.write(_COPY_HEADER + row)
        for part in parts:
            copy.write(part)
        copy.write(_COPY_END)


@contextmanager
def _as_database_error(statement: str) -> Iterator[None]:
    """Raise what psycopg raises on a raw cursor as SQLAlchemy's error for it, so a database
    failure (a lost connection, a full disk) fails the call as every other statement's does,
    not as a fault of the indexes."""
    try:
        yield
    except psycopg.Error as exc:
        raise DBAPIError.instance(statement, None, exc, psycopg.Error) from exc


def _length(parts: Sequence[bytes]) -> int:
    return sum(map(len, parts))


def _crc(texts: Sequence[bytes]) -> int:
    """The CRC-32 of the texts one after another (without joining them)."""
    crc = 0
    for text in texts:
        crc = zlib.crc32(text, crc)
    return crc


def _compressed(head: dict[str, Any]) -> bytes:
    """The head's compact JSON text (`json.dumps` with no spaces), compressed: encoded a
    member at a time (those of `event_state` too), so no whole text of it is ever held, nor the
    encoder's pieces of more than one member (about 9 MB of JSON each at 100,000 articles)."""
    packer = zlib.compressobj(1)
    parts = [packer.compress(piece.encode("utf-8")) for piece in _members(head, depth=2)]
    parts.append(packer.flush())
    return b"".join(parts)


def _members(value: Any, depth: int) -> Iterator[str]:
    """Pieces of `value`'s compact JSON text: an object's members in turn, down to `depth`."""
    if depth == 0 or not isinstance(value, dict):
        yield json.dumps(value, separators=(",", ":"))
        return
    yield "{"
    for number, (key, member) in enumerate(value.items()):
        yield ("," if number else "") + json.dumps(key) + ":"
        yield from _members(member, depth - 1)
    yield "}"


def without_stories(*, session: Session, stories: Collection[int]) -> int | None:
    """Store the origin again without these stories (deleted from the database: a prune);
    return its serial, the raised counter (None: it holds none of them, or there is none
    readable, and nothing changed).

    Every process takes up the new serial (`Ingestor` follows it), so all hold the stories
    without them, as a process would that rebuilt its story index from the rows: each story's
    postings, held features and text go with it; the rest is stored as it was.
    """
    origin = load_origin(session=session)
    if origin is None:
        return None
    gone = {key for key, _, _ in origin.stories if key in stories}
    if not gone:
        return None
    read = origin.reader()
    postings = origin.postings.copy()
    for key in sorted(gone):
        item, _ = read(key)
        for feature in item.indexed:
            keys = set(postings[feature])
            keys.discard(key)
            if keys:
                postings[feature] = keys
            else:
                del postings[feature]
    entries = [entry for entry in origin.stories if entry[0] not in gone]
    held = origin.held.replaced([key for key, _, _ in entries], [])
    writer = OriginWriter()
    for key, _, _ in entries:
        writer.keep_text(key, origin.texts[key])
    return writer.save(
        session=session,
        article=origin.article,
        event_next=origin.event_next,
        story_next=origin.story_next,
        events=origin.events,
        event_state=origin.event_state,
        entries=entries,
        postings=postings,
        linker=origin.linker,
        held=held,
    )


def forget_origin(*, session: Session) -> None:
    """Drop the stored origin (articles it names may be gone): the next process rebuilds."""
    session.connection().execute(delete(_STORED))


def _iso(time: datetime | None) -> str | None:
    return time.isoformat() if time is not None else None


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value is not None else None
