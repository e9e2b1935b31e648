"""Naming the key and line of a problem in a hand-written TOML file."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError

from secondstory.files.tomlerrors import dotted, explain, known_keys, line_of

TEXT = '''\
title = "x"
text = """
a line with = in it
[not.a.table]
"""

[table]
key = 1
inline.dotted = 2

[[table.items]]
name = "first"

[[table.items]]
name = "second"
'''


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: int
    items: list[Item]


class Root(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    table: Table


@pytest.mark.parametrize(
    ("loc", "line"),
    [
        (("title",), 1),
        (("table",), 7),  # the table's header
        (("table", "key"), 8),
        (("table", "inline", "dotted"), 9),  # a dotted key
        (("table", "items", 1, "name"), 15),  # the second of an array of tables
        (("table", "absent"), 7),  # a missing key: its table
        (("not", "a", "table"), None),  # inside a multi-line string, not a header
    ],
)
def test_a_key_is_found_on_its_line(loc: tuple[str | int, ...], line: int | None) -> None:
    assert line_of(TEXT, loc) == line


def test_list_positions_are_counted_from_one_for_people() -> None:
    assert dotted(("table", "items", 0, "name")) == "table.items[1].name"
    assert dotted(()) == "the file"


def test_the_known_keys_are_those_of_the_table_the_key_is_in() -> None:
    assert known_keys(Root, ("table", "items", 0, "nmae")) == ["name"]
    assert known_keys(Root, ("tabel",)) == ["title", "table"]


def test_a_key_with_no_near_match_lists_the_keys_that_would_work() -> None:
    with pytest.raises(ValidationError) as caught:
        Root.model_validate({"title": "x", "table": {"key": 1, "items": [], "zzz": 1}})
    assert explain(caught.value, Root) == (
        "'table.zzz' is not a key secondstory knows; the keys here are key, items"
    )
