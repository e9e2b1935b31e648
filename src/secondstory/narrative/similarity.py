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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import chain

NEAR = timedelta(minutes=15)
"""Windows further apart than this are never suggested as the same event."""
THRESHOLD = 0.25
"""The lowest score (0..1) that is suggested."""
MIN_SHARED = 2
"""At least this many words in common (a host name counts with its parts)."""
PER_MOMENT = 2
"""A moment takes part in at most this many suggestions, its best."""
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
        for part, token in _tokens(word):
            found.setdefault(token, part)
    return found


@lru_cache(maxsize=65536)
def _tokens(word: str) -> tuple[tuple[str, str], ...]:
    """(word, stem) pairs a written word counts as; cached, as incidents repeat their words."""
    parts = [word] if word.isalnum() else [word, *(p for p in _PARTS.split(word) if len(p) >= 3)]
    return tuple((part, stem(part)) for part in parts if _keep(part))


def stems(text: str) -> frozenset[str]:
    """The stems of `words(text)`, faster: the set a comparison needs."""
    return frozenset(chain.from_iterable(map(_stems, _WORD.findall(text.lower()))))


@lru_cache(maxsize=65536)
def _stems(word: str) -> tuple[str, ...]:
    return tuple(token for _, token in _tokens(word))


def _keep(word: str) -> bool:
    return word not in STOP_WORDS and (len(word) >= 3 or any(c.isdigit() for c in word))


def suggest(candidates: Sequence[Candidate], skip: set[frozenset[int]]) -> list[Match]:
    """Pairs of different accounts, near in time and alike in words, best first.

    Each moment takes part in at most PER_MOMENT suggestions, its best ones, so that a
    busy incident asks the facilitator about likely pairs rather than every coincidence.
    """
    bags = [stems(c.text) for c in candidates]
    frequency = Counter(w for bag in bags for w in bag)
    # + 1: in a small incident the shared words are in every moment, yet still count.
    idf = {w: math.log((len(candidates) + 1) / n) + 1 for w, n in frequency.items()}
    norm = [math.sqrt(sum(idf[w] ** 2 for w in bag)) for bag in bags]
    scored = []
    for j, i in _near_pairs(candidates, bags, frequency):
        early, late = candidates[j], candidates[i]
        if early.account == late.account or frozenset((early.key, late.key)) in skip:
            continue
        gap = max(late.start - early.end, timedelta(0))
        shared = bags[i] & bags[j]
        if gap > NEAR or len(shared) < MIN_SHARED:
            continue
        likeness = sum(idf[w] ** 2 for w in shared) / (norm[i] * norm[j])
        score = round(likeness * (1 - 0.5 * (gap / NEAR)), 3)
        if score >= THRESHOLD:
            scored.append((score, j, i, gap, shared))
    scored.sort(key=lambda s: (-s[0], candidates[s[1]].key, candidates[s[2]].key))
    taken: Counter[int] = Counter()
    matches = []
    for score, j, i, gap, shared in scored:
        if taken[j] >= PER_MOMENT or taken[i] >= PER_MOMENT:
            continue
        taken.update((j, i))
        surface = words(candidates[j].text)
        ranked = sorted(shared, key=lambda w: (-idf[w], w))[:SHOWN_WORDS]
        named = tuple(surface[w] for w in ranked)
        matches.append(Match(candidates[j].key, candidates[i].key, score, gap, named))
    return matches


def _near_pairs(
    candidates: Sequence[Candidate], bags: list[frozenset[str]], frequency: Counter[str]
) -> Iterator[tuple[int, int]]:
    """(earlier, later) index pairs of different accounts, within reach in time, that share
    a distinctive word."""
    # A word in many moments is not distinctive: it never makes two moments candidates.
    distinctive = max(3, math.isqrt(len(candidates)))
    widest = max((c.end - c.start for c in candidates), default=timedelta(0))
    reach = NEAR + widest
    # Per word, the moments in reach by account: moments of one account are never paired,
    # so one long account costs a pass over its moments, not a pass over their pairs.
    postings: dict[str, dict[str, deque[int]]] = {}
    for i in sorted(range(len(candidates)), key=lambda k: candidates[k].start):
        horizon = candidates[i].start - reach
        own = candidates[i].account
        seen: set[int] = set()
        for word in bags[i]:
            if frequency[word] > distinctive:
                continue
            accounts = postings.setdefault(word, {})
            for account, queue in list(accounts.items()):
                while queue and candidates[queue[0]].start < horizon:
                    queue.popleft()
                if not queue:
                    del accounts[account]
                elif account != own:
                    seen.update(queue)
            accounts.setdefault(own, deque()).append(i)
        for j in sorted(seen):
            yield j, i
