"""The layering rule of DESIGN: data flows posts -> ingest -> store -> API, and kb/ knows
nothing of HTTP or Markdown. Checked on the import statements of every module."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def top(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("path", modules("kb"), ids=lambda p: str(p.relative_to(ROOT)))
def test_kb_imports_neither_api_nor_ingest_outside_the_cli(path: Path) -> None:
    if path.name in {"cli.py", "__main__.py"}:
        return
    tops = {top(n) for n in imported_modules(path)}
    assert not tops & {"api", "ingest", "fastapi", "starlette", "markdown_it", "frontmatter"}, tops


@pytest.mark.parametrize("path", [p for p in modules("kb") if "stores" not in p.parts
                                  and p.name not in {"cli.py", "__main__.py"}],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_the_domain_knows_no_database(path: Path) -> None:
    tops = {top(n) for n in imported_modules(path)}
    assert not tops & {"sqlite3", "neo4j"}, tops


@pytest.mark.parametrize("path", modules("ingest"), ids=lambda p: str(p.relative_to(ROOT)))
def test_ingest_never_reaches_the_api_or_a_backend(path: Path) -> None:
    names = imported_modules(path)
    assert not {top(n) for n in names} & {"api", "fastapi", "sqlite3", "neo4j"}, names
    assert not any(n.startswith("kb.stores") for n in names), names


@pytest.mark.parametrize("path", modules("api"), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_api_speaks_to_the_store_port_only(path: Path) -> None:
    names = imported_modules(path)
    assert not {top(n) for n in names} & {"sqlite3", "neo4j"}, names
    backends = [n for n in names if n.startswith("kb.stores.")]
    assert not backends, backends
