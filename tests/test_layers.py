"""The layout holds: core imports no platform, driver, storage or bot; storage reaches into
core only for ports and value types; no two modules import each other, directly or round a
longer circle. Imports are read from the source (every `import`, also inside functions and
`if TYPE_CHECKING:` blocks), so a circle hidden behind a late import still counts.
"""

from __future__ import annotations

import ast
import importlib
import typing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "storage", "bot")
PLATFORMS_AND_DRIVERS = {
    "telegram",
    "discord",
    "aiohttp",
    "httpx",
    "sqlalchemy",
    "sqlmodel",
    "asyncpg",
    "aiosqlite",
    "alembic",
    "storage",
    "bot",
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                found[module_name(path)] = path
    return found


def imports_of(path: Path, name: str) -> list[tuple[str, str | None, int]]:
    """Return (module, imported name or None, line) for each import in the file."""
    tree = ast.parse(path.read_text(), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[str, str | None, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, None, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found += [(base, alias.name, node.lineno) for alias in node.names]
    return found


def project_edges() -> dict[str, set[str]]:
    """Return module -> the project modules it imports (a `from pkg import mod` counts mod)."""
    known = modules()
    edges: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        for module, imported, _ in imports_of(path, name):
            target = f"{module}.{imported}" if f"{module}.{imported}" in known else module
            if target in known and target != name:
                edges[name].add(target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def is_value_type(module: str, name: str) -> bool:
    """Return True for a class, or a type alias such as `Unit = Literal["kg", "lb"]`."""
    value = getattr(importlib.import_module(module), name)
    return isinstance(value, type) or typing.get_origin(value) is not None


def test_core_imports_no_platform_driver_storage_or_bot() -> None:
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for name, path in modules().items()
        if name.split(".")[0] == "core"
        for module, _, line in imports_of(path, name)
        if module.split(".")[0] in PLATFORMS_AND_DRIVERS
    ]
    assert wrong == []


def test_storage_takes_only_ports_and_value_types_from_core() -> None:
    wrong = []
    for name, path in modules().items():
        if name.split(".")[0] != "storage":
            continue
        for module, imported, line in imports_of(path, name):
            if module.split(".")[0] != "core" or module.rpartition(".")[2] == "ports":
                continue
            if imported is None or not is_value_type(module, imported):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}.{imported}")
    assert wrong == []


def test_no_two_modules_import_each_other() -> None:
    assert cycles(project_edges()) == []


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ],
)
def test_the_circle_finder_finds_circles(edges: dict[str, set[str]], expected: list) -> None:
    assert cycles(edges) == expected


def test_every_core_package_says_what_it_holds() -> None:
    for init in (ROOT / "core").glob("*/__init__.py"):
        if init.parent.name == "knowledge":
            continue
        docstring = ast.get_docstring(ast.parse(init.read_text()))
        assert docstring, init.relative_to(ROOT)
        assert len(docstring.splitlines()) >= 2, init.relative_to(ROOT)
