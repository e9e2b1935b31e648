"""`secondstory merge`: an incident by its id, one account on standard input, nothing to merge."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from secondstory.cli.main import main
from secondstory.files.demo import make_demo
from secondstory.files.incidents import create_incident, load_incident, remember_incident


@pytest.fixture
def incident(tmp_path: Path) -> Path:
    return make_demo(tmp_path)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_merge_names_an_incident_by_the_id_remembered_for_it(
    incident: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    remember_incident(load_incident(incident).id, incident)
    monkeypatch.chdir(incident.parent.parent)  # the id is not a path from here
    assert main(["merge", load_incident(incident).id]) == 0
    assert capsys.readouterr().out.startswith("# Checkout errors after a database failover\n")


def test_merge_dash_reads_one_account_from_standard_input(
    incident: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    one = sorted((incident / "accounts").glob("*.toml"))[0]
    _stdin(monkeypatch, one.read_bytes())
    assert main(["merge", "-", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert out.count('"account":') >= 1 and one.stem in out


def test_an_unreadable_account_on_standard_input_is_named_as_such(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, b"format = ")
    assert main(["merge", "-"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("secondstory: skipped -: is not valid TOML")
    assert len(err) == 2 and "nothing to merge" in err[1]


def test_merge_that_skips_every_account_fails_and_writes_nothing(
    incident: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in (incident / "accounts").glob("*.toml"):
        path.write_text("format = 1\nkind = 'secondstory.account'\n", "utf-8")
    target = tmp_path / "narrative.md"
    assert main(["merge", str(incident), "-o", str(target)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 4 and all(line.startswith("secondstory: skipped ") for line in err[:3])
    assert err[-1] == (
        "secondstory: nothing to merge: no account could be used (3 files were left out, see above)"
    )
    assert not target.exists()


def test_merge_of_a_folder_with_no_accounts_yet_says_so_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = create_incident("Quiet night", parent=tmp_path, timezone="UTC")
    assert main(["merge", str(folder)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"secondstory: nothing to merge yet: no shared accounts in {folder / 'accounts'}\n"
    )


def test_dash_twice_is_one_clear_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, b"")
    assert main(["merge", "-", "-"]) == 2
    assert capsys.readouterr().err == ("secondstory: - (standard input) can be given only once\n")


def test_a_name_that_is_neither_a_path_nor_a_known_id_says_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["merge", "no-such-incident"]) == 2
    assert capsys.readouterr().err == (
        "secondstory: no-such-incident does not exist, and is not the id of an incident "
        "you have opened; give an incident folder, its id, or account files\n"
    )
