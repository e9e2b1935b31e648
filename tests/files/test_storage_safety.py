"""Reading only ordinary files of a sane size, and temporary files that never outlive a crash."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from secondstory.errors import FileProblem
from secondstory.files.limits import MAX_ENTRIES, MAX_FIELD_CHARS, MAX_FILE_BYTES
from secondstory.files.model import Account
from secondstory.files.storage import (
    STALE_TEMP_SECONDS,
    atomic_write,
    clean_leftovers,
    read_bytes,
    read_model,
    temp_name,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files")

ACCOUNT = (
    'format = 1\nkind = "secondstory.account"\nincident = "db-outage"\n'
    'account = "3f2a9c0d3f2a9c0d3f2a9c0d3f2a9c0d"\nauthor = "Alex"\n'
    "created = 2017-02-01T09:00:00Z\nupdated = 2017-02-01T09:00:00Z\n"
)


def test_a_fifo_is_refused_at_once_instead_of_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "x.toml"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(FileProblem, match="is not an ordinary file"):
        read_model(fifo, Account, "secondstory.account")
    assert time.monotonic() - started < 1


def test_a_symlink_is_refused_where_secondstory_looks_for_its_own_files(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.toml"
    real.write_text(ACCOUNT, "utf-8")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    with pytest.raises(FileProblem, match="is a symbolic link"):
        read_model(link, Account, "secondstory.account", follow_symlinks=False)
    # A file the person names themselves may be a link.
    assert read_model(link, Account, "secondstory.account").author == "Alex"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(ACCOUNT.encode() + b"#" * MAX_FILE_BYTES)
    with pytest.raises(FileProblem, match=r"larger than the 5\.0 MB secondstory reads"):
        read_bytes(path)


def test_a_field_over_the_limit_is_named_and_the_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text(ACCOUNT + f'[[moments]]\nid = "m1"\ndid = "{"x" * (MAX_FIELD_CHARS + 1)}"\n')
    with pytest.raises(FileProblem) as caught:
        read_model(path, Account, "secondstory.account")
    assert "moments[1].did holds 100,001 characters, more than the 100,000" in str(caught.value)


def test_too_many_moments_are_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    moments = "".join(f'[[moments]]\nid = "m{i}"\ndid = "x"\n' for i in range(MAX_ENTRIES + 1))
    path.write_text(ACCOUNT + moments)
    with pytest.raises(FileProblem, match="moments has 10,001 entries, more than the 10,000"):
        read_model(path, Account, "secondstory.account")


def test_a_value_over_the_limit_is_never_written(tmp_path: Path) -> None:
    from secondstory.files.model import Moment
    from secondstory.files.storage import write_model

    account = read_model(_written(tmp_path), Account, "secondstory.account")
    account.moments = [Moment(id="m1", did="x" * (MAX_FIELD_CHARS + 1))]
    with pytest.raises(FileProblem, match="cannot be saved: moments"):
        write_model(tmp_path / "a.toml", account)
    assert (tmp_path / "a.toml").read_text("utf-8") == ACCOUNT


def _written(tmp_path: Path) -> Path:
    path = tmp_path / "a.toml"
    path.write_text(ACCOUNT, "utf-8")
    return path


def test_a_temporary_file_is_created_with_the_final_mode_and_a_name_saying_whose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    modes: list[int] = []
    real_replace = os.replace

    def watching(src: str | Path, dst: str | Path) -> None:
        assert Path(src).name.startswith(".x.toml.")
        modes.append(stat.S_IMODE(os.stat(src).st_mode))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", watching)
    atomic_write(tmp_path / "x.toml", b"a", 0o600)
    atomic_write(tmp_path / "x.toml", b"b", 0o644)
    assert modes == [0o600, 0o644]
    assert f".{os.getpid()}-" in temp_name(tmp_path / "x.toml")


def _leftover_of_a_dead_process(folder: Path, name: str) -> Path:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = int(child.stdout)
    ours = temp_name(folder / name)
    leftover = folder / ours.replace(f".{os.getpid()}-", f".{dead}-")
    leftover.write_text("half of a file")
    return leftover


def test_leftovers_of_a_dead_writer_are_cleaned_and_a_live_writers_are_not(
    tmp_path: Path,
) -> None:
    dead = _leftover_of_a_dead_process(tmp_path, "a.toml")
    live = tmp_path / temp_name(tmp_path / "b.toml")  # this process: still writing
    live.write_text("in progress")
    other_host = tmp_path / ".c.toml.1-00000000.0123abcd.tmp"
    other_host.write_text("someone else's")
    data = tmp_path / "a.toml"
    data.write_text(ACCOUNT)
    assert clean_leftovers(tmp_path) == 1
    assert not dead.exists() and live.exists() and other_host.exists() and data.exists()
    # Old enough, whoever wrote it: a leftover.
    later = time.time() + STALE_TEMP_SECONDS + 1
    assert clean_leftovers(tmp_path, now=later) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.toml"]


def test_leftovers_of_an_earlier_version_are_cleaned_once_old(tmp_path: Path) -> None:
    old = tmp_path / ".a.toml.k3j_x9qz.tmp"  # named by mkstemp
    old.write_text("half")
    someone_elses = tmp_path / ".notes.k3j_x9qz.tmp"  # not a name secondstory writes
    someone_elses.write_text("theirs")
    assert clean_leftovers(tmp_path) == 0
    assert clean_leftovers(tmp_path, now=time.time() + STALE_TEMP_SECONDS + 1) == 1
    assert not old.exists() and someone_elses.exists()


def test_one_files_leftovers_go_whatever_their_age(tmp_path: Path) -> None:
    mine = tmp_path / temp_name(tmp_path / "a.toml")
    mine.write_text("x")
    other = tmp_path / temp_name(tmp_path / "b.toml")
    other.write_text("y")
    assert clean_leftovers(tmp_path, target="a.toml") == 1
    assert not mine.exists() and other.exists()


def test_a_leftover_that_is_a_fifo_or_folder_is_left_alone(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / temp_name(tmp_path / "a.toml"))
    assert clean_leftovers(tmp_path, target="a.toml") == 0


def test_a_fifo_as_the_list_of_known_incidents_is_set_aside_instead_of_waited_on() -> None:
    import threading

    from secondstory.files.incidents import known_incidents
    from secondstory.files.paths import ensure_private_dir, known_incidents_file

    ensure_private_dir(known_incidents_file().parent)
    os.mkfifo(known_incidents_file())
    found: list[dict[str, Path]] = []
    reader = threading.Thread(target=lambda: found.append(known_incidents()), daemon=True)
    reader.start()
    reader.join(10)
    assert found == [{}]
    kept = list(known_incidents_file().parent.glob("incidents.toml.unreadable-*"))
    assert len(kept) == 1 and stat.S_ISFIFO(kept[0].lstat().st_mode)
