"""The debrief in every export: disagreements with their state, answers, follow-ups, surprises."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from markdown_it import MarkdownIt

from secondstory.export import render
from secondstory.files.model import (
    Account,
    Disagreement,
    FollowUp,
    Link,
    Moment,
    NarrativeNotes,
    Question,
)
from secondstory.narrative.merge import merge
from secondstory.narrative.model import Narrative

T0 = datetime(2024, 3, 14, 22, 20)
BO, ANA = "b" * 32, "a" * 32
HOSTILE = "<script>alert(1)</script> [click](https://evil.example) \x1b[31m"


def account(ident: str, author: str, when: datetime, precision: str) -> Account:
    return Account(
        incident="inc",
        account=ident,
        author=author,
        timezone="Europe/Oslo",
        status="shared",
        created=datetime(2024, 3, 15, tzinfo=UTC),
        updated=datetime(2024, 3, 15, tzinfo=UTC),
        moments=[Moment(id="m1", when=when, when_precision=precision, did="restarted the api")],
        closing={"ideas": "Page the DB channel"},
    )


def debriefed(
    *, link: str = "OPS-7", answer: str = "The pager clock", note: str = "Bo's was the pager"
) -> Narrative:
    bo = account(BO, "Bo", T0, "about")
    ana = account(ANA, "Ana", T0 + timedelta(minutes=20), "exact")
    pair = [f"{BO}/m1", f"{ANA}/m1"]
    notes = NarrativeNotes(
        incident="inc",
        links=[Link(moments=pair)],
        disagreements=[Disagreement(moments=pair, state="discussed", note=note)],
        questions=[
            Question(id="q1", text="Which clock?", answer=answer, answered_by="Ana", resolved=True)
        ],
        follow_ups=[FollowUp(id="f1", text="Sync clocks", owner="Bo", link=link, source=BO)],
    )
    return merge([bo, ana], notes)


def test_markdown_says_what_differs_its_state_note_answer_and_follow_up() -> None:
    text = render(debriefed(), "md")
    assert "- Bo wrote about 22:20 (±10 min), Ana 22:40: 20 minutes apart *(discussed)*" in text
    assert "  - **Note:** Bo's was the pager" in text
    assert "  - **Answer:** The pager clock *(Ana)*" in text
    assert "## Follow-ups\n\n- Sync clocks (owner: Bo; link: OPS-7; an idea from Bo)" in text


def test_json_holds_the_disagreement_state_the_answer_and_the_follow_up() -> None:
    data = json.loads(render(debriefed(), "json"))
    (found,) = data["disagreements"]
    assert (found["state"], found["note"], found["what"]) == (
        "discussed",
        "Bo's was the pager",
        "Bo wrote about 22:20 (±10 min), Ana 22:40: 20 minutes apart",
    )
    assert (data["questions"][0]["answer"], data["questions"][0]["answered_by"]) == (
        "The pager clock",
        "Ana",
    )
    assert data["follow_ups"] == [
        {"id": "f1", "text": "Sync clocks", "owner": "Bo", "link": "OPS-7", "source": BO}
    ]


def test_html_lists_the_disagreement_answer_and_follow_up() -> None:
    page = render(debriefed(), "html")
    assert '<h2 id="disagreements">Disagreements' in page and "<em>(discussed)</em>" in page
    assert "<strong>Answer:</strong>" in page and '<h2 id="follow-ups">Follow-ups' in page


def test_a_follow_ups_address_stays_plain_text_in_html_and_markdown() -> None:
    narrative = debriefed(link="https://tracker.example/OPS-7")
    page = render(narrative, "html")
    assert "<code>https://tracker.example/OPS-7</code>" in page
    assert 'href="https://tracker' not in page
    rendered = MarkdownIt("gfm-like").render(render(narrative, "md"))
    assert 'href="https://tracker' not in rendered
    assert "https://tracker.example/OPS-7" in rendered


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_words_in_answers_notes_and_follow_ups_never_become_markup(fmt: str) -> None:
    text = render(debriefed(link=HOSTILE, answer=HOSTILE, note=HOSTILE), fmt)
    assert "<script>" not in text and "\x1b" not in text
    if fmt == "html":
        assert "&lt;script&gt;" in text
    else:
        rendered = MarkdownIt("gfm-like").render(text)
        assert 'href="https://evil' not in rendered and "<script>" not in rendered


def test_anonymized_exports_name_nobody_in_the_debrief() -> None:
    for fmt in ("md", "html", "json"):
        text = render(debriefed(), fmt, anonymize=True)
        assert "Bo wrote" not in text and "Ana 22:40" not in text and "an idea from Bo" not in text
        assert "Person" in text


def test_a_surprise_the_rule_finds_and_one_it_does_not_in_the_exports() -> None:
    moments = [
        Moment(id="m1", when=T0, expected="a quiet night", observed="alerts everywhere"),
        Moment(id="m2", when=T0, expected="errors to show", observed="errors showed"),
    ]
    bo = account(BO, "Bo", T0, "exact").model_copy(update={"moments": moments})
    text = render(merge([bo]), "md")
    assert "Bo · m1" in text.split("## Surprises")[1]
    assert "Bo · m2" not in text.split("## Surprises")[1].split("##")[0]
