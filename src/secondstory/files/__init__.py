"""The formats on disk: the pydantic models of every file, atomic storage, where files live
(paths, resolved when asked), the incident folder's layout, and TOML errors said plainly.

Everything else reads and writes files through this package. It imports no other part of
secondstory but `secondstory.errors`.
"""

from __future__ import annotations

from secondstory.files.model import FORMAT, Account, Incident, Moment, NarrativeNotes
from secondstory.files.storage import atomic_write, read_model, write_model

__all__ = [
    "FORMAT",
    "Account",
    "Incident",
    "Moment",
    "NarrativeNotes",
    "atomic_write",
    "read_model",
    "write_model",
]
