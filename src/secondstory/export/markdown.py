"""The narrative as a Markdown document that reads well and renders on common forges.

People's words are shown exactly, with every character Markdown or HTML would act on
escaped, so nothing anyone wrote can turn into a heading, markup or a link with words of
its own. Bare web addresses (`https://…`, `www.…`) get a backslash that keeps GFM renderers
from making them links; e-mail addresses are still linked by GitHub's renderer, and
renderers that link any bare domain name may link `example.com` (see docs/merge.md).
Terminal controls and bidi overrides become U+FFFD, so the file is safe to print too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from secondstory.export import labels
from secondstory.export import markdown_extras as extras
from secondstory.export.anonymize import anonymize as anonymized
from secondstory.export.textsafe import CONTROL_CLASS, printable
from secondstory.files.collector import collector_held
from secondstory.narrative.disagreements import differences
from secondstory.narrative.model import Entry, Narrative, SameEvent
from secondstory.narrative.sources import why_kept

_SPECIAL = "\\`*_[]<>|~&@$"
_ESCAPE = str.maketrans({c: "\\" + c for c in _SPECIAL})
_NEEDS_ESCAPE = re.compile(f"[{re.escape(_SPECIAL)}{CONTROL_CLASS}]")
# A scheme before "://" or a "www" before ".": a backslash after it (before ":" or ".", both
# escapable) is invisible once rendered but keeps GFM's autolinks from seeing an address.
_AUTOLINK = re.compile(r"(?i)(?<![a-z0-9])(?:[a-z][a-z0-9+.-]*(?=://)|www(?=\.))")
_ORDERED = re.compile(r"^(\d+)([.)])")
# A tilde before a digit with no letter or digit before it ("~5 min", "(~23:05") can open
# strikethrough but never close it, so it needs no backslash; every other tilde keeps one.
_OPENING_TILDE = re.compile(r"(?<![^\W_])\\~(?=[0-9])")
# An underscore between two letters or digits ("New_York") can neither open nor close
# emphasis in CommonMark, so it needs no backslash either.
_INNER_UNDERSCORE = re.compile(r"(?<=[^\W_])\\_(?=[^\W_])")


def inline(text: str) -> str:
    """One line of someone's text, safe anywhere in a Markdown line or table cell."""
    return _escape(" ".join(text.split()))


def _escape(text: str) -> str:
    # Most text has nothing to escape; finding that out is much faster than translating.
    if _NEEDS_ESCAPE.search(text):
        text = printable(text).translate(_ESCAPE)
        if "~" in text:
            text = _OPENING_TILDE.sub("~", text)
        if "_" in text:
            text = _INNER_UNDERSCORE.sub("_", text)
    if "://" in text or "www." in text.lower():
        text = _AUTOLINK.sub(r"\g<0>\\", text)
    return text


def block(text: str, indent: str = "  ") -> str:
    """Someone's text over several lines, line breaks kept, continuation lines indented."""
    text = text.strip()
    if "\n" not in text and "\r" not in text:
        return _line(text)
    lines = [_line(line.strip()) for line in text.splitlines()]
    out: list[str] = []
    for i, line in enumerate(lines):
        more = i + 1 < len(lines) and lines[i + 1] and line
        out.append((indent if i else "") + line + ("\\" if more else ""))
    return "\n".join(out)


def _line(line: str) -> str:
    escaped = _escape(line)
    if escaped[:1] in ("#", ">", "+", "=", "-"):
        return "\\" + escaped
    if escaped[:1].isdigit():
        return _ORDERED.sub(r"\1\\\2", escaped)
    return escaped


@collector_held()  # a line or a dict per moment: many objects, no cycles
def render(narrative: Narrative, *, anonymize: bool = False) -> str:
    """The whole narrative as Markdown."""
    if anonymize:
        narrative = anonymized(narrative)
    hidden = extras.hidden if anonymize else extras.nothing
    sections = [_head, hidden, _facts, _summary, _participants, _timeline, _evidence]
    more = [_concurrent, _same_event, _disagreements, _surprises, _assumptions, _themes]
    more += [_questions, _ideas, _follow_ups, _left_out]
    parts = ["\n".join(section(narrative)) for section in (*sections, *more)]
    return "\n\n".join(p for p in parts if p).rstrip() + "\n"


def _facts(n: Narrative) -> Iterator[str]:
    return extras.incident_facts(n, inline)


def _evidence(n: Narrative) -> Iterator[str]:
    return extras.evidence(n, inline, block)


def _head(n: Narrative) -> Iterator[str]:
    yield f"# {inline(n.title)}"
    yield ""
    facts = [f"Incident `{n.incident_id}`"]
    if n.incident and n.incident.facilitator.strip():
        facts.append(f"facilitated by {inline(n.incident.facilitator)}")
    facts.append(labels.merged_from(len(n.participants)))
    yield " · ".join(facts) + "."
    yield ""
    yield extras.exported_line()
    yield ""
    yield labels.TIMES_NOTE
    if n.incident and n.incident.description.strip():
        yield ""
        yield "> " + block(n.incident.description, indent="> ")


def _summary(n: Narrative) -> Iterator[str]:
    yield "## Summary"
    yield ""
    yield block(n.summary, indent="") if n.summary.strip() else "*No summary written yet.*"


def _participants(n: Narrative) -> Iterator[str]:
    yield "## Participants"
    yield ""
    roles = any(p.role for p in n.participants)
    yield "| Person |" + (" Role |" if roles else "") + " Time zone | Moments | Last updated |"
    yield "|---|" + ("---|" if roles else "") + "---|---|---|"
    for p in n.participants:
        cells = [inline(p.author)] + ([inline(p.role or "")] if roles else [])
        cells += [p.zone, str(p.moments), f"{p.updated:%Y-%m-%d %H:%M} UTC"]
        yield "| " + " | ".join(cells) + " |"


def _timeline(n: Narrative) -> Iterator[str]:
    yield "## Timeline"
    if not n.timeline:
        yield ""
        yield f"*{labels.EMPTY_TIMELINE}*"
    current_day = ""
    for entry in n.timeline:
        if entry.at is not None and (today := labels.day(entry.at)) != current_day:
            current_day = today
            yield ""
            yield f"### {current_day}"
        yield ""
        yield from _entry(n, entry)


def _entry(n: Narrative, entry: Entry) -> Iterator[str]:
    who = inline(entry.author) + (f" ({inline(entry.role)})" if entry.role else "")
    yield f"#### {inline(labels.when(entry))} · {who} · {inline(entry.moment)}"
    yield ""
    facts = [labels.precision(entry)]
    if entry.when is not None:
        facts.append("written " + inline(labels.written(entry)))
    if entry.at is None:
        facts.append(inline(labels.placement(n, entry)))
    if entry.group is not None:
        facts.append(f"at the same time as others: group {entry.group + 1}")
    facts += [_same_event_note(n.same_event[i]) for i in entry.same_event]
    yield "*" + " · ".join(facts) + "*"
    yield ""
    for name, label in labels.FIELDS:
        text = getattr(entry, name)
        if text.strip():
            yield f"- **{label}:** {block(text)}"


def _same_event_note(group: SameEvent) -> str:
    state = ", times disagree" if group.disagreement else ""
    return f"same event {group.id + 1} ({labels.same_event_source(group)}{state})"


def _concurrent(n: Narrative) -> Iterator[str]:
    if not n.concurrent:
        return
    yield "## Happening at the same time"
    yield ""
    yield labels.CONCURRENT_NOTE
    yield ""
    for g in n.concurrent:
        span = f"{labels.clock(g.start)}–{labels.clock(g.end)}"
        cited = ", ".join(inline(labels.cite(n, ref)) for ref in g.members)
        yield f"- **Group {g.id + 1}, {span}:** {cited}"


def _same_event(n: Narrative) -> Iterator[str]:
    if not n.same_event:
        return
    yield "## Same event, told more than once"
    for source, title in (
        ("confirmed", "Linked by the facilitator"),
        ("suggested", labels.SUGGESTED_TITLE),
    ):
        groups = [g for g in n.same_event if g.source == source]
        if groups:
            yield ""
            yield f"### {title}"
            yield ""
            yield from (_group_line(n, g) for g in groups)


def _group_line(n: Narrative, g: SameEvent) -> str:
    members = []
    for ref in g.members:
        entry = n.entry(ref)
        time = f" ({inline(labels.when(entry))})" if entry is not None else ""
        members.append(f"**{inline(labels.cite(n, ref))}**{time}")
    time_words = labels.same_event_time(g)
    line = f"- Same event {g.id + 1}: " + " and ".join(members) + " — "
    line += f"**{time_words}**" if g.disagreement else time_words
    if g.shared_words:
        line += " · shared words: " + ", ".join(inline(w) for w in g.shared_words)
    if g.note.strip():
        line += " · note: " + inline(g.note)
    if g.missing:
        line += " · " + labels.missing_note(len(g.missing))
    return line


def _surprises(n: Narrative) -> Iterator[str]:
    if not n.surprises:
        return
    yield "## Surprises"
    yield ""
    yield labels.SURPRISES_NOTE
    for s in n.surprises:
        yield ""
        yield f"- **{inline(labels.cite(n, s.ref))}**"
        yield f"  - **Expected:** {block(s.expected, indent='    ')}"
        yield f"  - **Observed:** {block(s.observed, indent='    ')}"


def _assumptions(n: Narrative) -> Iterator[str]:
    if not n.assumptions:
        return
    yield "## Assumptions, by person"
    lane = -1
    for a in n.assumptions:
        if a.lane != lane:
            lane = a.lane
            yield ""
            yield f"### {inline(a.author)}"
            yield ""
        why = f"\n  - **Why it made sense:** {block(a.why, indent='    ')}" if a.why.strip() else ""
        yield f"- **{inline(a.moment)}:** {block(a.assumed)}{why}"


def _themes(n: Narrative) -> Iterator[str]:
    if not n.themes:
        return
    yield "## Contributing conditions"
    for theme in n.themes:
        yield ""
        yield f"### {inline(theme.title)}"
        if theme.description.strip():
            yield ""
            yield block(theme.description, indent="")
        yield ""
        for ref in theme.moments:
            entry = n.entry(ref)
            words = f": {inline(labels.first_words(entry))}" if entry is not None else ""
            yield f"- {inline(labels.cite(n, ref))}{words}"


def _questions(n: Narrative) -> Iterator[str]:
    if not n.questions:
        return
    yield "## Open questions"
    yield ""
    for q in n.questions:
        state = " *(answered)*" if q.resolved else ""
        about = ", ".join(inline(labels.cite(n, ref)) for ref in q.moments)
        yield f"- {block(q.text)}{state}" + (f" — about {about}" if about else "")
        if q.answer.strip():
            by = f" *({inline(q.answered_by)})*" if q.answered_by.strip() else ""
            yield f"  - **Answer:** {block(q.answer, indent='    ')}{by}"


def _ideas(n: Narrative) -> Iterator[str]:
    if not n.ideas:
        return
    yield "## Closing reflections and ideas"
    lane = -1
    for idea in n.ideas:
        if idea.lane != lane:
            lane = idea.lane
            yield ""
            yield f"### {inline(idea.author)}"
            yield ""
        yield f"- **{labels.PARTS[idea.part]}:** {block(idea.text)}"


def _left_out(n: Narrative) -> Iterator[str]:
    if not (n.skipped or n.duplicates or n.dangling):
        return
    yield "## Left out of this narrative"
    yield ""
    for s in n.skipped:
        yield f"- {inline(s.path.name)} was skipped: {inline(s.reason)}"
    for d in n.duplicates:
        yield (
            f"- {inline(d.dropped.name)} holds the same account as {inline(d.kept.name)}, "
            f"{why_kept(d)}, so it was left out"
        )
    if n.dangling:
        yield f"- {labels.dangling_note(len(n.dangling))}"


def _disagreements(n: Narrative) -> Iterator[str]:
    found = differences(n)
    if not found:
        return
    yield "## Disagreements"
    yield ""
    yield labels.DISAGREEMENTS_NOTE
    for d in found:
        yield ""
        yield f"- {inline(d.what)} *({labels.DISAGREEMENT_STATES[d.state]})*"
        for entry in d.members:
            yield f"  - {inline(labels.cite(n, entry.ref))}: {inline(labels.first_words(entry))}"
        if d.note.strip():
            yield f"  - **Note:** {block(d.note, indent='    ')}"


def _follow_ups(n: Narrative) -> Iterator[str]:
    if not n.notes.follow_ups:
        return
    yield "## Follow-ups"
    yield ""
    for item in n.notes.follow_ups:
        details = []
        if item.owner.strip():
            details.append(f"owner: {inline(item.owner)}")
        if item.link.strip():
            details.append(f"link: {inline(item.link)}")
        idea = n.participant(item.source)
        if idea is not None:
            details.append(f"an idea from {inline(idea.author)}")
        extra = f" ({'; '.join(details)})" if details else ""
        yield f"- {block(item.text)}{extra}"
