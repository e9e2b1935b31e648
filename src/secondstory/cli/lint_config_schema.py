"""The pydantic schema of lint's settings, to word what is wrong with a settings file.

lint_config reads a plainly right file by hand and comes here only for the rest, so a
run with good settings (or none) never imports pydantic.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from secondstory.errors import FileProblem
from secondstory.files.tomlerrors import explain


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


def validate(path: Path, data: dict[str, Any], *, pyproject: bool) -> LintTable:
    """The lint table of `path`, or one FileProblem naming the file, line and key."""
    model: type[BaseModel] = PyProject if pyproject else OwnFile
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        text = path.read_text("utf-8", errors="replace")
        raise FileProblem(path, explain(exc, model, text)) from None
    if isinstance(parsed, PyProject):
        return parsed.tool.secondstory.lint
    assert isinstance(parsed, OwnFile)
    return parsed.lint
