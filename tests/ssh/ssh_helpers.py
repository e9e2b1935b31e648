"""For the SSH tests: a private OpenSSH server on 127.0.0.1 whose only command is
secondstory, and a tmux window to log in from.

Everything lives in the test's temporary folder: the server's config, host key, the
client's key, authorized_keys, known_hosts, the pid file and a tmux socket of its own.
The server and the tmux server are stopped by their pids at teardown, pass or fail.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SSHD_CANDIDATES = ("/usr/sbin/sshd", "/usr/local/sbin/sshd", "/sbin/sshd")
PRIVSEP_DIR = Path("/run/sshd")
WAIT = 30.0
"""Seconds to wait for anything to show; generous, for a busy two-core machine."""


def _sshd() -> str | None:
    found = shutil.which("sshd")
    if found:
        return found
    return next((p for p in SSHD_CANDIDATES if os.access(p, os.X_OK)), None)


def _missing() -> str | None:
    """Why the SSH tests cannot run here, or None."""
    if sys.platform != "linux":
        return "the SSH tests need Linux"
    if _sshd() is None:
        return "sshd not installed (apt-get install openssh-server)"
    for tool in ("ssh", "ssh-keygen", "tmux"):
        if shutil.which(tool) is None:
            return f"{tool} not installed (apt-get install openssh-client tmux)"
    if not PRIVSEP_DIR.is_dir():
        if os.geteuid() != 0:
            return f"sshd needs {PRIVSEP_DIR}, which only root can create"
        PRIVSEP_DIR.mkdir(mode=0o755, parents=True, exist_ok=True)
    return None


@pytest.fixture(autouse=True)
def ssh_tools() -> None:
    """Skip, saying what is missing, where sshd, ssh or tmux cannot run."""
    reason = _missing()
    if reason:
        pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _keygen(path: Path) -> None:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "secondstory-test", "-f", path],
        check=True,
        stdin=subprocess.DEVNULL,
    )


def app_command(home: Path, *args: str) -> str:
    """The command line sshd forces: this environment's secondstory, on a private home."""
    script = Path(sys.executable).parent / "secondstory"
    program = [str(script)] if script.exists() else [sys.executable, "-m", "secondstory"]
    env = [f"SECONDSTORY_HOME={home}", "TEXTUAL_ANIMATIONS=none"]
    return "exec env " + " ".join(shlex.quote(p) for p in [*env, *program, *args])


@dataclass
class SSHServer:
    """A running private sshd."""

    folder: Path
    port: int
    user: str
    client_key: Path
    known_hosts: Path
    process: subprocess.Popen[bytes]
    log: Path

    def ssh_command(self, term: str, env: dict[str, str] | None = None) -> str:
        """The shell line that logs in with a terminal, as a person would."""
        settings = {"TERM": term, **(env or {})}
        send = [f"-oSendEnv={name}" for name in settings if name != "TERM"]
        argv = [
            "ssh",
            "-F",
            "/dev/null",  # no user or system client config
            "-tt",
            "-p",
            str(self.port),
            "-i",
            str(self.client_key),
            "-oIdentitiesOnly=yes",
            "-oBatchMode=yes",
            "-oStrictHostKeyChecking=yes",
            f"-oUserKnownHostsFile={self.known_hosts}",
            "-oLogLevel=ERROR",
            *send,
            f"{self.user}@127.0.0.1",
        ]
        assignments = [f"{k}={shlex.quote(v)}" for k, v in settings.items()]
        return "exec env " + " ".join(assignments) + " " + " ".join(map(shlex.quote, argv))


def _write_config(folder: Path, port: int, user: str, command: str | None) -> Path:
    config = folder / "sshd_config"
    lines = [
        f"Port {port}",
        "ListenAddress 127.0.0.1",
        f"HostKey {folder / 'host_ed25519'}",
        f"PidFile {folder / 'sshd.pid'}",
        f"AuthorizedKeysFile {folder / 'authorized_keys'}",
        f"AllowUsers {user}",
        "PubkeyAuthentication yes",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "PermitRootLogin prohibit-password",
        "UsePAM no",
        # The keys live under /tmp, which is world-writable: StrictModes would refuse them.
        "StrictModes no",
        "AcceptEnv LANG LC_* NO_COLOR",
        "PrintMotd no",
        "PrintLastLog no",
        "X11Forwarding no",
        "AllowTcpForwarding no",
        "AllowAgentForwarding no",
        "LogLevel VERBOSE",
    ]
    if command is not None:
        lines.append(f"ForceCommand {command}")
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@pytest.fixture
def sshd(tmp_path: Path) -> Iterator[Callable[..., SSHServer]]:
    """Start a private sshd whose ForceCommand is the given command line.

    With per_key=True the command is set on the key in authorized_keys instead.
    """
    started: list[subprocess.Popen[bytes]] = []

    def start(command: str, *, per_key: bool = False) -> SSHServer:
        folder = tmp_path / "sshd"
        folder.mkdir(mode=0o700)
        _keygen(folder / "host_ed25519")
        _keygen(folder / "client_ed25519")
        key = (folder / "client_ed25519.pub").read_text(encoding="ascii")
        if per_key:
            quoted = command.replace("\\", "\\\\").replace('"', '\\"')
            key = f'restrict,pty,command="{quoted}" {key}'
        (folder / "authorized_keys").write_text(key, encoding="ascii")
        (folder / "authorized_keys").chmod(0o600)
        host_key = (folder / "host_ed25519.pub").read_text(encoding="ascii").split()
        user = getpass.getuser()
        sshd_path = _sshd()
        assert sshd_path is not None
        for _attempt in range(3):  # a free port may be taken again before sshd binds it
            port = _free_port()
            config = _write_config(folder, port, user, None if per_key else command)
            check = subprocess.run([sshd_path, "-t", "-f", config], capture_output=True)
            assert check.returncode == 0, check.stderr.decode(errors="replace")
            log = folder / f"sshd-{port}.log"
            with log.open("wb") as err:
                process = subprocess.Popen(
                    [sshd_path, "-D", "-e", "-f", str(config)],
                    stdin=subprocess.DEVNULL,
                    stdout=err,
                    stderr=subprocess.STDOUT,
                )
            started.append(process)
            deadline = time.monotonic() + WAIT
            while process.poll() is None and not _listening(port):
                if time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            if process.poll() is None and _listening(port):
                known = folder / "known_hosts"
                known.write_text(f"[127.0.0.1]:{port} {host_key[0]} {host_key[1]}\n", "ascii")
                return SSHServer(folder, port, user, folder / "client_ed25519", known, process, log)
            _stop(process)
        raise AssertionError(f"sshd did not start:\n{log.read_text(errors='replace')}")

    try:
        yield start
    finally:
        for process in started:
            _stop(process)


@dataclass
class TmuxWindow:
    """One tmux session on a private tmux server, sized like a small terminal."""

    socket: Path
    name: str
    history: list[str] = field(default_factory=list)

    def tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-u", "-S", str(self.socket), *args],  # -u: UTF-8, whatever the locale
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            stdin=subprocess.DEVNULL,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def run(self, command: str) -> None:
        """Replace whatever runs in the window with `command` (a shell line)."""
        self.tmux("respawn-pane", "-k", "-t", self.name, command)

    def screen(self) -> str:
        """What the window shows now."""
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, *texts: str, timeout: float = WAIT) -> str:
        """Poll the screen until every text shows; the screen then."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if all(text in shown for text in texts):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{texts!r} never all showed; the screen was:\n{shown}")
            time.sleep(0.1)

    def keys(self, *keys: str) -> None:
        """Send tmux key names (Enter, C-n, Escape, Up)."""
        self.tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        """Type text literally."""
        self.tmux("send-keys", "-t", self.name, "-l", text)

    def pane_pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").strip())

    def pane_dead(self) -> bool:
        return self.tmux("display-message", "-p", "-t", self.name, "#{pane_dead}").strip() == "1"

    def kill_client(self, timeout: float = WAIT) -> None:
        """SIGKILL the ssh client, as when a laptop lid shuts or the wifi drops."""
        os.kill(self.pane_pid(), signal.SIGKILL)
        deadline = time.monotonic() + timeout
        while not self.pane_dead():
            if time.monotonic() > deadline:
                raise AssertionError("the ssh client did not die")
            time.sleep(0.05)

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[TmuxWindow]:
    """An 80x24 tmux window, no mouse, on a tmux server of the test's own."""
    name = f"secondstory-ssh-{os.getpid()}-{time.monotonic_ns()}"
    window = TmuxWindow(tmp_path / "tmux.sock", name)
    # A placeholder that waits: the window stays while each login is started in it.
    window.tmux("-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "80", "-y", "24", "cat")
    server_pid = int(window.tmux("display-message", "-p", "-t", name, "#{pid}").strip())
    try:
        window.tmux("set-option", "-t", name, "remain-on-exit", "on")
        window.tmux("set-option", "-t", name, "mouse", "off")
        yield window
    finally:
        window.tmux("kill-session", "-t", name, check=False)
        with contextlib.suppress(ProcessLookupError):
            os.kill(server_pid, signal.SIGTERM)


def app_processes(marker: str) -> list[int]:
    """Processes whose command line holds `marker` (the test's own incident folder)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if marker.encode() in argv and b"give" in argv:
            found.append(int(entry.name))
    return found


def wait_until(check: Callable[[], bool], what: str, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(what)
        time.sleep(0.1)
