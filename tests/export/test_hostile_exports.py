"""Hostile text in every field of accounts, incident.toml and narrative.toml: every export
shows it as the same characters, and nothing in it becomes a tag, an attribute, a link or
a terminal control.

Each export of the hostile narrative is compared with the export of a twin whose text
has the same lines with every special character replaced by a letter: their structure
(tags and attribute names, after rendering Markdown with cmark-gfm and markdown-it) must
be the same, so nothing structural came from the text.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

import pytest
from markdown_it import MarkdownIt

from secondstory.export import render
from secondstory.files.model import (
    CLOSING_FIELDS,
    TEXT_FIELDS,
    Account,
    Closing,
    Incident,
    Link,
    Moment,
    NarrativeNotes,
    Question,
    Theme,
    moment_ref,
)
from secondstory.narrative.merge import merge
from secondstory.narrative.model import Narrative

HOSTILE = (
    "**bold** _em_ `code` [link](https://evil.example/a) ![i](https://evil.example/i.png) "
    "<script>alert(1)</script> <img src=x onerror=alert(1)> <a href='https://evil.example'>a</a> "
    "<https://evil.example/auto> https://evil.example/bare www.evil.example javascript:alert(1) "
    "&amp; &lt;b&gt; [bold]r[/bold] [link=https://evil.example]l[/link] [@click=app.quit]q[/] "
    "\x1b]52;c;aGk=\x07 \x1b]0;title\x07 \x1b]8;;https://evil.example\x1b\\L\x1b]8;;\x1b\\ "
    "\x1b[2J \x00 \u202e \u2066 | a | b |\n"
    "# heading\n> quote\n- item\n1. item\n---\n    indented\n<!-- comment -->\n[^1]: foot\n"
    "| x | y |\n|---|---|\n~~~\nfenced\n~~~"
)
"""Markdown, HTML, Rich markup, terminal controls and bidi controls, on several lines."""
NAME = HOSTILE.splitlines()[0]
FORBIDDEN_RAW = ("\x1b", "\x00", "\x07", "\u202e", "\u2066")


def _twin(text: str) -> str:
    """The same lines and words with nothing special in them."""
    return re.sub(r"[^\w\s]|_|[\x00-\x08\x0b-\x1f\u202e\u2066]", "x", text)


def narrative(text: str, anonymize_names: bool = False) -> Narrative:
    name = text.splitlines()[0]
    stamp = datetime(2024, 1, 2, tzinfo=UTC)

    def account(number: int) -> Account:
        moment = Moment(
            id="m1",
            when=datetime(2024, 1, 1, 9, number),
            when_text=text,
            **dict.fromkeys(TEXT_FIELDS, text),
        )
        return Account(
            incident="inc",
            account=f"{number:032x}",
            author=f"{name} {number}",
            role=text,
            status="shared",
            created=stamp,
            updated=stamp,
            moments=[moment],
            closing=Closing(**dict.fromkeys(CLOSING_FIELDS, text)),
        )

    accounts = [account(1), account(2)]
    refs = [moment_ref(a.account, "m1") for a in accounts]
    incident = Incident(id="inc", title=name, facilitator=name, description=text)
    notes = NarrativeNotes(
        incident="inc",
        summary=text,
        links=[Link(moments=refs, note=text)],
        themes=[Theme(id="t1", title=name, description=text, moments=refs)],
        questions=[Question(id="q1", text=text, moments=refs[:1])],
    )
    return merge(accounts, notes, incident)


class _Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.values: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.values.extend(value or "" for _, value in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parsed(page: str) -> _Structure:
    parser = _Structure()
    parser.feed(page)
    parser.close()
    return parser


def _cmark(text: str) -> str:
    import cmarkgfm
    from cmarkgfm.cmark import Options

    html: str = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)
    return html


def _markdown_it(text: str) -> str:
    return MarkdownIt("gfm-like").render(text)  # raw HTML on, bare links found


@pytest.mark.parametrize("anonymize", [False, True])
@pytest.mark.parametrize("renderer", [_cmark, _markdown_it], ids=["cmark-gfm", "markdown-it"])
def test_markdown_of_hostile_text_renders_with_the_structure_of_plain_text(
    renderer: Any, anonymize: bool
) -> None:
    hostile = render(narrative(HOSTILE), "md", anonymize=anonymize)
    plain = render(narrative(_twin(HOSTILE)), "md", anonymize=anonymize)
    page, twin = _parsed(renderer(hostile)), _parsed(renderer(plain))
    assert page.tags == twin.tags
    assert not any("evil" in value or "javascript" in value for value in page.values)
    if not anonymize:  # anonymised, the name's words are replaced in everyone's text too
        shown = "".join(page.text)
        for piece in ("<script>alert(1)</script>", "**bold**", "[@click=app.quit]q[/]"):
            assert piece in shown


@pytest.mark.parametrize("anonymize", [False, True])
def test_html_of_hostile_text_has_the_structure_of_plain_text(anonymize: bool) -> None:
    hostile = render(narrative(HOSTILE), "html", anonymize=anonymize)
    page = _parsed(hostile)
    twin = _parsed(render(narrative(_twin(HOSTILE)), "html", anonymize=anonymize))
    assert page.tags == twin.tags
    assert not any("evil" in value or "javascript" in value for value in page.values)
    assert "script" not in {tag for tag, _ in page.tags}
    if not anonymize:
        shown = "".join(page.text)
        for piece in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[/bold]"):
            assert piece in shown


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
@pytest.mark.parametrize("anonymize", [False, True])
def test_no_terminal_or_bidi_control_reaches_any_export(fmt: str, anonymize: bool) -> None:
    text = render(narrative(HOSTILE), fmt, anonymize=anonymize)
    assert [c for c in FORBIDDEN_RAW if c in text] == []


def test_json_keeps_every_field_exactly_as_written() -> None:
    data = json.loads(render(narrative(HOSTILE), "json"))
    assert data["title"] == NAME
    details = data["incident_details"]
    assert (details["title"], details["facilitator"], details["description"]) == (
        NAME,
        NAME,
        HOSTILE,
    )
    assert data["summary"] == HOSTILE
    assert [a["author"] for a in data["accounts"]] == [f"{NAME} 1", f"{NAME} 2"]
    assert {a["role"] for a in data["accounts"]} == {HOSTILE}
    for entry in data["timeline"]:
        assert [entry[name] for name in TEXT_FIELDS] == [HOSTILE] * 5
    assert {i["text"] for i in data["closing"]} == {HOSTILE}
    assert (data["themes"][0]["title"], data["themes"][0]["description"]) == (NAME, HOSTILE)
    assert data["questions"][0]["text"] == HOSTILE
    assert data["same_event"][0]["note"] == HOSTILE
