"""Where secondstory keeps things. Every path is resolved when asked for, never at import."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "secondstory"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def home() -> Path:
    """The person's own data folder: drafts and what they have opened before."""
    override = os.environ.get("SECONDSTORY_HOME")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(APP)


def config_dir() -> Path:
    """Team overrides (prompt sets, language rules) live here."""
    override = os.environ.get("SECONDSTORY_CONFIG")
    if override:
        return Path(override).expanduser()
    if os.environ.get("SECONDSTORY_HOME"):
        return home() / "config"
    return platformdirs.user_config_path(APP)


def drafts_dir() -> Path:
    """Private drafts, one file per account."""
    return home() / "drafts"


def known_incidents_file() -> Path:
    """Incident folders this person has created or opened, so ids can be used as names."""
    return home() / "incidents.toml"


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable only by its owner."""
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    os.chmod(path, PRIVATE_DIR)
    return path
