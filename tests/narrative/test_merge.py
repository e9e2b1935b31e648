"""The merge: one order across zones, untimed moments, concurrency and same-event groups."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from secondstory.files.model import Account, Link, Moment, NarrativeNotes, moment_ref
from secondstory.narrative.merge import load_sources, merge
from secondstory.narrative.model import Narrative

T0 = datetime(2024, 3, 14, 14, 0)


def account(author: str, zone: str, *moments: Moment, number: int = 0, **extra: Any) -> Account:
    """A shared account with a readable, stable id made from the author's name."""
    ident = (author.encode().hex() + f"{number:x}" + "0" * 32)[:32]
    return Account(
        incident="inc",
        account=ident,
        author=author,
        timezone=zone,
        status="shared",
        created=datetime(2024, 3, 15, tzinfo=UTC),
        updated=extra.pop("updated", datetime(2024, 3, 15, 9, tzinfo=UTC)),
        moments=list(moments),
        **extra,
    )


def moment(
    ident: str, when: datetime | None = None, precision: str = "exact", **text: str
) -> Moment:
    """A moment with some words, so a shared account accepts it."""
    text = text or {"did": f"did {ident}"}
    return Moment(id=ident, when=when, when_precision=precision, **text)


def order(narrative: Narrative) -> list[str]:
    """The timeline as "author:moment" labels."""
    return [f"{e.author}:{e.moment}" for e in narrative.timeline]


def ref(a: Account, moment_id: str) -> str:
    return moment_ref(a.account, moment_id)


# --- one order --------------------------------------------------------------------------------


def test_local_times_in_different_zones_interleave_by_their_utc_instant() -> None:
    amsterdam = account("Ana", "Europe/Amsterdam", moment("a1", datetime(2024, 1, 31, 23, 0)))
    new_york = account("Ben", "America/New_York", moment("b1", datetime(2024, 1, 31, 17, 30)))
    kolkata = account("Chi", "Asia/Kolkata", moment("c1", datetime(2024, 2, 1, 3, 0)))
    narrative = merge([new_york, amsterdam, kolkata])
    assert order(narrative) == ["Chi:c1", "Ana:a1", "Ben:b1"]
    assert narrative.timeline[0].at == datetime(2024, 1, 31, 21, 30, tzinfo=UTC)


def test_an_offset_datetime_means_itself_whatever_the_accounts_zone() -> None:
    when = datetime(2024, 1, 31, 23, 0, tzinfo=UTC)
    narrative = merge([account("Ana", "Asia/Kolkata", moment("a1", when))])
    assert narrative.timeline[0].at == when


def test_the_week_new_york_has_moved_its_clocks_and_europe_has_not_is_five_hours_apart() -> None:
    # 14 March 2024: New York is on summer time (UTC-4), Amsterdam still on winter time (UTC+1).
    new_york = account("Ben", "America/New_York", moment("b1", datetime(2024, 3, 14, 10, 0)))
    amsterdam = account("Ana", "Europe/Amsterdam", moment("a1", datetime(2024, 3, 14, 14, 30)))
    assert order(merge([new_york, amsterdam])) == ["Ana:a1", "Ben:b1"]


@pytest.mark.parametrize(
    ("local", "utc"),
    [
        # a wall time that never happened (clocks jumped 02:00 -> 03:00): the earlier offset
        (datetime(2024, 3, 31, 2, 30), datetime(2024, 3, 31, 1, 30, tzinfo=UTC)),
        # a wall time that happened twice (03:00 -> 02:00): the first time
        (datetime(2024, 10, 27, 2, 30), datetime(2024, 10, 27, 0, 30, tzinfo=UTC)),
        # the second of the two, said explicitly with fold=1
        (datetime(2024, 10, 27, 2, 30, fold=1), datetime(2024, 10, 27, 1, 30, tzinfo=UTC)),
    ],
)
def test_daylight_saving_gaps_and_folds_follow_pep_495(local: datetime, utc: datetime) -> None:
    narrative = merge([account("Ana", "Europe/Amsterdam", moment("a1", local))])
    assert narrative.timeline[0].at == utc


def test_moments_across_a_daylight_saving_change_keep_their_real_order() -> None:
    # 01:59 before the change and 03:01 after it are two minutes apart in reality.
    ana = account(
        "Ana",
        "Europe/Amsterdam",
        moment("late", datetime(2024, 3, 31, 3, 1)),
        moment("early", datetime(2024, 3, 31, 1, 59)),
    )
    ben = account("Ben", "UTC", moment("b1", datetime(2024, 3, 31, 1, 0)))
    assert order(merge([ana, ben])) == ["Ana:early", "Ben:b1", "Ana:late"]


def test_equal_instants_put_exact_before_about_then_author_then_account_then_position() -> None:
    at = datetime(2024, 3, 14, 14, 0, tzinfo=UTC)
    zed = account("Zed", "UTC", moment("z1", at))
    amy_about = account("Amy", "UTC", moment("y1", at, "about"))
    amy = account("amy", "UTC", moment("x1", at), moment("x2", at), number=1)
    amy_twin = account("amy", "UTC", moment("w1", at), number=2)
    narrative = merge([zed, amy_about, amy_twin, amy])
    # authors compare without case; the same author falls back to the account id
    assert order(narrative) == ["amy:x1", "amy:x2", "amy:w1", "Zed:z1", "Amy:y1"]


def test_a_moment_without_a_time_stays_right_after_the_one_before_it_in_its_account() -> None:
    ana = account(
        "Ana",
        "UTC",
        moment("a1", T0),
        moment("a2"),
        moment("a3", T0 + timedelta(hours=1)),
    )
    ben = account("Ben", "UTC", moment("b1", T0 + timedelta(minutes=30)))
    narrative = merge([ana, ben])
    assert order(narrative) == ["Ana:a1", "Ana:a2", "Ben:b1", "Ana:a3"]
    assert narrative.timeline[1].after == ref(ana, "a1")
    assert narrative.timeline[1].at is None


def test_unsure_moments_keep_their_time_as_written_but_are_placed_like_untimed_ones() -> None:
    ana = account(
        "Ana",
        "UTC",
        moment("a1", T0),
        moment("a2", T0 - timedelta(hours=5), "unsure"),
        moment("a3"),
    )
    ben = account("Ben", "UTC", moment("b1", T0 + timedelta(minutes=1)))
    narrative = merge([ben, ana])
    assert order(narrative) == ["Ana:a1", "Ana:a2", "Ana:a3", "Ben:b1"]
    unsure = narrative.timeline[1]
    assert (unsure.at, unsure.window, unsure.when) == (None, None, T0 - timedelta(hours=5))


def test_moments_without_a_time_at_the_start_of_an_account_open_the_timeline() -> None:
    ana = account("Ana", "UTC", moment("a1"), moment("a2"), moment("a3", T0))
    ben = account("Ben", "UTC", moment("b1", T0 - timedelta(hours=1)))
    assert order(merge([ben, ana])) == ["Ana:a1", "Ana:a2", "Ben:b1", "Ana:a3"]


def test_participants_are_ordered_by_their_first_appearance_and_lanes_follow() -> None:
    ana = account("Ana", "UTC", moment("a1", T0 + timedelta(hours=1)))
    ben = account("Ben", "UTC", moment("b1", T0))
    idle = account("Cy", "UTC")
    narrative = merge([ana, idle, ben])
    assert [p.author for p in narrative.participants] == ["Ben", "Ana", "Cy"]
    assert [e.lane for e in narrative.timeline] == [0, 1]


def test_windows_are_one_minute_for_exact_and_ten_for_about() -> None:
    ana = account("Ana", "UTC", moment("a1", T0), moment("a2", T0, "about"))
    first, second = merge([ana]).timeline
    at = T0.replace(tzinfo=UTC)
    assert first.window == (at - timedelta(minutes=1), at + timedelta(minutes=1))
    assert second.window == (at - timedelta(minutes=10), at + timedelta(minutes=10))


# --- at the same time -------------------------------------------------------------------------


def test_overlapping_windows_of_different_people_form_a_concurrent_group() -> None:
    ana = account("Ana", "UTC", moment("a1", T0))
    ben = account("Ben", "UTC", moment("b1", T0 + timedelta(minutes=5), "about"))
    far = account("Cy", "UTC", moment("c1", T0 + timedelta(hours=2)))
    narrative = merge([ana, ben, far])
    (group,) = narrative.concurrent
    assert set(group.members) == {ref(ana, "a1"), ref(ben, "b1")}
    assert group.lanes == (0, 1)
    assert narrative.entry(ref(far, "c1")).group is None  # type: ignore[union-attr]


def test_one_persons_overlapping_moments_alone_are_not_a_concurrent_group() -> None:
    ana = account("Ana", "UTC", moment("a1", T0), moment("a2", T0, "about"))
    assert merge([ana]).concurrent == ()


def test_windows_that_only_touch_do_not_overlap() -> None:
    ana = account("Ana", "UTC", moment("a1", T0))
    ben = account("Ben", "UTC", moment("b1", T0 + timedelta(minutes=2)))
    assert merge([ana, ben]).concurrent == ()


def test_a_group_chains_through_overlaps_and_leaves_untimed_moments_out() -> None:
    ana = account("Ana", "UTC", moment("a1", T0), moment("a2"))
    ben = account("Ben", "UTC", moment("b1", T0 + timedelta(minutes=8), "about"))
    cy = account("Cy", "UTC", moment("c1", T0 + timedelta(minutes=17)))
    (group,) = merge([ana, ben, cy]).concurrent
    assert group.members == (ref(ana, "a1"), ref(ben, "b1"), ref(cy, "c1"))
    # the span runs from the earliest window start (b1, about 14:08) to the latest end (c1)
    assert (group.start, group.end) == (
        datetime(2024, 3, 14, 13, 58, tzinfo=UTC),
        datetime(2024, 3, 14, 14, 18, tzinfo=UTC),
    )


# --- same event -------------------------------------------------------------------------------

PROMOTED = "The failover automation promoted orders-db-2 to primary during the resize."
PROMOTED_TOO = "Saw that orders-db-2 had been promoted to primary by the failover automation."


def told_twice(gap: timedelta, **link: Any) -> tuple[Account, Account, Narrative]:
    """The same event written by two people `gap` apart, amid unrelated moments."""
    ana = account(
        "Ana",
        "UTC",
        moment("a0", T0 - timedelta(minutes=30), did="Opened the ticket queue for the morning."),
        moment("a1", T0, observed=PROMOTED),
    )
    ben = account(
        "Ben",
        "UTC",
        moment("b0", T0 - timedelta(minutes=20), did="Reviewed a pull request about billing."),
        moment("b1", T0 + gap, observed=PROMOTED_TOO),
    )
    notes = NarrativeNotes(incident="inc")
    if link:
        members = link.pop("moments", [ref(ana, "a1"), ref(ben, "b1")])
        notes.links = [Link(moments=members, **link)]
    return ana, ben, merge([ana, ben], notes)


def test_two_people_telling_one_event_at_the_same_time_are_suggested_without_disagreement() -> None:
    ana, ben, narrative = told_twice(timedelta(0))
    (group,) = narrative.same_event
    assert group.source == "suggested"
    assert group.members == (ref(ana, "a1"), ref(ben, "b1"))
    assert not group.disagreement
    assert group.gap == timedelta(0)
    assert {"orders-db-2", "promoted", "failover"} <= set(group.shared_words)
    assert narrative.entry(ref(ana, "a1")).same_event == (0,)  # type: ignore[union-attr]


def test_a_suggestion_whose_windows_do_not_overlap_is_a_time_disagreement() -> None:
    _, _, narrative = told_twice(timedelta(minutes=6))
    (group,) = narrative.same_event
    assert group.disagreement
    assert group.gap == timedelta(minutes=4)
    assert narrative.disagreements() == (group,)


def test_moments_far_apart_in_time_are_not_suggested_whatever_their_words() -> None:
    _, _, narrative = told_twice(timedelta(hours=3))
    assert narrative.same_event == ()


def test_one_persons_moments_are_never_suggested_as_the_same_event() -> None:
    ana = account("Ana", "UTC", moment("a1", T0, observed=PROMOTED), moment("a2", T0, did=PROMOTED))
    assert merge([ana]).same_event == ()


def test_moments_sharing_only_common_words_are_not_suggested() -> None:
    ana = account("Ana", "UTC", moment("a1", T0, did="I looked at the dashboard for a while."))
    ben = account("Ben", "UTC", moment("b1", T0, did="We were waiting for the meeting to start."))
    assert merge([ana, ben]).same_event == ()


def test_a_confirmed_link_is_a_group_however_far_apart_and_its_time_disagreement_shows() -> None:
    _, _, narrative = told_twice(timedelta(minutes=40), note="One call, two memories.")
    (group,) = narrative.same_event
    assert group.source == "confirmed"
    assert group.disagreement
    assert group.gap == timedelta(minutes=38)
    assert group.note == "One call, two memories."


def test_a_confirmed_link_suppresses_the_same_suggestion() -> None:
    _, _, narrative = told_twice(timedelta(0), decision="confirmed")
    assert [g.source for g in narrative.same_event] == ["confirmed"]


def test_a_rejected_link_silences_the_suggestion() -> None:
    _, _, narrative = told_twice(timedelta(0), decision="rejected")
    assert narrative.same_event == ()


def test_a_link_with_a_moment_without_time_makes_no_claim_about_time() -> None:
    ana = account("Ana", "UTC", moment("a1", T0), moment("a2"))
    ben = account("Ben", "UTC", moment("b1", T0 + timedelta(hours=5)))
    notes = NarrativeNotes(incident="inc", links=[Link(moments=[ref(ana, "a2"), ref(ben, "b1")])])
    (group,) = merge([ana, ben], notes).same_event
    assert (group.disagreement, group.gap, group.untimed) == (False, None, (ref(ana, "a2"),))


def test_a_link_to_a_withdrawn_account_keeps_what_is_left_and_names_what_is_missing() -> None:
    ana = account("Ana", "UTC", moment("a1", T0))
    gone = moment_ref("f" * 32, "m1")
    notes = NarrativeNotes(incident="inc", links=[Link(moments=[ref(ana, "a1"), gone])])
    narrative = merge([ana], notes)
    (group,) = narrative.same_event
    assert (group.members, group.missing) == ((ref(ana, "a1"),), (gone,))
    assert narrative.dangling == (gone,)


def test_next_flagged_walks_suggestions_and_disagreements_and_wraps_round() -> None:
    ana, ben, narrative = told_twice(timedelta(minutes=6))
    flagged = [narrative.entry(ref(ana, "a1")).index, narrative.entry(ref(ben, "b1")).index]  # type: ignore[union-attr]
    assert narrative.next_flagged(-1) == flagged[0]
    assert narrative.next_flagged(flagged[0]) == flagged[1]
    assert narrative.next_flagged(flagged[1]) == flagged[0]
    assert narrative.next_flagged(flagged[0], backwards=True) == flagged[1]


# --- perspectives -----------------------------------------------------------------------------


def test_surprises_assumptions_and_closing_parts_keep_their_provenance() -> None:
    ana = account(
        "Ana",
        "UTC",
        moment("a1", T0, expected="a quiet night", observed="alerts", assumed="it was paged"),
        moment("a2", did="went home"),
        closing={"helped": "the runbook", "ideas": "fewer pages"},
    )
    narrative = merge([ana])
    (surprise,) = narrative.surprises
    assert (surprise.ref, surprise.expected, surprise.observed) == (
        ref(ana, "a1"),
        "a quiet night",
        "alerts",
    )
    assert [(a.moment, a.assumed) for a in narrative.assumptions] == [("a1", "it was paged")]
    assert [(i.part, i.text) for i in narrative.ideas] == [
        ("helped", "the runbook"),
        ("ideas", "fewer pages"),
    ]


# --- reading files ----------------------------------------------------------------------------


def write(path: Path, data: dict[str, Any] | str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, dict):
        data = tomli_w.dumps(data)
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return path


def account_data(a: Account) -> dict[str, Any]:
    return a.model_dump(mode="python", exclude_none=True)


@pytest.fixture
def incident(tmp_path: Path) -> Path:
    folder = tmp_path / "inc"
    write(
        folder / "incident.toml",
        {"format": 1, "kind": "secondstory.incident", "id": "inc", "title": "Inc"},
    )
    write(folder / "accounts" / "good.toml", account_data(account("Ana", "UTC", moment("a1", T0))))
    return folder


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.toml", "format = 1\nkind = ", "is not valid TOML"),
        ("binary.toml", b"\xff\xfe\x00", "is not UTF-8 text"),
        ("newer.toml", {"format": 99, "kind": "secondstory.account"}, "newer than this version"),
        ("no-format.toml", {"kind": "secondstory.account"}, "no 'format' number"),
        (
            "wrong-kind.toml",
            {"format": 1, "kind": "secondstory.incident"},
            "expected 'secondstory.account'",
        ),
        (
            "invalid.toml",
            {"format": 1, "kind": "secondstory.account", "incident": "inc"},
            "account",
        ),
    ],
)
def test_a_file_that_cannot_be_used_is_skipped_with_its_reason_and_the_merge_goes_on(
    incident: Path, name: str, content: Any, reason: str
) -> None:
    write(incident / "accounts" / name, content)
    sources = load_sources([incident])
    (skipped,) = sources.skipped
    assert skipped.path.name == name
    assert reason in skipped.reason
    assert [a.author for a in sources.accounts] == ["Ana"]


def test_a_draft_in_the_accounts_folder_is_skipped_because_it_was_not_shared(
    incident: Path,
) -> None:
    draft = account("Ben", "UTC", moment("b1"))
    draft.status = "draft"
    write(incident / "accounts" / "draft.toml", account_data(draft))
    (skipped,) = load_sources([incident]).skipped
    assert "draft" in skipped.reason


def test_two_files_with_one_account_id_keep_the_newer_and_report_the_other(
    incident: Path, tmp_path: Path
) -> None:
    from secondstory.export import render
    from secondstory.narrative.merge import merge_sources

    older = account("Ben", "UTC", moment("old", T0), updated=datetime(2024, 3, 15, 9, tzinfo=UTC))
    newer = older.model_copy(update={"updated": datetime(2024, 3, 16, tzinfo=UTC)})
    newer.moments = [moment("new", T0)]
    newer_file = write(incident / "accounts" / "a-newer.toml", account_data(newer))
    older_file = write(tmp_path / "elsewhere" / "older.toml", account_data(older))
    for paths in ([incident, older_file], [older_file, incident]):
        sources = load_sources(paths)
        (duplicate,) = sources.duplicates
        assert (duplicate.kept, duplicate.dropped) == (newer_file, older_file)
        assert "newer" in render(merge_sources(sources), "md")
        assert [m.id for a in sources.accounts if a.author == "Ben" for m in a.moments] == ["new"]


def test_two_files_equally_recent_keep_the_first_by_path_and_say_so(
    incident: Path, tmp_path: Path
) -> None:
    from secondstory.export import render
    from secondstory.narrative.merge import merge_sources
    from secondstory.narrative.sources import EquallyRecent, why_kept

    copy = account("Ben", "UTC", moment("b1", T0))
    first = write(tmp_path / "a-first" / "ben.toml", account_data(copy))
    second = write(incident / "accounts" / "ben.toml", account_data(copy))
    assert str(first.resolve()) < str(second.resolve())
    for paths in ([incident, first], [first, incident]):
        sources = load_sources(paths)
        (duplicate,) = sources.duplicates
        assert (duplicate.kept, duplicate.dropped) == (first, second)
        assert isinstance(duplicate, EquallyRecent)
        assert why_kept(duplicate) == "which is equally recent and comes first by file path"
    narrative = merge_sources(sources)
    assert "equally recent" in render(narrative, "md") and "newer" not in render(narrative, "md")
    assert "equally recent" in render(narrative, "html")
    import json

    (reported,) = json.loads(render(narrative, "json"))["duplicates"]
    assert reported["equally_recent"] is True


def test_account_files_can_be_given_one_by_one_and_notes_come_from_the_folder(
    incident: Path,
) -> None:
    notes = {"format": 1, "kind": "secondstory.narrative", "incident": "inc", "summary": "S."}
    write(incident / "narrative.toml", notes)
    assert load_sources([incident]).notes.summary == "S."  # type: ignore[union-attr]
    alone = load_sources([incident / "accounts" / "good.toml"])
    assert (alone.incident, alone.notes, len(alone.accounts)) == (None, None, 1)


def test_an_account_of_another_incident_is_skipped(incident: Path, tmp_path: Path) -> None:
    other = account("Ben", "UTC", moment("b1")).model_copy(update={"incident": "other"})
    stray = write(tmp_path / "stray.toml", account_data(other))
    sources = load_sources([incident, stray])
    assert "'other', not 'inc'" in sources.skipped[0].reason


def test_a_broken_narrative_toml_is_skipped_and_the_accounts_still_merge(incident: Path) -> None:
    write(incident / "narrative.toml", "not toml [")
    sources = load_sources([incident])
    assert sources.notes is None
    assert sources.skipped[0].path.name == "narrative.toml"
    assert len(sources.accounts) == 1


# --- properties -------------------------------------------------------------------------------

_times = st.one_of(
    st.none(),
    st.datetimes(min_value=datetime(2024, 3, 30), max_value=datetime(2024, 4, 1)),
)
_moments = st.lists(
    st.tuples(_times, st.sampled_from(["exact", "about", "unsure"])), min_size=0, max_size=6
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["UTC", "Europe/Amsterdam", "Asia/Kolkata", "America/New_York"]),
            _moments,
        ),
        min_size=1,
        max_size=4,
    )
)
def test_the_merged_order_is_a_permutation_that_keeps_untimed_moments_after_their_predecessor(
    people: list[tuple[str, list[tuple[datetime | None, str]]]],
) -> None:
    accounts = [
        account(
            f"P{i}",
            zone,
            *(moment(f"m{j}", when, precision) for j, (when, precision) in enumerate(ms)),
            number=i,
        )
        for i, (zone, ms) in enumerate(people)
    ]
    timeline = merge(accounts).timeline
    given_refs = sorted(ref(a, m.id) for a in accounts for m in a.moments)
    assert sorted(e.ref for e in timeline) == given_refs
    assert [e.index for e in timeline] == list(range(len(timeline)))
    timed = [e.at for e in timeline if e.at is not None]
    assert timed == sorted(timed)
    for entry in timeline:
        if entry.at is None and entry.position > 0:
            before = timeline[entry.index - 1]
            assert (before.account, before.position) == (entry.account, entry.position - 1)


def test_the_merge_and_exports_import_neither_textual_nor_rich() -> None:
    code = (
        "import sys, secondstory.narrative.merge, secondstory.export, secondstory.cli.merge, "
        "secondstory.files.demo; print(sorted({'textual', 'rich'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_merge_benchmark_explains_itself_and_runs_at_a_small_size(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "bench" / "merge_bench.py"
    spec = importlib.util.spec_from_file_location("merge_bench", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)
    with pytest.raises(SystemExit) as done:
        bench.main(["--help"])
    assert done.value.code == 0 and "accounts" in capsys.readouterr().out
    assert bench.main(["2", "4", "--runs", "1"]) == 0
    out = capsys.readouterr().out
    assert "     100 " in out and "     200 " in out and "100 → 200" in out
