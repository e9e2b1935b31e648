"""What an install carries: dependencies that hold on every platform, and the licence."""

from __future__ import annotations

import tomllib
from importlib.metadata import requires
from pathlib import Path

ROOT = Path(__file__).parents[1]


def _project() -> dict[str, object]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    project: dict[str, object] = data["project"]
    return project


def test_tzdata_is_required_everywhere_with_no_platform_marker() -> None:
    # A marker is evaluated where the wheelhouse is built, so a Linux-built one for
    # Windows lost tzdata; minimal containers have no system zone data either.
    dependencies = [str(d) for d in _project()["dependencies"]]  # type: ignore[attr-defined]
    tzdata = [d for d in dependencies if d.split(">")[0].split(";")[0].strip() == "tzdata"]
    assert tzdata and ";" not in tzdata[0]
    installed = [r for r in requires("secondstory") or [] if r.startswith("tzdata")]
    assert installed and ";" not in installed[0]


def test_the_licence_file_matches_the_metadata() -> None:
    assert _project()["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert text.startswith("MIT License\n")
    assert "Copyright (c) 2026 the secondstory authors" in text
    assert "Permission is hereby granted, free of charge" in text


def test_the_wheel_ships_the_prompts_the_docs_and_the_licence(tmp_path: Path) -> None:
    import subprocess
    import sys
    import zipfile

    build = ["wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q"]
    done = subprocess.run(
        [sys.executable, "-m", "pip", *build, "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    (wheel,) = tmp_path.glob("secondstory-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for doc in (ROOT / "docs").glob("*.md"):
        assert f"secondstory/docs/{doc.name}" in names
    assert "secondstory/docs/readme.md" in names
    assert "secondstory/prompts/default.toml" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), sorted(names)
    # Installed from that wheel, `secondstory docs` reads the copies it ships.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        f"import sys; sys.path.insert(0, {str(site)!r}); import secondstory; "
        f"assert secondstory.__file__.startswith({str(site)!r}); "
        "from secondstory.cli import main; sys.exit(main(['docs', 'shared-hosts']))"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == (ROOT / "docs" / "shared-hosts.md").read_text("utf-8")
