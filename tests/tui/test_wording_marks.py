"""The facilitator's wording marks, headless: styles over the words, never new characters."""

from __future__ import annotations

from secondstory.language import default_rules
from secondstory.narrative.model import Entry
from secondstory.tui.widgets.wording import MARK, listing, marked, places_in


def entry_with(**answers: str) -> Entry:
    """A moment of Kim's with these answers and no time."""
    fields = {name: answers.get(name, "") for name in ("did", "observed", "expected")}
    fields |= {name: answers.get(name, "") for name in ("assumed", "why")}
    return Entry(
        ref="a/m1", account="a", moment="m1", author="Kim", role=None, zone="UTC",
        when=None, when_text=None, precision="unsure", at=None, window=None,
        lane=0, position=0, index=0, **fields,
    )  # fmt: skip


def test_marks_are_styles_over_the_words_as_written_even_after_controls() -> None:
    words = "The \x1b[2J page \u202e came. I should have checked the replica."
    entry = entry_with(observed=words)
    places = places_in(entry, default_rules())
    assert [p.finding.text for p in places] == ["should have checked"]
    text = marked(words, "observed", places)
    assert len(text.plain) == len(words)  # one character shown for each one written
    assert "\x1b" not in text.plain and "\u202e" not in text.plain
    (span,) = [s for s in text.spans if str(s.style) == MARK]
    assert text.plain[span.start : span.end] == "should have checked"
    assert marked(words, "did", places).spans == []  # marks stay in their own answer


def test_the_list_names_each_place_its_answer_and_its_question() -> None:
    entry = entry_with(did="It was careless.", why="In hindsight we paged the wrong team.")
    places = places_in(entry, default_rules())
    plain = listing(places).plain
    assert "“careless” in Did · judgement" in plain
    assert "“In hindsight” in Why it made sense · hindsight" in plain
    for place in places:
        assert place.finding.reframe in plain
