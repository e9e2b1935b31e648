"""Gathering what a merge reads: an incident folder's files, or account files handed over.

Nothing here stops on a bad file: it is listed as skipped with a one-line reason and the
merge goes on with the rest. Files are only read, never written; the one change made is
removing temporary files that interrupted writes left behind (`clean_leftovers`). Files
found in a folder must be ordinary files, not symbolic links; a file named by the person
may be a link.

Two files with one account id: the newer `updated` wins; when both say the same time, the
file whose full path sorts first wins, so the choice never depends on the order the files
were named or found in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from secondstory.errors import FileProblem, NotFound
from secondstory.files.collector import collector_held
from secondstory.files.evidence import Evidence, load_evidence
from secondstory.files.incidents import ACCOUNTS_DIR, INCIDENT_FILE, NARRATIVE_FILE
from secondstory.files.model import Account, Incident, NarrativeNotes
from secondstory.files.storage import clean_leftovers, parse_model, parse_toml, read_model
from secondstory.narrative.model import Duplicate, Skipped

ACCOUNT_KIND = "secondstory.account"
STDIN = Path("-")
"""The name that stands for one account read from standard input."""


@dataclass(frozen=True, slots=True)
class EquallyRecent(Duplicate):
    """Two files held the same account with the same `updated`; the first by path was used."""


def why_kept(duplicate: Duplicate) -> str:
    """Why the kept file was used, as it follows "holds the same account as KEPT, …"."""
    if isinstance(duplicate, EquallyRecent):
        return "which is equally recent and comes first by file path"
    return "which is newer"


@dataclass
class Sources:
    """Everything found for one merge, before merging."""

    incident: Incident | None = None
    """The first incident.toml found, if any."""
    folder: Path | None = None
    """The incident folder it came from."""
    notes: NarrativeNotes | None = None
    """The facilitator's narrative.toml from that folder, if there is one."""
    accounts: list[Account] = field(default_factory=list)
    """Shared accounts, one per account id (the newest `updated` wins, see `_keep_newest`)."""
    paths: dict[str, Path] = field(default_factory=dict)
    """The file each account was read from, by account id."""
    skipped: list[Skipped] = field(default_factory=list)
    """Files left out, with their reasons."""
    duplicates: list[Duplicate] = field(default_factory=list)
    """Account ids found in more than one file."""
    evidence: list[Evidence] = field(default_factory=list)
    """Evidence lanes from the incident folder's evidence/, by name."""

    def incident_id(self) -> str | None:
        """The incident these sources are about, from incident.toml or the first account."""
        if self.incident is not None:
            return self.incident.id
        return self.accounts[0].incident if self.accounts else None


@collector_held()  # thousands of models read, no cycles among them
def load_sources(paths: Sequence[Path], stdin: bytes | None = None) -> Sources:
    """Read incident folders and account files; bad files become `Skipped`, never errors.

    `-` among the paths is one account given as `stdin`.
    """
    sources = Sources()
    for path in paths:
        if path == STDIN and stdin is not None:
            _add_account(sources, path, stdin)
        elif not path.exists():
            raise NotFound(f"{path} does not exist; give an incident folder or account files")
        elif path.is_dir() or path.name == INCIDENT_FILE:
            _add_folder(sources, path.parent if path.name == INCIDENT_FILE else path)
        else:
            _add_account(sources, path, follow_symlinks=True)
    _drop_other_incidents(sources)
    return sources


def _add_folder(sources: Sources, folder: Path) -> None:
    clean_leftovers(folder)
    if not _present(folder / INCIDENT_FILE):
        # A plain folder of account files (like accounts/ itself) is read file by file.
        for path in _toml_files(folder):
            _add_account(sources, path)
        return
    if sources.incident is None:
        _read_incident(sources, folder)
    clean_leftovers(folder / ACCOUNTS_DIR)
    for path in _toml_files(folder / ACCOUNTS_DIR):
        _add_account(sources, path)


def _read_incident(sources: Sources, folder: Path) -> None:
    try:
        sources.incident = read_model(
            folder / INCIDENT_FILE, Incident, "secondstory.incident", follow_symlinks=False
        )
    except FileProblem as problem:
        sources.skipped.append(Skipped(problem.path, problem.reason))
        return
    sources.folder = folder
    notes_path = folder / NARRATIVE_FILE
    if _present(notes_path):
        try:
            sources.notes = read_model(
                notes_path, NarrativeNotes, "secondstory.narrative", follow_symlinks=False
            )
        except FileProblem as problem:
            sources.skipped.append(Skipped(problem.path, problem.reason))
    _read_evidence(sources, folder, sources.incident.id)


def _read_evidence(sources: Sources, folder: Path, incident: str) -> None:
    lanes, problems = load_evidence(folder, incident)
    sources.evidence.extend(lanes)
    sources.skipped.extend(Skipped(problem.path, problem.reason) for problem in problems)


def _present(path: Path) -> bool:
    """Whether there is something at `path`, a symbolic link included (it is then refused)."""
    return path.is_symlink() or path.exists()


def _toml_files(folder: Path) -> Iterable[Path]:
    if not folder.is_dir():
        return []
    # Hidden files include the temporary files of an atomic write in progress.
    return sorted(p for p in folder.glob("*.toml") if not p.name.startswith("."))


def _add_account(
    sources: Sources, path: Path, raw: bytes | None = None, *, follow_symlinks: bool = False
) -> None:
    try:
        if raw is None:
            account = read_model(path, Account, ACCOUNT_KIND, follow_symlinks=follow_symlinks)
        else:
            account = parse_model(path, parse_toml(path, raw), Account, ACCOUNT_KIND)
    except FileProblem as problem:
        sources.skipped.append(Skipped(path, problem.reason))
        return
    if account.status != "shared":
        reason = "is a draft; only accounts their author has shared are merged"
        sources.skipped.append(Skipped(path, reason))
        return
    _keep_newest(sources, account, path)


def _keep_newest(sources: Sources, account: Account, path: Path) -> None:
    known = sources.paths.get(account.account)
    if known is None:
        sources.accounts.append(account)
        sources.paths[account.account] = path
        return
    if known.resolve() == path.resolve():
        return  # the same file named twice
    index = next(i for i, a in enumerate(sources.accounts) if a.account == account.account)
    current = sources.accounts[index]
    if account.updated != current.updated:
        kind, wins = Duplicate, account.updated > current.updated
    else:  # equally recent: the first full path wins, whatever order they were found in
        kind, wins = EquallyRecent, str(path.resolve()) < str(known.resolve())
    if wins:
        sources.accounts[index] = account
        sources.paths[account.account] = path
        sources.duplicates.append(kind(account.account, kept=path, dropped=known))
    else:
        sources.duplicates.append(kind(account.account, kept=known, dropped=path))


def _drop_other_incidents(sources: Sources) -> None:
    wanted = sources.incident_id()
    kept: list[Account] = []
    for account in sources.accounts:
        if account.incident == wanted:
            kept.append(account)
            continue
        path = sources.paths.pop(account.account)
        reason = f"is an account of incident {account.incident!r}, not {wanted!r}"
        sources.skipped.append(Skipped(path, reason))
    sources.accounts = kept
