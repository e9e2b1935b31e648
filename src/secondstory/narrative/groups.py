"""Groups on the merged timeline: moments at the same time, and one event told twice.

Concurrency: moments of different people whose windows overlap, directly or through one
another, found by one sweep in order of window start. Same event: the facilitator's
confirmed links, then the suggestions of `secondstory.narrative.similarity`; a group whose windows
do not all overlap is a disagreement, shown and never resolved here.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import combinations

from secondstory.files.model import NarrativeNotes
from secondstory.narrative.model import ConcurrentGroup, SameEvent
from secondstory.narrative.placement import Row, window
from secondstory.narrative.similarity import Candidate, suggest


def concurrent(rows: list[Row]) -> tuple[ConcurrentGroup, ...]:
    """Sweep by window start: windows that overlap, directly or through one another, join."""
    timed = sorted((r for r in rows if r.window is not None), key=lambda r: (window(r), r.index))
    clusters: list[list[Row]] = []
    reach = datetime.min.replace(tzinfo=UTC)
    for row in timed:
        start, end = window(row)
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
        start = min(window(r)[0] for r in cluster)
        end = max(window(r)[1] for r in cluster)
        lanes = tuple(sorted({r.lane for r in cluster}))
        groups.append(ConcurrentGroup(number, tuple(r.ref for r in cluster), start, end, lanes))
    return tuple(groups)


def same_events(
    rows: list[Row], by_ref: dict[str, Row], notes: NarrativeNotes
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
        Candidate(r.index, r.account.account, *window(r), f"{r.moment.did}\n{r.moment.observed}")
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
    members: list[Row],
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
