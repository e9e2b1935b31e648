"""The benchmarks in bench/ run and print their tables (smoke tests: no timings asserted,
since a shared machine makes any time flaky)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")


def _load(name: str) -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_keys_benchmark_types_into_a_bare_input_and_prints_bytes_per_key(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench = _load("keys_bench")
    assert bench.main(["--only", "input", "--rounds", "1", "--chars", "3"]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert "B/char med" in header
    name, per_char, *_ = row.split()
    assert name == "input" and int(per_char) > 0


def test_the_startup_benchmark_runs_every_command_and_prints_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench = _load("startup_bench")
    assert bench.main(["--rounds", "1"]) == 0
    out = capsys.readouterr().out
    for command in ("-c pass", "--help", "lint", "merge"):
        assert command in out


@pytest.mark.ssh
@pytest.mark.skipif(sys.platform != "linux", reason="needs Linux and OpenSSH")
def test_the_ssh_benchmark_logs_in_over_loopback_and_prints_the_first_frame(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import shutil

    if (
        not (shutil.which("ssh") and shutil.which("ssh-keygen"))
        or _load("ssh_frame_bench")._sshd() is None
    ):
        pytest.skip("needs sshd, ssh and ssh-keygen (apt-get install openssh-server)")
    bench = _load("ssh_frame_bench")
    assert bench.main(["--rounds", "1", "--only", "ssh true,ssh bare"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "first frame, median" in lines[0]
    assert [line.split("  ")[0] for line in lines[1:]] == ["ssh true", "ssh bare"]


def test_the_terminal_model_keeps_what_a_partial_redraw_leaves() -> None:
    driver = _load("pty_driver")
    screen = driver.Screen(columns=10, rows=2)
    screen.feed(b"\x1b[1;1Hhello\x1b[2;3H\x1b[31mab\x1b[0m\r\nzz")
    screen.feed(b"\x1b[1;2HE")
    assert screen.lines() == ["hEllo     ", "zzab      "]
    assert driver.rows_touched(b"\x1b[3;1Hx\x1b[3;5Hy\x1b[7;1Hz") == 2


def test_the_startup_benchmark_runs_only_the_commands_asked_for_with_their_cpu_time(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench = _load("startup_bench")
    assert bench.main(["--rounds", "1", "--only=--help"]) == 0
    out = capsys.readouterr().out
    assert "CPU ms" in out and "--help" in out
    assert "lint" not in out and "merge" not in out


def test_the_keys_benchmark_types_into_a_resumed_fifty_moment_draft(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench = _load("keys_bench")
    assert bench.main(["--only", "give-50-save", "--rounds", "1", "--chars", "2"]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert "done med" in header
    name, per_char, *_ = row.split()
    assert name == "give-50-save" and int(per_char) > 0


def test_the_autosave_benchmark_times_a_save_and_counts_fsyncs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench = _load("autosave_bench")
    assert (
        bench.main(["--moments", "3", "--saves", "2", "--minutes", "0.1", "--slow-fsync", "0"]) == 0
    )
    out = capsys.readouterr().out
    assert "save of a 3-moment draft" in out
    assert out.count("event loop held") == 1  # a slow disk of 0 s is this disk
    assert "saves a minute" in out and "fsyncs a minute" in out


def test_the_merge_benchmark_measures_another_version_beside_this_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench = _load("merge_bench")
    src = str(BENCH.parent / "src")
    assert bench.main(["1", "2", "--runs", "1", "--against", src]) == 0
    out = capsys.readouterr().out
    assert out.count("against ") >= 2 and "load ratio" in out


def test_the_facilitator_benchmark_moves_the_cursor_and_prints_the_event_loops_cpu(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench = _load("facilitate_bench")
    assert bench.main(["--sizes", "20", "--moves", "2", "--people", "2"]) == 0
    out = capsys.readouterr().out
    assert "of it the event loop's" in out and "| 20 |" in out
    assert "the app's own: key and frame" in out
