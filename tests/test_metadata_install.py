"""What an install carries: dependencies that hold on every platform, and the licence."""

from __future__ import annotations

import tomllib
from importlib.metadata import requires
from pathlib import Path

ROOT = Path(__file__).parents[1]


def _project() -> dict[str, object]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    project: dict[str, object] = data["project"]
    return project


def test_tzdata_is_required_everywhere_with_no_platform_marker() -> None:
    # A marker is evaluated where the wheelhouse is built, so a Linux-built one for
    # Windows lost tzdata; minimal containers have no system zone data either.
    dependencies = [str(d) for d in _project()["dependencies"]]  # type: ignore[attr-defined]
    tzdata = [d for d in dependencies if d.split(">")[0].split(";")[0].strip() == "tzdata"]
    assert tzdata and ";" not in tzdata[0]
    installed = [r for r in requires("secondstory") or [] if r.startswith("tzdata")]
    assert installed and ";" not in installed[0]


def test_the_licence_file_matches_the_metadata() -> None:
    assert _project()["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert text.startswith("MIT License\n")
    assert "Copyright (c) 2026 the secondstory authors" in text
    assert "Permission is hereby granted, free of charge" in text
