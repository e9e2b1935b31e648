"""The narrative as one self-contained HTML file: inline CSS, no scripts, nothing fetched.

Every piece of text that came from a person goes through `html.escape`, and keeps its
line breaks through CSS rather than markup, so it is shown exactly as written. Terminal
controls and bidi overrides become U+FFFD, so the file is also safe to print in a terminal.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from secondstory.export import html_extras as extras
from secondstory.export import labels
from secondstory.export.anonymize import anonymize as anonymized
from secondstory.export.textsafe import CONTROL_CLASS, printable_lines
from secondstory.files.collector import collector_held
from secondstory.narrative.disagreements import differences
from secondstory.narrative.model import Entry, Narrative, SameEvent
from secondstory.narrative.sources import why_kept

_SPECIAL = re.compile(f"[&<>\"'{CONTROL_CLASS}]")
LANE_COLOURS = ("#1f6feb", "#b35900", "#1a7f37", "#8250df", "#bf3989", "#0a7a8a", "#6e7781")
"""Lane colours that stay distinct in greyscale print when paired with the lane's name."""

CSS = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328;
       max-width: 56rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { margin-bottom: .3rem; }
.meta, .facts { color: #57606a; font-size: .9rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; border-bottom: 1px solid #d0d7de; padding: .3rem .5rem; }
ol.timeline { list-style: none; padding: 0; }
.entry { border-left: 4px solid var(--lane); padding: .3rem .8rem; margin: .8rem 0;
         break-inside: avoid; }
.entry h4 { margin: 0; font-size: 1rem; }
.entry dl { display: grid; grid-template-columns: 10rem 1fr; gap: .2rem .8rem; margin: .4rem 0; }
dt { font-weight: 600; }
dd { margin: 0 0 .3rem 0; }
.untimed { border-left-style: dashed; }
.disagree { color: #a40e26; font-weight: 600; }
.day { margin-top: 1.5rem; }
code { font-size: .85rem; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; }
               h2 { break-after: avoid; } }
"""


def e(text: str) -> str:
    """Text made safe for HTML content and attribute values."""
    # Most text has nothing to escape; finding that out is faster than five replacements.
    return html.escape(printable_lines(text), quote=True) if _SPECIAL.search(text) else text


@collector_held()  # a line or a dict per moment: many objects, no cycles
def render(narrative: Narrative, *, anonymize: bool = False) -> str:
    """The whole narrative as one HTML document."""
    if anonymize:
        narrative = anonymized(narrative)
    n = narrative
    body = [extras.incident_facts, _summary, _participants, _picture, _timeline, extras.evidence]
    body += [_concurrent, _same_event, _disagreements, _surprises, _assumptions, _themes]
    body += [_questions, _ideas, _follow_ups, _left_out]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(n.title)}</title>",
        f"<style>{CSS}{extras.CSS}{_lane_css(n)}</style>",
        "</head>",
        "<body>",
    ]
    parts.extend(_head(n))
    parts.extend(extras.exported(anonymize))
    sections = [line for section in body for line in section(n)]
    anchored, contents = extras.with_contents(sections)
    parts += contents + anchored
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _picture(n: Narrative) -> Iterator[str]:
    return extras.picture(n, LANE_COLOURS)


def _lane_css(n: Narrative) -> str:
    count = min(len(n.participants), len(LANE_COLOURS))
    return "".join(f".lane-{i} {{ --lane: {LANE_COLOURS[i]}; }}\n" for i in range(count))


def _lane(lane: int) -> str:
    return f"lane-{lane % len(LANE_COLOURS)}"


def _cite(n: Narrative, ref: str) -> str:
    if (entry := n.entry(ref)) is None:
        return e(labels.NOT_SHARED)
    return f'<a href="#{e(labels.anchor(entry))}">{e(labels.cite(n, ref))}</a>'


def _text(text: str) -> str:
    return f'<span class="text">{e(text.strip())}</span>'


def _head(n: Narrative) -> Iterator[str]:
    yield f"<h1>{e(n.title)}</h1>"
    facts = [f"Incident <code>{e(n.incident_id)}</code>"]
    if n.incident and n.incident.facilitator.strip():
        facts.append(f"facilitated by {e(n.incident.facilitator)}")
    facts.append(labels.merged_from(len(n.participants)))
    yield f'<p class="meta">{" · ".join(facts)}.</p>'
    yield f'<p class="meta">{labels.TIMES_NOTE}</p>'
    if n.incident and n.incident.description.strip():
        yield f"<blockquote>{_text(n.incident.description)}</blockquote>"


def _summary(n: Narrative) -> Iterator[str]:
    yield "<h2>Summary</h2>"
    summary = _text(n.summary) if n.summary.strip() else "<em>No summary written yet.</em>"
    yield f"<p>{summary}</p>"


def _participants(n: Narrative) -> Iterator[str]:
    yield "<h2>Participants</h2>"
    roles = any(p.role for p in n.participants)
    role = "<th>Role</th>" if roles else ""
    yield f'<div class="table-box"><table><thead><tr><th>Person</th>{role}<th>Time zone</th>'
    yield "<th>Moments</th><th>Last updated</th></tr></thead><tbody>"
    for p in n.participants:
        cells = [e(p.author)] + ([e(p.role or "")] if roles else [])
        cells += [e(p.zone), str(p.moments), f"{p.updated:%Y-%m-%d %H:%M} UTC"]
        row = "".join(f"<td>{c}</td>" for c in cells)
        yield f'<tr class="{_lane(p.lane)}">{row}</tr>'
    yield "</tbody></table></div>"


def _timeline(n: Narrative) -> Iterator[str]:
    yield "<h2>Timeline</h2>"
    if not n.timeline:
        yield f"<p><em>{labels.EMPTY_TIMELINE}</em></p>"
    yield '<ol class="timeline">'
    current_day = ""
    for entry in n.timeline:
        if entry.at is not None and (today := labels.day(entry.at)) != current_day:
            current_day = today
            yield f'<li class="day"><h3>{e(current_day)}</h3></li>'
        yield from _entry(n, entry)
    yield "</ol>"


def _entry(n: Narrative, entry: Entry) -> Iterator[str]:
    kind = "" if entry.at is not None else " untimed"
    yield f'<li class="entry {_lane(entry.lane)}{kind}" id="{e(labels.anchor(entry))}">'
    who = e(entry.author) + (f" ({e(entry.role)})" if entry.role else "")
    yield f"<h4>{e(labels.when(entry))} · {who} · {e(entry.moment)}</h4>"
    facts = [e(labels.precision(entry))]
    if entry.when is not None:
        facts.append("written " + e(labels.written(entry)))
    if entry.at is None:
        after = labels.placement(n, entry)
        facts.append(e(after))
    if entry.group is not None:
        facts.append(f"at the same time as others: group {entry.group + 1}")
    facts += [_same_event_note(n.same_event[i]) for i in entry.same_event]
    yield f'<p class="facts">{" · ".join(facts)}</p>'
    yield "<dl>"
    for name, label in labels.FIELDS:
        text = getattr(entry, name)
        if text.strip():
            yield f"<dt>{label}</dt><dd>{_text(text)}</dd>"
    yield "</dl></li>"


def _same_event_note(group: SameEvent) -> str:
    label = f"same event {group.id + 1} ({labels.same_event_source(group)})"
    if group.disagreement:
        return f'{label} <span class="disagree">times disagree</span>'
    return label


def _concurrent(n: Narrative) -> Iterator[str]:
    if not n.concurrent:
        return
    yield "<h2>Happening at the same time</h2>"
    yield f"<p>{labels.CONCURRENT_NOTE}</p>"
    yield "<ul>"
    for g in n.concurrent:
        span = f"{labels.clock(g.start)}–{labels.clock(g.end)}"
        cited = ", ".join(_cite(n, ref) for ref in g.members)
        yield f"<li><strong>Group {g.id + 1}, {span}:</strong> {cited}</li>"
    yield "</ul>"


def _same_event(n: Narrative) -> Iterator[str]:
    if not n.same_event:
        return
    yield "<h2>Same event, told more than once</h2>"
    for source, title in (
        ("confirmed", "Linked by the facilitator"),
        ("suggested", labels.SUGGESTED_TITLE),
    ):
        groups = [g for g in n.same_event if g.source == source]
        if groups:
            yield f"<h3>{title}</h3><ul>"
            yield from (_group_item(n, g) for g in groups)
            yield "</ul>"


def _group_item(n: Narrative, g: SameEvent) -> str:
    members = []
    for ref in g.members:
        entry = n.entry(ref)
        time = f" ({e(labels.when(entry))})" if entry is not None else ""
        members.append(f"<strong>{_cite(n, ref)}</strong>{time}")
    words = e(labels.same_event_time(g))
    item = f"<li>Same event {g.id + 1}: " + " and ".join(members) + " — "
    item += f'<span class="disagree">{words}</span>' if g.disagreement else words
    if g.shared_words:
        item += " · shared words: " + e(", ".join(g.shared_words))
    if g.note.strip():
        item += f" · note: {_text(g.note)}"
    if g.missing:
        item += " · " + labels.missing_note(len(g.missing))
    return item + "</li>"


def _surprises(n: Narrative) -> Iterator[str]:
    if not n.surprises:
        return
    yield "<h2>Surprises</h2>"
    yield f"<p>{labels.SURPRISES_NOTE}</p>"
    yield "<ul>"
    for s in n.surprises:
        yield (
            f"<li><strong>{_cite(n, s.ref)}</strong><dl>"
            f"<dt>Expected</dt><dd>{_text(s.expected)}</dd>"
            f"<dt>Observed</dt><dd>{_text(s.observed)}</dd></dl></li>"
        )
    yield "</ul>"


def _assumptions(n: Narrative) -> Iterator[str]:
    if not n.assumptions:
        return
    yield "<h2>Assumptions, by person</h2>"
    lane = -1
    for a in n.assumptions:
        if a.lane != lane:
            yield ("</ul>" if lane >= 0 else "") + f"<h3>{e(a.author)}</h3><ul>"
            lane = a.lane
        why = f"<br><em>Why it made sense:</em> {_text(a.why)}" if a.why.strip() else ""
        yield f"<li><strong>{_cite(n, a.ref)}:</strong> {_text(a.assumed)}{why}</li>"
    yield "</ul>"


def _themes(n: Narrative) -> Iterator[str]:
    if not n.themes:
        return
    yield "<h2>Contributing conditions</h2>"
    for theme in n.themes:
        yield f"<h3>{e(theme.title)}</h3>"
        if theme.description.strip():
            yield f"<p>{_text(theme.description)}</p>"
        yield "<ul>"
        for ref in theme.moments:
            entry = n.entry(ref)
            words = f": {e(labels.first_words(entry))}" if entry is not None else ""
            yield f"<li>{_cite(n, ref)}{words}</li>"
        yield "</ul>"


def _questions(n: Narrative) -> Iterator[str]:
    if not n.questions:
        return
    yield "<h2>Open questions</h2><ul>"
    for q in n.questions:
        state = " <em>(answered)</em>" if q.resolved else ""
        about = ", ".join(_cite(n, ref) for ref in q.moments)
        yield f"<li>{_text(q.text)}{state}" + (f" — about {about}" if about else "")
        if q.answer.strip():
            by = f" <em>({e(q.answered_by)})</em>" if q.answered_by.strip() else ""
            yield f"<br><strong>Answer:</strong> {_text(q.answer)}{by}"
        yield "</li>"
    yield "</ul>"


def _ideas(n: Narrative) -> Iterator[str]:
    if not n.ideas:
        return
    yield "<h2>Closing reflections and ideas</h2>"
    lane = -1
    for idea in n.ideas:
        if idea.lane != lane:
            yield ("</dl>" if lane >= 0 else "") + f"<h3>{e(idea.author)}</h3><dl>"
            lane = idea.lane
        yield f"<dt>{labels.PARTS[idea.part]}</dt><dd>{_text(idea.text)}</dd>"
    yield "</dl>"


def _left_out(n: Narrative) -> Iterator[str]:
    if not (n.skipped or n.duplicates or n.dangling):
        return
    yield "<h2>Left out of this narrative</h2><ul>"
    for s in n.skipped:
        yield f"<li><code>{e(s.path.name)}</code> was skipped: {e(s.reason)}</li>"
    for d in n.duplicates:
        yield (
            f"<li><code>{e(d.dropped.name)}</code> holds the same account as "
            f"<code>{e(d.kept.name)}</code>, {why_kept(d)}, so it was left out</li>"
        )
    if n.dangling:
        yield f"<li>{labels.dangling_note(len(n.dangling))}</li>"
    yield "</ul>"


def _disagreements(n: Narrative) -> Iterator[str]:
    found = differences(n)
    if not found:
        return
    yield "<h2>Disagreements</h2>"
    yield f"<p>{labels.DISAGREEMENTS_NOTE}</p><ul>"
    for d in found:
        yield f"<li>{e(d.what)} <em>({labels.DISAGREEMENT_STATES[d.state]})</em><ul>"
        for entry in d.members:
            yield f"<li>{_cite(n, entry.ref)}: {e(labels.first_words(entry))}</li>"
        if d.note.strip():
            yield f"<li><strong>Note:</strong> {_text(d.note)}</li>"
        yield "</ul></li>"
    yield "</ul>"


def _follow_ups(n: Narrative) -> Iterator[str]:
    if not n.notes.follow_ups:
        return
    yield "<h2>Follow-ups</h2><ul>"
    for item in n.notes.follow_ups:
        details = []
        if item.owner.strip():
            details.append(f"owner: {e(item.owner)}")
        if item.link.strip():
            details.append(f"link: <code>{e(item.link)}</code>")
        idea = n.participant(item.source)
        if idea is not None:
            details.append(f"an idea from {e(idea.author)}")
        extra = f" ({'; '.join(details)})" if details else ""
        yield f"<li>{_text(item.text)}{extra}</li>"
    yield "</ul>"
