"""A fictional sample incident with three shared accounts, to explore without real data."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from secondstory.files.storage import SHARED_FILE, atomic_write

DEMO_INCIDENT = "checkout-errors-2024-03-14"
"""The sample incident's id, which is also its folder's name."""


def make_demo(home: Path) -> Path:
    """Copy the sample incident into `home/<id>/` (fresh each time) and return that folder."""
    folder = home / DEMO_INCIDENT
    _copy(files("secondstory.files") / "demo_data", folder)
    return folder


def _copy(source: Traversable, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if item.is_dir():
            _copy(item, target / item.name)
        elif item.name.endswith(".toml"):
            atomic_write(target / item.name, item.read_bytes(), SHARED_FILE)
