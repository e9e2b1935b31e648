"""The command line: help for every command, documented, and one clear line for problems."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import pytest

from secondstory.cli.main import build_parser, main

DOCS = Path(__file__).parents[2] / "docs" / "cli.md"


def _commands(
    parser: argparse.ArgumentParser, prefix: str = ""
) -> dict[str, argparse.ArgumentParser]:
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[f"{prefix}{name}"] = sub
                found.update(_commands(sub, f"{prefix}{name} "))
    return found


@pytest.mark.parametrize("command", sorted(_commands(build_parser())))
def test_every_command_and_option_is_in_the_docs(command: str) -> None:
    docs = DOCS.read_text("utf-8")
    assert f"## secondstory {command}" in docs
    sub = _commands(build_parser())[command]
    for action in sub._actions:
        for flag in action.option_strings:
            if flag.startswith("--") and flag != "--help":
                assert flag in docs, f"{flag} of {command} is not documented"


def test_incident_new_creates_a_folder_and_says_how_to_use_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "incident",
            "new",
            "--title",
            "Queue backlog",
            "--dir",
            str(tmp_path),
            "--timezone",
            "Asia/Kolkata",
            "--started",
            "2024-05-02 10:30",
        ]
    )
    assert code == 0
    assert (tmp_path / "queue-backlog" / "incident.toml").is_file()
    assert (tmp_path / "queue-backlog" / "accounts").is_dir()
    assert "secondstory give" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv, message",
    [
        # an unknown zone is named, with an example of a good one
        (["incident", "new", "--title", "X", "--timezone", "Mars/Olympus"], "IANA"),
        # a folder that is not an incident
        (["give", "/"], "not an incident folder"),
        # an id nobody has opened
        (["facilitate", "no-such-incident"], "No incident folder"),
        # a time that cannot be read
        (["incident", "new", "--title", "X", "--started", "when the pager went"], "couldn't read"),
    ],
)
def test_problems_are_one_line_on_stderr_with_exit_2(
    argv: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("secondstory: ")
    assert err.count("\n") == 1
    assert message.lower() in err.lower()


def test_the_interactive_parts_say_so_when_there_is_no_terminal(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "secondstory"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert result.returncode == 2
    assert re.fullmatch(r"secondstory: .*terminal\n", result.stderr)
