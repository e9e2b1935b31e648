"""The timeline as a picture: one inline SVG swimlane for the HTML export.

A lane per person and per evidence source; each timed moment is a dot at its instant with
a bar for its window (how sure its author was); evidence entries are small diamonds; lines
join moments told as the same event, dashed while not yet confirmed and red where their
times disagree. Every mark has a <title> (what a pointer or a screen reader gets) and links
to the moment in the list below. No script, no external reference; all text is escaped.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from secondstory.export import facts, labels
from secondstory.export.textsafe import printable
from secondstory.narrative.model import Narrative

WIDTH = 1000
LEFT = 215
RIGHT = 24
ROW = 34
TOP = 34
DISAGREE = "#a40e26"
EVIDENCE = "#57606a"
_STEPS = [timedelta(minutes=m) for m in (1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440)]


def _e(text: str) -> str:
    return html.escape(printable(" ".join(text.split())), quote=True)


@dataclass(frozen=True)
class Scale:
    """Instants to x positions across the plot."""

    start: datetime
    end: datetime

    def x(self, at: datetime) -> float:
        """The x of an instant."""
        span = (self.end - self.start).total_seconds() or 1.0
        return LEFT + (WIDTH - LEFT - RIGHT) * (at - self.start).total_seconds() / span


def svg(n: Narrative, colours: Sequence[str]) -> str:
    """The swimlane as one <svg> element, or "" when nothing has a time."""
    scale = _scale(n)
    if scale is None:
        return ""
    names = [p.author for p in n.participants] + [f"{x.name} (evidence)" for x in n.evidence]
    height = TOP + ROW * len(names) + 30
    title = "Timeline picture: one lane per person and per evidence source, times in UTC"
    parts = [
        f'<svg class="swimlane" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="swimlane-title" font-family="system-ui, sans-serif" font-size="13">',
        f'<title id="swimlane-title">{title}</title>',
    ]
    parts += list(_lanes(names, colours, height))
    parts += list(_axis(scale, height))
    parts += list(_links(n, scale))
    parts += list(_moments(n, scale, colours))
    parts += list(_evidence(n, scale, len(n.participants)))
    parts.append("</svg>")
    return "\n".join(parts)


def _scale(n: Narrative) -> Scale | None:
    instants = [t for e in n.timeline if e.window is not None for t in e.window]
    instants += [entry.at.astimezone(UTC) for lane in n.evidence for entry in lane.entries]
    if not instants:
        return None
    start, end = min(instants), max(instants)
    pad = max((end - start) / 40, timedelta(minutes=1))
    return Scale(start - pad, end + pad)


def _mid(lane: int) -> float:
    return TOP + ROW * lane + ROW / 2


def _lanes(names: list[str], colours: Sequence[str], height: int) -> Iterator[str]:
    for lane, name in enumerate(names):
        y = _mid(lane)
        fill = "#f6f8fa" if lane % 2 == 0 else "#ffffff"
        yield f'<rect x="0" y="{y - ROW / 2:.1f}" width="{WIDTH}" height="{ROW}" fill="{fill}"/>'
        short = name if len(name) <= 28 else name[:27] + "…"
        yield f'<text x="8" y="{y + 4:.1f}" fill="#1f2328">{_e(short)}</text>'
    yield f'<line x1="{LEFT - 6}" y1="{TOP}" x2="{LEFT - 6}" y2="{height - 30}" stroke="#d0d7de"/>'


def _axis(scale: Scale, height: int) -> Iterator[str]:
    span = scale.end - scale.start
    step = next((s for s in _STEPS if span / s <= 8), _STEPS[-1])
    tick = datetime.fromtimestamp(
        -(-scale.start.timestamp() // step.total_seconds()) * step.total_seconds(), UTC
    )
    bottom = height - 30
    while tick <= scale.end:
        x = scale.x(tick)
        yield f'<line x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" y2="{bottom}" stroke="#d0d7de"/>'
        label = f'x="{x:.1f}" y="{TOP - 10}" text-anchor="middle" fill="#57606a"'
        shown = f"{tick:%d %b}" if step >= _STEPS[-1] else f"{tick:%H:%M}"
        yield f"<text {label}>{shown}</text>"
        tick += step
    yield f'<text x="8" y="{TOP - 10}" fill="#57606a">UTC</text>'
    yield from _legend(bottom + 20)


def _legend(y: float) -> Iterator[str]:
    yield f'<circle cx="{LEFT}" cy="{y - 4}" r="5" fill="#1f2328"/>'
    yield f'<text x="{LEFT + 10}" y="{y}">moment, bar = how sure</text>'
    yield _diamond(LEFT + 200, y - 4, EVIDENCE, "")
    yield f'<text x="{LEFT + 210}" y="{y}">evidence, not an account</text>'
    yield _key_line(LEFT + 400, y - 4, "#1f2328")
    yield f'<text x="{LEFT + 436}" y="{y}">same event</text>'
    yield _key_line(LEFT + 540, y - 4, DISAGREE)
    yield f'<text x="{LEFT + 576}" y="{y}" fill="{DISAGREE}">times disagree</text>'


def _key_line(x: float, y: float, colour: str) -> str:
    return f'<line x1="{x}" y1="{y}" x2="{x + 30}" y2="{y}" stroke="{colour}" stroke-width="2"/>'


def _moments(n: Narrative, scale: Scale, colours: Sequence[str]) -> Iterator[str]:
    for entry in n.timeline:
        if entry.at is None or entry.window is None:
            continue
        y = _mid(entry.lane)
        colour = colours[entry.lane % len(colours)]
        low, high = (scale.x(t) for t in entry.window)
        tip = f"{labels.when(entry)} · {entry.author} · {entry.moment}: {labels.first_words(entry)}"
        yield f'<a href="#{_e(labels.anchor(entry))}"><title>{_e(tip)}</title>'
        yield (
            f'<line x1="{low:.1f}" y1="{y:.1f}" x2="{max(high, low + 2):.1f}" y2="{y:.1f}" '
            f'stroke="{colour}" stroke-opacity=".35" stroke-width="8" stroke-linecap="round"/>'
        )
        hollow = entry.precision == "about"
        fill = "#ffffff" if hollow else colour
        yield (
            f'<circle cx="{scale.x(entry.at):.1f}" cy="{y:.1f}" r="5" fill="{fill}" '
            f'stroke="{colour}" stroke-width="2"/></a>'
        )


def _links(n: Narrative, scale: Scale) -> Iterator[str]:
    for group in n.same_event:
        timed = [e for ref in group.members if (e := n.entry(ref)) is not None and e.at]
        colour = DISAGREE if group.disagreement else "#1f2328"
        dash = "" if group.source == "confirmed" else ' stroke-dasharray="5 4"'
        state = "times disagree" if group.disagreement else "times agree"
        for a, b in itertools.pairwise(timed):
            assert a.at is not None and b.at is not None
            tip = f"Same event {group.id + 1} ({labels.same_event_source(group)}): {state}"
            yield (
                f'<line x1="{scale.x(a.at):.1f}" y1="{_mid(a.lane):.1f}" x2="{scale.x(b.at):.1f}" '
                f'y2="{_mid(b.lane):.1f}" stroke="{colour}" stroke-width="2"{dash}>'
                f"<title>{_e(tip)}</title></line>"
            )


def _evidence(n: Narrative, scale: Scale, first_lane: int) -> Iterator[str]:
    for offset, lane in enumerate(n.evidence):
        y = _mid(first_lane + offset)
        for entry in lane.entries:
            who = f"{entry.who}: " if entry.who.strip() else ""
            tip = f"{facts.entry_clock(entry)} · {lane.name} (evidence) · {who}{entry.text}"
            yield _diamond(scale.x(entry.at.astimezone(UTC)), y, EVIDENCE, tip[:300])


def _diamond(x: float, y: float, colour: str, tip: str) -> str:
    points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}"
    title = f"<title>{_e(tip)}</title>" if tip else ""
    return f'<polygon points="{points}" fill="{colour}">{title}</polygon>'
