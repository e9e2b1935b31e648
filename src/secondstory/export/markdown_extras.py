"""Markdown sections around the timeline: incident facts, evidence lanes, what was hidden.

The escaping functions come from `markdown` as arguments, so the two never import each
other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from secondstory.export import facts
from secondstory.narrative.model import Narrative

Escape = Callable[[str], str]


def exported_line() -> str:
    """When and with which version the document was made."""
    return f"*{facts.exported_line()}*"


def nothing(_n: Narrative) -> Iterator[str]:
    """No section."""
    yield from ()


def hidden(_n: Narrative) -> Iterator[str]:
    """What an anonymised copy leaves out, said at the top."""
    yield f"> {facts.HIDDEN_NOTE}"


def incident_facts(n: Narrative, _inline: Escape) -> Iterator[str]:
    """The incident facts as a short list, when incident.toml has any."""
    rows = facts.incident_facts(n)
    if not rows:
        return
    yield "## The incident in brief"
    yield ""
    for label, words in rows:
        yield f"- **{label}:** {_inline(words)}"


def evidence(n: Narrative, _inline: Escape, _block: Escape) -> Iterator[str]:
    """Each evidence lane under its name, clearly apart from the accounts."""
    if not n.evidence:
        return
    yield f"## {facts.EVIDENCE_TITLE}"
    yield ""
    yield f"*{facts.EVIDENCE_NOTE}*"
    for lane in n.evidence:
        yield ""
        yield f"### {_inline(facts.lane_title(lane))}"
        yield ""
        yield f"*{_inline(facts.lane_origin(lane))}*"
        yield ""
        for entry in lane.entries:
            who = f" · {_inline(entry.who)}" if entry.who.strip() else ""
            text = _block(entry.text) if entry.text.strip() else ""
            yield f"- **{facts.entry_clock(entry)}**{who}: {text}".rstrip(": ")
