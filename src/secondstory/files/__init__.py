"""The formats on disk: the pydantic models of every file, atomic storage, where files live
(paths, resolved when asked), the incident folder's layout, and TOML errors said plainly.

Everything else reads and writes files through this package. It imports no other part of
secondstory but `secondstory.errors`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from secondstory import lazy_exports

if TYPE_CHECKING:
    from secondstory.files.model import FORMAT, Account, Incident, Moment, NarrativeNotes
    from secondstory.files.storage import atomic_write, read_model, write_model

_EXPORTS = {
    "FORMAT": "secondstory.files.model",
    "Account": "secondstory.files.model",
    "Incident": "secondstory.files.model",
    "Moment": "secondstory.files.model",
    "NarrativeNotes": "secondstory.files.model",
    "atomic_write": "secondstory.files.storage",
    "read_model": "secondstory.files.storage",
    "write_model": "secondstory.files.storage",
}
"""Where each name of `__all__` lives; imported on first use, so importing one module
of the package does not load the others."""


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


__getattr__ = lazy_exports(__name__, _EXPORTS)
