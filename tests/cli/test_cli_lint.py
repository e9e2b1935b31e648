"""`secondstory lint`: output, exit codes, Markdown, stdin, silencing and team rules."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from secondstory.cli import lint
from secondstory.files import paths
from secondstory.language import default_rules
from secondstory.language.rules import Rule

DRAFT = """\
# Checkout outage

Sam said the deploy was careless.

```sh
deploy --careless   # code is not prose
```

The job should have finished in five minutes.
"""


def run_lint(*argv: str | Path) -> int:
    parser = argparse.ArgumentParser(prog="secondstory")
    lint.add_parser(parser.add_subparsers())
    return lint.run(parser.parse_args(["lint", *map(str, argv)]))


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_clean_file_exits_zero_and_prints_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "clean.md", "Priya rolled back at 14:20 and the errors stopped.\n")
    assert run_lint(path) == 0
    assert capsys.readouterr().out == ""


def test_findings_print_the_message_then_the_question_and_exit_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "draft.md", DRAFT)
    assert run_lint(path) == 1
    out = capsys.readouterr().out.splitlines()
    rule = _rule("judgement-careless")
    assert out == [
        f"{path}:3:25: judgement-careless: {rule.message}",
        f"    try asking: {rule.reframe}",
    ]


def _rule(rule_id: str) -> Rule:
    rule = default_rules().get(rule_id)
    assert rule is not None
    return rule


def locations(out: str) -> list[str]:
    """The first line of each finding (the question lines are indented)."""
    return [line for line in out.splitlines() if not line.startswith(" ")]


def test_json_output_lists_every_finding_with_its_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "draft.md", DRAFT)
    assert run_lint("--format", "json", path) == 1
    (item,) = json.loads(capsys.readouterr().out)
    assert item["path"] == str(path)
    assert (item["line"], item["col"], item["rule"]) == (3, 25, "judgement-careless")
    assert item["category"] == "judgement"
    assert item["text"] == "careless"
    assert item["reframe"].endswith("?")
    assert set(item) == {"path", "line", "col", "rule", "category", "message", "reframe", "text"}


def test_json_output_is_an_empty_list_when_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "clean.txt", "Nothing to see.\n")
    assert run_lint("--format", "json", path) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_an_unreadable_file_is_named_on_stderr_and_the_others_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.md"
    binary = tmp_path / "latin1.txt"
    binary.write_bytes("caf\xe9".encode("latin-1"))
    good = write(tmp_path, "draft.md", DRAFT)
    assert run_lint(missing, binary, good) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"secondstory lint: {missing}: no such file",
        f"secondstory lint: {binary}: is not UTF-8 text",
    ]
    assert "judgement-careless" in captured.out


def test_plain_text_files_check_code_that_markdown_skips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "draft.txt", DRAFT)
    assert run_lint(path) == 1
    lines = [line.split(":")[1] for line in locations(capsys.readouterr().out)]
    assert lines == ["3", "6"]


def test_as_markdown_reads_any_file_as_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "draft.txt", DRAFT)
    assert run_lint("--as", "markdown", path) == 1
    assert len(locations(capsys.readouterr().out)) == 1


def test_a_dash_reads_standard_input_as_markdown(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode("utf-8"))))
    assert run_lint("-") == 1
    assert capsys.readouterr().out.startswith("<stdin>:3:25: judgement-careless: ")


def test_expectations_about_a_system_are_left_to_the_interview(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "draft.md", "The job should have finished in five minutes.\n")
    assert run_lint(path) == 0


SILENCED = """\
It was careless. <!-- secondstory: ignore -->
It was careless, in hindsight. secondstory: ignore judgement-careless
It was careless, in hindsight. <!-- secondstory: ignore hindsight, judgement -->
It was careless. <!-- secondstory: ignore, quoting the old runbook -->
It was careless.
"""


def test_an_ignore_comment_silences_its_line_or_the_rules_it_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "draft.md", SILENCED)
    assert run_lint(path) == 1
    found = [line.split(":")[1:4:2] for line in locations(capsys.readouterr().out)]
    assert found == [["2", " hindsight-in-hindsight"], ["5", " judgement-careless"]]


TEAM_RULES = """\
format = 1
kind = "secondstory.language"
disabled = ["judgement-careless"]

[[rules]]
id = "team-cowboy"
category = "judgement"
patterns = ['\\bcowboy deploys?\\b']
message = "A label like this judges the person, not the situation."
reframe = "What made deploying this way reasonable that day?"
"""


def test_rules_adds_a_team_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = write(tmp_path, "team.toml", TEAM_RULES)
    path = write(tmp_path, "draft.md", "It was careless, a cowboy deploy.\n")
    assert run_lint("--rules", rules, path) == 1
    assert capsys.readouterr().out.split(": ")[1] == "team-cowboy"


def test_a_broken_rules_file_is_one_line_on_stderr_and_exit_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = write(tmp_path, "team.toml", "format = 1\nkind = = 2\n")
    path = write(tmp_path, "draft.md", DRAFT)
    assert run_lint("--rules", rules, path) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"secondstory lint: {rules}: is not valid TOML")


def write_team_file(text: str) -> Path:
    path = paths.config_dir() / "language.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_broken_team_file_in_the_config_folder_is_a_warning_and_the_rest_still_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    team = write_team_file("format = 1\nkind = = 2\n")
    path = write(tmp_path, "draft.md", DRAFT)
    assert run_lint(path) == 1
    captured = capsys.readouterr()
    (warning,) = captured.err.splitlines()
    assert warning.startswith(f"secondstory lint: warning: {team} could not be used (is not valid")
    assert captured.out.startswith(f"{path}:3:25: judgement-careless: ")
    clean = write(tmp_path, "clean.md", "Priya rolled back at 14:20.\n")
    assert run_lint(clean) == 0


def test_with_a_broken_team_file_the_rules_named_still_apply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_team_file("format = 1\nkind = = 2\n")
    rules = write(tmp_path, "team.toml", TEAM_RULES)
    path = write(tmp_path, "draft.md", "It was careless, a cowboy deploy.\n")
    assert run_lint("--rules", rules, path) == 1
    captured = capsys.readouterr()
    assert len(captured.err.splitlines()) == 1
    assert captured.out.split(": ")[1] == "team-cowboy"


def test_a_broken_rules_file_named_is_still_exit_two_with_a_broken_team_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    team = write_team_file("format = 1\nkind = = 2\n")
    rules = write(tmp_path, "team.toml", "format = 1\nkind = = 2\n")
    path = write(tmp_path, "draft.md", DRAFT)
    assert run_lint("--rules", rules, path) == 2
    assert capsys.readouterr().err.startswith(f"secondstory lint: {rules}: is not valid TOML")
    assert run_lint("--rules", team, path) == 2  # the team file named: the person asked for it


def test_the_command_runs_from_the_installed_cli(tmp_path: Path) -> None:
    path = write(tmp_path, "draft.md", DRAFT)
    result = subprocess.run(
        [sys.executable, "-m", "secondstory", "lint", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if "invalid choice" in result.stderr:
        pytest.skip("the lint command is not wired into the CLI yet")
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:3:25: judgement-careless: ")
    assert result.stderr == ""


def test_stdin_that_is_not_utf8_is_refused_like_a_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"caf\xe9 was careless")))
    assert run_lint("-") == 2
    assert capsys.readouterr().err.strip() == "secondstory lint: <stdin>: is not UTF-8 text"
