"""The three exports: golden files from the sample incident, and text that cannot break them.

Regenerate the golden files after an intended change with:
    SECONDSTORY_UPDATE_GOLDEN=1 pytest tests/export/test_export.py
"""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from secondstory.errors import SecondstoryError
from secondstory.export import FORMATS, SUFFIXES, render
from secondstory.export.markdown import block, inline
from secondstory.files.demo import make_demo
from secondstory.files.model import Account, Link, Moment, NarrativeNotes, Theme
from secondstory.narrative.merge import load_sources, merge, merge_sources
from secondstory.narrative.model import Narrative

GOLDEN = Path(__file__).parent.parent / "data" / "golden"
NAMES = ("Alex", "Moreau", "Priya", "Raman", "Sam ", "Okafor", "Jo Lindqvist")


@pytest.fixture
def demo(tmp_path: Path) -> Narrative:
    return merge_sources(load_sources([make_demo(tmp_path)]))


def hostile(text: str, moment_id: str = "m1", notes: NarrativeNotes | None = None) -> Narrative:
    """A narrative whose author wrote `text` in every field."""
    moment = Moment(
        id=moment_id,
        when=datetime(2024, 1, 1, 9, 0),
        **dict.fromkeys(("did", "observed", "expected", "assumed", "why"), text),
    )
    account = Account(
        incident="inc",
        account="a" * 32,
        author=text.splitlines()[0] or "x",
        role=text,
        status="shared",
        created=datetime(2024, 1, 2, tzinfo=UTC),
        updated=datetime(2024, 1, 2, tzinfo=UTC),
        moments=[moment],
    )
    return merge([account], notes)


def _gfm(text: str) -> str:
    """Markdown rendered by markdown-it's GFM-like preset: raw HTML on, bare links found."""
    return MarkdownIt("gfm-like").render(text)


def _github(text: str) -> str:
    """Markdown rendered by cmark-gfm, GitHub's renderer, when it is installed."""
    cmarkgfm = pytest.importorskip("cmarkgfm")
    from cmarkgfm.cmark import Options

    html: str = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)
    return html


RENDERERS = [_gfm, _github]


@pytest.mark.parametrize("anonymize", [False, True], ids=["named", "anonymized"])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_the_sample_incident_exports_exactly_as_the_golden_file(
    demo: Narrative, fmt: str, anonymize: bool
) -> None:
    text = render(demo, fmt, anonymize=anonymize)
    golden = GOLDEN / f"demo{'-anonymized' if anonymize else ''}{SUFFIXES[fmt]}"
    if os.environ.get("SECONDSTORY_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, "utf-8")
    assert text == golden.read_text("utf-8")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_an_anonymized_export_names_nobody(demo: Narrative, fmt: str) -> None:
    text = render(demo, fmt, anonymize=True)
    assert not [name for name in NAMES if name in text]
    assert "Person A" in text
    # roles and account ids could name someone too: left out, and the export says so
    assert "on-call SRE" not in text and "database engineer" not in text
    assert not re.search(r"[0-9a-f]{32}", text)
    assert "roles, account ids and file names are left out" in text


def test_the_html_is_self_contained_with_no_scripts_and_no_addresses(demo: Narrative) -> None:
    page = render(demo, "html")
    assert "<script" not in page.lower()
    assert "http" not in page.lower()
    assert "@import" not in page and "url(" not in page
    assert "&lt;b&gt;some customers cannot complete checkout&lt;/b&gt;" in page


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parsed(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "<b>bold</b> & <i>more</i>",
        "</style><style>body{display:none}",
    ],
)
def test_html_shows_markup_in_peoples_words_as_text_and_never_as_markup(text: str) -> None:
    page = render(hostile(text), "html")
    parser = _Tags()
    parser.feed(page)
    assert not {"script", "img", "b", "i"} & set(parser.tags)
    assert parser.tags.count("style") == 1
    assert text in "".join(parser.text)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("*not emphasis* and _not either_", r"\*not emphasis\* and \_not either\_"),
        ("[a link](http://example.invalid)", r"\[a link\](http\://example.invalid)"),
        ("<b>bold</b> & &amp;", r"\<b\>bold\</b\> \& \&amp;"),
        ("a | table | cell", r"a \| table \| cell"),
        (
            "`code` and ~strike~ and @someone and $x$",
            r"\`code\` and \~strike\~ and \@someone and \$x\$",
        ),
        ("back\\slash", r"back\\slash"),
    ],
)
def test_markdown_escapes_every_character_markdown_or_html_would_act_on(
    text: str, escaped: str
) -> None:
    assert inline(text) == escaped


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("# not a heading", r"\# not a heading"),
        ("> not a quote", r"\> not a quote"),
        ("- not a list", r"\- not a list"),
        ("1. not a list", r"1\. not a list"),
        ("===", r"\==="),
    ],
)
def test_markdown_escapes_what_would_start_a_block_at_the_start_of_a_line(
    text: str, escaped: str
) -> None:
    assert block(f"first\n{text}") == f"first\\\n  {escaped}"


def test_markdown_keeps_line_breaks_and_paragraphs_inside_a_list_item() -> None:
    assert block("one\ntwo\n\nthree") == "one\\\n  two\n  \n  three"


def test_a_multi_line_name_cannot_break_a_heading() -> None:
    text = render(hostile("Ana\n# Injected"), "md")
    assert "\n# Injected" not in text
    assert not re.search(r"^#+ Injected", text, re.MULTILINE)


def test_json_has_the_keys_the_design_names(demo: Narrative) -> None:
    data = json.loads(render(demo, "json"))
    assert (data["format"], data["kind"]) == (1, "secondstory.narrative")
    assert data["incident"] == "checkout-errors-2024-03-14"
    assert {"account", "author", "moments"} <= data["accounts"][0].keys()
    keys = {"at", "precision", "author", "account", "moment", "did", "observed", "expected"}
    assert keys | {"assumed", "why"} <= data["timeline"][0].keys()
    assert data["timeline"][0]["at"] == "2024-03-14T13:58:00+00:00"
    assert any(entry["at"] is None for entry in data["timeline"])
    group = data["same_event"][1]
    assert {"members", "disagreement", "source"} <= group.keys()
    assert group["members"][0].keys() == {"account", "moment"}
    assert (group["source"], group["disagreement"]) == ("suggested", True)


def test_every_timeline_entry_in_every_export_cites_its_author_and_moment(demo: Narrative) -> None:
    markdown, page = render(demo, "md"), render(demo, "html")
    for entry in demo.timeline:
        assert f"· {entry.author} ({entry.role}) · {entry.moment}" in markdown
        assert f'id="m-{entry.lane + 1}-{entry.moment}"' in page
        assert entry.account not in page


def test_an_unknown_format_is_one_clear_error(demo: Narrative) -> None:
    with pytest.raises(SecondstoryError, match="no export format called 'pdf'"):
        render(demo, "pdf")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_an_incident_nobody_has_shared_to_yet_still_exports(fmt: str) -> None:
    text = render(merge([]), fmt)
    assert "No shared accounts yet." in text or json.loads(text)["timeline"] == []


# --- the facilitator's references, moment ids, controls, bare addresses ----------------------

_REF_ATTACK = "x` <script>alert(2)</script> [l](javascript:3) `y"


@pytest.mark.parametrize("render_md", RENDERERS)
def test_references_to_moments_no_longer_shared_are_never_shown_raw_nor_as_markup(
    render_md,
) -> None:  # type: ignore[no-untyped-def]
    notes = NarrativeNotes(
        incident="inc",
        links=[Link(moments=[f"{'a' * 32}/m1", _REF_ATTACK])],
        themes=[Theme(id="t", title="T", moments=[_REF_ATTACK])],
    )
    narrative = hostile("words", notes=notes)
    assert narrative.same_event[0].missing == (_REF_ATTACK,)
    assert narrative.dangling == (_REF_ATTACK,)
    page = _parsed(render_md(render(narrative, "md")))
    assert not {"script", "a"} & set(page.tags)
    shown = "".join(page.text)
    # readers see that something is gone, never the raw reference (it stays in the JSON)
    assert "1 linked moment no longer shared" in shown
    assert "1 moment named in the facilitator's notes is no longer shared" in shown
    assert "alert(2)" not in shown and "a" * 32 not in shown
    dangling = json.loads(render(narrative, "json"))["dangling"][0]
    assert f"{dangling['account']}/{dangling['moment']}" == _REF_ATTACK


@pytest.mark.parametrize("moment_id", ["__init__", "_a_", "a__b__c"])
def test_moment_ids_in_headings_and_assumptions_are_not_markup(moment_id: str) -> None:
    page = _parsed(_gfm(render(hostile("words", moment_id=moment_id), "md")))
    assert page.tags == _parsed(_gfm(render(hostile("words"), "md"))).tags
    shown = "".join(page.text)
    assert f"· words (words) · {moment_id}" in shown
    assert f"{moment_id}:" in shown


_CONTROLS = "\x1b[2J\x1b]8;;https://x.example\x07link\x1b]8;;\x07\x07\x9b31m\x00\x7f"
_BIDI = "\u202a\u202b\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
_UNSAFE = set("\x1b\x07\x9b\x00\x7f" + _BIDI)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_terminal_controls_and_bidi_overrides_never_reach_an_export(fmt: str) -> None:
    text = render(hostile(f"before{_CONTROLS}middle{_BIDI}after"), fmt)
    assert not _UNSAFE & set(text)
    if fmt != "json":
        assert "before\ufffd" in text and "middle\ufffd" in text


def test_json_keeps_controls_and_bidi_overrides_as_escapes_that_read_back_the_same() -> None:
    written = f"a{_CONTROLS}b{_BIDI}c\td\ne"
    text = render(hostile(written), "json")
    assert "\\u202e" in text and "\\u0085" not in text
    assert json.loads(text)["timeline"][0]["did"] == written


def test_tabs_and_line_breaks_keep_their_meaning_in_every_export() -> None:
    narrative = hostile("one\ttab\r\ntwo\u2028three")
    assert "one\ttab\\\n  two\\\n  three" in render(narrative, "md")
    assert "one\ttab\ntwo\nthree</span>" in render(narrative, "html")
    assert json.loads(render(narrative, "json"))["timeline"][0]["did"] == narrative.timeline[0].did


@pytest.mark.parametrize("render_md", RENDERERS)
@pytest.mark.parametrize(
    "text",
    [
        "see https://evil.example/login now",
        "HTTP://EVIL.EXAMPLE/x and ftp://files.example/a",
        "www.evil.example and WWW.Evil.example",
        "(www.evil.example) *https://a.example* _www.b.example_ ~https://c.example~",
        "https://www.evil.example/?q=1&r=2#frag",
        "a:https://evil.example and x.https://evil.example",
    ],
)
def test_bare_web_addresses_render_as_the_same_characters_and_never_as_links(
    render_md,  # type: ignore[no-untyped-def]
    text: str,
) -> None:
    page = _parsed(render_md(render(hostile(text), "md")))
    assert "a" not in page.tags
    assert text in "".join(page.text)


@pytest.mark.parametrize("render_md", RENDERERS)
def test_everything_escaped_renders_as_exactly_what_was_written(render_md) -> None:  # type: ignore[no-untyped-def]
    text = "*a* _b_ `c` [d](e) <f> &amp; | ~g~ @h $i$ \\j https://k.example www.l.example 1. #m"
    shown = "".join(_parsed(render_md(inline(text))).text).strip()
    assert shown == text


def test_moments_without_a_time_have_precision_none_and_unsure_ones_keep_theirs(
    demo: Narrative,
) -> None:
    data = json.loads(render(demo, "json"))
    precision = {(e["moment"], e["when"] is None): e["precision"] for e in data["timeline"]}
    assert precision[("m4", True)] == "none"
    assert precision[("m6", False)] == "unsure"
    assert {p for (_, untimed), p in precision.items() if untimed} == {"none"}
    markdown, page = render(demo, "md"), render(demo, "html")
    for text in (markdown, page):
        assert "precision none, placed by the order of the account" in text
        assert "precision unsure, placed by the order of the account" in text
