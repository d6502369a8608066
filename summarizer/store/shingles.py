"""Near-duplicate lookup in the database: stored shingle hashes as rows, confirmed on the texts."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import (
    bindparam,
    func,
    insert,
    literal,
    literal_column,
    null,
    or_,
    select,
    union_all,
)
from sqlmodel import Session

from summarizer.store import tables
from summarizer.text.fingerprint import (
    MAX_POSTINGS,
    NEAR_DUPLICATE_CONTAINMENT,
    containment,
    shingle_sample,
)

_SHINGLES = tables.SHINGLES
_ARTICLES = tables.ARTICLES
_CANDIDATES = 20  # most shared shingles first: a copy shares many, a chance match few

_INSERT = insert(_SHINGLES)
_POSTINGS = (
    select(_SHINGLES.c.shingle, func.count())
    .where(_SHINGLES.c.shingle.in_(bindparam("shingles", expanding=True)))
    .group_by(_SHINGLES.c.shingle)
)
_SHARED = func.count().label("shared")
# One statement per lookup: the sample's stock shingles (kind 0) and the candidates that share
# its other shingles most, with the length of their bodies (kind 1; stock phrases are no
# evidence); a body is read (`_BODIES`) only when no sample of it is kept, and not when empty.
_COUNTS = (
    select(_SHINGLES.c.shingle, func.count().label("postings"))
    .where(_SHINGLES.c.shingle.in_(bindparam("shingles", expanding=True)))
    .group_by(_SHINGLES.c.shingle)
    .cte("sample_postings")
)
_CANDIDATES_CTE = (
    select(_SHINGLES.c.article_id, _SHARED)
    .join(_ARTICLES, _ARTICLES.c.id == _SHINGLES.c.article_id)
    .where(
        _SHINGLES.c.shingle.in_(
            select(_COUNTS.c.shingle).where(_COUNTS.c.postings <= MAX_POSTINGS)
        ),
        # No candidate is older than the lowest id: the primary key (shingle, article_id)
        # skips the postings of older articles before any article row is read.
        _SHINGLES.c.article_id >= bindparam("lowest_id"),
        or_(
            _ARTICLES.c.published >= bindparam("since"),
            _ARTICLES.c.id > bindparam("after_id"),
        ),
    )
    .group_by(_SHINGLES.c.article_id)
    .order_by(_SHARED.desc(), _SHINGLES.c.article_id)
    .limit(_CANDIDATES)
    .cte("near_candidates")
)
_LOOKUP = union_all(
    select(literal(0).label("kind"), _COUNTS.c.shingle.label("value"), null().label("body")).where(
        _COUNTS.c.postings > MAX_POSTINGS
    ),
    select(literal(1), _ARTICLES.c.id, func.length(_ARTICLES.c.body)).join(
        _CANDIDATES_CTE, _CANDIDATES_CTE.c.article_id == _ARTICLES.c.id
    ),
)
# `id + 0`: the published index finds the window's articles, not a walk of every id in order.
_LOWEST = select(func.min(_ARTICLES.c.id + literal_column("0"))).where(
    _ARTICLES.c.published >= bindparam("since")
)
_BODIES = select(_ARTICLES.c.id, _ARTICLES.c.body).where(
    _ARTICLES.c.id.in_(bindparam("ids", expanding=True))
)
_SAMPLES_KEPT = 4096  # samples of recent texts kept by a SampleCache (a few tens of MB at most)


class SampleCache:
    """Shingle samples of stored texts, so confirming a candidate does not shingle it again.

    Keyed by article id and body length (an id reused after pruning never returns another
    text's sample); the least recently used go first. One per ingesting object: ids belong to
    one database.
    """

    def __init__(self, size: int = _SAMPLES_KEPT) -> None:
        self.size = size
        self._samples: OrderedDict[tuple[int, int], frozenset[int]] = OrderedDict()

    def remember(self, article_id: int, body: str, sample: frozenset[int]) -> None:
        """Keep the sample of a text just stored."""
        key = (article_id, len(body))
        self._samples[key] = sample
        self._samples.move_to_end(key)
        while len(self._samples) > self.size:
            self._samples.popitem(last=False)

    def clear(self) -> None:
        """Forget every sample (after a rollback, whose freed ids may return for other texts)."""
        self._samples.clear()

    def kept(self, article_id: int, length: int) -> frozenset[int] | None:
        """The sample kept of the text of this length, or None (not kept)."""
        found = self._samples.get((article_id, length))
        if found is not None:
            self._samples.move_to_end((article_id, length))
        return found

    def sample(self, article_id: int, body: str) -> frozenset[int]:
        """The text's sample, from the cache or computed (and kept)."""
        found = self._samples.get((article_id, len(body)))
        if found is None:
            found = shingle_sample(body)
            self.remember(article_id, body, found)
        else:
            self._samples.move_to_end((article_id, len(body)))
        return found


def stock_shingles(*, session: Session, shingles: Collection[int]) -> frozenset[int]:
    """The shingles stored for more than MAX_POSTINGS texts: stock phrases, no evidence."""
    if not shingles:
        return frozenset()
    found = session.connection().execute(_POSTINGS, {"shingles": sorted(shingles)})
    return frozenset(value for value, postings in found if postings > MAX_POSTINGS)


def add_shingles(
    *,
    session: Session,
    article_id: int,
    shingles: Collection[int],
    stock: Collection[int] | None = None,
) -> None:
    """Store an article's shingles (see `summarizer.text.fingerprint.stored_shingles`).

    A shingle already stored for more than 64 texts is a stock phrase and gets no more rows,
    so no shingle ever has more than 65: every lookup and count reads a bounded number of rows.

    Args:
        session: the ingest session.
        article_id: the article's id.
        shingles: its stored shingles.
        stock: `stock_shingles` of these shingles (or more), read since the last shingles
            were added; None: read here.
    """
    if not shingles:
        return
    values = sorted(shingles)
    if stock is None:
        stock = stock_shingles(session=session, shingles=values)
    rows = [{"shingle": value, "article_id": article_id} for value in values if value not in stock]
    if rows:
        session.connection().execute(_INSERT, rows)


def lowest_candidate(*, session: Session, since: datetime, after_id: int) -> int:
    """The lowest article id a near-duplicate look-up of this window can find: the oldest id
    published at or after `since`, or the first id stored after `after_id`.

    Read once per batch: the look-ups then skip older articles' shingle rows by key.
    """
    lowest = session.connection().execute(_LOWEST, {"since": since}).scalar()
    return min(int(lowest), after_id + 1) if lowest is not None else after_id + 1


def look_up(
    *,
    session: Session,
    sample: frozenset[int],
    since: datetime,
    after_id: int,
    samples: SampleCache | None = None,
    lowest_id: int | None = None,
) -> tuple[frozenset[int], tuple[int, float] | None]:
    """A text's stock shingles (`stock_shingles` of its sample) and the stored article it
    mostly repeats (`find_near_duplicate`), read in one statement.

    Args:
        session: the ingest session.
        sample: the text's shingle sample.
        since: the oldest publication time a copied article may have.
        after_id: articles stored after this id are candidates whatever their time.
        samples: the candidates' samples kept from earlier calls (computed when absent).
        lowest_id: `lowest_candidate` of this window (read here when None).

    Returns:
        (the stock shingles, (the copied article's id, the containment) or None).
    """
    if not sample:
        return frozenset(), None
    if lowest_id is None:
        lowest_id = lowest_candidate(session=session, since=since, after_id=after_id)
    connection = session.connection()
    rows = connection.execute(
        _LOOKUP,
        {"shingles": sorted(sample), "since": since, "after_id": after_id, "lowest_id": lowest_id},
    )
    stock: set[int] = set()
    others: dict[int, frozenset[int] | None] = {}  # candidate -> its sample (None: not kept)
    for kind, value, length in rows:
        if kind == 0:
            stock.add(int(value))
        elif length:  # an empty body has no sample: never a copy's original
            kept = samples.kept(int(value), int(length)) if samples is not None else None
            others[int(value)] = kept
    unread = [article_id for article_id, kept in others.items() if kept is None]
    if unread:
        for article_id, body in connection.execute(_BODIES, {"ids": unread}):
            if samples is not None:
                others[article_id] = samples.sample(article_id, body)
            else:
                others[article_id] = shingle_sample(body)
    best: tuple[int, float] | None = None
    for article_id, other in others.items():
        if other is None:  # gone since the lookup: no candidate
            continue
        share = containment(sample, other, ignore=stock)
        if share is None or share < NEAR_DUPLICATE_CONTAINMENT:
            continue
        if best is None or (share, -article_id) > (best[1], -best[0]):
            best = (article_id, share)
    return frozenset(stock), best


def find_near_duplicate(
    *,
    session: Session,
    sample: frozenset[int],
    since: datetime,
    after_id: int,
    samples: SampleCache | None = None,
    lowest_id: int | None = None,
) -> tuple[int, float] | None:
    """The stored article a text mostly repeats: (its id, the containment), or None.

    Candidates share a stored shingle with the text's sample (stock phrases, stored for more
    than 64 texts, are no evidence and do not count) and were published at or after `since`
    (or stored after the article `after_id`); the best containment of at least 0.8 wins,
    ties to the lower id. The 20 candidates sharing most shingles are compared.

    Args:
        session: the ingest session.
        sample: the text's shingle sample.
        since: the oldest publication time a copied article may have.
        after_id: articles stored after this id are candidates whatever their time.
        samples: the candidates' samples kept from earlier calls (computed when absent).
        lowest_id: `lowest_candidate` of this window (read here when None).
    """
    _, best = look_up(
        session=session,
        sample=sample,
        since=since,
        after_id=after_id,
        samples=samples,
        lowest_id=lowest_id,
    )
    return best
