"""Finding the data files that ship with secondstory (prompt sets, language rules).

In a wheel, the repository's `prompts/` folder is installed as `secondstory/prompts/`.
In an editable install it is not copied, so we fall back to the folder in the checkout.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

_CHECKOUT_PROMPTS = Path(__file__).resolve().parents[3] / "prompts"


def builtin_prompt_file(name: str) -> Traversable | Path:
    """The built-in data file `name` from `prompts/`, wherever this install keeps it.

    Returns the checkout's path when neither location has the file, so that reading it
    fails with a path a person can look for.
    """
    packaged = files("secondstory") / "prompts" / name
    if packaged.is_file():
        return packaged
    return _CHECKOUT_PROMPTS / name
