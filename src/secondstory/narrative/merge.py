"""Merging shared accounts into one narrative: a pure function of the accounts and notes.

The rules (docs/merge.md says them for people):
- a local `when` is wall time in the account's zone, an offset datetime means itself;
  exact is a ±1 minute window, about ±10 minutes, unsure or missing has no instant;
- one order: by instant, then exact before about, then author, account id and the
  moment's place in its account; a moment without an instant follows the moment before
  it in its own account (the first ones of an account open the timeline);
- moments of different people whose windows overlap (directly or through one another)
  happen at the same time;
- confirmed links always form same-event groups, rejected ones silence a suggestion,
  and a group whose windows do not overlap is a disagreement, never resolved silently.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path

from secondstory.files.collector import collector_held
from secondstory.files.evidence import Evidence
from secondstory.files.model import Account, Incident, NarrativeNotes
from secondstory.narrative.groups import concurrent as concurrent_groups
from secondstory.narrative.groups import same_events
from secondstory.narrative.model import Duplicate, Entry, Narrative, Skipped
from secondstory.narrative.perspectives import assumptions, ideas, participants, surprises
from secondstory.narrative.placement import MARGINS, Row, order, rows
from secondstory.narrative.sources import Sources, load_sources

__all__ = ["MARGINS", "Sources", "load_sources", "merge", "merge_sources"]


def merge_sources(sources: Sources) -> Narrative:
    """Merge what `load_sources` found."""
    return merge(
        sources.accounts,
        sources.notes,
        sources.incident,
        paths=sources.paths,
        skipped=sources.skipped,
        duplicates=sources.duplicates,
        evidence=sources.evidence,
    )


def merge(
    accounts: Sequence[Account],
    notes: NarrativeNotes | None = None,
    incident: Incident | None = None,
    *,
    paths: dict[str, Path] | None = None,
    skipped: Iterable[Skipped] = (),
    duplicates: Iterable[Duplicate] = (),
    evidence: Iterable[Evidence] = (),
) -> Narrative:
    """One narrative from shared accounts and the facilitator's notes.

    `evidence` lanes are carried beside the timeline, never merged into it.
    """
    # Nothing here forms a reference cycle, yet the many rows, entries and groups made set
    # off collections that walk the whole growing heap: hold them off until it is done.
    with collector_held():
        merged = _merge(accounts, notes, incident, paths or {}, tuple(skipped), tuple(duplicates))
        lanes = tuple(evidence)
        return dataclasses.replace(merged, evidence=lanes) if lanes else merged


def _merge(
    accounts: Sequence[Account],
    notes: NarrativeNotes | None,
    incident: Incident | None,
    paths: dict[str, Path],
    skipped: tuple[Skipped, ...],
    duplicates: tuple[Duplicate, ...],
) -> Narrative:
    accounts = _newest_per_id(accounts)
    incident_id = _incident_id(accounts, notes, incident)
    notes = notes if notes is not None else NarrativeNotes(incident=incident_id)
    placed = order([row for a in accounts for row in rows(a)])
    people = participants(accounts, placed, paths)
    lanes = {p.account: p.lane for p in people}
    for index, row in enumerate(placed):
        row.index, row.lane = index, lanes[row.account.account]
    concurrent = concurrent_groups(placed)
    by_ref = {row.ref: row for row in placed}
    same = same_events(placed, by_ref, notes)
    membership: dict[str, list[int]] = {}
    for group in same:
        for ref in group.members:
            membership.setdefault(ref, []).append(group.id)
    timeline = tuple(_entry(row, tuple(membership.get(row.ref, ()))) for row in placed)
    return Narrative(
        incident_id=incident_id,
        title=incident.title if incident else incident_id,
        incident=incident,
        notes=notes,
        participants=people,
        timeline=timeline,
        concurrent=concurrent,
        same_event=same,
        surprises=surprises(timeline, notes.surprises_marked, notes.surprises_unmarked),
        assumptions=assumptions(timeline),
        ideas=ideas(accounts, lanes),
        themes=tuple(notes.themes),
        questions=tuple(notes.questions),
        summary=notes.summary,
        skipped=skipped,
        duplicates=duplicates,
        dangling=_dangling(notes, by_ref),
        by_ref={entry.ref: entry for entry in timeline},
    )


def _newest_per_id(accounts: Sequence[Account]) -> list[Account]:
    newest: dict[str, Account] = {}
    for account in accounts:
        known = newest.get(account.account)
        if known is None or account.updated > known.updated:
            newest[account.account] = account
    return list(newest.values())


def _incident_id(
    accounts: Sequence[Account], notes: NarrativeNotes | None, incident: Incident | None
) -> str:
    if incident is not None:
        return incident.id
    if notes is not None:
        return notes.incident
    return accounts[0].incident if accounts else "incident"


def _entry(row: Row, same_event: tuple[int, ...]) -> Entry:
    account, moment = row.account, row.moment
    return Entry(
        ref=row.ref,
        account=account.account,
        moment=moment.id,
        author=account.author,
        role=account.role,
        zone=account.timezone,
        when=moment.when,
        when_text=moment.when_text,
        precision=moment.when_precision,
        at=row.at,
        window=row.window,
        did=moment.did,
        observed=moment.observed,
        expected=moment.expected,
        assumed=moment.assumed,
        why=moment.why,
        lane=row.lane,
        position=row.position,
        index=row.index,
        after=row.after,
        group=row.group,
        same_event=same_event,
    )


def _dangling(notes: NarrativeNotes, by_ref: dict[str, Row]) -> tuple[str, ...]:
    refs = [r for link in notes.links for r in link.moments]
    refs += [r for theme in notes.themes for r in theme.moments]
    refs += [r for question in notes.questions for r in question.moments]
    return tuple(dict.fromkeys(r for r in refs if r not in by_ref))
