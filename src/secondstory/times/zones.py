"""The machine's own time zone, as an IANA name."""

from __future__ import annotations

import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def is_zone(name: str) -> bool:
    """Whether `name` is an IANA zone this machine knows."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "America" is a folder of zones
        return False
    return bool(name)


def system_zone() -> str:
    """TZ, /etc/timezone or the /etc/localtime link; UTC when none names a known zone."""
    candidates = [os.environ.get("TZ", "").removeprefix(":")]
    timezone_file = Path("/etc/timezone")
    if timezone_file.is_file():
        candidates.append(timezone_file.read_text("utf-8", "replace").strip())
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    return next((c for c in candidates if c and is_zone(c)), "UTC")
