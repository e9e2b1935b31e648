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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import combinations
from pathlib import Path

from secondstory.model import Account, Incident, Moment, NarrativeNotes, moment_ref
from secondstory.narrative import (
    ConcurrentGroup,
    Duplicate,
    Entry,
    Narrative,
    SameEvent,
    Skipped,
    Window,
)
from secondstory.perspectives import assumptions, ideas, participants, surprises
from secondstory.similarity import Candidate, suggest
from secondstory.sources import Sources, load_sources
from secondstory.timeparse import ABOUT_MARGIN, EXACT_MARGIN, to_utc

__all__ = ["MARGINS", "Sources", "load_sources", "merge", "merge_sources"]

MARGINS = {"exact": EXACT_MARGIN, "about": ABOUT_MARGIN}
"""Half the width of a moment's window, by precision. Unsure has no window."""
_PRECISION_RANK = {"exact": 0, "about": 1, "unsure": 2}


@dataclass(slots=True)
class _Row:
    """A moment on its way to becoming an `Entry`."""

    account: Account
    moment: Moment
    position: int
    at: datetime | None
    window: Window | None
    after: str | None
    ref: str
    lane: int = 0
    index: int = 0
    group: int | None = None


def merge_sources(sources: Sources) -> Narrative:
    """Merge what `load_sources` found."""
    return merge(
        sources.accounts,
        sources.notes,
        sources.incident,
        paths=sources.paths,
        skipped=sources.skipped,
        duplicates=sources.duplicates,
    )


def merge(
    accounts: Sequence[Account],
    notes: NarrativeNotes | None = None,
    incident: Incident | None = None,
    *,
    paths: dict[str, Path] | None = None,
    skipped: Iterable[Skipped] = (),
    duplicates: Iterable[Duplicate] = (),
) -> Narrative:
    """One narrative from shared accounts and the facilitator's notes."""
    accounts = _newest_per_id(accounts)
    incident_id = _incident_id(accounts, notes, incident)
    notes = notes if notes is not None else NarrativeNotes(incident=incident_id)
    rows = _order([row for a in accounts for row in _rows(a)])
    people = participants(accounts, rows, paths or {})
    lanes = {p.account: p.lane for p in people}
    for index, row in enumerate(rows):
        row.index, row.lane = index, lanes[row.account.account]
    concurrent = _concurrent(rows)
    by_ref = {row.ref: row for row in rows}
    same = _same_events(rows, by_ref, notes)
    membership: dict[str, list[int]] = {}
    for group in same:
        for ref in group.members:
            membership.setdefault(ref, []).append(group.id)
    timeline = tuple(_entry(row, tuple(membership.get(row.ref, ()))) for row in rows)
    return Narrative(
        incident_id=incident_id,
        title=incident.title if incident else incident_id,
        incident=incident,
        notes=notes,
        participants=people,
        timeline=timeline,
        concurrent=concurrent,
        same_event=same,
        surprises=surprises(timeline),
        assumptions=assumptions(timeline),
        ideas=ideas(accounts, lanes),
        themes=tuple(notes.themes),
        questions=tuple(notes.questions),
        summary=notes.summary,
        skipped=tuple(skipped),
        duplicates=tuple(duplicates),
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


def _rows(account: Account) -> Iterable[_Row]:
    previous: str | None = None
    for position, moment in enumerate(account.moments):
        margin = MARGINS.get(moment.when_precision)
        at = None
        if moment.when is not None and margin is not None:
            at = to_utc(moment.when, account.timezone)
        window = (at - margin, at + margin) if at is not None and margin is not None else None
        after = previous if at is None else None
        ref = moment_ref(account.account, moment.id)
        yield _Row(account, moment, position, at, window, after, ref)
        previous = ref


def _order(rows: list[_Row]) -> list[_Row]:
    """Timed rows by instant and tie-break; each untimed row right after its predecessor."""
    followers: dict[str, list[_Row]] = {}
    opening: list[_Row] = []
    timed: list[_Row] = []
    for row in rows:
        if row.at is not None:
            timed.append(row)
        elif row.after is None:
            opening.append(row)
        else:
            followers.setdefault(row.after, []).append(row)
    opening.sort(key=lambda r: (r.account.author.casefold(), r.account.account, r.position))
    timed.sort(key=_tie_break)
    ordered: list[_Row] = []
    for row in [*opening, *timed]:
        _place(row, followers, ordered)
    return ordered


def _tie_break(row: _Row) -> tuple[datetime, int, str, str, int]:
    assert row.at is not None
    rank = _PRECISION_RANK[row.moment.when_precision]
    return (row.at, rank, row.account.author.casefold(), row.account.account, row.position)


def _place(row: _Row, followers: dict[str, list[_Row]], ordered: list[_Row]) -> None:
    # Iterative: a long run of untimed moments must not exhaust the recursion limit.
    stack = [row]
    while stack:
        current = stack.pop()
        ordered.append(current)
        stack.extend(reversed(followers.get(current.ref, ())))


def _concurrent(rows: list[_Row]) -> tuple[ConcurrentGroup, ...]:
    """Sweep by window start: windows that overlap, directly or through one another, join."""
    timed = sorted((r for r in rows if r.window is not None), key=lambda r: (_win(r), r.index))
    clusters: list[list[_Row]] = []
    reach = datetime.min.replace(tzinfo=UTC)
    for row in timed:
        start, end = _win(row)
        if clusters and start < reach:  # windows that only touch do not overlap
            clusters[-1].append(row)
            reach = max(reach, end)
        else:
            clusters.append([row])
            reach = end
    shared = [c for c in clusters if len({r.account.account for r in c}) > 1]
    groups = []
    for number, cluster in enumerate(shared):
        cluster.sort(key=lambda r: r.index)
        for row in cluster:
            row.group = number
        start = min(_win(r)[0] for r in cluster)
        end = max(_win(r)[1] for r in cluster)
        lanes = tuple(sorted({r.lane for r in cluster}))
        groups.append(ConcurrentGroup(number, tuple(r.ref for r in cluster), start, end, lanes))
    return tuple(groups)


def _win(row: _Row) -> Window:
    assert row.window is not None
    return row.window


def _same_events(
    rows: list[_Row], by_ref: dict[str, _Row], notes: NarrativeNotes
) -> tuple[SameEvent, ...]:
    groups: list[SameEvent] = []
    decided: set[frozenset[str]] = set()
    for link in notes.links:
        decided.update(frozenset(pair) for pair in combinations(set(link.moments), 2))
        if link.decision != "confirmed":
            continue
        present = sorted({r for r in link.moments if r in by_ref}, key=lambda r: by_ref[r].index)
        if present:
            missing = tuple(dict.fromkeys(r for r in link.moments if r not in by_ref))
            members = [by_ref[r] for r in present]
            groups.append(
                _group(len(groups), members, "confirmed", note=link.note, missing=missing)
            )
    timed = [r for r in rows if r.window is not None]
    candidates = [
        Candidate(r.index, r.account.account, *_win(r), f"{r.moment.did}\n{r.moment.observed}")
        for r in timed
    ]
    skip = {
        frozenset(by_ref[ref].index for ref in pair) for pair in decided if pair <= by_ref.keys()
    }
    for match in suggest(candidates, skip):
        members = sorted((rows[match.first], rows[match.second]), key=lambda r: r.index)
        groups.append(
            _group(len(groups), members, "suggested", words=match.words, score=match.score)
        )
    return tuple(groups)


def _group(
    number: int,
    members: list[_Row],
    source: str,
    *,
    note: str = "",
    missing: tuple[str, ...] = (),
    words: tuple[str, ...] = (),
    score: float = 1.0,
) -> SameEvent:
    windows = [r.window for r in members if r.window is not None]
    gap = None
    if len(windows) > 1:
        gap = max(max(w[0] for w in windows) - min(w[1] for w in windows), timedelta(0))
    return SameEvent(
        id=number,
        members=tuple(r.ref for r in members),
        source="confirmed" if source == "confirmed" else "suggested",
        disagreement=bool(gap),
        gap=gap,
        untimed=tuple(r.ref for r in members if r.window is None),
        shared_words=words,
        score=score,
        note=note,
        missing=missing,
    )


def _entry(row: _Row, same_event: tuple[int, ...]) -> Entry:
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


def _dangling(notes: NarrativeNotes, by_ref: dict[str, _Row]) -> tuple[str, ...]:
    refs = [r for link in notes.links for r in link.moments]
    refs += [r for theme in notes.themes for r in theme.moments]
    refs += [r for question in notes.questions for r in question.moments]
    return tuple(dict.fromkeys(r for r in refs if r not in by_ref))
