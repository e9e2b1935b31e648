"""The package layout holds: every module in its package, imports one way, no circles,
and the domain never imports the UI.

docs/architecture.md draws the same map; `test_the_map_in_the_docs_matches_the_tree`
keeps the two together.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import secondstory

PACKAGE = Path(secondstory.__file__).parent
DOCS = Path(__file__).resolve().parents[1] / "docs" / "architecture.md"

LAYERS: dict[str, set[str]] = {
    # package: the packages it may import (besides itself and `errors`, which all may use)
    "errors": set(),
    "no_plugins": set(),
    "files": set(),
    "times": {"files"},
    "account": {"files", "times"},
    "language": {"files", "times"},
    "narrative": {"files", "times"},
    "export": {"files", "times", "narrative"},
    "tui": {"files", "times", "account", "language", "narrative", "export"},
    "cli": {"files", "times", "account", "language", "narrative", "export", "tui"},
    "__main__": {"cli"},
}
"""The one-way direction: files <- times <- account, language, narrative <- export <- tui <- cli."""
TOP_LEVEL = {"__init__", "__main__", "errors", "no_plugins"}
"""The only modules that stand beside the packages."""
UI = {"tui", "__main__"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts).removesuffix(".__init__")] = path
    return found


MODULES = _modules()


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(tree: ast.AST, *, typing: bool = True) -> Iterator[str]:
    """Every secondstory module imported anywhere in `tree` (in functions too)."""
    for node in ast.iter_child_nodes(tree):
        if _is_type_checking(node) and not typing:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                yield submodule if submodule in MODULES else node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        yield from _imports(node, typing=typing)


def _graph(*, typing: bool = True) -> dict[str, set[str]]:
    return {
        name: {
            other
            for other in _imports(ast.parse(path.read_text("utf-8")), typing=typing)
            if other in MODULES and other != name
        }
        for name, path in MODULES.items()
    }


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_module_lives_in_a_package_of_the_map() -> None:
    strays = [name for name in MODULES if _package(name) not in LAYERS.keys() | TOP_LEVEL]
    assert strays == []
    packages = {_package(name) for name in MODULES} - TOP_LEVEL
    assert packages == set(LAYERS) - TOP_LEVEL


def test_there_are_enough_modules_for_the_next_tests_to_mean_something() -> None:
    assert len(MODULES) >= 80  # a wrong path would make the tests below vacuous


@pytest.mark.parametrize("package", sorted(set(LAYERS) - TOP_LEVEL))
def test_a_package_imports_only_the_layers_below_it(package: str) -> None:
    allowed = LAYERS[package] | {package, "errors", "__init__"}
    wrong = sorted(
        f"{module} imports {other}"
        for module, others in _graph().items()
        if _package(module) == package
        for other in others
        if _package(other) not in allowed
    )
    assert wrong == []


def test_no_module_imports_the_app_class_but_the_command_line() -> None:
    importers = sorted(m for m, others in _graph().items() if "secondstory.tui.app" in others)
    assert importers == ["secondstory.cli.interactive"]


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while (member := stack.pop()) != node:
                group.append(member)
            if group:
                found.append(sorted([*group, node]))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_modules_import_each_other_in_a_circle_not_even_for_types() -> None:
    assert _cycles(_graph(typing=True)) == []


def _core_modules() -> list[str]:
    return [name for name in MODULES if _package(name) not in UI]


@pytest.mark.parametrize("module", _core_modules())
def test_a_core_module_imports_neither_textual_nor_rich(module: str) -> None:
    # A fresh interpreter per module, so an import buried anywhere in its chain shows up.
    code = (
        f"import sys, {module}; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_each_package_says_what_it_is_for() -> None:
    for name, path in MODULES.items():
        if path.name == "__init__.py" and name != "secondstory":
            assert ast.get_docstring(ast.parse(path.read_text("utf-8"))), name


def _map_paths(block: str) -> set[str]:
    """The paths an indented tree names: two spaces a level, folders end with '/'."""
    stack: list[str] = []
    named = set()
    for line in block.splitlines()[1:]:  # the first line is src/secondstory/ itself
        depth = (len(line) - len(line.lstrip(" "))) // 2 - 1
        name = line.split()[0]
        stack[depth:] = [name.rstrip("/")]
        named.add("/".join(stack))
    return named


def test_the_map_in_the_docs_matches_the_tree() -> None:
    block = DOCS.read_text("utf-8").split("```text\n", 1)[1].split("```", 1)[0]
    on_disk = {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*") if _listed(p)}
    assert _map_paths(block) == on_disk


def _listed(path: Path) -> bool:
    """What the map shows: packages, modules and stylesheets; not data or caches."""
    rel = path.relative_to(PACKAGE).parts
    if "__pycache__" in rel or "demo_data" in rel[:-1]:
        return False
    return path.is_dir() or path.suffix in {".py", ".tcss"}
