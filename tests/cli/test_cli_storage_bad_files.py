"""Bad files: one clear line naming the file and what is wrong, the file untouched, and
every other file still used. For accounts/, the drafts folder, incident.toml, narrative.toml
and prompt sets; a fifo anywhere is refused at once instead of hanging."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from secondstory.account.drafts import latest_or_new, list_drafts, start_draft
from secondstory.account.interview import Interview
from secondstory.cli import main
from secondstory.files.incidents import load_incident, remember_incident
from secondstory.files.limits import MAX_FILE_BYTES
from secondstory.files.paths import drafts_dir
from secondstory.narrative.session import Facilitation

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX fifos and links")

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
T = TypeVar("T")

ACCOUNTS = {
    "binary_junk": "is not UTF-8 text",
    "duplicate_moment_ids": "moment ids must be unique, repeated: m1",
    "format_not_a_number": "has no 'format' number",
    "missing_account_id": "account: Field required",
    "newer_format": "uses format 7, newer than this version of secondstory reads",
    "other_incident": "is an account of incident 'another-incident', not 'checkout-outage'",
    "truncated": "is not valid TOML (Unterminated string",
    "unknown_kind": "is a 'secondstory.acount' file, expected 'secondstory.account'",
    "wrong_types": "author: Input should be a valid string",
}
MADE = {
    "too_large": "is larger than the 5.0 MB secondstory reads",
    "symlink": "is a symbolic link; secondstory reads only ordinary files here",
    "fifo": "is not an ordinary file (a pipe, device or socket)",
    "folder": "is a folder, not a file",
}


def within(seconds: float, call: Callable[[], T]) -> T:
    """Run `call`, failing (rather than hanging the suite) if it takes longer."""
    box: list[T] = []
    worker = threading.Thread(target=lambda: box.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert box, f"still waiting after {seconds}s"
    return box[0]


def _shared(folder: Path) -> Interview:
    incident = load_incident(folder)
    remember_incident(incident.id, folder)
    interview = Interview(start_draft(incident, folder), incident, folder)
    interview.set_identity("author", "Alex")
    interview.set_text(interview.add_moment().id, "did", "Rolled back the deploy")
    interview.share()
    return interview


def _place(name: str, target: Path, tmp_path: Path) -> None:
    """Put the bad file `name` at `target`: a file from tests/data/bad, or one made here."""
    if name in ACCOUNTS:
        shutil.copyfile(BAD / f"account_{name}.toml", target)
    elif name == "too_large":
        target.write_bytes((BAD / "account_wrong_types.toml").read_bytes())
        with target.open("ab") as handle:
            handle.write(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    elif name == "symlink":
        elsewhere = tmp_path / "elsewhere.toml"
        shutil.copyfile(BAD / "account_wrong_types.toml", elsewhere)
        target.symlink_to(elsewhere)
    elif name == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()


def _fingerprint(path: Path) -> tuple[int, bytes | None]:
    info = path.lstat()
    return info.st_mtime_ns, path.read_bytes() if path.is_file() and not path.is_symlink() else None


def test_every_bad_account_file_has_a_case() -> None:
    assert {p.stem.removeprefix("account_") for p in BAD.glob("account_*.toml")} == set(ACCOUNTS)


@pytest.mark.parametrize("name", [*ACCOUNTS, *MADE])
def test_a_bad_file_in_accounts_is_one_line_and_the_other_accounts_merge(
    name: str, incident_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _shared(incident_folder)
    bad = incident_folder / "accounts" / "bad.toml"
    _place(name, bad, tmp_path)
    before = _fingerprint(bad)
    out = tmp_path / "narrative.md"
    assert within(20, lambda: main(["merge", str(incident_folder), "-o", str(out)])) == 0
    err = capsys.readouterr().err.splitlines()
    (line,) = [line for line in err if "skipped" in line]
    assert not any("Traceback" in line for line in err)
    reason = {**ACCOUNTS, **MADE}[name]
    assert line.startswith(f"secondstory: skipped {bad}: ") and reason in line
    assert "Rolled back the deploy" in out.read_text("utf-8")
    # The facilitator sees the same, and the other account.
    session = within(20, lambda: Facilitation.open(incident_folder))
    assert [(s.path, reason in s.reason) for s in session.sources.skipped] == [(bad, True)]
    assert [p.author for p in session.narrative.participants] == ["Alex"]
    assert _fingerprint(bad) == before


@pytest.mark.parametrize("name", [n for n in [*ACCOUNTS, *MADE] if n != "other_incident"])
def test_a_bad_file_in_the_drafts_folder_is_one_line_and_the_other_draft_opens(
    name: str, incident_folder: Path, tmp_path: Path
) -> None:
    good = _shared(incident_folder).draft.account.account
    bad = drafts_dir() / "aaaaaaaabbbbbbbbccccccccdddddddd.toml"
    _place(name, bad, tmp_path)
    before = _fingerprint(bad)
    drafts, problems = within(20, list_drafts)
    assert [d.account.account for d in drafts] == [good]
    (problem,) = problems
    assert str(problem).startswith(f"{bad}: ") and "\n" not in str(problem)
    if name in MADE:
        assert MADE[name] in str(problem)
    draft, notice = latest_or_new(load_incident(incident_folder), incident_folder)
    assert (draft.account.account, notice) == (good, None)
    assert _fingerprint(bad) == before


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("incident_truncated", "is not valid TOML (Unterminated string"),
        ("incident_missing_title", "title: Field required"),
        ("fifo", MADE["fifo"]),
        ("symlink", MADE["symlink"]),
        ("too_large", MADE["too_large"]),
    ],
)
def test_a_bad_incident_toml_is_one_line_for_give_facilitate_and_merge(
    name: str,
    reason: str,
    incident_folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = incident_folder / "incident.toml"
    path.unlink()
    if name.startswith("incident_"):
        shutil.copyfile(BAD / f"{name}.toml", path)
    else:
        _place(name, path, tmp_path)
    before = _fingerprint(path)
    for command in ("give", "facilitate"):
        args = [command, str(incident_folder)]
        assert within(20, lambda: main(args)) == 2  # noqa: B023 - called before the next loop
        (line,) = capsys.readouterr().err.splitlines()
        assert line.startswith(f"secondstory: {path}: ") and reason in line
    within(20, lambda: main(["merge", str(incident_folder), "-o", str(tmp_path / "n.md")]))
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith(f"secondstory: skipped {path}: ") and reason in lines[0]
    assert _fingerprint(path) == before


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("narrative_wrong_types", "summary: Input should be a valid string"),
        ("narrative_newer_format", "uses format 3, newer than this version"),
        ("fifo", MADE["fifo"]),
        ("symlink", MADE["symlink"]),
        ("too_large", MADE["too_large"]),
    ],
)
def test_a_bad_narrative_toml_makes_the_facilitator_read_only_and_is_left_alone(
    name: str, reason: str, incident_folder: Path, tmp_path: Path
) -> None:
    _shared(incident_folder)
    path = incident_folder / "narrative.toml"
    if name.startswith("narrative_"):
        shutil.copyfile(BAD / f"{name}.toml", path)
    else:
        _place(name, path, tmp_path)
    before = _fingerprint(path)
    session = within(20, lambda: Facilitation.open(incident_folder))
    assert session.notes_problem is not None and reason in session.notes_problem
    assert [p.author for p in session.narrative.participants] == ["Alex"]
    session.notes.summary = "Written while the file could not be read"
    session.changed()
    assert session.save() is False
    assert _fingerprint(path) == before


def test_a_fifo_as_a_prompt_set_is_one_line(tmp_path: Path) -> None:
    from secondstory.account.prompts import load_prompt_set_or_default

    fifo = tmp_path / "prompts.toml"
    os.mkfifo(fifo)
    _, warning = within(20, lambda: load_prompt_set_or_default(fifo))
    assert warning is not None and MADE["fifo"] in warning and "\n" not in warning


def test_merge_on_a_folder_full_of_fifos_returns_at_once(incident_folder: Path) -> None:
    """The real command, in its own process: nothing it opens may wait for a writer."""
    _shared(incident_folder)
    for path in (incident_folder / "accounts" / "x.toml", incident_folder / "narrative.toml"):
        os.mkfifo(path)
    result = subprocess.run(
        [sys.executable, "-m", "secondstory", "merge", str(incident_folder)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "Rolled back the deploy" in result.stdout
    assert result.stderr.count(MADE["fifo"]) == 2
