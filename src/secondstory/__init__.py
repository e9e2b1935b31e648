"""secondstory: blameless post-incident reviews in the terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module

from secondstory import no_plugins

__version__ = "0.1.0"

# Before any model is built: pydantic plugins would see people's accounts.
no_plugins.install()


def lazy_exports(package: str, exports: Mapping[str, str]) -> Callable[[str], object]:
    """A package's `__getattr__` that imports each exported name when first asked for.

    `exports` maps a name to the module holding it, so importing one module of a package
    does not load the others (start-up of `--help` and `lint` stays light).
    """

    def __getattr__(name: str) -> object:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
