"""A project's lint settings: `.secondstory.toml` or `pyproject.toml`, found by walking up.

`.secondstory.toml` holds a `[lint]` table; `pyproject.toml` holds `[tool.secondstory.lint]`
(a pyproject.toml without it is passed over, as ruff does). The nearest folder with either
wins; in one folder `.secondstory.toml` comes first. Rules files are named relative to the
file that names them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from secondstory.errors import FileProblem
from secondstory.files.storage import read_toml
from secondstory.files.tomlerrors import explain

OWN_FILE = ".secondstory.toml"
PYPROJECT = "pyproject.toml"


class LintTable(BaseModel):
    """The lint settings a project may write down."""

    model_config = ConfigDict(extra="forbid", strict=True)
    select: list[str] | None = None
    """Rule ids or categories to report; absent means all of them."""
    ignore: list[str] = []
    """Rule ids or categories never to report; ignore wins over select."""
    rules: str | list[str] = []
    """Team language rules files to add, relative to this file."""


class OwnFile(BaseModel):
    """`.secondstory.toml`."""

    model_config = ConfigDict(extra="forbid", strict=True)
    lint: LintTable = LintTable()
    """`secondstory lint` settings."""


class _Secondstory(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    lint: LintTable = LintTable()


class _Tool(BaseModel):
    model_config = ConfigDict(extra="ignore")
    secondstory: _Secondstory


class PyProject(BaseModel):
    """The part of `pyproject.toml` secondstory reads: `[tool.secondstory]`."""

    model_config = ConfigDict(extra="ignore")
    tool: _Tool


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


def _validate(path: Path, data: dict[str, Any]) -> LintTable:
    model: type[BaseModel] = PyProject if path.name == PYPROJECT else OwnFile
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        text = path.read_text("utf-8", errors="replace")
        raise FileProblem(path, explain(exc, model, text)) from None
    if isinstance(parsed, PyProject):
        return parsed.tool.secondstory.lint
    assert isinstance(parsed, OwnFile)
    return parsed.lint
