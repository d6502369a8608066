"""Full-text search: FTS5 (bm25) on SQLite, tsvector on PostgreSQL; always parameterised."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from summarizer.store.fts_schema import (
    MARKS,
    POSTGRES_BODY,
    POSTGRES_DOCUMENT,
    SEPARATOR,
    fts_text,
)
from summarizer.store.types import as_utc
from summarizer.views import ArticleRef, SearchHit

_TERM = re.compile(f"[\\w{MARKS}]+")  # a word, with the combining marks of its script
MAX_QUERY_TERMS = 32
# A term longer than this is cut: an unspaced run (Chinese, Japanese, Thai) becomes a phrase of
# its characters, and a phrase of thousands costs every query behind it.
MAX_TERM_CHARS = 64
SNIPPET_START, SNIPPET_END = "[", "]"

_SQLITE = text(
    "SELECT a.id, a.title, s.name, a.location, a.published, "
    "snippet(article_fts, 1, :start, :end, '…', 16) AS snip, bm25(article_fts, 5.0, 1.0) AS rank "
    "FROM article_fts JOIN article a ON a.id = article_fts.rowid "
    "JOIN source s ON s.id = a.source_id "
    "WHERE article_fts MATCH :query ORDER BY rank LIMIT :limit"
)
_PG_DOC = POSTGRES_DOCUMENT.replace("title", "a.title").replace("body", "a.body")
_POSTGRES = text(
    "SELECT a.id, a.title, s.name, a.location, a.published, "
    f"ts_headline('english', {POSTGRES_BODY.replace('body', 'a.body')}, q, "
    "'StartSel=' || :start || ', StopSel=' || :end || ', MaxWords=30, MinWords=12') AS snip, "
    f"ts_rank({_PG_DOC}, q) AS rank "
    "FROM article a JOIN source s ON s.id = a.source_id, to_tsquery('english', :query) q "
    f"WHERE {_PG_DOC} @@ q "
    "ORDER BY rank DESC, a.id LIMIT :limit"
)


def query_terms(query: str) -> list[str]:
    """The words of a user query (all FTS syntax dropped): MAX_QUERY_TERMS of MAX_TERM_CHARS."""
    return [term[:MAX_TERM_CHARS] for term in _TERM.findall(query)[:MAX_QUERY_TERMS]]


def search_articles(*, session: Session, query: str, limit: int = 10) -> list[SearchHit]:
    """Search titles and bodies; all words must match, else any word may.

    Args:
        session: the database session.
        query: the user's words; operators and quotes are treated as plain text.
        limit: the most hits to return.

    Returns:
        Hits, best first, with a snippet whose matches are wrapped in [ ].
    """
    terms = query_terms(query)
    if not terms:
        return []
    postgres = session.get_bind().dialect.name == "postgresql"
    for joiner in (" AND ", " OR "):
        if postgres:
            compiled = (" & " if joiner == " AND " else " | ").join(map(_pg_term, terms))
        else:
            compiled = joiner.join(
                '"' + str(fts_text(term)).replace('"', '""') + '"' for term in terms
            )
        statement = _POSTGRES if postgres else _SQLITE
        rows = session.connection().execute(
            statement,
            {"query": compiled, "limit": limit, "start": SNIPPET_START, "end": SNIPPET_END},
        )
        hits = [_hit(row) for row in rows]
        if hits or len(terms) == 1:
            return hits
    return []


def _sqlite_term(term: str) -> str:
    """A query term for FTS5 MATCH: a quoted phrase (an unspaced word: its characters in order)."""
    return '"' + str(fts_text(term)).replace('"', '""') + '"'


def _pg_term(term: str) -> str:
    """A query term for to_tsquery: a phrase (<->) of its pieces when it holds unspaced ones."""
    pieces = [p for p in str(fts_text(term)).split(SEPARATOR) if p]
    quoted = ["'" + piece.replace("'", "").replace("\\", "") + "'" for piece in pieces]
    return quoted[0] if len(quoted) == 1 else "(" + " <-> ".join(quoted) + ")"


def _snippet(raw: object) -> str:
    """A snippet as the reader sees it: separators gone, one highlight per matched word."""
    text = str(raw or "").replace(SEPARATOR, "")
    return " ".join(text.replace(SNIPPET_END + SNIPPET_START, "").split())


def _hit(row: Any) -> SearchHit:
    """Build a SearchHit from a result row."""
    article_id, title, source, location, published, snip, rank = tuple(row)
    return SearchHit(
        article=ArticleRef(
            id=int(article_id),
            title=str(title),
            source=str(source),
            location=str(location),
            published=as_utc(published),
        ),
        snippet=_snippet(snip),
        rank=float(rank or 0.0),
    )
