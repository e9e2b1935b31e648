"""HTML sections around the timeline: contents, incident facts, the picture, evidence.

Text is escaped here with the same rules as `html` (html.escape after textsafe); the
sections and `with_contents` are called by `html.render`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence

from secondstory.export import facts, swimlane
from secondstory.export.textsafe import printable_lines
from secondstory.narrative.model import Narrative

CSS = """
nav.contents { font-size: .9rem; border: 1px solid #d0d7de; padding: .4rem 1rem; margin: 1rem 0; }
nav.contents ol { margin: .2rem 0; padding-left: 1.4rem; columns: 2 14rem; }
h2 a.anchor { color: #8c959f; text-decoration: none; font-weight: 400; margin-left: .4rem; }
.swimlane-box { overflow-x: auto; margin: .8rem 0; }
svg.swimlane { width: 100%; min-width: 640px; height: auto; display: block; }
.evidence-lane { border-left: 4px dotted #57606a; padding: .2rem .8rem; margin: .8rem 0; }
.evidence-lane ul { padding-left: 1.2rem; }
dl.facts-list { display: grid; grid-template-columns: 11rem 1fr; gap: .2rem .8rem; }
.table-box { overflow-x: auto; }
.hidden-note { background: #f6f8fa; border-left: 4px solid #57606a; padding: .4rem .8rem; }
@media (max-width: 40rem) { .entry dl, dl.facts-list { grid-template-columns: 1fr; } }
@media print { nav.contents, h2 a.anchor { display: none; }
               .swimlane-box { overflow: visible; } svg.swimlane { min-width: 0; } }
"""
_H2 = re.compile(r"<h2>(.*?)</h2>")


def _e(text: str) -> str:
    return html.escape(printable_lines(text), quote=True)


def slug(title: str) -> str:
    """A heading's anchor: "Same event, told more than once" -> "same-event-told-more-than-once"."""
    return re.sub(r"[^a-z0-9]+", "-", html.unescape(title).lower()).strip("-") or "section"


def with_contents(lines: Sequence[str]) -> tuple[list[str], list[str]]:
    """The lines with an anchor on every <h2>, and a table of contents listing them."""
    seen: set[str] = set()
    entries: list[str] = []

    def anchor(match: re.Match[str]) -> str:
        title = match.group(1)
        name = slug(title)
        while name in seen:
            name += "-more"
        seen.add(name)
        entries.append(f'<li><a href="#{name}">{title}</a></li>')
        mark = f'<a class="anchor" href="#{name}" aria-label="Link to this section">#</a>'
        return f'<h2 id="{name}">{title}{mark}</h2>'

    anchored = [_H2.sub(anchor, line) for line in lines]
    if not entries:
        return anchored, []
    nav = ['<nav class="contents" aria-label="Contents"><strong>Contents</strong><ol>']
    return anchored, [*nav, *entries, "</ol></nav>"]


def exported(anonymized: bool) -> Iterator[str]:
    """When and with which version; what an anonymised copy hides."""
    yield f'<p class="meta">{_e(facts.exported_line())}</p>'
    if anonymized:
        yield f'<p class="hidden-note">{_e(facts.HIDDEN_NOTE)}</p>'


def incident_facts(n: Narrative) -> Iterator[str]:
    """The incident facts as a short definition list."""
    rows = facts.incident_facts(n)
    if not rows:
        return
    yield "<h2>The incident in brief</h2>"
    yield '<dl class="facts-list">'
    for label, words in rows:
        yield f"<dt>{_e(label)}</dt><dd>{_e(words)}</dd>"
    yield "</dl>"


def picture(n: Narrative, colours: Sequence[str]) -> Iterator[str]:
    """The swimlane picture, when anything has a time."""
    drawing = swimlane.svg(n, colours)
    if not drawing:
        return
    yield "<h2>The timeline as a picture</h2>"
    untimed = sum(1 for entry in n.timeline if entry.at is None)
    note = "Each dot is a moment at its time in UTC; its bar shows how sure its author was."
    if untimed:
        note += f" {untimed} moment{'' if untimed == 1 else 's'} without a time are in the list."
    yield f'<figure class="swimlane-box">{drawing}<figcaption class="meta">{_e(note)}'
    yield "</figcaption></figure>"


def evidence(n: Narrative) -> Iterator[str]:
    """Each evidence lane, clearly apart from the accounts."""
    if not n.evidence:
        return
    yield f"<h2>{_e(facts.EVIDENCE_TITLE)}</h2>"
    yield f"<p><em>{_e(facts.EVIDENCE_NOTE)}</em></p>"
    for lane in n.evidence:
        yield f'<section class="evidence-lane" id="evidence-{_e(lane.name)}">'
        yield f"<h3>{_e(facts.lane_title(lane))}</h3>"
        yield f'<p class="facts">{_e(facts.lane_origin(lane))}</p><ul>'
        for entry in lane.entries:
            who = f" · {_e(entry.who)}" if entry.who.strip() else ""
            text = f': <span class="text">{_e(entry.text.strip())}</span>' if entry.text else ""
            yield f"<li><strong>{facts.entry_clock(entry)}</strong>{who}{text}</li>"
        yield "</ul></section>"
