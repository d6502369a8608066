"""The ingest lock, counter and origin: one process at a time clusters, and all hold one index.

Clustering reads the event and story indexes, assigns an article and writes the result: two
processes doing that at once would both open an event for one happening (and both take the
next event id). Each ingest transaction therefore starts with `lock_ingest`, which waits for
the other processes' ingest transactions to end (PostgreSQL: a transaction-level advisory lock;
SQLite: the database's write lock, taken at once with BEGIN IMMEDIATE), and returns the ingest
counter; it ends with `bump`. A process whose in-memory indexes were built at the counter it
reads can go on with them; otherwise another process wrote, and it follows.

Following is exact, not a rebuild: the origin is what the indexes were last rebuilt from (the
events' article ids, the stories' stored event profiles, the next keys, the newest article id),
written by the process that rebuilt them (`save_origin`). Every process's indexes are the
origin's with the articles stored after it added in storing order (the lock's order), and adding
an article is deterministic, so a process that starts, or is behind, builds the origin's indexes
and replays what was stored since, and ends with the indexes the writing process holds. Anything
else that changes events, stories or articles (pruning) calls `bump` in its transaction too, and
`forget_origin` when it removes articles.
"""

from __future__ import annotations

import json
import logging
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlmodel import Session

from summarizer.store import tables
from summarizer.store.events import StoredMember

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
        stories: (story key, [(event key, profile, time), ...]) the linker was rebuilt with, in
            key order, parsed a chunk at a time as they are read (read them once); reading
            raises ValueError, KeyError or TypeError when a chunk cannot be read.
    """

    serial: int
    article: int
    event_next: int
    story_next: int
    events: tuple[tuple[int, tuple[int, ...]], ...]
    stories: Iterator[tuple[int, tuple[StoryMember, ...]]]


StoryMember = tuple[int, dict[str, float], datetime | None]

#: The origin's layout: a head line (JSON: format, next keys, events), then lines of stories.
_FORMAT = 2
#: Story members per line of the origin: one line's profiles are parsed at once when it is read.
_CHUNK = 1_000

_MARK = select(_STATE.c.origin, _STATE.c.origin_article).where(_STATE.c.id == 1)
_ORIGIN = select(_STATE.c.origin, _STATE.c.origin_article, _STATE.c.origin_state).where(
    _STATE.c.id == 1
)


def origin_mark(*, session: Session) -> tuple[int, int] | None:
    """The stored origin's serial and article (None when there is none), without its state."""
    row = session.connection().execute(_MARK).first()
    if row is None or row[0] is None or row[1] is None:
        return None
    return int(row[0]), int(row[1])


def load_origin(*, session: Session) -> Origin | None:
    """The stored origin with its state, or None (none stored, or unreadable).

    The stories are parsed as the caller reads them, a line (a chunk) at a time, so their
    profiles are never all held as dicts at once.
    """
    row = session.connection().execute(_ORIGIN).first()
    if row is None or row[0] is None or row[1] is None or row[2] is None:
        return None
    try:
        data = zlib.decompress(row[2])
        end = data.find(b"\n")
        head = json.loads(data if end < 0 else data[:end])
        if head.get("format") != _FORMAT:
            raise ValueError("an ingest origin of another format")
        return Origin(
            serial=int(row[0]),
            article=int(row[1]),
            event_next=int(head["event_next"]),
            story_next=int(head["story_next"]),
            events=tuple((int(key), tuple(int(a) for a in ids)) for key, ids in head["events"]),
            stories=_stories(data, len(data) if end < 0 else end + 1),
        )
    except (ValueError, KeyError, TypeError, AttributeError, zlib.error):  # another version
        logger.warning("the stored ingest origin cannot be read; the indexes are rebuilt")
        return None


def _stories(data: bytes, start: int) -> Iterator[tuple[int, tuple[StoryMember, ...]]]:
    """The origin's stories, one line (a JSON array of stories) parsed at a time."""
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        for key, members in json.loads(data[start:end]):
            yield (
                int(key),
                tuple(
                    (int(event), _profile(profile), _time(when)) for event, profile, when in members
                ),
            )
        start = end + 1


def save_origin(
    *,
    session: Session,
    article: int,
    event_next: int,
    story_next: int,
    events: Sequence[tuple[int, Sequence[int]]],
    stories: Sequence[tuple[int, Sequence[StoredMember]]],
) -> int:
    """Store a new origin (under the ingest lock) and return its serial, the raised counter.

    The stories' members carry their profiles as the JSON text stored with their events,
    written into the origin as they are (a JSON object each), not encoded again.
    """
    head = json.dumps(
        {
            "format": _FORMAT,
            "event_next": event_next,
            "story_next": story_next,
            "events": [[key, list(ids)] for key, ids in events],
        },
        separators=(",", ":"),
    )
    # Compressed story by story: no copy of the whole state is ever held as one string. The
    # stories follow the head in lines of about `_CHUNK` profiles, each a JSON array of
    # stories, which a reader parses one at a time (stored texts hold no line breaks).
    packer = zlib.compressobj(1)
    blob = [packer.compress(head.encode("utf-8"))]
    count = 0
    for key, group in stories:
        members = ",".join(
            f"[{int(event)},{profile},{json.dumps(when.isoformat() if when else None)}]"
            for event, profile, when in group
        )
        opening = "\n[" if count == 0 else ","
        count += max(1, len(group))
        closing = "]" if count >= _CHUNK else ""
        count = 0 if closing else count
        story = f"{opening}[{int(key)},[{members}]]{closing}"
        blob.append(packer.compress(story.encode("utf-8")))
    if count:
        blob.append(packer.compress(b"]"))
    blob.append(packer.flush())
    serial = bump(session=session)
    session.connection().execute(
        update(_STATE)
        .where(_STATE.c.id == 1)
        .values(origin=serial, origin_article=article, origin_state=b"".join(blob))
    )
    return serial


def forget_origin(*, session: Session) -> None:
    """Drop the stored origin (articles it names may be gone): the next process rebuilds."""
    session.connection().execute(
        update(_STATE)
        .where(_STATE.c.id == 1)
        .values(origin=None, origin_article=None, origin_state=None)
    )


def _profile(value: object) -> dict[str, float]:
    """A story member's profile as the origin holds it (a JSON object, names shared)."""
    if not isinstance(value, dict):
        raise TypeError("a profile in the ingest origin is no object")
    return value


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value is not None else None
