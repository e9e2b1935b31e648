"""Exports of a merged narrative: Markdown, one self-contained HTML file, and JSON, with
neutral labels for names on request, and text made safe to show (`textsafe`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from secondstory.errors import SecondstoryError
from secondstory.export import html, json, markdown
from secondstory.files.storage import SHARED_FILE, atomic_write
from secondstory.narrative.model import Narrative

Renderer = Callable[..., str]
FORMATS: dict[str, Renderer] = {"md": markdown.render, "html": html.render, "json": json.render}
"""Each format's renderer: render(narrative, *, anonymize=False) -> str."""
SUFFIXES = {"md": ".md", "html": ".html", "json": ".json"}
"""The usual file ending of each format."""


def render(narrative: Narrative, fmt: str = "md", *, anonymize: bool = False) -> str:
    """The narrative in one of FORMATS."""
    renderer = FORMATS.get(fmt)
    if renderer is None:
        known = ", ".join(FORMATS)
        raise SecondstoryError(f"There is no export format called {fmt!r}; choose one of {known}")
    return renderer(narrative, anonymize=anonymize)


def write_into(folder: Path, narrative: Narrative, fmt: str, *, anonymize: bool = False) -> Path:
    """Write the narrative as `narrative[-anonymized].<suffix>` in `folder`, atomically."""
    text = render(narrative, fmt, anonymize=anonymize)
    path = folder / f"narrative{'-anonymized' if anonymize else ''}{SUFFIXES[fmt]}"
    try:
        atomic_write(path, text.encode("utf-8"), SHARED_FILE)
    except OSError as exc:
        raise SecondstoryError(f"{path} could not be written ({exc.strerror or exc})") from None
    return path
