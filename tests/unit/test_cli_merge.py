"""`secondstory merge`: the narrative on stdout or in a file, skipped files on stderr."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from secondstory.cli import main
from secondstory.demo import make_demo


@pytest.fixture
def incident(tmp_path: Path) -> Path:
    return make_demo(tmp_path)


def test_merge_prints_markdown_by_default(
    incident: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["merge", str(incident)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Checkout errors after a database failover\n")


def test_merge_writes_a_readable_file_and_picks_the_format_from_its_ending(
    incident: Path, tmp_path: Path
) -> None:
    target = tmp_path / "narrative.json"
    assert main(["merge", str(incident), "-o", str(target)]) == 0
    assert json.loads(target.read_text("utf-8"))["kind"] == "secondstory.narrative"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_format_wins_over_the_files_ending(incident: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    assert main(["merge", str(incident), "--format", "html", "-o", str(target)]) == 0
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_skipped_files_are_one_line_each_on_stderr_and_the_merge_still_succeeds(
    incident: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (incident / "accounts" / "broken.toml").write_text("format = ", "utf-8")
    assert main(["merge", str(incident), "--anonymize"]) == 0
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert line.startswith("secondstory: skipped ") and "broken.toml" in line
    assert "Person A" in captured.out and "Alex" not in captured.out


def test_a_path_that_does_not_exist_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["merge", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err


def test_an_output_file_that_cannot_be_written_is_one_clear_error(
    incident: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["merge", str(incident), "-o", str(tmp_path / "no" / "such" / "n.md")]) == 2
    assert "could not be written" in capsys.readouterr().err
