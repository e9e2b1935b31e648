"""Pydantic plugins are never loaded in secondstory.

A pydantic plugin sees every value validated: here, people's accounts. An observability
plugin installed in the same environment for another program could record them or send
them over the network, and secondstory opens no network connection. Finding plugins also
reads the metadata of every installed package (importlib.metadata, 70-150 ms) before the
first model is built, which is most of the cost of starting the interview.

Pydantic looks its plugins up through one function in one private module (the same from
2.6 to 2.14); a module of that name, made here, answers that there are none. When the
process has already loaded pydantic's own, it is left alone.
"""

from __future__ import annotations

import sys
from types import ModuleType

LOADER = "pydantic.plugin._loader"


def _no_plugins() -> tuple[()]:
    return ()


def install() -> None:
    """Make pydantic find no plugins; call before the first model is built."""
    if LOADER in sys.modules:
        return
    module = ModuleType(LOADER, "secondstory: pydantic plugins are not loaded.")
    module.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules[LOADER] = module
