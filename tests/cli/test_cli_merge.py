"""`secondstory merge`: the narrative on stdout or in a file, skipped files on stderr."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from secondstory.cli.main import main
from secondstory.files.demo import make_demo


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


def test_an_output_symlink_is_followed_and_the_file_it_names_is_written(
    incident: Path, tmp_path: Path
) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", "utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "not-yet.md")
    assert main(["merge", str(incident), "-o", str(link)]) == 0
    assert main(["merge", str(incident), "-o", str(dangling)]) == 0
    assert link.is_symlink() and dangling.is_symlink()
    assert real.read_text("utf-8").startswith("# Checkout errors")
    assert (tmp_path / "not-yet.md").read_text("utf-8").startswith("# Checkout errors")


def test_an_output_that_is_not_a_regular_file_is_refused_and_left_alone(
    incident: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    link = tmp_path / "to-pipe.md"
    link.symlink_to(fifo)
    for target in (fifo, link):
        assert main(["merge", str(incident), "-o", str(target)]) == 2
        (line,) = capsys.readouterr().err.splitlines()
        assert line == (
            f"secondstory: {target} is not a regular file (a device, fifo or socket); "
            "give the name of a file to write the narrative to"
        )
    assert stat.S_ISFIFO(fifo.stat().st_mode) and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_controls_in_accounts_and_file_names_never_reach_the_terminal(
    incident: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    accounts = incident / "accounts"
    first = sorted(accounts.glob("*.toml"))[0]
    text = first.read_text("utf-8")
    first.write_text(text.replace("\nrole = ", '\nrole = "\\u001b[2J\\u202e"\nold_role = ', 1))
    (accounts / "bad\x1b]0;title\x07.toml").write_text("format = ", "utf-8")
    for fmt in ("md", "html", "json"):
        assert main(["merge", str(incident), "--format", fmt]) == 0
        captured = capsys.readouterr()
        for stream in (captured.out, captured.err):
            assert not {"\x1b", "\x07", "\u202e"} & set(stream)
        assert "bad\ufffd]0;title\ufffd.toml" in captured.err


def test_equally_recent_duplicates_are_said_to_be_so(
    incident: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (original,) = [p for p in (incident / "accounts").glob("*.toml") if "bd3d" in p.name]
    copy = tmp_path / "copy.toml"
    copy.write_bytes(original.read_bytes())
    assert main(["merge", str(incident), str(copy), "-o", str(tmp_path / "n.md")]) == 0
    err = capsys.readouterr().err
    assert "equally recent" in err and "newer" not in err


def test_an_unknown_format_is_one_line_on_stderr_and_exit_2(
    incident: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["merge", str(incident), "--format", "pdf"])
    assert done.value.code == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "invalid choice: 'pdf'" in line
