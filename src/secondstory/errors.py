"""One exception family for everything a user can cause; the CLI catches it once."""

from __future__ import annotations

TYPE_CHECKING = False  # not `typing`'s: every command imports this module, --help too
if TYPE_CHECKING:
    from pathlib import Path


class SecondstoryError(Exception):
    """A problem we can explain to the person in one line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class FileProblem(SecondstoryError):
    """A file could not be read or used. It is never overwritten after this."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NewerFormat(FileProblem):
    """The file was written by a newer version of secondstory."""


class NotFound(SecondstoryError):
    """Something the person named does not exist."""
