"""Every match of every rule's patterns, before anyone asks whether it applies.

With the prefilter, patterns only run near the rules' keywords (see scan.py). The
matches are kept as flat lists of offsets rather than a match object or tuple each (only
a pattern that names its subject keeps its match objects): dense text has a match every
50 characters, and an object per match costs time to build, sort and garbage-collect.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from secondstory.language.rules import Rule, RuleSet
from secondstory.language.scan import windows_around

# where matches start and end, and the matches themselves for a pattern naming a subject
_Found = tuple[list[int], list[int], list[re.Match[str]] | None]


class Candidates:
    """Matches with the rule and pattern each came from, in the order they were found."""

    __slots__ = ("_keys", "_rule_count", "_wide", "ends", "matches", "rules", "starts")

    def __init__(self, text: str, rule_count: int) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.rules: list[Rule] = []
        self.matches: list[re.Match[str] | None] = []  # only where a subject is named
        self._keys: list[int] = []
        self._wide = len(text) + 1
        self._rule_count = rule_count

    def add(self, order: int, rule: Rule, found: _Found) -> None:
        """The matches of one of the rule's patterns; `order` is the rule's place."""
        starts, ends, matches = found
        self.starts.extend(starts)
        self.ends.extend(ends)
        self.rules.extend([rule] * len(starts))
        self.matches.extend(matches if matches is not None else [None] * len(starts))
        # start first, then the longest, then the earliest rule, all in one number
        wide, count = self._wide, self._rule_count
        last = wide - 1
        self._keys.extend(
            [
                (start * wide + last - end) * count + order
                for start, end in zip(starts, ends, strict=True)
            ]
        )

    def order_of(self, index: int) -> int:
        """The place of the rule a match came from."""
        return self._keys[index] % self._rule_count

    def by_start(self) -> Iterator[int]:
        """Indices by start, longest first, then by rule; ties in the order found."""
        return iter(sorted(range(len(self._keys)), key=self._keys.__getitem__))


def candidates(text: str, ruleset: RuleSet, *, prefilter: bool) -> Candidates:
    """Every match of every rule's patterns. The prefilter only searches near keywords."""
    lowered = text.lower() if prefilter else ""
    if len(lowered) != len(text):
        prefilter = False  # a rare character changed length when lowered: search everything
    hits = ruleset.scanner.find(lowered) if prefilter else {}
    found: dict[tuple[str, int, tuple[str, ...]], _Found] = {}
    places: dict[tuple[str, ...], list[int]] = {}
    windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    result = Candidates(text, len(ruleset.rules))
    for order, rule in enumerate(ruleset.rules):
        per_pattern = (rule.pattern_keywords, rule.pattern_led, rule.pattern_classes)
        for pattern, keywords, led, classes in zip(rule.patterns, *per_pattern, strict=True):
            key = (pattern.pattern, pattern.flags, keywords)  # rules may share a pattern
            if key not in found:
                if not prefilter or not keywords:
                    matches = list(pattern.finditer(text))
                elif led:
                    if keywords not in places:
                        places[keywords] = _places(hits, keywords)
                    matches = _led_matches(pattern, text, places[keywords])
                else:
                    if keywords not in windows:
                        windows[keywords] = windows_around(
                            text, [hits.get(w, []) for w in keywords]
                        )
                    matches = [
                        match
                        for low, high in windows[keywords]
                        for match in pattern.finditer(text, low, high)
                    ]
                if classes:
                    matches = _checked(pattern, text, matches, classes)
                found[key] = _spans(matches, "subject" in pattern.groupindex)
            result.add(order, rule, found[key])
    return result


def _checked(
    pattern: re.Pattern[str],
    text: str,
    matches: list[re.Match[str]],
    classes: tuple[tuple[str, frozenset[str]], ...],
) -> list[re.Match[str]]:
    """The matches whose class words are in their classes, each one that is not tried
    again from one character on: a class group takes any word, so "Engineers deleted the
    database by accident" first matches from "Engineers", which is no past tense."""
    kept: list[re.Match[str]] = []
    for first in matches:
        match: re.Match[str] | None = first
        while match is not None and not _in_classes(match, classes):
            if kept and match.start() < kept[-1].end():
                match = None
                break
            match = pattern.search(text, match.start() + 1, min(len(text), match.end() + 200))
            if match is not None and match.end() == match.start():
                match = None
        if match is not None and (not kept or match.start() >= kept[-1].end()):
            kept.append(match)
    return kept


def _in_classes(match: re.Match[str], classes: tuple[tuple[str, frozenset[str]], ...]) -> bool:
    """Whether each word a class group captured is in its class ("frozen", a participle)."""
    for group, words in classes:
        word = match.group(group)
        if word is not None and word.lower() not in words:
            return False
    return True


def _spans(matches: list[re.Match[str]], with_subject: bool) -> _Found:
    """Where the (non-empty) matches start and end; the matches only if one names a subject.

    The match objects go as soon as possible: kept, they would be visited by the garbage
    collector each time it runs."""
    matches = [match for match in matches if match.end() > match.start()]
    starts = [match.start() for match in matches]
    ends = [match.end() for match in matches]
    return starts, ends, matches if with_subject else None


def _places(hits: dict[str, list[int]], keywords: tuple[str, ...]) -> list[int]:
    """Where any of the keywords begins, in order."""
    lists = [hits[word] for word in keywords if word in hits]
    if len(lists) == 1:
        return lists[0]
    return sorted(set().union(*lists))


def _led_matches(pattern: re.Pattern[str], text: str, places: list[int]) -> list[re.Match[str]]:
    """What finditer would find, for a pattern whose every match begins at one of `places`."""
    matches: list[re.Match[str]] = []
    if not places:
        return matches  # without touching the pattern: one read from the cache stays uncompiled
    reach = 0
    match_at = pattern.match
    for place in places:
        if place < reach:
            continue  # inside the previous match, as finditer would skip it
        match = match_at(text, place)
        if match is not None:
            matches.append(match)
            reach = match.end()
    return matches
