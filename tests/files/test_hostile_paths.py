"""No name or id read from a file, a folder or a command line makes a path leave its folder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from secondstory.account.drafts import draft_path, list_drafts, session_path
from secondstory.errors import FileProblem, SecondstoryError
from secondstory.files.incidents import create_incident, load_incident, shared_account_path
from secondstory.files.model import (
    RESERVED_NAMES,
    Account,
    Incident,
    Moment,
    NarrativeNotes,
    slugify,
)
from secondstory.files.paths import drafts_dir
from secondstory.narrative.sources import load_sources

STAMP = datetime(2017, 2, 1, 9, 0, tzinfo=UTC)
HOSTILE_NAMES = [
    "..",
    "../../etc/passwd",
    "a/b",
    "a\\b",
    "/absolute",
    "x\x00y",
    ".hidden",
    "CON",
    "con",
    "nul",
    "aux",
    "prn",
    "com1",
    "LPT9",
    "x" * 300,
    "",
    " ",
    "a\nb",
    "\u202eexe.txt",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_hostile_account_id_is_refused_clearly(name: str) -> None:
    with pytest.raises(ValidationError, match="account id"):
        Account(incident="db", account=name, created=STAMP, updated=STAMP)
    with pytest.raises(FileProblem, match="not named for an account id"):
        draft_path(name)
    with pytest.raises(FileProblem, match="not named for an account id"):
        session_path(name)
    with pytest.raises(SecondstoryError, match="not an account id"):
        shared_account_path(Path("/srv/reviews/db"), name)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_hostile_incident_id_is_refused_clearly(name: str) -> None:
    with pytest.raises(ValidationError, match="id"):
        Incident(id=name, title="t")
    with pytest.raises(ValidationError, match="id"):
        NarrativeNotes(incident=name)
    with pytest.raises(ValidationError, match="id"):
        Account(incident=name, account="0" * 32, created=STAMP, updated=STAMP)


# Moment ids never name a file, so a device name is a fine moment id.
@pytest.mark.parametrize("name", [n for n in HOSTILE_NAMES if n.lower() not in RESERVED_NAMES])
def test_a_hostile_moment_id_is_refused_clearly(name: str) -> None:
    with pytest.raises(ValidationError, match="moment id"):
        Moment(id=name, did="x")


@pytest.mark.parametrize("title", ["CON", "nul", "Com1", "../../etc", "/", ".", "...", "\x00"])
def test_an_incident_folder_is_always_inside_the_folder_asked_for(
    tmp_path: Path, title: str
) -> None:
    parent = tmp_path / "reviews"
    folder = create_incident(title, parent=parent)
    assert folder.parent == parent
    assert folder.name.lower() not in RESERVED_NAMES
    assert not folder.name.startswith(".")
    assert load_incident(folder).id == folder.name


@given(st.text(max_size=200))
def test_every_title_makes_a_safe_folder_name(title: str) -> None:
    slug = slugify(title)
    assert Incident(id=slug, title="t").id == slug  # valid, hence [a-z0-9-], 1..80 long
    assert slug not in RESERVED_NAMES
    assert (Path("/srv") / slug).parent == Path("/srv")


def test_a_draft_file_not_named_for_an_account_is_listed_as_unreadable() -> None:
    folder = drafts_dir()
    folder.mkdir(parents=True)
    (folder / "..toml").write_text("junk")
    (folder / "CON.toml").write_text("junk")
    drafts, problems = list_drafts()
    assert drafts == []
    assert sorted(p.path.name for p in problems) == ["..toml", "CON.toml"]
    assert all("not named for an account id" in p.reason for p in problems)


def test_an_account_file_whose_id_would_leave_the_folder_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "accounts"
    folder.mkdir()
    (folder / "evil.toml").write_text(
        'format = 1\nkind = "secondstory.account"\nincident = "db"\n'
        'account = "../../../tmp/x"\nauthor = "A"\nstatus = "shared"\n'
        "created = 2017-02-01T09:00:00Z\nupdated = 2017-02-01T09:00:00Z\n"
    )
    sources = load_sources([folder])
    assert sources.accounts == []
    [skipped] = sources.skipped
    assert "account id" in skipped.reason
