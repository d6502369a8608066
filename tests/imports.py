"""Module imports read from source with ast, for the layering tests."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imports_of(path: Path) -> set[str]:
    """Every module (and `module.name`) a file imports, relative imports made absolute."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def offending(paths: list[Path], *prefixes: str) -> dict[str, list[str]]:
    """Per file (relative to the repository), the imports that start with one of `prefixes`."""
    found = {
        str(path.relative_to(ROOT)): sorted(
            name for name in imports_of(path) if name.startswith(prefixes)
        )
        for path in paths
    }
    return {name: names for name, names in found.items() if names}
