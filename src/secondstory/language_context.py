"""The context around a match: who the clause is about, negation, and nearby words.

Precision comes from here: "the deploy failed to start" is about a system, "Sam failed to"
about a person, and "it was not careless" is a negation.
"""

from __future__ import annotations

import re

from secondstory.language_rules import Vocabulary

_SPACES = re.compile(r"\s+")

# Where a clause ends: sentence punctuation, brackets, quotes, paragraph and list breaks.
_LAST_BOUNDARY = re.compile(
    r'.*(?:[.!?;:()\[\]"“”]|\n\s*\n|\n\s*(?:[-*+]|\d+[.)])\s|—|–|\s-\s)', re.DOTALL
)
_WORD = re.compile(r"[^\W_][\w'-]*")
_CONJUNCTIONS_WORDS = (
    "and but because so when while since although though after before until if or once "
    "where whereas unless why how whether what that which who whom"
)
_CONJUNCTIONS = frozenset(_CONJUNCTIONS_WORDS.split())
_AUXILIARIES_WORDS = (
    "had has have was were is are am did does do also then just simply merely only "
    "completely totally really actually never still again already apparently obviously "
    "clearly probably somehow quickly even both all ultimately basically honestly "
    "frankly accidentally mistakenly unfortunately later finally eventually first "
    "certainly definitely must would could should will might may can being been not 'd "
    "'ve"
)
_AUXILIARIES = frozenset(_AUXILIARIES_WORDS.split())
_PREPOSITIONS_WORDS = "on in from at of for with by during over under across behind"
_PREPOSITIONS = frozenset(_PREPOSITIONS_WORDS.split())
_DETERMINERS = frozenset(
    ["the", "a", "an", "our", "their", "my", "his", "her", "your", "its", "this", "that"]
)
_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ing", "ance", "ence", "ure", "age", "ics")


def clause_tokens(text: str, start: int, reach: int = 90) -> tuple[list[str], bool]:
    """The words of the clause before `start`, and whether they open a sentence."""
    low = max(0, start - reach)
    window = text[low:start]
    last = _LAST_BOUNDARY.match(window)
    cut = last.end() if last else 0
    opens = cut > 0 or low == 0
    tokens = _WORD.findall(window[cut:])
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index].lower() in _CONJUNCTIONS:
            return tokens[index:], False
    return tokens, opens


def subject_kind(tokens: list[str], opens_sentence: bool, vocabulary: Vocabulary) -> str:
    """Who does what follows: "self", "other" (a person), "thing" or "none"."""
    words = list(tokens)
    while words and words[-1].lower() in _AUXILIARIES:
        words.pop()
    if words and words[0].lower() in _CONJUNCTIONS:
        joiner = words.pop(0).lower()
        if not words:
            return {"who": "other", "whom": "other", "that": "thing", "which": "thing"}.get(
                joiner, "none"
            )
    if not words:
        return "none"
    for index in range(1, len(words)):
        if words[index].lower() in _PREPOSITIONS:
            words = words[:index]
            break
    if len(words) >= 2:
        pair = f"{words[-2]} {words[-1]}".lower()
        if pair == "no one":
            return "other"
        if pair in vocabulary.systems:
            return "thing"  # "the certificate manager", not a manager
    return classify(words[-1], opens_sentence and len(words) == 1, vocabulary)


def group_kind(phrase: str, vocabulary: Vocabulary) -> str:
    """Who a short noun phrase captured by a pattern names (a person if any word does)."""
    for word in _WORD.findall(phrase):
        if word.lower() in _DETERMINERS or word.lower().endswith("'s"):
            continue
        kind = classify(word, False, vocabulary)
        if kind in ("self", "other"):
            return kind
    return "thing"


def classify(word: str, first_in_sentence: bool, vocabulary: Vocabulary) -> str:
    """One word as a subject: a pronoun or role, a known system, or a capitalised name."""
    low = word.lower()
    if low in vocabulary.self_words:
        return "self"
    if low in vocabulary.people:
        return "other"
    if low in vocabulary.systems or not word[0].isupper():
        return "thing"
    if len(word) > 1 and (word.isupper() or any(ch.isupper() or ch.isdigit() for ch in word[1:])):
        return "thing"  # an acronym, CamelCase product or versioned name
    if first_in_sentence and low.endswith(_NOUN_ENDINGS):
        return "thing"  # "Replication ..." at the start of a sentence
    return "other"


def negated(tokens: list[str], vocabulary: Vocabulary) -> bool:
    """Whether a negator sits among the last few words of the clause."""
    recent = tokens[-vocabulary.negation_window :] if vocabulary.negation_window else []
    for word in recent:
        low = word.lower()
        if low in vocabulary.negators or (low.endswith("n't") and "n't" in vocabulary.negators):
            return True
    return False


def around(text: str, start: int, end: int, reach: int = 45) -> tuple[str, str]:
    """The text just before and just after a match, whitespace folded to single spaces."""
    return _folded(text[max(0, start - reach) : start]), _folded(text[end : end + reach])


def _folded(piece: str) -> str:
    if "\n" in piece or "\t" in piece or "  " in piece:
        return _SPACES.sub(" ", piece)
    return piece
