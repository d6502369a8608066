"""Handlers reach the news and the chat data only through the ports of bot.ports."""

from __future__ import annotations

import ast
from pathlib import Path

HANDLERS = Path(__file__).resolve().parents[2] / "bot" / "handlers"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_handler_imports_the_store() -> None:
    modules = sorted(HANDLERS.glob("*.py"))
    assert len(modules) > 5
    offending = {
        path.name: sorted(name for name in _imports(path) if name.startswith("summarizer.store"))
        for path in modules
    }
    assert {name: found for name, found in offending.items() if found} == {}
