"""Finding the data files that ship with secondstory (prompt sets, language rules, docs).

In a wheel, the repository's `prompts/` folder is installed as `secondstory/prompts/`, and
`docs/*.md` with README.md (as `readme.md`) as `secondstory/docs/`. In an editable install
they are not copied, so we fall back to the folders in the checkout.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[3]
_CHECKOUT_PROMPTS = _CHECKOUT / "prompts"


def builtin_prompt_file(name: str) -> Traversable | Path:
    """The built-in data file `name` from `prompts/`, wherever this install keeps it.

    Returns the checkout's path when neither location has the file, so that reading it
    fails with a path a person can look for.
    """
    packaged = files("secondstory") / "prompts" / name
    if packaged.is_file():
        return packaged
    return _CHECKOUT_PROMPTS / name


def doc_topics() -> dict[str, Traversable | Path]:
    """The documentation shipped with secondstory, by topic (`cli` for cli.md), sorted."""
    packaged = files("secondstory") / "docs"
    found: dict[str, Traversable | Path]
    if packaged.is_dir():
        found = {e.name[:-3]: e for e in packaged.iterdir() if e.name.endswith(".md")}
    else:
        found = {p.stem: p for p in (_CHECKOUT / "docs").glob("*.md")}
        if (_CHECKOUT / "README.md").is_file():
            found["readme"] = _CHECKOUT / "README.md"
    return dict(sorted(found.items()))
