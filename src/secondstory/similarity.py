"""Which moments of different people may tell the same event: near in time, alike in words.

No network and no model: words are tokenised, stop words dropped, endings trimmed, and
each word weighted by how rare it is among the incident's moments (inverse document
frequency). Only pairs within a time neighbourhood that share at least one distinctive
word are ever compared: a sweep in time order keeps, for each distinctive word, the
moments still in reach, so the work grows with the moments, not with their pairs.
"""

from __future__ import annotations

import math
import re
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

NEAR = timedelta(minutes=15)
"""Windows further apart than this are never suggested as the same event."""
THRESHOLD = 0.25
"""The lowest score (0..1) that is suggested."""
SHOWN_WORDS = 6
"""How many shared words a suggestion names."""

_WORD = re.compile(r"[a-z0-9]+(?:[-_./:][a-z0-9]+)*")
_PARTS = re.compile(r"[-_./:]")
_ENDINGS = ("ing", "ed", "es", "s")
_STOP_TEXT = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing done down during
    each few for from further get got had has have having he her here hers him his how i
    if in into is it its itself just me more most my no nor not now of off on once only or
    other our ours out over own same saw see seen she should so some still such than that
    the their theirs them then there these they this those through to too under until up
    us very was we were what when where which while who whom why will with would you your
    yours went go going gone came come looked look thought think knew know said told
    one two first then again back like really already yet since around maybe
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
"""Words too common to say two moments tell the same event."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One timed moment as the suggester sees it."""

    key: int
    """The caller's index for the moment."""
    account: str
    """Moments of the same account are never paired."""
    start: datetime
    """Window start (UTC)."""
    end: datetime
    """Window end (UTC)."""
    text: str
    """What they did and observed."""


@dataclass(frozen=True, slots=True)
class Match:
    """Two moments that may tell one event."""

    first: int
    """Key of the moment whose window starts first."""
    second: int
    """Key of the other moment."""
    score: float
    """Word similarity (0..1), lowered as the windows lie further apart."""
    gap: timedelta
    """Time between the windows; zero when they overlap."""
    words: tuple[str, ...]
    """The shared words as first written, most distinctive first."""


def stem(word: str) -> str:
    """A word with a common English ending trimmed, so "restarted" meets "restarting"."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def words(text: str) -> dict[str, str]:
    """Distinct stems of a text, each with the first word it came from.

    "orders-db-2" counts as itself and as "orders": names of hosts and services are
    often the most distinctive words an account has.
    """
    found: dict[str, str] = {}
    for word in _WORD.findall(text.lower()):
        if _keep(word):
            found.setdefault(stem(word), word)
        if not word.isalnum():
            for part in _PARTS.split(word):
                if len(part) >= 3 and _keep(part):
                    found.setdefault(stem(part), part)
    return found


def _keep(word: str) -> bool:
    return word not in STOP_WORDS and (len(word) >= 3 or any(c.isdigit() for c in word))


def suggest(candidates: Sequence[Candidate], skip: set[frozenset[int]]) -> list[Match]:
    """Pairs of different accounts, near in time and alike in words, best first."""
    bags = [set(words(c.text)) for c in candidates]
    frequency = Counter(w for bag in bags for w in bag)
    total = len(candidates)
    idf = {w: math.log((total + 1) / n) for w, n in frequency.items()}
    norm = [math.sqrt(sum(idf[w] ** 2 for w in bag)) for bag in bags]
    # Words in many moments are not distinctive: they never make two moments candidates.
    distinctive = max(3, total // 20)
    widest = max((c.end - c.start for c in candidates), default=timedelta(0))
    reach = NEAR + widest
    postings: dict[str, deque[int]] = {}
    matches: list[Match] = []
    for i in sorted(range(total), key=lambda k: candidates[k].start):
        here = candidates[i]
        seen: set[int] = set()
        for word in bags[i]:
            if frequency[word] > distinctive:
                continue
            queue = postings.setdefault(word, deque())
            while queue and candidates[queue[0]].start < here.start - reach:
                queue.popleft()
            seen.update(queue)
            queue.append(i)
        for j in seen:
            match = _compare(candidates, bags, idf, norm, j, i, skip)
            if match is not None:
                matches.append(match)
    matches.sort(key=lambda m: (-m.score, m.first, m.second))
    return matches


def _compare(
    candidates: Sequence[Candidate],
    bags: list[set[str]],
    idf: dict[str, float],
    norm: list[float],
    j: int,
    i: int,
    skip: set[frozenset[int]],
) -> Match | None:
    early, late = candidates[j], candidates[i]
    if early.account == late.account or frozenset((early.key, late.key)) in skip:
        return None
    gap = max(late.start - early.end, timedelta(0))
    if gap > NEAR or not norm[i] or not norm[j]:
        return None
    shared = bags[i] & bags[j]
    likeness = sum(idf[w] ** 2 for w in shared) / (norm[i] * norm[j])
    score = likeness * (1 - 0.5 * (gap / NEAR))
    if score < THRESHOLD:
        return None
    surface = words(early.text)
    ranked = sorted(shared, key=lambda w: (-idf[w], w))[:SHOWN_WORDS]
    return Match(early.key, late.key, round(score, 3), gap, tuple(surface[w] for w in ranked))
