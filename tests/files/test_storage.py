"""Files on disk: atomic, private, round-tripped exactly, and never overwritten when unreadable."""

from __future__ import annotations

import os
import stat
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondstory.errors import FileProblem, NewerFormat
from secondstory.files.model import Account, Closing, Moment
from secondstory.files.paths import drafts_dir
from secondstory.files.storage import atomic_write, read_model, set_aside, write_model

STAMP = datetime(2017, 2, 1, 9, 0, tzinfo=UTC)


def _account(**changes: object) -> Account:
    fields: dict[str, object] = {
        "incident": "db-outage",
        "account": "3f2a9c0d" * 4,
        "author": "Alex",
        "timezone": "Europe/Amsterdam",
        "created": STAMP,
        "updated": STAMP,
        "moments": [Moment(id="m1", when=datetime(2017, 1, 31, 23, 0), did="Ran the cleanup")],
    }
    fields.update(changes)
    return Account.model_validate(fields)


def test_an_account_comes_back_exactly_as_written(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    account = _account(role="on-call DBA", closing=Closing(ideas="Page on lag"))
    write_model(path, account)
    assert read_model(path, Account, "secondstory.account") == account
    data = tomllib.loads(path.read_text("utf-8"))
    assert data["format"] == 1 and data["kind"] == "secondstory.account"


# Words people write: any text TOML can hold, including quotes, newlines and emoji.
words = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(did=words, observed=words, author=words.filter(str.strip), role=st.none() | words)
def test_any_words_round_trip_through_toml(
    tmp_path: Path, did: str, observed: str, author: str, role: str | None
) -> None:
    path = tmp_path / "round.toml"
    moment = Moment(id="m1", did=did or "x", observed=observed)
    account = _account(author=author, role=role, moments=[moment])
    write_model(path, account)
    assert read_model(path, Account, "secondstory.account") == account


def test_drafts_are_private_folders_0700_and_files_0600(tmp_path: Path) -> None:
    from secondstory.account.drafts import start_draft
    from secondstory.files.model import Incident

    draft = start_draft(Incident(id="db-outage", title="DB outage"), None)
    assert stat.S_IMODE(drafts_dir().stat().st_mode) == 0o700
    assert stat.S_IMODE(draft.path.stat().st_mode) == 0o600
    session = draft.path.with_name(f"{draft.account.account}.session.toml")
    assert stat.S_IMODE(session.stat().st_mode) == 0o600


def test_the_home_folder_is_read_when_called_not_at_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SECONDSTORY_HOME", str(tmp_path / "elsewhere"))
    assert drafts_dir().is_relative_to(tmp_path / "elsewhere")


def test_a_write_leaves_no_temporary_file_behind(tmp_path: Path) -> None:
    atomic_write(tmp_path / "x.toml", b"format = 1\n")
    assert [p.name for p in tmp_path.iterdir()] == ["x.toml"]


def test_a_failed_write_keeps_the_old_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    atomic_write(path, b"old")

    class Boom(Exception):
        pass

    def exploding(fd: int) -> None:
        raise Boom

    real_fsync = os.fsync
    os.fsync = exploding  # type: ignore[assignment]
    try:
        with pytest.raises(Boom):
            atomic_write(path, b"new and longer")
    finally:
        os.fsync = real_fsync
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.toml"]


@pytest.mark.parametrize(
    ("content", "problem", "says"),
    [
        # written by a newer secondstory: refused with a hint to update
        ('format = 2\nkind = "secondstory.account"\n', NewerFormat, "newer"),
        # not TOML at all
        ("format = 1\nkind = [\n", FileProblem, "not valid TOML"),
        # a required key missing
        ('format = 1\nkind = "secondstory.account"\nincident = "x"\n', FileProblem, "account"),
        # another kind of file
        ('format = 1\nkind = "secondstory.incident"\n', FileProblem, "expected"),
        # no format at all
        ('kind = "secondstory.account"\n', FileProblem, "format"),
    ],
)
def test_an_unreadable_file_is_refused_and_left_exactly_as_it_was(
    tmp_path: Path, content: str, problem: type[Exception], says: str
) -> None:
    path = tmp_path / "a.toml"
    path.write_text(content, "utf-8")
    before = path.stat().st_mtime_ns
    with pytest.raises(problem, match=says):
        read_model(path, Account, "secondstory.account")
    assert path.read_text("utf-8") == content
    assert path.stat().st_mtime_ns == before


def test_set_aside_keeps_the_file_under_a_new_name(tmp_path: Path) -> None:
    path = tmp_path / "incidents.toml"
    path.write_text("not = [toml", "utf-8")
    kept = set_aside(path)
    assert not path.exists()
    assert kept.read_text("utf-8") == "not = [toml"
    assert kept.name.startswith("incidents.toml.unreadable-")


def test_a_fresh_home_is_private_from_the_first_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from secondstory.account.drafts import start_draft
    from secondstory.files.model import Incident

    home = tmp_path / "new" / "home"
    monkeypatch.setenv("SECONDSTORY_HOME", str(home))
    start_draft(Incident(id="db-outage", title="DB outage"), None)
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE(drafts_dir().stat().st_mode) == 0o700
