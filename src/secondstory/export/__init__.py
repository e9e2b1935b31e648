"""Exports of a merged narrative: Markdown, one self-contained HTML file, and JSON, with
neutral labels for names on request, and text made safe to show (`textsafe`).

The renderers load when a narrative is first rendered, so a command that only needs
`textsafe` (every error line does) does not load the merge's model or the exports."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from secondstory.errors import SecondstoryError

Renderer = Callable[..., str]

if TYPE_CHECKING:
    from secondstory.narrative.model import Narrative

    FORMATS: dict[str, Renderer]
    """Each format's renderer, as `renderers()` returns them (loaded on first use)."""
NAMES = ("md", "html", "json")
"""The formats, by name, known without loading any renderer."""
SUFFIXES = {"md": ".md", "html": ".html", "json": ".json"}
"""The usual file ending of each format."""
_MODULES = {"md": "markdown", "html": "html", "json": "json"}


def renderers() -> dict[str, Renderer]:
    """Each format's renderer: render(narrative, *, anonymize=False) -> str."""
    return {name: import_module(f"{__name__}.{_MODULES[name]}").render for name in NAMES}


def __getattr__(name: str) -> object:
    """`FORMATS`, the renderers by format name, loaded when first asked for."""
    if name == "FORMATS":
        return renderers()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def render(narrative: Narrative, fmt: str = "md", *, anonymize: bool = False) -> str:
    """The narrative in one of NAMES."""
    if fmt not in NAMES:
        known = ", ".join(NAMES)
        raise SecondstoryError(f"There is no export format called {fmt!r}; choose one of {known}")
    renderer: Renderer = import_module(f"{__name__}.{_MODULES[fmt]}").render
    return renderer(narrative, anonymize=anonymize)


def write_into(folder: Path, narrative: Narrative, fmt: str, *, anonymize: bool = False) -> Path:
    """Write the narrative as `narrative[-anonymized].<suffix>` in `folder`, atomically."""
    from secondstory.files.storage import SHARED_FILE, atomic_write

    text = render(narrative, fmt, anonymize=anonymize)
    path = folder / f"narrative{'-anonymized' if anonymize else ''}{SUFFIXES[fmt]}"
    try:
        atomic_write(path, text.encode("utf-8"), SHARED_FILE)
    except OSError as exc:
        raise SecondstoryError(f"{path} could not be written ({exc.strerror or exc})") from None
    return path
