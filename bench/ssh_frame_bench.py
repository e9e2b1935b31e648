"""Time to the first frame over SSH on loopback, beside the same commands run locally.

    python bench/ssh_frame_bench.py [--rounds 5] [--only "ssh give,local give"]

Starts a private OpenSSH server on 127.0.0.1 (its own host key, client key, config and
pid file, all in a temporary folder; it needs `sshd`, `ssh` and `ssh-keygen`, as
tests/ssh does), then times, interleaved in one run, each configuration from starting
`ssh -tt` (or the command itself, for the local ones) in an 80x24 pseudo-terminal to the
moment the terminal receives the text that shows the first screen is drawn:

  ssh give        secondstory give on the sample incident, through ssh
  ssh facilitate  secondstory facilitate on the sample incident, through ssh
  ssh bare        bench/bare_app.py interview (a bare Textual app), through ssh
  local give, local facilitate, local bare   the same without ssh

The SSH figures include the login itself (key exchange, authentication, starting a
session on the server), which `ssh true` measures alone as "ssh true".
"""

from __future__ import annotations

import argparse
import getpass
import os
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pty_driver import Pty

HERE = Path(__file__).resolve().parent
ENV = {"TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none", "LANG": "C.UTF-8"}
SSHD = ("/usr/sbin/sshd", "/usr/local/sbin/sshd", "/sbin/sshd")


def _sshd() -> str | None:
    return shutil.which("sshd") or next((p for p in SSHD if os.access(p, os.X_OK)), None)


def _keygen(path: Path) -> None:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "secondstory-bench", "-f", path],
        check=True,
        stdin=subprocess.DEVNULL,
    )


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """A private sshd on 127.0.0.1 that runs whatever command the client asks for."""

    def __init__(self, folder: Path) -> None:
        sshd = _sshd()
        if sshd is None or shutil.which("ssh") is None:
            raise SystemExit("needs sshd and ssh (apt-get install openssh-server openssh-client)")
        Path("/run/sshd").mkdir(mode=0o755, parents=True, exist_ok=True)
        folder.mkdir(mode=0o700)
        self.folder = folder
        _keygen(folder / "host")
        _keygen(folder / "client")
        (folder / "authorized_keys").write_bytes((folder / "client.pub").read_bytes())
        (folder / "authorized_keys").chmod(0o600)
        self.user = getpass.getuser()
        self.port = _port()
        host_key = (folder / "host.pub").read_text(encoding="ascii").split()
        known = f"[127.0.0.1]:{self.port} {host_key[0]} {host_key[1]}\n"
        (folder / "known_hosts").write_text(known, encoding="ascii")
        config = folder / "sshd_config"
        config.write_text(
            "\n".join(
                [
                    f"Port {self.port}",
                    "ListenAddress 127.0.0.1",
                    f"HostKey {folder / 'host'}",
                    f"PidFile {folder / 'sshd.pid'}",
                    f"AuthorizedKeysFile {folder / 'authorized_keys'}",
                    f"AllowUsers {self.user}",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "PermitRootLogin prohibit-password",
                    "UsePAM no",
                    "StrictModes no",
                    "PrintMotd no",
                    "PrintLastLog no",
                    "LogLevel ERROR",
                ]
            )
            + "\n",
            encoding="utf-8",
        )
        self.process = subprocess.Popen([sshd, "-D", "-e", "-f", str(config)])
        deadline = time.monotonic() + 10
        while not self._listening():
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise SystemExit("sshd did not start")
            time.sleep(0.05)

    def _listening(self) -> bool:
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", self.port)) == 0

    def argv(self, command: list[str], env: dict[str, str]) -> list[str]:
        """ssh -tt to this server, running `command` with `env` set on the server side."""
        remote = " ".join(
            ["exec", "env", *(f"{k}={shlex.quote(v)}" for k, v in env.items())]
            + [shlex.quote(part) for part in command]
        )
        return [
            "ssh",
            "-F",
            "/dev/null",
            "-tt",
            "-p",
            str(self.port),
            "-i",
            str(self.folder / "client"),
            "-oIdentitiesOnly=yes",
            "-oBatchMode=yes",
            "-oStrictHostKeyChecking=yes",
            f"-oUserKnownHostsFile={self.folder / 'known_hosts'}",
            "-oLogLevel=ERROR",
            f"{self.user}@127.0.0.1",
            remote,
        ]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=10)


def measure(argv: list[str], marker: str, env: dict[str, str], home: Path) -> float:
    """Seconds from start to the marker on screen, in a fresh SECONDSTORY_HOME whose
    cache (the compiled language rules) is kept, as on a machine used before.

    Once stopped, an app that ran through ssh gets its hang-up on the server and saves;
    the next run waits until it has ended, so runs never overlap.
    """
    for entry in home.iterdir() if home.is_dir() else ():
        if entry.name == "cache":
            continue
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    term = Pty(argv, env).start()
    try:
        return term.wait_for(marker, timeout=60) - term.started
    except TimeoutError:
        tail = term.output()[-600:].decode("utf-8", "replace")
        message = f"{argv[0]} ... never showed {marker!r}; the last it wrote: {tail!r}"
        raise SystemExit(message) from None
    finally:
        term.stop()
        deadline = time.monotonic() + 10
        while _running_in(home) and time.monotonic() < deadline:
            time.sleep(0.05)


def _running_in(home: Path) -> bool:
    """Whether a process started with SECONDSTORY_HOME=`home` is still running."""
    wanted = f"SECONDSTORY_HOME={home}\0".encode()
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit() and proc.name != str(os.getpid()):
            try:
                if wanted in (proc / "environ").read_bytes():
                    return True
            except OSError:
                continue
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (5)")
    parser.add_argument("--only", help="comma-separated configurations to run")
    args = parser.parse_args(argv)
    from secondstory.account.prompts import builtin_prompt_set
    from secondstory.files.demo import make_demo

    opening = builtin_prompt_set().opening.title
    with tempfile.TemporaryDirectory(prefix="secondstory-ssh-frame-") as name:
        tmp = Path(name)
        sample = make_demo(tmp / "demo")
        server = Server(tmp / "sshd")
        try:
            keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "VIRTUAL_ENV")}
            app_env = {**ENV, "SECONDSTORY_HOME": str(tmp / "home")}
            app_env["XDG_CACHE_HOME"] = str(tmp / "cache")
            local_env = {**keep, **app_env}
            py = sys.executable
            commands = {
                "give": ([py, "-m", "secondstory", "give", str(sample)], opening),
                "facilitate": ([py, "-m", "secondstory", "facilitate", str(sample)], "Sam Okafor"),
                "bare": ([py, str(HERE / "bare_app.py"), "interview"], "READY-MARK"),
            }
            configs: dict[str, tuple[list[str], str, dict[str, str]]] = {}
            echo = [py, "-c", "print('LOGGED-' + 'IN')"]
            configs["ssh true"] = (server.argv(echo, {}), "LOGGED-IN", local_env)
            for name_, (command, marker) in commands.items():
                configs[f"ssh {name_}"] = (server.argv(command, app_env), marker, local_env)
                configs[f"local {name_}"] = (command, marker, local_env)
            if args.only:
                chosen = {name_.strip() for name_ in args.only.split(",")}
                configs = {k: v for k, v in configs.items() if k in chosen}
            home = tmp / "home"
            for command, marker, env in configs.values():  # warm: page cache, compiled rules
                measure(command, marker, env, home)
            times: dict[str, list[float]] = {name_: [] for name_ in configs}
            for _round in range(args.rounds):
                for name_, (command, marker, env) in configs.items():
                    times[name_].append(measure(command, marker, env, home))
        finally:
            server.stop()
    print(f"{'configuration':18} {'first frame, median':>20} {'min':>8} {'max':>8}")
    for name_, found in times.items():
        low, mid, high = (
            round(v * 1000) for v in (min(found), statistics.median(found), max(found))
        )
        print(f"{name_:18} {mid:17} ms {low:5} ms {high:5} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
