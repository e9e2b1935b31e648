"""The lowest versions CI installs are the minimums pyproject.toml declares, one for one."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "tests" / "constraints-lowest.txt"


def declared_minimums() -> dict[str, Version]:
    """Each runtime dependency with a lower bound, and that bound."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    minimums = {}
    for line in project["dependencies"]:
        requirement = Requirement(line)
        for spec in requirement.specifier:
            if spec.operator == ">=":
                minimums[requirement.name.lower()] = Version(spec.version)
    return minimums


def pinned() -> dict[str, Version]:
    pins = {}
    for line in CONSTRAINTS.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[name.strip().lower()] = Version(version.strip())
    return pins


def test_every_declared_minimum_is_pinned_in_the_lowest_constraints() -> None:
    assert pinned() == declared_minimums()
