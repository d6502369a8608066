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
from collections.abc import Sequence
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
        stories: (story key, [(event key, profile, time), ...]) the linker was rebuilt with.
    """

    serial: int
    article: int
    event_next: int
    story_next: int
    events: tuple[tuple[int, tuple[int, ...]], ...]
    stories: tuple[tuple[int, tuple[StoryMember, ...]], ...]


StoryMember = tuple[int, dict[str, float], datetime | None]

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
    """The stored origin with its state, or None (none stored, or unreadable)."""
    row = session.connection().execute(_ORIGIN).first()
    if row is None or row[0] is None or row[1] is None or row[2] is None:
        return None
    try:
        state = json.loads(zlib.decompress(row[2]))
        return Origin(
            serial=int(row[0]),
            article=int(row[1]),
            event_next=int(state["event_next"]),
            story_next=int(state["story_next"]),
            events=tuple((int(key), tuple(int(a) for a in ids)) for key, ids in state["events"]),
            stories=tuple(
                (
                    int(key),
                    tuple(
                        (int(event), _profile(profile), _time(when))
                        for event, profile, when in members
                    ),
                )
                for key, members in state["stories"]
            ),
        )
    except (ValueError, KeyError, TypeError, zlib.error):  # written by another version: rebuild
        logger.warning("the stored ingest origin cannot be read; the indexes are rebuilt")
        return None


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
            "event_next": event_next,
            "story_next": story_next,
            "events": [[key, list(ids)] for key, ids in events],
        },
        separators=(",", ":"),
    )
    # Compressed story by story: no copy of the whole state is ever held as one string.
    packer = zlib.compressobj(1)
    blob = [packer.compress((head[:-1] + ',"stories":[').encode("utf-8"))]
    for number, (key, group) in enumerate(stories):
        members = ",".join(
            f"[{int(event)},{profile},{json.dumps(when.isoformat() if when else None)}]"
            for event, profile, when in group
        )
        story = f"{',' if number else ''}[{int(key)},[{members}]]"
        blob.append(packer.compress(story.encode("utf-8")))
    blob += [packer.compress(b"]}"), packer.flush()]
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
