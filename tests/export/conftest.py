"""Exports say when they were made: the tests fix that moment so the output is repeatable."""

from __future__ import annotations

import pytest

EXPORTED = "1710430200"
"""2024-03-14 15:30 UTC, the day of the sample incident."""


@pytest.fixture(autouse=True)
def fixed_export_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """SOURCE_DATE_EPOCH, as reproducible builds use it, stands for "now" in exports."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EXPORTED)
