"""What the exports give people who were not there: facts, evidence, the picture, contents."""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from secondstory.export import render
from secondstory.files.demo import make_demo
from secondstory.files.evidence import Evidence, EvidenceEntry
from secondstory.files.model import Account, Moment
from secondstory.narrative.merge import load_sources, merge, merge_sources
from secondstory.narrative.model import Narrative
from tests.export.test_export import _gfm, _github


@pytest.fixture
def demo(tmp_path: Path) -> Narrative:
    return merge_sources(load_sources([make_demo(tmp_path)]))


def test_every_format_says_the_incident_facts(demo: Narrative) -> None:
    for fmt in ("md", "html"):
        text = render(demo, fmt)
        assert "The incident in brief" in text
        assert "How it was detected" in text and "checkout-api, orders database" in text
    details = json.loads(render(demo, "json"))["incident_details"]
    assert details["services"] == ["checkout-api", "orders database"]
    assert details["duration"] == "about 50 minutes"


def test_every_format_says_when_and_with_which_version_it_was_made(demo: Narrative) -> None:
    from secondstory import __version__

    line = f"Exported 2024-03-14 15:30 UTC with secondstory {__version__}."
    assert line in render(demo, "md") and line in render(demo, "html")
    data = json.loads(render(demo, "json"))
    assert (data["exported"], data["version"]) == ("2024-03-14T15:30:00+00:00", __version__)


def test_evidence_is_exported_apart_from_the_accounts_in_every_format(demo: Narrative) -> None:
    assert [lane.name for lane in demo.evidence] == ["alerts", "incident-channel"]
    data = json.loads(render(demo, "json"))
    assert [lane["name"] for lane in data["evidence"]] == ["alerts", "incident-channel"]
    assert data["evidence"][1]["entries"][0] == {
        "at": "2024-03-14T14:12:00+00:00",
        "who": "sam",
        "text": "Customers report checkout errors: tickets 4411, 4415, 4420",
    }
    # never among the accounts: the timeline holds only the accounts' moments
    assert len(data["timeline"]) == sum(len(a["moments"]) for a in data["accounts"])
    assert {entry["author"] for entry in data["timeline"]} == {p.author for p in demo.participants}
    for fmt in ("md", "html"):
        text = html.unescape(render(demo, fmt))
        assert "Evidence beside the accounts" in text and "not anyone's account" in text
        assert "A test order went through" in text


def test_the_html_draws_a_lane_per_person_and_per_evidence_source(demo: Narrative) -> None:
    page = render(demo, "html")
    picture = re.search(r'<svg class="swimlane".*?</svg>', page, re.S)
    assert picture is not None
    svg = picture.group()
    for name in ("Alex Moreau", "Sam Okafor", "Priya Raman"):
        assert f">{name}</text>" in svg
    assert ">alerts (evidence)</text>" in svg and ">incident-channel (evidence)</text>" in svg
    # one diamond per evidence entry, plus the one in the key
    assert svg.count("<polygon") == 3 + 6 + 1
    # one dot per timed moment, plus the one in the key
    timed = sum(1 for entry in demo.timeline if entry.at is not None)
    assert svg.count("<circle") == timed + 1
    # the demo's suggested same event whose times disagree: a dashed red line
    assert re.search(r'<line [^>]*stroke="#a40e26" stroke-width="2" stroke-dasharray', svg)
    assert "http" not in svg  # inline SVG in HTML needs no namespace address


def test_text_in_the_picture_is_escaped(tmp_path: Path) -> None:
    author = '<script>alert(1)</script>"'
    account = Account(
        incident="inc",
        account="a" * 32,
        author=author,
        status="shared",
        created=datetime(2024, 1, 2, tzinfo=UTC),
        updated=datetime(2024, 1, 2, tzinfo=UTC),
        moments=[Moment(id="m1", when=datetime(2024, 1, 1, 9), did="</svg><b>x</b>")],
    )
    lane = Evidence(
        incident="inc",
        name="chat",
        source="chat",
        imported=datetime(2024, 1, 2, tzinfo=UTC),
        entries=[
            EvidenceEntry(at=datetime(2024, 1, 1, 9, 5, tzinfo=UTC), who="<i>", text="\x1b[2J")
        ],
    )
    page = render(merge([account], evidence=[lane]), "html")
    assert "<script>alert" not in page and "</svg><b>" not in page and "<i>" not in page
    assert "\x1b" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;" in page


def test_the_html_has_contents_linking_to_an_anchor_on_every_section(demo: Narrative) -> None:
    page = render(demo, "html")
    anchors = re.findall(r'<h2 id="([a-z0-9-]+)">', page)
    assert "the-timeline-as-a-picture" in anchors and "evidence-beside-the-accounts" in anchors
    contents = re.search(r'<nav class="contents".*?</nav>', page, re.S)
    assert contents is not None
    assert re.findall(r'href="#([a-z0-9-]+)"', contents.group()) == anchors
    assert len(set(anchors)) == len(anchors)
    assert page.count("<h2") == len(anchors)


def test_the_final_document_speaks_to_readers(demo: Narrative) -> None:
    for fmt in ("md", "html"):
        text = render(demo, fmt)
        assert "for the facilitator to confirm" not in text
        # ids stay in the JSON; in HTML only inside anchors (m-ACCOUNT-MOMENT), never shown
        shown = re.sub(r'(id|href)="[^"]*"', "", text)
        assert not re.search(r"[0-9a-f]{32}", shown), fmt


def test_same_event_groups_are_numbered_alike_in_every_format(demo: Narrative) -> None:
    numbers = [group["number"] for group in json.loads(render(demo, "json"))["same_event"]]
    assert numbers == [1, 2]
    for fmt in ("md", "html"):
        text = render(demo, fmt)
        assert [int(n) for n in re.findall(r"Same event (\d+):", text)] == numbers


def test_an_anonymised_copy_says_what_it_hides_and_hides_chat_names(demo: Narrative) -> None:
    for fmt in ("md", "html", "json"):
        text = render(demo, fmt, anonymize=True)
        assert "roles, account ids and file names are left out" in text
        assert "· sam:" not in text and '"who": "sam"' not in text and ">sam<" not in text
    data = json.loads(render(demo, "json", anonymize=True))
    assert data["anonymized"]["hidden"] == ["names", "roles", "account ids", "file names"]
    chat = data["evidence"][1]["entries"]
    assert chat[0]["who"] == "Person B" and chat[1]["who"] == "Person A"
    assert data["evidence"][0]["entries"][0]["who"] == "db-automation"  # a system, not a person


@pytest.mark.parametrize("render_md", [_gfm, _github])
def test_a_tilde_before_a_number_reads_cleanly_and_no_tilde_strikes_text_out(render_md) -> None:  # type: ignore[no-untyped-def]
    account = Account(
        incident="inc",
        account="a" * 32,
        author="Bo",
        timezone="America/New_York",
        status="shared",
        created=datetime(2024, 1, 2, tzinfo=UTC),
        updated=datetime(2024, 1, 2, tzinfo=UTC),
        moments=[
            Moment(
                id="m1",
                when=datetime(2024, 1, 1, 9),
                when_precision="about",
                did="took ~5 min, then ~~gone~~ and x~y~ (~2) a~3~",
            )
        ],
    )
    text = render(merge([account]), "md")
    assert "#### ~14:00 UTC · Bo · m1" in text
    assert "took ~5 min" in text and "(~2)" in text and "New_York" in text
    assert r"\~\~gone\~\~" in text and r"x\~y\~" in text and r"a\~3\~" in text
    did = next(line for line in render_md(text).splitlines() if "Did:" in line)
    assert did == "<li><strong>Did:</strong> took ~5 min, then ~~gone~~ and x~y~ (~2) a~3~</li>"
