"""`secondstory share` and `secondstory incident add`: accounts that move as files."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest

from secondstory.account.drafts import load_draft, start_draft
from secondstory.account.interview import Interview
from secondstory.cli.main import main
from secondstory.files.incidents import create_incident, load_incident, remember_incident

OLD = (1_000_000_000, 1_000_000_000)  # a time no write of ours can produce


def _draft(folder: Path, author: str, did: str) -> Interview:
    incident = load_incident(folder)
    remember_incident(incident.id, folder)
    interview = Interview(start_draft(incident, folder), incident, folder)
    interview.set_identity("author", author)
    interview.set_text(interview.add_moment().id, "did", did)
    interview.save()
    return interview


def _err(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().err.splitlines()


def test_share_writes_the_one_draft_into_accounts_and_again_changes_nothing(
    incident_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    interview = _draft(incident_folder, "Sam", "Restarted the worker")
    account_id = interview.draft.account.account
    assert main(["share", "checkout-outage"]) == 0
    target = incident_folder / "accounts" / f"{account_id}.toml"
    assert capsys.readouterr().out == f"Shared Sam's account to {target}\n"
    assert tomllib.loads(target.read_text("utf-8"))["status"] == "shared"
    before = target.read_bytes()
    os.utime(target, OLD)
    assert main(["share"]) == 0  # no incident named: the only draft there is
    assert target.read_bytes() == before and target.stat().st_mtime == OLD[1]
    assert load_draft(account_id).account.status == "draft"


def test_share_with_several_drafts_lists_them_and_shares_nothing(
    incident_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _draft(incident_folder, "Sam", "Restarted the worker").draft.account.account
    second = _draft(incident_folder, "Sam", "Paged the database team").draft.account.account
    assert main(["share", str(incident_folder)]) == 2
    (line,) = _err(capsys)
    assert line.startswith(
        f"secondstory: You have 2 drafts for {incident_folder}; choose one with --account ID: "
    )
    assert first[:8] in line and second[:8] in line and "Sam, checkout-outage, changed" in line
    assert list((incident_folder / "accounts").iterdir()) == []
    assert main(["share", "checkout-outage", "--account", second[:6]]) == 0
    assert [p.stem for p in (incident_folder / "accounts").iterdir()] == [second]


def test_share_with_no_draft_says_how_to_start_one(
    incident_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    remember_incident("checkout-outage", incident_folder)
    assert main(["share", "checkout-outage"]) == 2
    assert _err(capsys) == [
        "secondstory: You have no draft for checkout-outage; "
        "give your account with: secondstory give checkout-outage"
    ]


def test_an_account_shared_to_a_file_is_added_then_replaced_by_its_newer_copy(
    incident_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    interview = _draft(incident_folder, "Sam", "Restarted the worker")
    handed = tmp_path / "sam.toml"
    assert main(["share", "--to", str(handed)]) == 0
    assert "secondstory incident add INCIDENT FILE" in capsys.readouterr().out
    # The facilitator's copy of the incident, on another machine.
    other = create_incident("Checkout outage", parent=tmp_path / "elsewhere", timezone="UTC")
    target = other / "accounts" / f"{interview.draft.account.account}.toml"
    assert main(["incident", "add", str(other), str(handed)]) == 0
    assert capsys.readouterr().out == f"{handed}: added Sam's account as {target}\n"
    assert target.read_bytes() == handed.read_bytes()  # read and written again: same keys, order
    assert main(["incident", "add", str(other), str(handed)]) == 0
    assert capsys.readouterr().out == (
        f"{handed}: Sam's account is already in {target}, unchanged\n"
    )
    old = target.read_bytes()
    interview.set_text(interview.moments[0].id, "did", "Restarted the worker twice")
    interview.save()
    assert main(["share", "--to", str(handed)]) == 0
    assert main(["incident", "add", str(other), str(handed)]) == 0
    out = capsys.readouterr().out.splitlines()[-1]
    assert out == f"{handed}: a newer copy of Sam's account; it replaced {target}"
    assert target.read_bytes() != old and b"twice" in target.read_bytes()
    # The older copy never replaces the newer one.
    stale = tmp_path / "stale.toml"
    stale.write_bytes(re.sub(rb"(?m)^updated = .*$", b"updated = 2017-02-01T09:00:00Z", old))
    assert main(["incident", "add", str(other), str(stale)]) == 2
    assert _err(capsys) == [
        f"secondstory: {stale}: is older than the copy already in {target}; "
        "that newer copy was kept"
    ]
    assert b"twice" in target.read_bytes()


def test_incident_add_refuses_each_bad_file_in_one_line_and_adds_the_rest(
    incident_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.toml"
    _draft(incident_folder, "Sam", "Restarted the worker")
    assert main(["share", "--to", str(good)]) == 0
    elsewhere = create_incident("Queue backlog", parent=tmp_path / "q", timezone="UTC")
    _draft(elsewhere, "Ana", "Drained the queue")
    foreign = tmp_path / "foreign.toml"
    assert main(["share", "queue-backlog", "--to", str(foreign)]) == 0
    broken = tmp_path / "broken.toml"
    broken.write_text("format = 1\nkind = 'secondstory.account'\n", "utf-8")
    draft = next((Path(os.environ["SECONDSTORY_HOME"]) / "drafts").glob("*[0-9a-f].toml"))
    capsys.readouterr()
    code = main(["incident", "add", str(incident_folder), str(foreign), str(broken), str(draft)])
    assert code == 2
    err = _err(capsys)
    assert err[0] == (
        f"secondstory: {foreign}: is an account of incident 'queue-backlog', not 'checkout-outage'"
    )
    assert err[1].startswith(f"secondstory: {broken}: ") and "field required" in err[1].lower()
    assert err[2] == (
        f"secondstory: {draft}: is a draft; only an account its author has shared is added"
    )
    assert list((incident_folder / "accounts").iterdir()) == []
    assert main(["incident", "add", str(incident_folder), str(good), str(foreign)]) == 2
    assert len(list((incident_folder / "accounts").iterdir())) == 1


def test_incident_add_never_writes_over_a_file_holding_another_account(
    incident_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    interview = _draft(incident_folder, "Sam", "Restarted the worker")
    handed = tmp_path / "sam.toml"
    assert main(["share", "--to", str(handed)]) == 0
    target = incident_folder / "accounts" / f"{interview.draft.account.account}.toml"
    other = _draft(incident_folder, "Ana", "Paged the database team")
    assert main(["share", "--account", other.draft.account.account, "--to", str(target)]) == 0
    kept = target.read_bytes()
    assert main(["incident", "add", str(incident_folder), str(handed)]) == 2
    assert _err(capsys) == [
        f"secondstory: {handed}: {target} holds a different account; it was left as it is"
    ]
    assert target.read_bytes() == kept
