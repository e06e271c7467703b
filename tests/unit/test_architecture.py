"""The import directions of ../shared/ARCHITECTURE.md, enforced on the source (AST, no imports
run): the core is pure, adapters import the core and never each other, `app` may import all."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT = {"claims", "parsers", "mailroom", "ledger", "review", "app"}

# What each package may import of the project, and the third-party libraries that only one
# module may touch (principle 7: third-party objects stop at the edge).
ALLOWED = {
    "claims": {"claims"},
    "parsers": {"claims", "parsers"},
    "mailroom": {"claims", "mailroom"},
    "ledger": {"claims", "ledger"},
    "review": {"claims", "ledger", "review"},
    "app": PROJECT,
}
CORE_THIRD_PARTY = {"pydantic", "stdnum"}
ONLY_IN = {"pdfplumber": {"parsers/pdf_text.py"}, "imap_tools": {"mailroom/sources.py"}}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules(package: str) -> list[Path]:
    return sorted(p for p in (ROOT / package).rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_each_package_imports_only_what_the_architecture_allows(package: str) -> None:
    wrong = {
        str(path.relative_to(ROOT)): sorted((_imports(path) & PROJECT) - ALLOWED[package])
        for path in _modules(package)
    }
    assert {k: v for k, v in wrong.items() if v} == {}


def test_the_core_imports_only_the_standard_library_pydantic_and_stdnum() -> None:
    import sys

    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    wrong = {
        str(path.relative_to(ROOT)): sorted(_imports(path) - stdlib - CORE_THIRD_PARTY - {"claims"})
        for path in _modules("claims")
    }
    assert {k: v for k, v in wrong.items() if v} == {}


@pytest.mark.parametrize("library", sorted(ONLY_IN))
def test_a_third_party_library_is_imported_in_one_module_only(library: str) -> None:
    users = {str(p.relative_to(ROOT)) for package in PROJECT for p in _modules(package) if library in _imports(p)}
    assert users <= ONLY_IN[library]
