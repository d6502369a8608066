"""Layers: handlers reach the news and the chat data only through bot.ports; only bot.store
touches the database; the domain never imports the bot and names its tables in one seam."""

from __future__ import annotations

import ast
from pathlib import Path

from sqlalchemy import Table

import bot.store.feed_tables
import bot.store.tables
from summarizer.store import seam

ROOT = Path(__file__).resolve().parents[2]
HANDLERS = ROOT / "bot" / "handlers"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def _offending(paths: list[Path], *prefixes: str) -> dict[str, list[str]]:
    found = {
        str(path.relative_to(ROOT)): sorted(
            name for name in _imports(path) if name.startswith(prefixes)
        )
        for path in paths
    }
    return {name: names for name, names in found.items() if names}


def test_no_handler_imports_a_store() -> None:
    modules = sorted(HANDLERS.glob("*.py"))
    assert len(modules) > 5
    assert _offending(modules, "summarizer.store", "bot.store") == {}


def test_only_bot_store_imports_the_domain_store() -> None:
    modules = [p for p in sorted((ROOT / "bot").rglob("*.py")) if "store" not in p.parts]
    assert {"jobs.py", "delivery.py", "chatfeeds.py", "entry.py"} <= {p.name for p in modules}
    assert _offending(modules, "summarizer.store") == {}


def test_the_domain_never_imports_the_bot() -> None:
    modules = sorted((ROOT / "summarizer").rglob("*.py"))
    assert len(modules) > 20
    assert _offending(modules, "bot.", "telegram") == {}
    assert all("bot" not in _imports(path) for path in modules)


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
