"""Every test runs with its own empty home: no test touches real drafts or config."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point SECONDSTORY_HOME and the XDG folders at a fresh temporary folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("SECONDSTORY_HOME", str(home))
    monkeypatch.delenv("SECONDSTORY_CONFIG", raising=False)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    return home


@pytest.fixture(autouse=True)
def fixed_export_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Exports say when they were made; SOURCE_DATE_EPOCH, as reproducible builds use it,
    stands for "now" there, so two exports of one narrative are equal byte for byte."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1710430200")  # 2024-03-14 15:30 UTC


@pytest.fixture
def incident_folder(tmp_path: Path) -> Path:
    """A fresh incident folder, as a facilitator would create it."""
    from secondstory.files.incidents import create_incident

    return create_incident(
        "Checkout outage",
        parent=tmp_path / "reviews",
        timezone="Europe/Amsterdam",
        started=datetime(2017, 1, 31, 23, 0),
        facilitator="Robin",
        description="Checkout returned errors for about forty minutes.",
    )
