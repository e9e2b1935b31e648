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


def cache_dir() -> Path:
    """What can be rebuilt at any time (the compiled language rules); safe to delete."""
    if os.environ.get("SECONDSTORY_HOME"):
        return home() / "cache"
    return platformdirs.user_cache_path(APP)


def drafts_dir() -> Path:
    """Private drafts, one file per account."""
    return home() / "drafts"


def known_incidents_file() -> Path:
    """Incident folders this person has created or opened, so ids can be used as names."""
    return home() / "incidents.toml"


def ensure_private_dir(path: Path) -> Path:
    """Create `path` readable only by its owner, and any missing parents below home likewise.

    mkdir(parents=True) would give new parents the umask's mode (often 0755): a fresh
    SECONDSTORY_HOME must be private from its first moment, not once something else runs.
    """
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=PRIVATE_DIR, exist_ok=True)
        if folder == home() or home() in folder.parents:
            os.chmod(folder, PRIVATE_DIR)
    os.chmod(path, PRIVATE_DIR)
    return path
