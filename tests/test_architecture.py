"""The layering rule of DESIGN: data flows posts -> ingest -> store -> API, and kb/ knows
nothing of HTTP or Markdown. Checked on the import statements of every module."""
from __future__ import annotations

import ast
import subprocess
import sys
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


def ingest_imports(source: str, package: tuple[str, ...]) -> list[str]:
    """Every `ingest` module a source imports, absolute or relative (`from ..ingest import x`)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[:len(package) - node.level + 1]) if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            names.update({module} if node.module else {f"{module}.{a.name}".strip(".") for a in node.names})
    return sorted(n for n in names if top(n) == "ingest")


@pytest.mark.parametrize("path", modules("api"), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_api_imports_no_ingest_module(path: Path) -> None:
    """Routes stay thin: the posts folder service comes from the composition root (kb serve)."""
    package = path.relative_to(ROOT).parent.parts
    assert not ingest_imports(path.read_text(encoding="utf-8"), package)


def test_the_ingest_import_check_sees_every_spelling() -> None:
    package = ("api", "routes")
    assert ingest_imports("import ingest.posts.read", package) == ["ingest.posts.read"]
    assert ingest_imports("from ingest.runs.pipeline import run_ingest", package) == ["ingest.runs.pipeline"]
    assert ingest_imports("from ... import ingest", package) == ["ingest"]
    assert ingest_imports("from ...ingest.posts.read import decode", package) == ["ingest.posts.read"]
    assert ingest_imports("from .. import deps\nimport kb.errors", package) == []


def test_building_the_app_loads_no_ingest_module() -> None:
    """Importing and building the app (no posts folder given) loads no ingest module, even indirectly."""
    code = ("import sys; from api.app import create_app; from kb.config import Settings; "
            "create_app(settings=Settings()); print(sorted(m for m in sys.modules if m.split('.')[0] == 'ingest'))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]", out.stdout
