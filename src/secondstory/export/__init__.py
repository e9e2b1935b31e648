"""Exports of a merged narrative: Markdown, one self-contained HTML file, and JSON."""

from __future__ import annotations

from collections.abc import Callable

from secondstory.errors import SecondstoryError
from secondstory.export import html, json, markdown
from secondstory.narrative import Narrative

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
