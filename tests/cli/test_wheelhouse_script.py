"""scripts/wheelhouse reads environment markers for the target, not for the build machine.

pip download evaluates markers where it runs: a Windows wheelhouse built on Linux would
leave out a Windows-only dependency. The script checks the folder for what the target
needs, with extras followed; here on hand-made wheels, so no index is asked.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "wheelhouse"


@pytest.fixture(scope="module")
def wheelhouse() -> ModuleType:
    loader = importlib.machinery.SourceFileLoader("wheelhouse_script", str(SCRIPT))
    spec = importlib.util.spec_from_loader("wheelhouse_script", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def _wheel(folder: Path, name: str, version: str, *requires: str) -> None:
    lines = [f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"]
    lines += [f"Requires-Dist: {r}\n" for r in requires]
    path = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{name}-{version}.dist-info/METADATA", "".join(lines))


def _names(requirements: list[object]) -> list[str]:
    return sorted(str(r).split(";")[0].strip() for r in requirements)


def test_a_windows_only_dependency_is_needed_for_windows_only(
    wheelhouse: ModuleType, tmp_path: Path
) -> None:
    _wheel(tmp_path, "app", "1.0", "lib>=2", "tzdata; platform_system == 'Windows'")
    _wheel(tmp_path, "lib", "2.1")
    linux = {**wheelhouse.default_environment(), **wheelhouse.MARKERS["linux"]}
    windows = {**wheelhouse.default_environment(), **wheelhouse.MARKERS["windows"]}
    assert wheelhouse._missing(tmp_path, linux) == []
    assert _names(wheelhouse._missing(tmp_path, windows)) == ["tzdata"]
    [missing] = wheelhouse._missing(tmp_path, windows)
    assert wheelhouse._without_marker(missing) == "tzdata"  # what pip is asked for


def test_a_version_too_old_and_an_extra_asked_for_are_missing(
    wheelhouse: ModuleType, tmp_path: Path
) -> None:
    _wheel(tmp_path, "app", "1.0", "lib[fast]>=3")
    _wheel(tmp_path, "lib", "2.1", "speedup; extra == 'fast'", "docs; extra == 'docs'")
    environment = dict(wheelhouse.default_environment())
    assert _names(wheelhouse._missing(tmp_path, environment)) == ["lib[fast]>=3", "speedup"]


def test_a_bad_target_is_refused_with_one_line() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--python", "three"], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "--python takes a version such as 3.12" in done.stderr
