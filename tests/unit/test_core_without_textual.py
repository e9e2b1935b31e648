"""The domain (everything but the app, screens, widgets and dialogs) never imports the UI.

Each module is imported in a fresh interpreter, so an import buried anywhere in its chain
shows up; this also keeps `secondstory merge` and `lint` quick to start.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import secondstory

PACKAGE = Path(secondstory.__file__).parent
UI = {"app", "__main__", "screens", "widgets", "dialogs"}


def _core_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[0] in UI or "__pycache__" in parts:
            continue
        names.append(".".join(("secondstory", *parts)).removesuffix(".__init__"))
    return names


def test_the_core_is_more_than_a_handful_of_modules() -> None:
    assert len(_core_modules()) >= 30  # a wrong path would make the next test vacuous


@pytest.mark.parametrize("module", _core_modules())
def test_a_core_module_imports_neither_textual_nor_rich(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
