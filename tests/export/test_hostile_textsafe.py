"""Pictures for control characters, and keeping a file's text exact through an edit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from secondstory.export.textsafe import CONTROL, carry_edit, pictured, typed

# Characters whose pictures all differ (one bidi control only: the others look the same).
ALPHABET = st.sampled_from(["a", "b", " ", "\n", "\t", "\x1b", "\x00", "\x07", "\u202e", "é"])


def test_every_control_character_has_a_visible_picture_of_one_character() -> None:
    for code in range(0x110000):
        if CONTROL.match(chr(code)):
            shown = pictured(chr(code))
            assert len(shown) == 1 and not CONTROL.match(shown), hex(code)
    assert pictured("\x1b]0;x\x07\x00") == "␛]0;x␇␀"
    assert pictured("tab\tand\nnewline") == "tab\tand\nnewline"


def test_typed_text_keeps_its_line_breaks_as_newlines() -> None:
    assert typed("one\r\ntwo\rthree\x1b") == "one\ntwo\nthree␛"


@given(
    st.lists(ALPHABET, max_size=30).map("".join),
    st.integers(0, 30),
    st.integers(0, 30),
    st.lists(st.sampled_from(["a", "b", "\n"]), max_size=5).map("".join),
)
def test_an_edit_keeps_everything_it_did_not_reach_exactly(
    stored: str, i: int, j: int, new: str
) -> None:
    i, j = sorted((min(i, len(stored)), min(j, len(stored))))
    before = pictured(stored)
    after = before[:i] + new + before[j:]
    assert carry_edit(stored, before, after) == stored[:i] + new + stored[j:]


@given(st.text(max_size=40), st.text(max_size=40))
def test_what_is_kept_always_looks_like_what_is_shown(stored: str, after: str) -> None:
    after = pictured(after)
    assert pictured(carry_edit(stored, pictured(stored), after)) == after
