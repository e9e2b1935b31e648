"""Property-based: any words survive a save and a load exactly, or are refused clearly,
and no set of valid accounts makes the merge or an export fail."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondstory.errors import FileProblem
from secondstory.files.model import (
    Account,
    Closing,
    Incident,
    Link,
    Moment,
    NarrativeNotes,
    Question,
    Theme,
)
from secondstory.files.storage import dump_toml, parse_model, parse_toml, write_model

STAMP = datetime(2017, 2, 1, 9, 0, tzinfo=UTC)
SPECIAL = [
    "🙂", "👩🏽‍💻", "\u05d0\u05d1", "\u0627\u0644", "e\u0301", "\u202e", "\u2066", "\u200d",
    "\x00", "\x07", "\x1b[2J", "\x7f", "\r", "\r\n", "\t", "\u2028", "\ufeff",
    '"', "\\", "'''", '"""', "#", "[", "]", "=", "\\u0000", "${", "\U0010ffff",
]  # fmt: skip
# Any character but lone surrogates (which no UTF-8 file can hold), with the awkward ones
# above drawn often, and now and then a very long line.
characters = st.characters(blacklist_categories=("Cs",))
short = st.lists(st.sampled_from(SPECIAL) | st.text(characters, max_size=8), max_size=12)
long_line = st.text(characters, min_size=1, max_size=12).map(lambda piece: piece * 500)
words = short.map("".join) | long_line
few_words = short.map("".join)  # for the merge, where long lines only cost time
FS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def accounts(draw: st.DrawFn, shared: bool = False) -> Account:
    """A valid account: a draft with any words, or a shared one (with an author and words)."""
    text = few_words if shared else words
    zone = draw(st.sampled_from(["UTC", "Europe/Amsterdam", "Asia/Kolkata", "America/St_Johns"]))
    count = draw(st.integers(0, 5))
    moments = []
    for index in range(count):
        when = draw(
            st.none()
            | st.datetimes(datetime(2017, 1, 30), datetime(2017, 2, 2))
            | st.datetimes(datetime(2017, 1, 30), datetime(2017, 2, 2), timezones=st.just(UTC))
        )
        texts = {name: draw(text) for name in ("did", "observed", "expected", "assumed", "why")}
        if shared and not any(t.strip() for t in texts.values()):
            texts["did"] = "x"
        moments.append(
            Moment(
                id=f"m{index + 1}",
                when=when,
                when_precision=draw(st.sampled_from(["exact", "about", "unsure"])),
                when_text=draw(st.none() | text),
                **texts,
            )
        )
    author = draw(text)
    if shared and not author.strip():
        author = "Alex" + author
    return Account(
        incident="db-outage",
        account=uuid.UUID(int=draw(st.integers(0, 2**128 - 1))).hex,
        author=author,
        role=draw(st.none() | text),
        timezone=zone,
        status="shared" if shared else "draft",
        created=STAMP,
        updated=STAMP + timedelta(seconds=draw(st.integers(0, 10_000))),
        moments=moments,
        closing=Closing(surprised=draw(text), ideas=draw(text)),
    )


@FS
@given(account=accounts())
def test_any_account_comes_back_exactly_as_it_was_saved(account: Account) -> None:
    path = Path("a.toml")  # the bytes a save writes, read by the reader (disk: next test)
    raw = dump_toml(account, path)
    assert parse_model(path, parse_toml(path, raw), Account, "secondstory.account") == account


@settings(FS, max_examples=25)
@given(account=accounts())
def test_any_draft_comes_back_exactly_through_the_drafts_folder(account: Account) -> None:
    from secondstory.account.drafts import Draft, Session, load_draft, save_draft

    account.account = uuid.uuid4().hex  # each example a draft of its own
    draft = Draft(account, Session(account=account.account))
    save_draft(draft, touch=False)
    assert load_draft(account.account).account == account


@pytest.mark.parametrize("lone", ["\ud800", "a\udfffb"])
def test_a_character_no_file_can_hold_is_refused_clearly_and_nothing_is_written(
    tmp_path: Path, lone: str
) -> None:
    path = tmp_path / "a.toml"
    account = Account(incident="db-outage", account="a" * 32, created=STAMP, updated=STAMP)
    write_model(path, account)
    before = path.read_bytes()
    account.author = lone
    with pytest.raises(FileProblem, match=r"cannot be saved: it holds U\+D[89A-F]"):
        write_model(path, account)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.toml"]


@st.composite
def notes_for(draw: st.DrawFn, accounts: list[Account]) -> NarrativeNotes:
    refs = [f"{a.account}/{m.id}" for a in accounts for m in a.moments]
    refs += [f"{'f' * 32}/m9", "not a ref"]  # ones that point nowhere
    pick = st.lists(st.sampled_from(refs), max_size=4)
    return NarrativeNotes(
        incident="db-outage",
        summary=draw(few_words),
        links=[
            Link(moments=draw(pick), decision=draw(st.sampled_from(["confirmed", "rejected"])))
            for _ in range(draw(st.integers(0, 3)))
        ],
        themes=[
            Theme(id=f"t{i}", title=draw(few_words), moments=draw(pick))
            for i in range(draw(st.integers(0, 2)))
        ],
        questions=[
            Question(id=f"q{i}", text=draw(few_words), moments=draw(pick))
            for i in range(draw(st.integers(0, 2)))
        ],
    )


@FS
@given(data=st.data())
def test_the_merge_and_every_export_take_any_set_of_valid_accounts(data: st.DataObject) -> None:
    from secondstory.export import FORMATS, render
    from secondstory.narrative.merge import merge

    shared = data.draw(st.lists(accounts(shared=True), max_size=4))
    notes = data.draw(notes_for(shared))
    title = data.draw(few_words)
    incident = Incident(id="db-outage", title=title, started=datetime(2017, 1, 31, 23))
    narrative = merge(shared, notes, incident)
    assert {p.account for p in narrative.participants} == {a.account for a in shared}
    for fmt in FORMATS:
        for anonymize in (False, True):
            assert render(narrative, fmt, anonymize=anonymize)
