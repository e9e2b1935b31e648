"""`secondstory lint` on a project: folders, --select/--ignore and the settings file."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from secondstory.cli import lint

# Three findings: judgement-careless (line 1), hindsight-in-hindsight (2), root-cause (3).
DRAFT = (
    "Sam said the deploy was careless.\n"
    "In hindsight, we paged the database team.\n"
    "The root cause was the config push.\n"
)


def run_lint(*argv: str | Path) -> int:
    parser = argparse.ArgumentParser(prog="secondstory")
    lint.add_parser(parser.add_subparsers())
    return lint.run(parser.parse_args(["lint", *map(str, argv)]))


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    return project


def write(path: Path, text: str = DRAFT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rules_reported(capsys: pytest.CaptureFixture[str]) -> list[str]:
    out = capsys.readouterr().out.splitlines()
    return [line.split(": ")[1] for line in out if not line.startswith(" ")]


def files_reported(capsys: pytest.CaptureFixture[str]) -> list[str]:
    out = capsys.readouterr().out.splitlines()
    return sorted({line.split(":")[0] for line in out if not line.startswith(" ")})


ALL = ["judgement-careless", "hindsight-in-hindsight", "root-cause"]


@pytest.mark.parametrize(
    "argv, reported",
    [
        # a category
        (["--select", "hindsight"], ["hindsight-in-hindsight"]),
        # a rule id and a category, comma-separated
        (["--select", "judgement-careless,root-cause"], ["judgement-careless", "root-cause"]),
        # repeated, with spaces after the commas
        (["--select", "judgement", "--select", " hindsight, "], ALL[:2]),
        # ignore by category and by id
        (["--ignore", "hindsight", "--ignore", "root-cause"], ["judgement-careless"]),
        # ignore wins over select
        (["--select", "judgement,hindsight", "--ignore", "hindsight-in-hindsight"], ALL[:1]),
    ],
)
def test_select_and_ignore_by_rule_or_category(
    here: Path, capsys: pytest.CaptureFixture[str], argv: list[str], reported: list[str]
) -> None:
    path = write(here / "draft.md")
    assert run_lint(*argv, path) == 1
    assert rules_reported(capsys) == reported


def test_nothing_selected_found_is_exit_zero(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(here / "draft.md")
    assert run_lint("--select", "minimising", path) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("flag", ["--select", "--ignore"])
def test_an_unknown_name_is_one_line_naming_it_and_the_known_ones(
    here: Path, capsys: pytest.CaptureFixture[str], flag: str
) -> None:
    path = write(here / "draft.md")
    assert run_lint(flag, "judgement,judgment", path) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith(
        f"secondstory lint: {flag}: no rule or category is named 'judgment' "
        "(did you mean 'judgement'?); the categories are blame-other, counterfactual, "
    )
    assert "; the rules are counterfactual-should-have, " in line
    assert "expectation" not in line  # lint never reports expectations


SETTINGS = '[lint]\nselect = ["judgement", "root-cause"]\nignore = ["root-cause"]\n'


def test_settings_are_found_by_walking_up_from_each_file(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(here / ".secondstory.toml", SETTINGS)
    inside = write(here / "docs" / "deep" / "draft.md")
    outside = write(here.parent / "elsewhere.md")
    assert run_lint(inside, outside) == 1
    out = capsys.readouterr().out.splitlines()
    firsts = [line for line in out if not line.startswith(" ")]
    assert [line.split(": ")[1] for line in firsts] == ["judgement-careless", *ALL]
    assert firsts[0].startswith(str(inside))


def test_pyproject_holds_the_settings_under_tool_secondstory_lint(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        here / "pyproject.toml",
        '[project]\nname = "x"\n[tool.secondstory.lint]\nselect = ["hindsight"]\n',
    )
    write(here / "docs" / "pyproject.toml", '[project]\nname = "docs"\n')  # passed over
    path = write(here / "docs" / "draft.md")
    assert run_lint(path) == 1
    assert rules_reported(capsys) == ["hindsight-in-hindsight"]


def test_secondstory_toml_comes_before_pyproject_in_one_folder(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(here / "pyproject.toml", '[tool.secondstory.lint]\nselect = ["hindsight"]\n')
    write(here / ".secondstory.toml", '[lint]\nselect = ["root-cause"]\n')
    assert run_lint(write(here / "draft.md")) == 1
    assert rules_reported(capsys) == ["root-cause"]


def test_the_command_line_wins_over_the_settings_file(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(here / ".secondstory.toml", SETTINGS)
    path = write(here / "draft.md")
    # --select replaces the file's select and ignore
    assert run_lint("--select", "root-cause,hindsight", path) == 1
    assert rules_reported(capsys) == ALL[1:]
    # --ignore adds to what the file leaves
    assert run_lint("--ignore", "judgement-careless", path) == 0
    # --no-config reads no settings; --config names one
    assert run_lint("--no-config", path) == 1
    assert rules_reported(capsys) == ALL
    other = write(here.parent / "other.toml", '[lint]\nselect = ["hindsight"]\n')
    assert run_lint("--config", other, path) == 1
    assert rules_reported(capsys) == ["hindsight-in-hindsight"]


def test_a_rules_file_named_in_the_settings_is_found_beside_them(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        here / "team" / "language.toml",
        'format = 1\nkind = "secondstory.language"\n[[rules]]\nid = "team-cowboy"\n'
        "category = \"judgement\"\npatterns = ['\\bcowboy deploys?\\b']\n"
        'message = "A label judges the person."\nreframe = "What made it reasonable?"\n',
    )
    write(
        here / ".secondstory.toml",
        '[lint]\nrules = "team/language.toml"\nselect = ["team-cowboy"]\n',
    )
    path = write(here / "docs" / "draft.md", "It was a cowboy deploy, and careless.\n")
    assert run_lint(path) == 1
    assert rules_reported(capsys) == ["team-cowboy"]


@pytest.mark.parametrize(
    "name, text, says",
    [
        # a misspelt key: named with its line, and the key meant
        (
            ".secondstory.toml",
            "[lint]\nselekt = []\n",
            "line 2: 'lint.selekt' is not a key secondstory knows; did you mean 'lint.select'?",
        ),
        # a value of the wrong kind
        (".secondstory.toml", '[lint]\nignore = "hindsight"\n', "'lint.ignore': "),
        # a name that is no rule or category
        (
            "pyproject.toml",
            '[tool.secondstory.lint]\nignore = ["hindsite"]\n',
            "'tool.secondstory.lint.ignore': no rule or category is named 'hindsite' "
            "(did you mean 'hindsight'?)",
        ),
        # a rules file that is not there
        (".secondstory.toml", '[lint]\nrules = ["nope.toml"]\n', "'lint.rules': "),
        # not TOML
        (".secondstory.toml", "[lint\n", "is not valid TOML"),
    ],
)
def test_a_bad_settings_file_is_one_line_naming_it_and_the_key(
    here: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, says: str
) -> None:
    settings = write(here / name, text)
    assert run_lint(write(here / "draft.md")) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith(f"secondstory lint: {settings}: ")
    assert says in line


def test_a_folder_is_read_recursively_in_sorted_order(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ["b.md", "a.txt", "sub/z.markdown", "sub/a.MD", "notes.rst", "draft.toml"]:
        write(here / "docs" / name)
    assert run_lint("docs") == 1
    out = capsys.readouterr().out.splitlines()
    firsts = [line.split(":")[0] for line in out if not line.startswith(" ")]
    order = list(dict.fromkeys(firsts))
    assert order == ["docs/a.txt", "docs/b.md", "docs/sub/a.MD", "docs/sub/z.markdown"]


def test_hidden_and_tool_folders_are_passed_over(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in [".git/x.md", ".venv/x.md", "node_modules/pkg/x.md", ".hidden.md", "ok.md"]:
        write(here / name)
    assert run_lint(".") == 1
    assert files_reported(capsys) == ["ok.md"]
    assert run_lint(here / ".hidden.md") == 1  # a file named is always read


def test_symlinks_are_not_followed_out_of_the_folder(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = write(here.parent / "private" / "secret.md")
    write(here / "docs" / "ok.md")
    write(here / "docs" / "kept.md")
    os.symlink(outside, here / "docs" / "out.md")
    os.symlink(outside.parent, here / "docs" / "linked-folder")
    os.symlink(here / "docs" / "kept.md", here / "docs" / "inside.md")
    os.symlink(here / "docs", here / "docs" / "loop")
    assert run_lint("docs") == 1
    assert files_reported(capsys) == ["docs/inside.md", "docs/kept.md", "docs/ok.md"]


def test_a_fifo_in_a_folder_is_passed_over_rather_than_waited_on(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(here / "docs" / "ok.md")
    os.mkfifo(here / "docs" / "pipe.md")
    assert run_lint("docs") == 1
    assert files_reported(capsys) == ["docs/ok.md"]


def test_a_folder_with_nothing_to_read_is_a_warning_not_a_failure(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "empty").mkdir()
    assert run_lint("empty") == 0
    assert capsys.readouterr().err == (
        "secondstory lint: warning: empty: no Markdown or text files inside\n"
    )


def test_an_unknown_name_is_said_even_when_no_file_is_found(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "empty").mkdir()
    assert run_lint("--ignore", "hindsite", "empty") == 2
    assert "no rule or category is named 'hindsite'" in capsys.readouterr().err


def test_a_file_named_twice_is_read_once(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(here / "docs" / "a.md")
    assert run_lint("docs", "docs/a.md") == 1
    assert len(rules_reported(capsys)) == 3


def test_exit_two_for_an_unreadable_file_even_with_findings(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(here / "a.md")
    assert run_lint("a.md", "missing.md") == 2
    assert "judgement-careless" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["lint"],  # no path
        ["lint", "--format", "xml", "a.md"],
        ["lint", "--config", "x.toml", "--no-config", "a.md"],
    ],
)
def test_a_mistake_on_the_command_line_is_exit_two(
    here: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    from secondstory.cli.main import main

    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("secondstory lint: ")
