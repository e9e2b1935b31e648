"""A project's lint settings: `.secondstory.toml` or `pyproject.toml`, found by walking up.

`.secondstory.toml` holds a `[lint]` table; `pyproject.toml` holds `[tool.secondstory.lint]`
(a pyproject.toml without it is passed over, as ruff does). The nearest folder with either
wins; in one folder `.secondstory.toml` comes first. Rules files are named relative to the
file that names them.

A table that is plainly right is read by hand; anything else is validated by the pydantic
models in lint_config_schema, which word the errors. So lint starts without pydantic.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secondstory.errors import FileProblem
from secondstory.files.reading import read_toml

OWN_FILE = ".secondstory.toml"
PYPROJECT = "pyproject.toml"


@dataclass(frozen=True)
class LintConfig:
    """Settings from one file, or none (`path` is None)."""

    path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    rules: tuple[Path, ...] = ()

    def key(self, name: str) -> str:
        """How a key is named in this file, for messages."""
        if self.path is not None and self.path.name == PYPROJECT:
            return f"tool.secondstory.lint.{name}"
        return f"lint.{name}"


NO_CONFIG = LintConfig()


def forget() -> None:
    """Forget the files found and read, so that one run sees the disk as it is now."""
    _find.cache_clear()
    read_config.cache_clear()


def find_config(folder: Path) -> Path | None:
    """The nearest settings file at or above `folder`, or None."""
    return _find(folder.resolve())


@functools.cache
def _find(folder: Path) -> Path | None:
    own = folder / OWN_FILE
    if own.is_file():
        return own
    project = folder / PYPROJECT
    if project.is_file() and _has_table(project):
        return project
    return None if folder.parent == folder else _find(folder.parent)


def _has_table(path: Path) -> bool:
    """Whether a pyproject.toml speaks to secondstory (a broken one does: it is reported)."""
    try:
        data = read_toml(path)
    except FileProblem:
        return "secondstory" in path.read_text("utf-8", errors="replace")
    tool = data.get("tool")
    return isinstance(tool, dict) and "secondstory" in tool


@functools.cache
def read_config(path: Path) -> LintConfig:
    """The settings in `path`, or one FileProblem naming the file and the key."""
    data = read_toml(path)
    table = _validate(path, data)
    rules = [table.rules] if isinstance(table.rules, str) else table.rules
    found = tuple((path.parent / name) for name in rules)
    config = LintConfig(
        path, tuple(table.select) if table.select is not None else None, tuple(table.ignore), found
    )
    for rules_file in found:
        if not rules_file.is_file():
            raise FileProblem(path, f"'{config.key('rules')}': {rules_file} is not a file")
    return config


def _validate(path: Path, data: dict[str, Any]) -> _Table:
    table = _plain_table(path, data)
    if table is not None:
        return table
    from secondstory.cli.lint_config_schema import validate  # pydantic: only for a bad file

    checked = validate(path, data, pyproject=path.name == PYPROJECT)
    return _Table(checked.select, checked.ignore, checked.rules)


@dataclass(frozen=True)
class _Table:
    select: list[str] | None
    ignore: list[str]
    rules: str | list[str]


_KEYS = frozenset({"select", "ignore", "rules"})


def _plain_table(path: Path, data: dict[str, Any]) -> _Table | None:
    """The lint table when the file holds exactly what the schema allows, else None.

    Strict like the schema: only the known keys, lists of strings, `rules` a string or a
    list of them; in `.secondstory.toml` no other table, in `pyproject.toml` nothing
    under [tool.secondstory] but `lint`."""
    if path.name == PYPROJECT:
        tool = data.get("tool")
        ours = tool.get("secondstory") if isinstance(tool, dict) else None
        if not isinstance(ours, dict) or not set(ours) <= {"lint"}:
            return None
        lint = ours.get("lint", {})
    else:
        if not set(data) <= {"lint"}:
            return None
        lint = data.get("lint", {})
    if not isinstance(lint, dict) or not set(lint) <= _KEYS:
        return None
    select, ignore, rules = lint.get("select"), lint.get("ignore", []), lint.get("rules", [])
    if select is not None and not _strings(select):
        return None
    if not _strings(ignore) or not (isinstance(rules, str) or _strings(rules)):
        return None
    return _Table(select, ignore, rules)


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)
