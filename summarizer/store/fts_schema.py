"""DDL of the full-text index: FTS5 on SQLite, a GIN tsvector index on PostgreSQL.

Scripts written without spaces (Chinese, Japanese, Thai; summarizer.text.tokenizer), and Korean,
are indexed one character at a time: the indexed text carries an invisible separator (U+2063)
after each of their characters, which both FTS5's unicode61 tokenizer and PostgreSQL's parser
treat as a break, so a query for a word of such a script is a phrase of its characters and
matches it anywhere. Other text is indexed as it is. On SQLite the separator is inserted by
`fts_text`, registered on every connection as the SQL function briefing_fts_text
(summarizer.store.db): a program writing articles through its own connection must register it
too. On PostgreSQL the index expression does the same with regexp_replace.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy.engine import Connection

from summarizer.text.tokenizer import UNSPACED_CHARACTERS

SEPARATOR = "\u2063"  # INVISIBLE SEPARATOR: a break for both tokenizers, never in real text
FTS_FUNCTION = "briefing_fts_text"
# Korean is spaced but glues particles to words (농민이 = 농민 + 이): its syllables are indexed
# one by one too, so a word is found whatever follows it.
ONE_BY_ONE = UNSPACED_CHARACTERS + "\uac00-\ud7af"
_UNSPACED_CHARACTER = re.compile(f"([{ONE_BY_ONE}])")
# unicode61 breaks words at combining marks (Devanagari's vowel signs, Arabic's and Hebrew's
# points): they are token characters here, so मंगलवार stays one word as PostgreSQL keeps it.
MARKS = "".join(
    chr(c) for c in range(0x0590, 0x0E00) if unicodedata.category(chr(c)).startswith("M")
)


def fts_text(text: str | None) -> str | None:
    """Text as the index holds it: a separator after every character of an unspaced script."""
    if text is None:
        return None
    return _UNSPACED_CHARACTER.sub(r"\1" + SEPARATOR, text)


_INDEXED = f"{FTS_FUNCTION}(new.title), {FTS_FUNCTION}(new.body)"
_REMOVED = f"{FTS_FUNCTION}(old.title), {FTS_FUNCTION}(old.body)"
SQLITE_CREATE = (
    # FTS5 reads snippets from this view: the article as indexed.
    "CREATE VIEW IF NOT EXISTS article_fts_source AS SELECT id, "
    f"{FTS_FUNCTION}(title) AS title, {FTS_FUNCTION}(body) AS body FROM article",
    "CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5("
    "title, body, content='article_fts_source', content_rowid='id', "
    f"tokenize=\"porter unicode61 tokenchars '{MARKS}'\")",
    "CREATE TRIGGER IF NOT EXISTS article_fts_ai AFTER INSERT ON article BEGIN "
    f"INSERT INTO article_fts(rowid, title, body) VALUES (new.id, {_INDEXED}); END",
    "CREATE TRIGGER IF NOT EXISTS article_fts_ad AFTER DELETE ON article BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, body) "
    f"VALUES ('delete', old.id, {_REMOVED}); END",
    "CREATE TRIGGER IF NOT EXISTS article_fts_au AFTER UPDATE OF title, body ON article BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, body) "
    f"VALUES ('delete', old.id, {_REMOVED}); "
    f"INSERT INTO article_fts(rowid, title, body) VALUES (new.id, {_INDEXED}); END",
    "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS article_fts_ai",
    "DROP TRIGGER IF EXISTS article_fts_ad",
    "DROP TRIGGER IF EXISTS article_fts_au",
    "DROP TABLE IF EXISTS article_fts",
    "DROP VIEW IF EXISTS article_fts_source",
)
_PG_SPLIT = f"regexp_replace(%s, '([{ONE_BY_ONE}])', '\\1{SEPARATOR}', 'g')"
POSTGRES_DOCUMENT = (
    "to_tsvector('english', " + _PG_SPLIT % "coalesce(title, '') || ' ' || coalesce(body, '')" + ")"
)
POSTGRES_BODY = _PG_SPLIT % "body"  # what snippets are cut from
POSTGRES_CREATE = (
    f"CREATE INDEX IF NOT EXISTS ix_article_fts ON article USING GIN ({POSTGRES_DOCUMENT})",
)
POSTGRES_DROP = ("DROP INDEX IF EXISTS ix_article_fts",)


def create_fts(connection: Connection) -> None:
    """Create the full-text index for the connection's dialect."""
    statements = SQLITE_CREATE if connection.dialect.name == "sqlite" else POSTGRES_CREATE
    for statement in statements:
        connection.exec_driver_sql(statement)


def drop_fts(connection: Connection) -> None:
    """Drop the full-text index for the connection's dialect."""
    statements = SQLITE_DROP if connection.dialect.name == "sqlite" else POSTGRES_DROP
    for statement in statements:
        connection.exec_driver_sql(statement)


def optimize_fts(connection: Connection) -> None:
    """Merge the full-text index's segments, dropping deleted rows' entries (after pruning).

    FTS5 keeps a deleted row's entries until its segments merge; PostgreSQL's GIN index is
    cleaned by (auto)vacuum, so there is nothing to do there.
    """
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("INSERT INTO article_fts(article_fts) VALUES ('optimize')")
