"""Layers: handlers reach the news and the chat data only through bot.ports; only bot.store
touches the database; the domain never imports the bot and names its tables in one seam."""

from __future__ import annotations

from sqlalchemy import Table

import bot.store.feed_tables
import bot.store.tables
from summarizer.store import seam
from tests.imports import ROOT, imports_of, offending

HANDLERS = ROOT / "bot" / "handlers"


def test_no_handler_imports_a_store() -> None:
    modules = sorted(HANDLERS.glob("*.py"))
    assert len(modules) > 5
    assert offending(modules, "summarizer.store", "bot.store") == {}


def test_only_bot_store_imports_the_domain_store() -> None:
    modules = [p for p in sorted((ROOT / "bot").rglob("*.py")) if "store" not in p.parts]
    assert {"jobs.py", "delivery.py", "chatfeeds.py", "entry.py"} <= {p.name for p in modules}
    assert offending(modules, "summarizer.store") == {}


def test_the_domain_never_imports_the_bot() -> None:
    modules = sorted((ROOT / "summarizer").rglob("*.py"))
    assert len(modules) > 20
    assert offending(modules, "bot.", "telegram") == {}
    assert all("bot" not in imports_of(path) for path in modules)


def test_seam_names_the_bots_tables_as_they_are() -> None:
    bot_tables: dict[str, Table] = {
        table.name: table
        for table in (
            bot.store.tables.ChatDelivery.__table__,  # type: ignore[attr-defined]
            bot.store.feed_tables.ChatFeed.__table__,  # type: ignore[attr-defined]
        )
    }
    for named in (seam.CHAT_FEED, seam.CHAT_DELIVERY):
        real = bot_tables[named.name]
        for column in named.columns:
            assert column.name in real.columns, (named.name, column.name)
            assert type(column.type) is type(real.columns[column.name].type), column.name
    assert seam.DELIVERY_SENT == bot.store.tables.SENT
