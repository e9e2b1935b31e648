"""Neutral labels instead of names, for a narrative that travels further than the review.

Person A, Person B… follow the order of participants (first appearance on the timeline).
Names are replaced everywhere: authors, and any words in any text that spell a
participant's or the facilitator's name: a name of several words whole in any case, one
part of a name with its capital or in capitals ("Alex", "ALEX", not "alex"), or a part
mentioned with an "@" in any case ("@alex"). A one-word name is only matched that way
too, so "Will" leaves "I will" alone. A name part two people share becomes
"[a participant]". Roles are left out (in a small team a role names
a person) and account ids become "person-a", "person-b"… (an id of an account that is no
longer shared becomes "not-shared"); zones stay. File names often carry names
(sam_okafor.toml), so a file is shown as "file 1", "file 2"…, except the names
secondstory gives files itself (incident.toml, narrative.toml, and ACCOUNT.toml with the
account's neutral id). In evidence lanes, chat senders become the label of the
participant whose name they match, or "someone in the chat 1", 2…, and inside chat
messages a sender's handle is replaced in any case, with or without "@" ("alex.m",
"@priya"), since a chat writes handles, not names.

Only names secondstory knows are replaced: people who did not share an account, nicknames,
and name parts that start in lower case ("van", "de") written alone stay as written.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from secondstory.files.evidence import Evidence
from secondstory.files.incidents import INCIDENT_FILE, NARRATIVE_FILE
from secondstory.narrative.model import Narrative

SHARED_PART = "[a participant]"
FACILITATOR = "the facilitator"
NOT_SHARED = "not-shared"
"""The neutral id of an account named in the notes that is no longer shared."""
CHAT_PERSON = "someone in the chat"
_OWN_FILE = re.compile(r"^[0-9a-f]{32}\.toml$")
_ID_OR_REF = re.compile(r"^([0-9a-f]{32})(/.*)?$")


def label(lane: int) -> str:
    """Person A … Person Z, then Person AA, Person AB…"""
    letters = ""
    n = lane + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"Person {letters}"


def name_replacer(names: Sequence[tuple[str, str]]) -> Callable[[str], str]:
    """A function replacing each (name, label) pair's name in a text with its label."""
    whole: dict[str, str] = {}
    parts: dict[str, str] = {}
    mentions: dict[str, str] = {}
    for name, neutral in names:
        words = name.split()
        if len(words) > 1:
            whole.setdefault(" ".join(words).casefold(), neutral)
        for part in words:
            if len(part) < 2 or not (part[0].isupper() or len(words) == 1):
                continue
            for form in {part[0].upper() + part[1:], part.upper()}:
                parts[form] = neutral if parts.get(form, neutral) == neutral else SHARED_PART
            mention = "@" + part.casefold()
            mentions[mention] = (
                neutral if mentions.get(mention, neutral) == neutral else SHARED_PART
            )
    if not (whole or parts):
        return lambda text: text
    options = [rf"(?i:{_spaced(n)})" for n in sorted(whole, key=len, reverse=True)]
    options += [rf"(?i:{re.escape(m)})" for m in sorted(mentions, key=len, reverse=True)]
    options += [re.escape(p) for p in sorted(parts, key=len, reverse=True)]
    pattern = re.compile(rf"(?<![\w@])(?:{'|'.join(options)})(?!\w)")

    def swap(match: re.Match[str]) -> str:
        found = match.group(0)
        if found.startswith("@"):
            return mentions.get(found.casefold(), found)
        return parts.get(found) or whole.get(" ".join(found.split()).casefold(), found)

    return lambda text: pattern.sub(swap, text)


def _spaced(name: str) -> str:
    return r"\s+".join(re.escape(part) for part in name.split(" "))


def anonymize(narrative: Narrative) -> Narrative:
    """The same narrative with every name replaced by a neutral label."""
    names = [(p.author, label(p.lane)) for p in narrative.participants]
    facilitator = narrative.incident.facilitator if narrative.incident else ""
    if facilitator.strip() and facilitator.casefold() not in {n.casefold() for n, _ in names}:
        names.append((facilitator, FACILITATOR))
    replace = name_replacer(names)
    labels = {p.account: label(p.lane) for p in narrative.participants}
    ids = {p.account: label(p.lane).lower().replace(" ", "-") for p in narrative.participants}
    result = _scrub(narrative, replace, labels, _file_namer(ids))
    assert isinstance(result, Narrative)
    result = _swap_ids(result, ids)
    assert isinstance(result, Narrative)
    # The facilitator is named in text as "the facilitator"; a header saying so adds nothing.
    incident = result.incident.model_copy(update={"facilitator": ""}) if result.incident else None
    return dataclasses.replace(
        result,
        incident=incident,
        by_ref={e.ref: e for e in result.timeline},
        evidence=_chat_people(narrative.evidence, result.evidence, names, replace),
    )


def _file_namer(ids: dict[str, str]) -> Callable[[Path], Path]:
    """Neutral names for files, the same name each time one file comes up."""
    seen: dict[Path, Path] = {}

    def name(path: Path) -> Path:
        if path.name in (INCIDENT_FILE, NARRATIVE_FILE):
            return Path(path.name)
        if _OWN_FILE.match(path.name):
            return Path(f"{ids.get(path.stem, NOT_SHARED)}.toml")
        return seen.setdefault(path, Path(f"file {len(seen) + 1}"))

    return name


def _swap_ids(value: Any, ids: dict[str, str], *, here: bool = False) -> Any:
    """A copy with every account id, and the account part of every ref, made neutral.

    Strings change only in fields that hold ids or refs (`here`), never in people's words.
    """
    if isinstance(value, str):
        found = _ID_OR_REF.match(value) if here else None
        if found is None:
            return value
        return ids.get(found.group(1), NOT_SHARED) + (found.group(2) or "")
    if isinstance(value, tuple | list):
        swapped = [_swap_ids(v, ids, here=here) for v in value]
        return tuple(swapped) if isinstance(value, tuple) else swapped
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _swap_ids(getattr(value, f.name), ids, here=f.name in _ID_FIELDS)
            for f in dataclasses.fields(value)
            if f.name not in ("by_ref", "evidence")
        }
        return dataclasses.replace(value, **changes)
    if isinstance(value, BaseModel):
        update = {
            n: _swap_ids(getattr(value, n), ids, here=n in _ID_FIELDS)
            for n in type(value).model_fields
        }
        return value.model_copy(update=update)
    return value


_ID_FIELDS = frozenset(
    {"ref", "account", "after", "members", "moments", "untimed", "missing", "dangling"}
    | {"source"}  # a follow-up's source: the account whose idea it came from
)
"""Fields that hold account ids or "ACCOUNT/MOMENT" refs (only such values change)."""


def _chat_people(
    original: Iterable[Evidence],
    scrubbed: Iterable[Evidence],
    names: list[tuple[str, str]],
    replace: Callable[[str], str],
) -> tuple[Evidence, ...]:
    """Chat senders as the participant label they match, or "someone in the chat N"."""
    known = {part.casefold(): neutral for name, neutral in names for part in name.split()}
    known.update({name.casefold(): neutral for name, neutral in names})
    known.update(_handles(names))
    others: dict[str, str] = {}
    senders: dict[str, str] = {}
    pairs = list(zip(original, scrubbed, strict=True))
    for before, _ in pairs:
        for old in before.entries if before.source == "chat" else ():
            who = old.who.strip().casefold()
            if who:
                neutral = known.get(who)
                neutral = neutral or others.setdefault(who, f"{CHAT_PERSON} {len(others) + 1}")
                senders[who] = neutral
    handles = _handle_replacer(senders)
    lanes = []
    for before, after in pairs:
        if before.source != "chat":
            lanes.append(after)
            continue
        entries = []
        for old, new in zip(before.entries, after.entries, strict=True):
            who = senders.get(old.who.strip().casefold(), "")
            # Handles first: a name part inside "ALEX.M" must not be replaced on its own.
            text = replace(handles(old.text))
            entries.append(new.model_copy(update={"who": who, "text": text}))
        lanes.append(after.model_copy(update={"entries": entries}))
    return tuple(lanes)


def _handles(names: list[tuple[str, str]]) -> dict[str, str]:
    """Handles people build from their names: "alex.m", "priya_raman", "a-moreau".

    A handle is made of a person's name parts or their initials, one of them whole, joined
    by ".", "_" or "-". A handle two people could have is left out, never guessed.
    """
    found: dict[str, str] = {}
    for name, neutral in names:
        parts = [p.casefold() for p in name.split() if p]
        for i, first in enumerate(parts):
            for j, second in enumerate(parts):
                if i == j:
                    continue
                for a, b in ((first, second), (first, second[0]), (first[0], second)):
                    for sep in "._-":
                        handle = a + sep + b
                        found[handle] = neutral if found.get(handle, neutral) == neutral else ""
    return {handle: neutral for handle, neutral in found.items() if neutral}


def _handle_replacer(senders: dict[str, str]) -> Callable[[str], str]:
    """Chat handles ("alex.m", "@priya") in any case, as their senders' labels."""
    usable = sorted((h for h in senders if len(h) >= 2), key=len, reverse=True)
    if not usable:
        return lambda text: text
    options = "|".join(re.escape(h) for h in usable)
    # A handle may hold dots and dashes, so "alex" is not matched inside "alex.m".
    pattern = re.compile(rf"(?<![\w.@-])@?({options})(?![\w@-]|\.\w)", re.IGNORECASE)
    return lambda text: pattern.sub(lambda m: senders[m.group(1).casefold()], text)


def _scrub(
    value: Any,
    replace: Callable[[str], str],
    labels: dict[str, str],
    files: Callable[[Path], Path],
) -> Any:
    """A copy of `value` with names replaced in every string, walking dataclasses and models."""
    if isinstance(value, str):
        return replace(value)
    if isinstance(value, Path):
        return files(value)
    if isinstance(value, tuple):
        return tuple(_scrub(v, replace, labels, files) for v in value)
    if isinstance(value, list):
        return [_scrub(v, replace, labels, files) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {}
        for item in dataclasses.fields(value):
            if item.name == "by_ref":
                continue
            current = getattr(value, item.name)
            if item.name == "author" and getattr(value, "account", None) in labels:
                changes[item.name] = labels[value.account]  # type: ignore[attr-defined]
            elif item.name == "role":
                changes[item.name] = None  # in a small team a role names a person
            elif item.name in _KEEP and _is_plain(current):
                continue
            else:
                changes[item.name] = _scrub(current, replace, labels, files)
        return dataclasses.replace(value, **changes)
    if isinstance(value, BaseModel):
        update = {
            name: _scrub(getattr(value, name), replace, labels, files)
            for name in type(value).model_fields
            if name not in _KEEP or not _is_plain(getattr(value, name))
        }
        return value.model_copy(update=update)
    return value


def _is_plain(value: Any) -> bool:
    """Strings and collections of strings or numbers: identifiers, never records."""
    if isinstance(value, tuple | list):
        return all(isinstance(v, str | int) for v in value)
    return isinstance(value, str | int)


# Identifiers and machine values: never names, and changing them would break references.
_KEEP = frozenset(
    {
        "ref",
        "account",
        "moment",
        "members",
        "moments",
        "untimed",
        "missing",
        "dangling",
        "zone",
        "timezone",
        "precision",
        "kind",
        "incident_id",
        "id",
        "decision",
        "lanes",
        "same_event",
        "incident",
    }
)
