"""The moment pane names the few moments nearest on the timeline, however many overlap."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from secondstory.export.labels import cite
from secondstory.export.textsafe import printable
from secondstory.files.model import Account, Moment
from secondstory.narrative.merge import merge
from secondstory.narrative.model import Entry, Narrative
from secondstory.tui.widgets.moment_detail import NEAREST, nearest

START = datetime(2024, 3, 14, 14, 0)


def _account(number: int, rng: random.Random, count: int) -> Account:
    moments = [
        Moment(
            id=f"m{n}",
            when=START + timedelta(minutes=rng.randrange(0, 90)),
            when_precision=rng.choice(["exact", "about", "unsure"]),
            did=f"step {n} of person {number}",
        )
        for n in range(1, count + 1)
    ]
    return Account(
        incident="inc",
        account=f"{number + 1:032x}",
        author=f"Person {number + 1}",
        timezone="UTC",
        status="shared",
        created=datetime(2024, 3, 15, tzinfo=UTC),
        updated=datetime(2024, 3, 15, tzinfo=UTC),
        moments=moments,
    )


def _every_member_sorted(entry: Entry, refs: tuple[str, ...], narrative: Narrative) -> str:
    """What the pane said before: every other member sorted by distance, the first few."""
    others = [r for r in refs if r != entry.ref]

    def distance(ref: str) -> int:
        found = narrative.entry(ref)
        assert found is not None
        return abs(found.index - entry.index)

    closest = set(sorted(others, key=distance)[:NEAREST])
    shown = [r for r in others if r in closest]
    words = ", ".join(cite(narrative, r) for r in shown)
    if len(others) > len(shown):
        words += f" and {len(others) - len(shown):,} more"
    return printable(words)


def test_the_nearest_moments_are_those_a_full_sort_would_name() -> None:
    rng = random.Random(3)
    narrative = merge([_account(n, rng, 60) for n in range(4)])
    big = max(narrative.concurrent, key=lambda g: len(g.members))
    assert len(big.members) > 4 * NEAREST  # a long overlapping stretch, as at 10,000 moments
    for entry in narrative.timeline:
        groups = [narrative.concurrent[entry.group]] if entry.group is not None else []
        groups += [narrative.same_event[n] for n in entry.same_event]
        for group in groups:
            assert nearest(entry, group.members, narrative) == _every_member_sorted(
                entry, group.members, narrative
            )


def test_a_moment_outside_the_group_still_gets_its_nearest_members() -> None:
    rng = random.Random(5)
    narrative = merge([_account(n, rng, 30) for n in range(3)])
    group = max(narrative.concurrent, key=lambda g: len(g.members))
    outside = next(e for e in narrative.timeline if e.ref not in group.members)
    said = nearest(outside, group.members, narrative)
    assert said == _every_member_sorted(outside, group.members, narrative)
    assert said.endswith(f"and {len(group.members) - NEAREST:,} more")
