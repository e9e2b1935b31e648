"""Explaining why a hand-written TOML file does not fit its model, in one line.

People write prompt sets and language rules by hand, so a problem is named by its
dotted key and its line, and a misspelt key gets the nearest key that would work.
tomllib keeps no positions, so lines are found by a light scan of the text.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

Loc = tuple[int | str, ...]
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-.\"' ]+?)\s*=")


def explain(exc: ValidationError, model: type[BaseModel], text: str = "") -> str:
    """The most useful problem in `exc` as a phrase naming key and line.

    Unknown keys come first: a misspelt key also makes the right one "missing", and
    the suggestion explains both.
    """
    errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
    first = errors[0]
    loc: Loc = tuple(first["loc"])
    key = dotted(loc)
    if first["type"] == "extra_forbidden":
        nearest = _nearest(model, loc)
        if nearest:
            phrase = f"'{key}' is not a key secondstory knows; did you mean '{dotted(nearest)}'?"
            errors = [e for e in errors if not (e["type"] == "missing" and e["loc"] == nearest)]
        else:
            phrase = f"'{key}' is not a key secondstory knows{_listing(model, loc)}"
    elif first["type"] == "missing":
        phrase = f"'{key}' is missing"
    else:
        phrase = f"'{key}': {_message(first)}"
    line = line_of(text, loc) if text else None
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"line {line}: {phrase}{more}" if line else f"{phrase}{more}"


def dotted(loc: Loc) -> str:
    """`moments.probes[2].text` for ("moments", "probes", 2, "text")."""
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else f".{part}" if out else str(part)
    return out or "the file"


def known_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys the model accepts in the table that `loc` points into."""
    current: type[BaseModel] | None = model
    for part in loc[:-1]:
        if current is None:
            return []
        if isinstance(part, int):
            continue  # list positions: the item type was already unwrapped
        info = current.model_fields.get(part)
        current = _model_in(info.annotation) if info else None
    return list(current.model_fields) if current else []


def _nearest(model: type[BaseModel], loc: Loc) -> Loc | None:
    close = difflib.get_close_matches(str(loc[-1]), known_keys(model, loc), n=1, cutoff=0.6)
    return (*loc[:-1], close[0]) if close else None


def _listing(model: type[BaseModel], loc: Loc) -> str:
    known = known_keys(model, loc)
    return f"; the keys here are {', '.join(known)}" if known else ""


def _message(error: ErrorDetails) -> str:
    """pydantic's message, in the words of a TOML file rather than of Python."""
    if error["type"] == "string_too_short" and error.get("ctx", {}).get("min_length") == 1:
        return "should not be empty"
    message = str(error["msg"]).removeprefix("Value error, ")
    message = message.replace("a valid tuple", "a list").replace("Tuple", "List")
    return message[:1].lower() + message[1:]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def line_of(text: str, loc: Loc) -> int | None:
    """The line that best matches `loc`: the key itself, else its nearest table."""
    best: tuple[int, int] | None = None  # (matched depth, line number)
    for path, number in _key_lines(text):
        depth = len(path)
        if loc[:depth] == path and (best is None or depth > best[0]):
            best = (depth, number)
    return best[1] if best else None


def _key_lines(text: str) -> list[tuple[Loc, int]]:
    found: list[tuple[Loc, int]] = []
    table: Loc = ()
    arrays: dict[Loc, int] = {}
    in_string = False
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string:
            in_string = _toggles(line, in_string)
            continue
        header = _HEADER.match(line)
        if header:
            table = _split(header.group(2))
            if header.group(1) == "[[":
                arrays[table] = arrays.get(table, 0) + 1
                table = (*table, arrays[table] - 1)
            found.append((table, number))
            continue
        key = _KEY.match(line)
        if key:
            found.append(((*table, *_split(key.group(1))), number))
            in_string = _toggles(line[key.end() :], in_string)
    return found


def _toggles(line: str, in_string: bool) -> bool:
    """Whether a multi-line string is still open after `line`."""
    return in_string != ((line.count('"""') + line.count("'''")) % 2 == 1)


def _split(key: str) -> Loc:
    return tuple(part.strip().strip("\"'") for part in key.split("."))
