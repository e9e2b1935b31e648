"""An account as readable prose, for the review step. Pure data, no styling."""

from __future__ import annotations

from dataclasses import dataclass

from secondstory.files.model import Account, Moment
from secondstory.times.parse import Reading, describe

MOMENT_HEADINGS: dict[str, str] = {
    "did": "What I did",
    "observed": "What I noticed",
    "expected": "What I expected",
    "assumed": "What I took to be true",
    "why": "What made it make sense then",
}
CLOSING_HEADINGS: dict[str, str] = {
    "surprised": "What surprised me",
    "helped": "What helped",
    "hindered": "What got in the way",
    "ideas": "Ideas I have",
}


@dataclass(frozen=True)
class Paragraph:
    """One answer under its heading."""

    heading: str
    text: str


@dataclass(frozen=True)
class Section:
    """A moment, or the closing part, ready to show."""

    title: str
    subtitle: str
    paragraphs: tuple[Paragraph, ...]
    moment: str | None = None


def when_line(moment: Moment, zone: str) -> str:
    """How a moment's time reads back to the person."""
    if moment.when is None:
        if moment.when_text:
            return f"Time as you wrote it: {moment.when_text}"
        return "No time given"
    return describe(Reading(moment.when, moment.when_precision), zone)


def account_sections(account: Account) -> list[Section]:
    """The whole account in the person's order, closing last."""
    sections = [
        Section(
            title=f"Moment {number}",
            subtitle=when_line(moment, account.timezone),
            paragraphs=_paragraphs(moment, MOMENT_HEADINGS),
            moment=moment.id,
        )
        for number, moment in enumerate(account.moments, start=1)
    ]
    closing = _paragraphs(account.closing, CLOSING_HEADINGS)
    if closing:
        sections.append(Section("Looking back", "", closing))
    return sections


def _paragraphs(source: object, headings: dict[str, str]) -> tuple[Paragraph, ...]:
    return tuple(
        Paragraph(heading, text.strip())
        for name, heading in headings.items()
        if (text := getattr(source, name)).strip()
    )


def byline(account: Account) -> str:
    """Who wrote it, as they chose to be named."""
    name = account.author.strip() or "(no name yet)"
    role = f", {account.role}" if account.role else ""
    return f"{name}{role} · times in {account.timezone}"
