"""What each command loads before it does its work: `--help` no models, `lint` none of the
merge, neither the app. A fresh interpreter per case, so an import anywhere in the chain
shows up in `sys.modules` (docs/performance.md has the times these keep short)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from secondstory.no_plugins import LOADER

APP = ("textual", "rich")
MODELS = ("pydantic", "secondstory.files.model", "secondstory.narrative.model")
MERGE = ("secondstory.narrative", "secondstory.export.html", "secondstory.export.markdown")


def _loaded_after(argv: list[str], cwd: Path) -> set[str]:
    """The modules loaded once `secondstory ARGV` has run, in a fresh interpreter."""
    code = (
        "import contextlib, io, json, sys\n"
        "from secondstory.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main({argv!r})\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, check=True
    )
    # secondstory's stand-in for pydantic's plugin loader is not pydantic: it costs nothing.
    return set(json.loads(done.stdout.splitlines()[-1])) - {LOADER}


def _among(loaded: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(m for m in loaded if any(m == p or m.startswith(f"{p}.") for p in prefixes))


@pytest.mark.parametrize(
    "argv", [["--help"], ["merge", "--help"], ["lint", "--help"], ["give", "--help"]]
)
def test_help_loads_neither_the_app_nor_any_model_nor_the_merge(
    argv: list[str], tmp_path: Path
) -> None:
    loaded = _loaded_after(argv, tmp_path)
    assert _among(loaded, APP + MODELS + MERGE) == []


def test_help_imports_none_of_the_commands_modules(tmp_path: Path) -> None:
    loaded = _loaded_after(["--help"], tmp_path)
    commands = sorted(
        m for m in loaded if m.startswith("secondstory.cli.") and m != "secondstory.cli.main"
    )
    assert commands == []
    assert _among(loaded, ("typing", "pathlib", "shutil")) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--prompts", "p.toml", "--help"],
        ["--prom", "merge", "--help"],
        ["--prompts=p.toml", "lint", "--help"],
        ["merge", "--help"],
        ["incident", "new", "--help"],
        ["--", "docs", "--help"],
    ],
)
def test_building_only_the_chosen_command_reads_the_command_line_as_building_all(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from secondstory.cli.main import build_parser, chosen_command

    helps = []
    for parser in (build_parser(), build_parser(only=chosen_command(argv) or "")):
        with pytest.raises(SystemExit):
            parser.parse_args(argv)
        helps.append(capsys.readouterr())
    assert helps[0] == helps[1] and "secondstory" in helps[0].out + helps[0].err


@pytest.mark.parametrize(
    ("argv", "chosen"),
    [
        ([], None),
        (["give", "x"], "give"),
        (["--prompts", "give", "merge", "x"], "merge"),  # give is the file --prompts takes
        (["--pro", "give", "lint", "x"], "lint"),  # argparse takes a prefix of an option
        (["--prompts=give", "lint"], "lint"),
        (["-h"], None),
        (["nonsense"], None),
    ],
)
def test_the_chosen_command_is_the_one_argparse_will_run(
    argv: list[str], chosen: str | None
) -> None:
    from secondstory.cli.main import chosen_command

    assert chosen_command(argv) == chosen


def test_lint_loads_neither_the_app_nor_the_merge_and_still_finds_blame(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("The deploy broke because Sam should have checked.\n", encoding="utf-8")
    loaded = _loaded_after(["lint", "--no-config", str(draft)], tmp_path)
    assert "secondstory.language.check" in loaded  # the check really ran
    assert _among(loaded, APP + MERGE) == []


def test_merge_loads_the_merge_but_not_the_app(tmp_path: Path) -> None:
    from secondstory.files.demo import make_demo

    folder = make_demo(tmp_path / "demo")
    loaded = _loaded_after(["merge", str(folder), "-o", str(tmp_path / "n.md")], tmp_path)
    assert (tmp_path / "n.md").read_text("utf-8").startswith("#")
    assert "secondstory.narrative.merge" in loaded
    assert _among(loaded, APP) == []


def test_the_merge_command_offers_exactly_the_export_formats() -> None:
    from secondstory.export import FORMATS, NAMES

    assert sorted(NAMES) == sorted(FORMATS)


@pytest.mark.parametrize("settings", [None, '[lint]\nignore = ["hindsight"]\n'])
def test_lint_with_its_rules_cached_loads_no_model(settings: str | None, tmp_path: Path) -> None:
    """pydantic (most of lint's start-up) only when rules or settings must be validated."""
    import os

    draft = tmp_path / "draft.md"
    draft.write_text("The deploy broke because Sam should have checked.\n", encoding="utf-8")
    argv = ["lint", "--no-config", str(draft)]
    if settings is not None:
        (tmp_path / ".secondstory.toml").write_text(settings, encoding="utf-8")
        argv = ["lint", str(draft)]
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env["SECONDSTORY_HOME"] = str(tmp_path / "home")
    code = (
        "import contextlib, io, json, sys\n"
        "from secondstory.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):\n"
        f"    main({argv!r})\n"
        "print(json.dumps([out.getvalue(), sorted(sys.modules)]))\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env
        )
        for _ in range(2)  # the first compiles the rules and keeps them; the second reads them
    ]
    first, second = (json.loads(run.stdout.splitlines()[-1]) for run in runs)
    assert "should-have" in second[0] and first[0] == second[0]
    assert "pydantic" in first[1]  # a cache miss validates the rules file
    assert _among(set(second[1]) - {LOADER}, MODELS) == []


def test_merging_loads_no_pydantic_plugin_nor_the_package_metadata(tmp_path: Path) -> None:
    """Pydantic plugins see every account validated; finding them reads every installed
    package's metadata (importlib.metadata), most of the cost of the first model."""
    from secondstory.files.demo import make_demo

    folder = make_demo(tmp_path / "reviews")
    loaded = _loaded_after(["merge", str(folder)], tmp_path)
    assert "secondstory.files.model" in loaded
    assert _among(loaded, ("importlib.metadata",)) == []


def test_a_plugin_installed_beside_pydantic_is_never_called(tmp_path: Path) -> None:
    """A plugin registered for the `pydantic` entry point group would be loaded by pydantic
    for the first model built; secondstory's models never call it."""
    dist = tmp_path / "spy_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: spy-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[pydantic]\nspy = spy_plugin:plugin\n")
    (tmp_path / "spy_plugin.py").write_text(
        "import sys\n"
        "class Plugin:\n"
        "    def new_schema_validator(self, *args, **kwargs):\n"
        "        sys.stderr.write('SPY SAW A MODEL\\n')\n"
        "        return None, None, None\n"
        "plugin = Plugin()\n"
    )
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "from secondstory.files.model import Moment\n"
        "Moment.model_validate({'id': 'm1', 'did': 'x'})\n"
        "print('validated')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "validated", done.stderr
    assert "SPY" not in done.stderr
    # Without secondstory's guard the same plugin is called: the test would see it.
    bare = code.replace("from secondstory.files.model import Moment\n", "").replace(
        "Moment.model_validate({'id': 'm1', 'did': 'x'})\n",
        "from pydantic import BaseModel\nclass M(BaseModel):\n    x: int = 0\nM()\n",
    )
    done = subprocess.run([sys.executable, "-c", bare], capture_output=True, text=True)
    assert "SPY SAW A MODEL" in done.stderr
