"""Open the one database the bot and the domain share, with its schema brought up to date."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from summarizer.store.db import create_schema, make_engine


def open_database(url: str) -> Engine:
    """Return an engine on `url` after creating or upgrading the schema (data kept).

    Args:
        url: a SQLAlchemy URL, e.g. ``sqlite:///briefing.db``.
    """
    engine = make_engine(url)
    create_schema(engine)
    return engine


__all__ = ["open_database"]
