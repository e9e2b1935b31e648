"""Zone names: a region folder of the zone data is not a zone."""

from __future__ import annotations

import pytest

from secondstory.files.model import Incident
from secondstory.times.zones import is_zone


@pytest.mark.parametrize("name", ["America", "Europe", "Etc", ""])
def test_a_region_folder_or_nothing_is_not_a_zone(name: str) -> None:
    # With the tzdata package, ZoneInfo("America") raises IsADirectoryError, not
    # ZoneInfoNotFoundError: half-typed zone names reach this on every key.
    assert not is_zone(name)


def test_real_zones_are_zones() -> None:
    assert is_zone("Europe/Amsterdam")
    assert is_zone("UTC")


def test_an_incident_with_a_region_folder_as_zone_is_refused_in_words() -> None:
    with pytest.raises(ValueError, match="not a known IANA time zone"):
        Incident.model_validate(
            {
                "format": 1,
                "kind": "secondstory.incident",
                "id": "x",
                "title": "x",
                "timezone": "America",
            }
        )
