"""A shared host with many Unix users: throwaway users share into one incident folder.

Run as root (CI does): the test creates a group and four users with homes in a temporary
folder, installs secondstory where they can read it, runs the real command line as each
of them, and removes the users and the group afterwards, even when a check fails.
"""

from __future__ import annotations

import contextlib
import grp
import json
import os
import pwd
import re
import secrets
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from importlib.resources import files
from pathlib import Path

import pytest

import secondstory

pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="needs Linux users and groups"),
    pytest.mark.skipif(
        sys.platform == "linux" and os.geteuid() != 0,
        reason="creating throwaway Unix users needs root (CI runs the suite as root)",
    ),
    pytest.mark.skipif(shutil.which("useradd") is None, reason="needs useradd and groupadd"),
]

MAKE_DRAFT = """
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from secondstory.account.drafts import start_draft
from secondstory.account.interview import Interview
from secondstory.files.incidents import load_incident
folder = Path(sys.argv[2])
incident = load_incident(folder)
interview = Interview(start_draft(incident, folder), incident, folder)
interview.set_identity("author", sys.argv[3])
interview.set_text(interview.add_moment().id, "did", sys.argv[4])
interview.save()
print(interview.draft.account.account)
"""

WITHDRAW = """
import sys
sys.path.insert(0, sys.argv[1])
from secondstory.account.drafts import list_drafts, withdraw_draft
(draft,) = list_drafts()[0]
print(withdraw_draft(draft))
"""

TRY_HARM = """
import json, os, sys
target, mine = sys.argv[1], sys.argv[2]
tried = {}
for name, act in (
    ("write", lambda: open(target, "r+b").close()),
    ("remove", lambda: os.unlink(target)),
    ("replace", lambda: os.replace(mine, target)),
    ("read", lambda: open(target, "rb").read()),
):
    try:
        act()
        tried[name] = "done"
    except OSError as exc:
        tried[name] = type(exc).__name__
print(json.dumps(tried))
"""


@dataclass
class Person:
    name: str
    uid: int
    gid: int
    home: Path


@dataclass
class Host:
    base: Path
    app: Path
    interpreter: str
    group: str
    gid: int
    people: dict[str, Person]

    def run(
        self, who: str, *args: str, code: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        return self.start(who, *args, code=code).communicate_result()

    def python(self, who: str, statement: str) -> subprocess.CompletedProcess[str]:
        """One Python statement run as `who`, outside secondstory."""
        return self.run(who, statement, code="import sys; exec(sys.argv[1])")

    def start(self, who: str, *args: str, code: str | None = None) -> Running:
        person = self.people[who]
        runner = code or (
            f"import sys; sys.path.insert(0, {str(self.app)!r}); "
            "from secondstory.cli import main; sys.exit(main(sys.argv[1:]))"
        )
        env = {
            "HOME": str(person.home),
            "SECONDSTORY_HOME": str(person.home / "secondstory"),
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "USER": person.name,
        }
        member = [self.gid] if who != "outsider" else []
        process = subprocess.Popen(
            [self.interpreter, "-I", "-S", "-c", runner, *args],
            user=person.uid,
            group=person.gid,
            extra_groups=member,
            env=env,
            cwd=person.home,
            umask=0o022,  # a common umask: the app must not rely on a strict one
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        return Running(process)


@dataclass
class Running:
    process: subprocess.Popen[str]

    def communicate_result(self) -> subprocess.CompletedProcess[str]:
        out, err = self.process.communicate(timeout=120)
        return subprocess.CompletedProcess(self.process.args, self.process.returncode, out, err)


def _quiet(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=60)


def _runtime_distributions() -> list[str]:
    """secondstory's dependencies, and theirs, without extras: what an install holds."""
    seen: list[str] = []
    todo = [str(r) for r in distribution("secondstory").requires or []]
    while todo:
        requirement = todo.pop()
        if "extra ==" in requirement:
            continue
        match = re.match(r"[A-Za-z0-9._-]+", requirement)
        assert match is not None
        name = match.group(0).lower().replace("_", "-")
        if name in seen:
            continue
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue  # a marker that does not apply here
        seen.append(name)
        todo.extend(dist.requires or [])
    return seen


def _install_copy(app: Path) -> None:
    """secondstory and its dependencies where every user can read them, as a wheel lays out.

    The test's own virtual environment may live where other users cannot go (a home folder
    of 0700, like /root), so it is copied rather than opened up.
    """
    for name in _runtime_distributions():
        for file in distribution(name).files or []:
            if file.parts[0] == ".." or "__pycache__" in file.parts:
                continue
            source = Path(str(file.locate()))
            if source.is_file():
                (app / file).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, app / file)
    package = Path(secondstory.__file__).parent
    shutil.copytree(package, app / "secondstory", ignore=shutil.ignore_patterns("__pycache__"))
    checkout = package.parents[1]
    for data in ("prompts", "docs"):
        shipped = files("secondstory") / data
        source = Path(str(shipped)) if shipped.is_dir() else checkout / data
        if source.is_dir() and not (app / "secondstory" / data).exists():
            shutil.copytree(source, app / "secondstory" / data)
    for path in [app, *app.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)


def _interpreter(app: Path, person: Person) -> str:
    """A Python of this version that the throwaway users may run."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [sys.executable, os.path.realpath(sys.executable), f"/usr/bin/python{version}"]
    candidates += [p for p in (shutil.which(f"python{version}"),) if p]
    probe = "import sys; print('%d.%d' % sys.version_info[:2])"
    for python in candidates:
        try:
            done = subprocess.run(
                [python, "-I", "-S", "-c", probe],
                user=person.uid,
                group=person.gid,
                capture_output=True,
                text=True,
                timeout=30,
                cwd=app,
            )
        except OSError:
            continue
        if done.returncode == 0 and done.stdout.strip() == version:
            return python
    pytest.fail(f"no Python {version} that another user may run (tried {candidates})")


@pytest.fixture(scope="module")
def host() -> Iterator[Host]:
    suffix = secrets.token_hex(3)
    base = Path(tempfile.mkdtemp(prefix="secondstory-host-"))
    os.chmod(base, 0o755)
    group = f"ssg{suffix}"
    created: list[str] = []
    try:
        _quiet("groupadd", group)
        people: dict[str, Person] = {}
        for role in ("facilitator", "alice", "bob", "outsider"):
            name = f"ss{role[0]}{suffix}"
            home = base / f"home-{role}"
            extra = [] if role == "outsider" else ["-G", group]
            _quiet("useradd", "-M", "-U", "-d", str(home), "-s", "/usr/sbin/nologin", *extra, name)
            created.append(name)
            entry = pwd.getpwnam(name)
            home.mkdir(mode=0o700)
            os.chown(home, entry.pw_uid, entry.pw_gid)
            people[role] = Person(name, entry.pw_uid, entry.pw_gid, home)
        reviews = base / "reviews"
        reviews.mkdir()
        os.chown(reviews, people["facilitator"].uid, people["facilitator"].gid)
        app = base / "app"
        _install_copy(app)
        python = _interpreter(app, people["alice"])
        yield Host(base, app, python, group, grp.getgrnam(group).gr_gid, people)
    finally:
        for name in created:
            subprocess.run(["userdel", name], capture_output=True, timeout=60)
            subprocess.run(["groupdel", name], capture_output=True, timeout=60)
        subprocess.run(["groupdel", group], capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


def _ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def _tried(host: Host, who: str, target: Path, mine: Path) -> dict[str, str]:
    result: dict[str, str] = json.loads(_ok(host.run(who, str(target), str(mine), code=TRY_HARM)))
    return result


def test_people_share_into_one_folder_and_only_the_group_reads_what_they_shared(
    host: Host,
) -> None:
    out = _ok(
        host.run(
            "facilitator",
            "incident",
            "new",
            "--title",
            "Shared host",
            "--dir",
            str(host.base / "reviews"),
            "--timezone",
            "UTC",
            "--group",
            host.group,
        )
    )
    folder = host.base / "reviews" / "shared-host"
    accounts = folder / "accounts"
    assert f"For the group {host.group}" in out
    assert stat.S_IMODE(accounts.stat().st_mode) == 0o3770
    assert accounts.stat().st_gid == host.gid

    ids = {}
    for who, did in (("alice", "Restarted the worker"), ("bob", "Paged the database team")):
        code = MAKE_DRAFT
        ids[who] = _ok(
            host.run(who, str(host.app), str(folder), who.title(), did, code=code)
        ).strip()
    # Both share at the same moment: two files, one for each account, nothing lost.
    running = [host.start(who, "share", str(folder)) for who in ("alice", "bob")]
    for done in [r.communicate_result() for r in running]:
        _ok(done)
    shared = {who: accounts / f"{ids[who]}.toml" for who in ids}
    assert sorted(p.name for p in accounts.iterdir()) == sorted(p.name for p in shared.values())
    for who, path in shared.items():
        info = path.stat()
        assert (info.st_uid, info.st_gid) == (host.people[who].uid, host.gid)
        assert stat.S_IMODE(info.st_mode) == 0o640

    # Alice cannot change, remove or replace Bob's account, even with a file of her own.
    bob_before = shared["bob"].read_bytes()
    mine = accounts / ".alice-scratch"
    _ok(host.python("alice", f"open({str(mine)!r}, 'w').close()"))
    assert _tried(host, "alice", shared["bob"], mine) == {
        "write": "PermissionError",
        "remove": "PermissionError",
        "replace": "PermissionError",
        "read": "done",
    }
    # Nor through secondstory: a "newer" copy of Bob's account is refused and named.
    forged = host.people["alice"].home / "bob.toml"
    text = bob_before.decode().replace('author = "Bob"', 'author = "Not Bob"')
    text = re.sub(r"(?m)^updated = .*$", "updated = 2099-01-01T00:00:00Z", text)
    forged.write_text(text, "utf-8")
    os.chown(forged, host.people["alice"].uid, host.people["alice"].gid)
    refused = host.run("alice", "incident", "add", str(folder), str(forged))
    assert refused.returncode == 2
    assert refused.stderr == (
        f"secondstory: {shared['bob']} was written by someone else; it was left as it is\n"
    )
    assert shared["bob"].read_bytes() == bob_before

    # Drafts stay private to each person; the folder is closed to anyone outside the group.
    bob_draft = host.people["bob"].home / "secondstory" / "drafts" / f"{ids['bob']}.toml"
    assert bob_draft.is_file()
    denied = host.python("alice", f"open({str(bob_draft)!r}).read()")
    assert denied.returncode == 1 and "PermissionError" in denied.stderr
    outside = host.python("outsider", f"open({str(shared['alice'])!r}).read()")
    assert outside.returncode == 1 and "PermissionError" in outside.stderr

    # The facilitator, in the group, reads both and merges them.
    narrative = json.loads(_ok(host.run("facilitator", "merge", str(folder), "--format", "json")))
    authors = sorted(p["author"] for p in narrative["accounts"])
    assert authors == ["Alice", "Bob"]

    # Withdrawing removes only one's own file.
    _ok(host.run("alice", str(host.app), code=WITHDRAW))
    assert not shared["alice"].exists() and shared["bob"].read_bytes() == bob_before
    with contextlib.suppress(FileNotFoundError):
        mine.unlink()
