"""Compiled language rules kept between runs, so `lint` and the interview do not compile
them again each time: plain JSON in the user cache folder, one file per set of rules files,
named by a hash of their bytes (and of the code that compiles them).

Never pickle: SECURITY.md promises that no code runs from a data file. Reading a cache
file builds only the dataclasses the caller names, with exactly their fields, and compiles
only regular expressions; anything else, a file that is not ours, or one that does not
decode, is a miss, and the rules are compiled from their files as if there were no cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from secondstory import __version__
from secondstory.errors import SecondstoryError
from secondstory.files.paths import PRIVATE_FILE, cache_dir, ensure_private_dir
from secondstory.files.reading import read_bytes

CACHE_FORMAT = 3
"""Bumped when the layout of a cache file changes."""
KEEP = 4
"""How many cached rule sets stay in the folder (a team file edited often leaves old ones)."""
MAX_CACHE_BYTES = 32 * 1024 * 1024
"""A cache file larger than this is not read (the built-in rules take about 0.8 MB)."""
_CODE = ("rules.py", "compiled.py", "schema.py", "compile.py", "scan.py", "words.py")
"""The modules whose code decides what a compiled rule set holds."""

SHARED_SET = 64
"""A word set this large is written once and named by its number after that: the same
word classes stand in many patterns, and were most of the file's bytes and reading time."""

T = TypeVar("T")


class LazyPattern:
    """A regular expression read from the cache, compiled the first time it is used.

    A short text wakes only the few rules whose keywords it holds, so most of the several
    hundred patterns never need compiling in a `lint` run. `pattern` and `flags` are known
    without compiling, and so is `groupindex` (`"subject" in pattern.groupindex`); anything
    else (search, finditer, match...) compiles it once and is then looked up directly.
    """

    def __init__(self, pattern: str, flags: int, groups: dict[str, int] | None = None) -> None:
        self.pattern = pattern
        self.flags = flags
        self.groupindex = groups or {}
        self._compiled: re.Pattern[str] | None = None

    def __eq__(self, other: object) -> bool:
        # Equal to the compiled pattern it stands for, as two compiled patterns are.
        if isinstance(other, LazyPattern | re.Pattern):
            return (self.pattern, self.flags) == (other.pattern, other.flags)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        value = getattr(self._compiled, name)
        setattr(self, name, value)  # the next look-up finds it without this method
        return value


class CacheMiss(Exception):
    """A cache file that cannot be used; the caller compiles instead."""


def folder() -> Path:
    """Where the compiled rules are kept."""
    return cache_dir() / "language"


def key(sources: Sequence[Path]) -> str:
    """A hash of everything the compiled rules depend on; raises FileProblem if unreadable."""
    digest = hashlib.sha256(f"{CACHE_FORMAT} {__version__} {sys.version_info[:2]}".encode())
    here = Path(__file__).parent
    for name in _CODE:
        digest.update(b"\0" + read_bytes(here / name))
    for path in sources:
        digest.update(b"\0" + str(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(read_bytes(path))
    return digest.hexdigest()


def cached(
    sources: Sequence[Path], build: Callable[[], T], kind: type[T], parts: Sequence[type[Any]]
) -> T:
    """The compiled `kind` for these files: read from the cache, or built and kept there.

    `kind` and `parts` are the dataclasses the value is made of; nothing else is ever built.
    A cache folder that cannot be written only means the next run compiles again.
    """
    try:
        name = key(sources)
    except SecondstoryError:  # a file that cannot be read: let `build` say so
        return build()
    path = folder() / f"rules-{name}.json"
    allowed = {cls.__name__: cls for cls in (kind, *parts)}
    try:
        raw = read_bytes(path, follow_symlinks=False, limit=MAX_CACHE_BYTES)
        found = decode(raw, allowed)
        if isinstance(found, kind):
            return found
    except (SecondstoryError, ValueError, TypeError, CacheMiss, RecursionError):
        pass  # no cache yet, or one that cannot be used: compile and write it anew
    value = build()
    try:
        from secondstory.files.storage import atomic_write  # only on a miss: it loads pydantic

        data = json.dumps(encode(value, allowed, {}), separators=(",", ":")).encode()
        ensure_private_dir(path.parent)
        atomic_write(path, data, PRIVATE_FILE)
        _prune(path.parent, keep=path)
    except (OSError, SecondstoryError, CacheMiss):
        pass  # not kept: the next run compiles again
    return value


def encode(
    value: object, allowed: dict[str, type[Any]], shared: dict[frozenset[str], int] | None = None
) -> object:
    """Plain JSON for a compiled value; raises CacheMiss for anything it cannot hold.

    Scalars stay as they are; every other value is an object with one key, its tag,
    which starts with "$" (a field name never does). With `shared`, a large word set is
    written whole (`$words`) the first time and as `{"$same": n}` after that: json reads
    a file in order, so the decoder has met the set before any reference to it."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, re.Pattern | LazyPattern):
        return {"$re": [value.pattern, value.flags, sorted(value.groupindex.items())]}
    if isinstance(value, tuple | list):
        return {f"${type(value).__name__}": [encode(item, allowed, shared) for item in value]}
    if isinstance(value, frozenset):
        if all(type(item) is str for item in value):  # word sets: most of the file
            if shared is None or len(value) < SHARED_SET:
                return {"$frozenset": sorted(value)}
            if value in shared:
                return {"$same": shared[value]}
            shared[value] = len(shared)
            return {"$words": sorted(value)}
        # sorted below, so written in another order than encoded: nothing shared inside
        items = [encode(item, allowed) for item in value]
        return {"$frozenset": sorted(items, key=lambda item: json.dumps(item, sort_keys=True))}
    if isinstance(value, dict):
        return {
            "$dict": [encode(k, allowed, shared) for k in value]
            + [encode(v, allowed, shared) for v in value.values()]
        }
    if isinstance(value, Path):
        return {"$path": str(value)}
    name = type(value).__name__
    if dataclasses.is_dataclass(value) and allowed.get(name) is type(value):
        fields = {
            f.name: encode(getattr(value, f.name), allowed, shared) for f in _fields(type(value))
        }
        return {"$class": [name, fields]}
    raise CacheMiss(f"cannot keep a {name}")


def decode(raw: bytes, allowed: dict[str, type[Any]]) -> object:
    """The value `encode` wrote, from the bytes of a cache file; raises CacheMiss otherwise.

    json calls `_Decoder.node` for every object as it parses, innermost first, so each
    container costs one call, not one per item; the items' types are checked in bulk."""
    return json.loads(raw, object_hook=_Decoder(allowed).node)


class _Fields(dict[str, object]):
    """A dataclass's fields as read, before their `$class` object builds it."""


_NOT_AN_ITEM = frozenset({list, _Fields})
"""What the JSON can hold but no value is: a raw list, or fields outside their object."""


class _Decoder:
    def __init__(self, allowed: dict[str, type[Any]]) -> None:
        self.allowed = allowed
        self.fields = {name: {f.name for f in _fields(cls)} for name, cls in allowed.items()}
        self.shared: list[frozenset[str]] = []  # the `$words` sets met so far, in order

    def node(self, data: dict[str, Any]) -> object:
        if len(data) != 1 or not next(iter(data)).startswith("$"):
            return _Fields(data)
        [(tag, body)] = data.items()
        if tag == "$path" and isinstance(body, str):
            return Path(body)
        if tag == "$same" and type(body) is int and 0 <= body < len(self.shared):
            return self.shared[body]
        if tag == "$words" and isinstance(body, list) and all(type(w) is str for w in body):
            self.shared.append(frozenset(body))
            return self.shared[-1]
        if not isinstance(body, list):
            raise CacheMiss("not a value this cache writes")
        if tag == "$re" and _is_pattern(body):
            # It compiled when the cache was written, from the same rules files and code.
            return LazyPattern(body[0], body[1], dict(body[2]))
        if tag == "$class" and len(body) == 2 and type(body[1]) is _Fields:
            return self._instance(body[0], body[1])
        if set(map(type, body)) & _NOT_AN_ITEM:  # a list or fields where only values belong
            raise CacheMiss("not a value this cache writes")
        if tag in _CONTAINERS:
            return _CONTAINERS[tag](body)
        if tag == "$dict" and len(body) % 2 == 0:
            half = len(body) // 2
            return dict(zip(body[:half], body[half:], strict=True))
        raise CacheMiss("not a value this cache writes")

    def _instance(self, name: object, fields: _Fields) -> object:
        cls = self.allowed.get(name) if isinstance(name, str) else None
        if cls is None or set(fields) != self.fields[cls.__name__]:
            raise CacheMiss("not one of the compiled rules' classes, or other fields")
        if set(map(type, fields.values())) & _NOT_AN_ITEM:
            raise CacheMiss("fields or a list where only values belong")
        return cls(**fields)


_CONTAINERS: dict[str, Callable[[list[Any]], object]] = {
    "$tuple": tuple,
    "$list": list,
    "$frozenset": frozenset,
}


def _is_pattern(body: list[Any]) -> bool:
    """[source, flags, [[group name, number]...]], as `encode` writes a pattern."""
    if len(body) != 3 or not isinstance(body[0], str) or type(body[1]) is not int:
        return False
    groups = body[2]
    return isinstance(groups, list) and all(
        isinstance(pair, list)
        and len(pair) == 2
        and isinstance(pair[0], str)
        and type(pair[1]) is int
        for pair in groups
    )


def _fields(cls: type[Any]) -> list[dataclasses.Field[Any]]:
    return [f for f in dataclasses.fields(cls) if f.init]


def _prune(where: Path, *, keep: Path) -> None:
    """Leave the newest KEEP cached rule sets (this one among them)."""
    files = sorted(where.glob("rules-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [p for p in files if p != keep][KEEP - 1 :]:
        os.unlink(old)
