"""The context around a match: who the clause is about, negation, and nearby words.

Precision comes from here: "the deploy failed to start" is about a system, "Sam failed to"
about a person, and "it was not careless" is a negation. The subject is read past a
relative clause ("Sam, who owns the cron, forgot"), in lines written all in capitals
("SAM FORGOT"), and, before what only people do, from weaker signs ("dana forgot",
"whoever set it up forgot").
"""

from __future__ import annotations

import re

from secondstory.language.rules import Vocabulary

_SPACES = re.compile(r"\s+")

# Where a clause ends: sentence punctuation, brackets, quotes, paragraph and list breaks.
_LAST_BOUNDARY = re.compile(
    r'.*(?:[.!?;:()\[\]"“”—–]|\n\s*\n|\n\s*(?:[-*+]|\d+[.)])\s|\s-\s)', re.DOTALL
)
_WORD = re.compile(r"[^\W_][\w'-]*")
_CONJUNCTIONS_WORDS = (
    "and but because so when while since although though after before until if or once "
    "where whereas unless why how whether what that which who whom"
)
_CONJUNCTIONS = frozenset(_CONJUNCTIONS_WORDS.split())
# conjunctions that open a subordinate clause, which a comma may close before the main one
_SUBORDINATORS_WORDS = (
    "if when whenever while since although though because after before until unless once "
    "whereas whether"
)
_SUBORDINATORS = frozenset(_SUBORDINATORS_WORDS.split())
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
_PERSON_RELATIVES = frozenset({"who", "whom"})  # not "whose": "a table whose index"
_FREE_RELATIVES = frozenset({"whoever", "whomever"})
_VOWEL = re.compile("[aeiouy]")
# ", who owns the cron," right before a match, with at most a few helper words after it
_RELATIVE_CLAUSE = re.compile(
    r',\s*(who|whom|whose|which|that)\b[^,.;:!?()\[\]"“”\n]{1,80},((?:\s+[\w\']+){0,3})\s*\Z',
    re.IGNORECASE,
)


def clause_tokens(text: str, start: int, reach: int = 90) -> tuple[list[str], bool]:
    """The words of the clause before `start`, and whether they open a sentence.

    An aside set off by a pair of dashes is skipped, as a relative clause set off by
    commas is: in "how a company like Microsoft – which sells certificates – could
    neglect to renew one" the clause of "could neglect" is about the company."""
    low = start - reach if start > reach else 0
    last = _LAST_BOUNDARY.match(text, low, start)
    opens = last is not None or low == 0
    if last is not None and (aside := _dash_aside(text, last.end(), start)) is not None:
        before_aside, opens = clause_tokens(text, aside, reach)
        return before_aside + _WORD.findall(text, last.end(), start), opens
    tokens = _WORD.findall(text, last.end() if last else low, start)
    if last is None and low and tokens and text[low - 1].isalnum():
        tokens = tokens[1:]  # a word cut by the reach is no word: "n engineer"
    # one lower() and a set test in C: most clauses hold no conjunction
    lowered = " ".join(tokens).lower().split(" ")  # words hold no spaces
    if tokens and not _CONJUNCTIONS.isdisjoint(lowered):
        for index in range(len(lowered) - 1, -1, -1):
            if lowered[index] in _CONJUNCTIONS:
                return tokens[index:], False
    return tokens, opens


_DASHES = "—–"
_ASIDE_BREAKS = re.compile(r"[.!?;:()\[\]\n]")


def _dash_aside(text: str, after_dash: int, start: int) -> int | None:
    """Where an aside opens, when the clause boundary just before `start` is the closing
    dash of a pair ("– which sells certificates –"), or None."""
    closing = after_dash - 1
    while closing > 0 and text[closing] == " ":
        closing -= 1
    dash = text[closing]
    if dash not in _DASHES and not (dash == "-" and text[closing - 1 : closing] == " "):
        return None
    opening = text.rfind(dash if dash in _DASHES else " - ", max(0, closing - 160), closing)
    if opening < 0 or _ASIDE_BREAKS.search(text, opening, closing):
        return None
    return opening


def main_clause(text: str, start: int, tokens: list[str]) -> list[str]:
    """The words of the clause before `start`, without a subordinate clause that opens it
    and that a comma has closed: in "regardless of whether lines were cut, the real cause
    was ..." the clause of "the real cause" is "the real", and in "Although it was not
    planned, Sam forgot" the "not" belongs to another clause."""
    if not tokens or tokens[0].lower() not in _SUBORDINATORS:
        return tokens
    comma = text.rfind(",", max(0, start - 90), start)
    if comma < 0:
        return tokens
    after = _WORD.findall(text, comma + 1, start)
    if len(after) >= len(tokens) or tokens[len(tokens) - len(after) :] != after:
        return tokens
    return after


def subject_kind(
    tokens: list[str],
    opens_sentence: bool,
    vocabulary: Vocabulary,
    *,
    shouting: bool = False,
    person_verb: bool = False,
) -> str:
    """Who does what follows: "self", "other" (a person), "thing" or "none".

    `shouting`: the clause is all in capitals, so capitals say nothing about names.
    `person_verb`: what follows is something only people do ("forgot"), so a lower-case
    word opening the sentence ("dana forgot") or a "who"/"whoever" clause names a person."""
    words = list(tokens)
    while words and words[-1].lower() in _AUXILIARIES:
        words.pop()
    if words and words[0].lower() in _CONJUNCTIONS:
        joiner = words.pop(0).lower()
        if not words:
            return {"who": "other", "whom": "other", "that": "thing", "which": "thing"}.get(
                joiner, "none"
            )
        if person_verb and joiner in _PERSON_RELATIVES:
            return "other"  # "the engineer who owns the cron forgot to renew it"
    if not words or all(word.lower() in _PREPOSITIONS or word.lower() == "to" for word in words):
        return "none"  # "To atone for my sins, ..."
    if person_verb and words[0].lower() in _FREE_RELATIVES:
        return "other"  # "whoever set up the cron forgot to add a lock"
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
        if shouting and any(_determined(word) for word in words[:-1]):
            return classify(words[-1].lower(), False, vocabulary)  # "THE DEPLOY", not a name
    last = words[-1]
    first = opens_sentence and len(words) == 1
    kind = classify(last, first, vocabulary, shouting=shouting)
    if kind == "thing" and person_verb and first and _plain_word(last, vocabulary):
        return "other"  # a first name written in lower case: "dana forgot to renew it"
    if kind == "thing" and person_verb and not shouting and _organisation(last, vocabulary):
        return "other"  # "when TSB botched the transfer": only people botch things
    return kind


def _after_comma(text: str, start: int, vocab: Vocabulary) -> str | None:
    """Who the few words after a comma just before `start` name, if they are a person.

    An opening phrase ("during the update, i ...") is not the subject; the words after
    its comma are."""
    comma = text.rfind(",", _sentence_start(text, start, 40), start)
    if comma < 0:
        return None
    words = _WORD.findall(text, comma + 1, start)
    while words and words[-1].lower() in _AUXILIARIES:
        words.pop()
    if not 1 <= len(words) <= 3:
        return None
    return subject_kind(words, True, vocab)


def _after_last_comma(text: str, start: int) -> list[str]:
    comma = text.rfind(",", _sentence_start(text, start, 90), start)
    return _WORD.findall(text, comma + 1, start) if comma >= 0 else []


def _sentence_start(text: str, start: int, reach: int) -> int:
    """Where the clause holding `start` begins, looking back at most `reach` characters."""
    low = max(0, start - reach)
    last = _LAST_BOUNDARY.match(text, low, start)
    return last.end() if last else low


def relative_head(text: str, start: int, tokens: list[str]) -> tuple[int, str] | None:
    """Where the subject ends before a relative clause set off by commas, and its pronoun.

    In "Sam, who owns the cron, forgot to renew it", "forgot" belongs to Sam: this gives
    the offset of the comma after "Sam" and "who"."""
    if not tokens or tokens[0].lower() not in _CONJUNCTIONS:
        return None
    match = _RELATIVE_CLAUSE.search(text, max(0, start - 160), start)
    if match is None or any(w.lower() not in _AUXILIARIES for w in match.group(2).split()):
        return None
    return match.start(), match.group(1).lower()


def subject_at(text: str, start: int, tokens: list[str], opens: bool, vocab: Vocabulary) -> str:
    """Who does what starts at `start`, given the clause before it."""
    shouting = "".join(tokens).isupper() and (  # the next word only matters in capitals
        (following := _WORD.match(text, start)) is None or following.group().isupper()
    )
    person_verb = vocab.person_verbs is not None and bool(vocab.person_verbs.match(text, start))
    head = relative_head(text, start, tokens)
    if head is None:
        kind = subject_kind(tokens, opens, vocab, shouting=shouting, person_verb=person_verb)
        if kind != "none" and (after_comma := _after_comma(text, start, vocab)) is not None:
            kind = after_comma  # "during the routine update, i fat-fingered the YAML"
        elif kind == "thing" and (
            person_verb or text[start - 2 : start] == ", " or "ing " in text[start - 90 : start]
        ):
            # "A technician deploying new code forgot to ...", "The employee confirmed the
            # alert, inadvertently causing a panic": the person who leads the clause (after
            # an opening phrase: "During maintenance, an engineer trying to ... fat-fingered")
            leading, gerund = _leading(_after_last_comma(text, start) or tokens, opens, vocab)
            if leading in ("self", "other") and (
                person_verb or gerund or text[start - 2 : start] == ", "
            ):
                kind = leading
        if tokens and (tokens[0].lower() in _CONJUNCTIONS or kind == "none"):
            better = resolved_subject(text, start, tokens, kind, vocab)
            if better is not None:
                return better
        return kind
    end, pronoun = head
    head_tokens, head_opens = clause_tokens(text, end)
    shouting = "".join(head_tokens).isupper() and shouting
    kind = subject_kind(head_tokens, head_opens, vocab, shouting=shouting, person_verb=person_verb)
    if pronoun in _PERSON_RELATIVES and kind in ("thing", "none"):
        return "other"  # "who" is said of people: "the releaser, who was new, forgot"
    return kind


def group_kind(phrase: str, vocabulary: Vocabulary, *, shouting: bool = False) -> str:
    """Who a short noun phrase captured by a pattern names (a person if any word does)."""
    words = _WORD.findall(phrase)
    determined = shouting and any(_determined(word) for word in words)
    for word in words:
        if _determined(word):
            continue
        kind = classify(word.lower() if determined else word, False, vocabulary, shouting=shouting)
        if kind in ("self", "other"):
            return kind
    return "thing"


def classify(
    word: str, first_in_sentence: bool, vocabulary: Vocabulary, *, shouting: bool = False
) -> str:
    """One word as a subject: a pronoun or role, a known system, or a capitalised name.

    In text written all in capitals (`shouting`) a word is taken for a name unless it is
    listed as a system, has no vowel or a digit (an acronym) or ends like a noun."""
    low = word.lower()
    if low in vocabulary.self_words:
        return "self"
    if low in vocabulary.people:
        return "other"
    if low in vocabulary.systems:
        return "thing"
    if shouting:
        if not word.isalpha() or not _VOWEL.search(low) or low.endswith(_NOUN_ENDINGS):
            return "thing"
        return "other"
    if not word[0].isupper() or low in _PREPOSITIONS or low == "to":
        return "thing"  # "To atone for my sins", "For two hours": not a name
    if len(word) > 1 and (word.isupper() or any(ch.isupper() or ch.isdigit() for ch in word[1:])):
        return "thing"  # an acronym, CamelCase product or versioned name
    if first_in_sentence and low.endswith(_NOUN_ENDINGS):
        return "thing"  # "Replication ..." at the start of a sentence
    return "other"


def _organisation(word: str, vocabulary: Vocabulary) -> bool:
    """An acronym or a CamelCase name ("TSB", "CenturyLink") that may name a company or a
    team, before what only people do."""
    camel = word[:1].isupper() and any(ch.isupper() for ch in word[1:]) and word.isalpha()
    acronym = word.isalpha() and word.isupper() and 2 <= len(word) <= 6
    return (acronym or camel) and word.lower() not in vocabulary.systems


def _determined(word: str) -> bool:
    """A determiner or a possessive: what comes after it is not a bare name."""
    low = word.lower()
    return low in _DETERMINERS or low.endswith("'s")


def _plain_word(word: str, vocabulary: Vocabulary) -> bool:
    """A lower-case word that could be a first name: letters only, not a system or noun."""
    low = word.lower()
    return (
        word.isalpha()
        and word.islower()
        and low not in vocabulary.systems
        and not low.endswith(_NOUN_ENDINGS)
    )


def negated(tokens: list[str], vocabulary: Vocabulary) -> bool:
    """Whether a negator sits in the clause before the match (or among its last few words,
    with a negation_window): "nothing in the output made it obvious", "it was not ..."."""
    window = vocabulary.negation_window
    recent = tokens if window is None else tokens[-window:] if window else []
    for word in recent:
        low = word.lower()
        if low in vocabulary.negators or (low.endswith("n't") and "n't" in vocabulary.negators):
            return True
    return False


def around(text: str, start: int, end: int, reach: int = 45) -> tuple[str, str]:
    """The text just before and just after a match, whitespace folded to single spaces."""
    return before(text, start, reach), after(text, end, reach)


def before(text: str, start: int, reach: int = 45) -> str:
    """The text just before `start`, whitespace folded to single spaces."""
    return folded(text[start - reach if start > reach else 0 : start])


def after(text: str, end: int, reach: int = 45) -> str:
    """The text just after `end`, whitespace folded to single spaces."""
    return folded(text[end : end + reach])


def folded(piece: str) -> str:
    """Runs of whitespace as single spaces."""
    if "\n" in piece or "\t" in piece or "  " in piece:
        return _SPACES.sub(" ", piece)
    return piece


def negative_subject(tokens: list[str], vocabulary: Vocabulary) -> bool:
    """Whether the clause opens with a subject that is no one: "No one failed to ..."."""
    words = [word.lower() for word in tokens[:4]]
    if words and words[0] in _CONJUNCTIONS:
        words = words[1:]
    if not words:
        return False
    negatives = vocabulary.negative_subjects
    return words[0] in negatives or " ".join(words[:2]) in negatives


_RELATIVES = frozenset({"who", "whom", "that", "which"})
_INDEFINITE = frozenset({"a", "an", "any", "every", "each"})
_COORDINATORS = frozenset({"and", "but", "or", "so"})
_MODALS = frozenset(
    {"will", "would", "might", "may", "could", "can", "should", "must", "shall", "'ll", "'d"}
)


def _word_before(text: str, start: int, word: str) -> int | None:
    """Where the last `word` (any case) before `start` begins, within the clause reach."""
    found = None
    for match in re.finditer(rf"\b{re.escape(word)}\b", text[max(0, start - 100) : start], re.I):
        found = match.start()
    return None if found is None else max(0, start - 100) + found


def leading_subject(tokens: list[str], opens: bool, vocabulary: Vocabulary) -> str:
    """Who a whole clause is about: the words before its first verb ("Sam restarted it")."""
    return _leading(tokens, opens, vocabulary)[0]


def _leading(tokens: list[str], opens: bool, vocabulary: Vocabulary) -> tuple[str, bool]:
    """leading_subject, and whether the subject is followed by a gerund ("an engineer
    trying to assess capacity ..."), which leaves the subject to the verb after it."""
    words = list(tokens)
    if words and words[0].lower() in _CONJUNCTIONS:
        words.pop(0)
        opens = False
    for index, word in enumerate(words):
        low = word.lower()
        gerund = len(low) > 5 and low.endswith("ing")
        if index and (low in vocabulary.verb_forms or low in _AUXILIARIES or gerund):
            return subject_kind(words[:index], opens, vocabulary), gerund
    return "none", False


def resolved_subject(
    text: str, start: int, tokens: list[str], kind: str, vocabulary: Vocabulary
) -> str | None:
    """A better reading of who does what starts at `start`, or None to keep `kind`.

    - "the engineer who owns the cron failed to ...", "the team that owns it forgot": the
      subject is the noun before a relative clause that has no commas;
    - "Sam restarted the job and forgot to drain it": a clause after "and" with no subject
      of its own shares the one before."""
    if len(tokens) < 2:
        lead = tokens[0].lower() if tokens else ""
        if kind != "none" or lead not in _COORDINATORS:
            return None
    lead = tokens[0].lower()
    if lead in _RELATIVES and len(tokens) >= 2:
        following = tokens[1].lower()
        if following not in vocabulary.verb_forms and following not in _AUXILIARIES:
            return None  # "that Sam wrote": the clause has its own subject
        at = _word_before(text, start, tokens[0])
        if at is None:
            return None
        head_tokens, head_opens = clause_tokens(text, at)
        if head_tokens and head_tokens[0].lower() in _CONJUNCTIONS:
            return None
        head = subject_kind(head_tokens, head_opens, vocabulary)
        if lead in _PERSON_RELATIVES and head in ("thing", "none"):
            return "other"
        return head
    if kind == "none" and lead in _COORDINATORS:
        if any(word.lower() not in _AUXILIARIES for word in tokens[1:]):
            return None
        at = _word_before(text, start, tokens[0])
        if at is None:
            return None
        before_tokens, before_opens = clause_tokens(text, at, reach=200)
        found = leading_subject(before_tokens, before_opens, vocabulary)
        return None if found == "none" else found
    return None


def perceived(text: str, start: int, end: int, tokens: list[str], vocabulary: Vocabulary) -> bool:
    """Whether "obvious" or "clearly" here reports what was seen at the time.

    "It became obvious that ...", "I could clearly hear the fans", "the graph was clearly
    bimodal", "obviously wrong output was on the dashboard, so I paused"."""
    recent = [word.lower() for word in tokens[-4:]]
    if not vocabulary.moment_words.isdisjoint(recent):
        return True
    stop = _SENTENCE_END.search(text, end, min(len(text), end + 40))
    ahead = stop.start() if stop else min(len(text), end + 40)
    following = [word.lower() for word in _WORD.findall(text, end, ahead)[:3]]
    words = [word.lower() for word in tokens]
    senses = vocabulary.perception_verbs
    if not (senses.isdisjoint(following[:2]) and senses.isdisjoint(recent[-2:])) and not (
        _ABILITY.isdisjoint(words) and vocabulary.self_words.isdisjoint(words)
    ):
        return True  # "I could clearly hear the fans", not "Sam clearly saw the alert"
    observables = vocabulary.observables
    while words and words[-1] in _AUXILIARIES:
        words.pop()
    described = bool(following) and not (  # "clearly bimodal", not "clearly showing a leak"
        following[0].endswith("ing") or following[0] in vocabulary.verb_forms
    )
    if described and words and _observable(words[-1], observables):
        return True
    if described and len(following) > 1 and _observable(following[1], observables):
        return True  # "obviously wrong output", "clearly bimodal graph"
    reaction = vocabulary.reaction_after
    if reaction is not None:
        rest = text[end : end + 160]
        stop = _SENTENCE_END.search(rest)
        return reaction.search((rest[: stop.start()] if stop else rest).lower()) is not None
    return False


_SENTENCE_END = re.compile(r"[.!?\n]")
_ABILITY = frozenset({"could", "can", "couldn't", "can't"})


def _observable(word: str, observables: frozenset[str]) -> bool:
    return word in observables or (word.endswith("s") and word[:-1] in observables)


_LINE_MARKS = " \t#*_>|-+0123456789."
_LABEL_AFTER = re.compile(r"s?[*_]*\s*(?::[*_]*\s*|\|.*)?")
_LIST_BEFORE = re.compile(r"[,;:/] ?(?:[\w'-]+ ){0,2}[\w'-]+ ?(?:,|/| and| or)(?: and| or)? \Z")
_LIST_AFTER = re.compile(
    r"\A(?:,|/| and| or)(?: and| or)? (?:[\w'-]+ ){0,2}[\w'-]+ ?(?:[,;/)]|and |or |\Z)"
)


def _adverb(word: str) -> bool:
    return word.endswith("ly") or word in _FREQUENCY


_ASSERTING = frozenset(
    {"is", "lies", "remains", "seems", "appears", "looks", "sits", "stems", "has"}
)
_FREQUENCY = frozenset({"sometimes", "often", "always", "usually", "rarely", "never", "seldom"})


def talked_about(
    text: str, start: int, end: int, tokens: list[str], vocabulary: Vocabulary
) -> bool:
    """Whether a concept's words are talked about rather than used.

    A label ("Root cause:", a heading), a contrast or search in its clause ("rather than
    looking for", "instead of asking who was"), a definition ("human error is never a root
    cause") or a list of terms ("blame, hindsight and root cause")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not text[line_start:start].strip(_LINE_MARKS):  # a label or heading, on its own
        rest = text[end:line_end]
        if _LABEL_AFTER.fullmatch(rest) or text[line_start:start].lstrip().startswith("#"):
            return True
    clause = vocabulary.mention_clause
    own = main_clause(text, start, tokens)
    if clause is not None and own and clause.search(" ".join(own).lower()):
        return True
    sentence_wide = vocabulary.mention_sentence
    if sentence_wide is not None:  # "without assigning blame or implying that ..."
        boundary = _LAST_BOUNDARY.match(text, max(0, start - 200), start)
        sentence = _WORD.findall(text, boundary.end() if boundary else max(0, start - 200), start)
        if sentence_wide.search(" ".join(sentence).lower()):
            return True
    words = [word.lower() for word in tokens]
    if not _MODALS.isdisjoint(words):
        return True  # "any system ... will at some point be disrupted by human error"
    if words and words[0] in _CONJUNCTIONS:
        words.pop(0)
    opening = all(word in _DETERMINERS or _adverb(word) for word in words)
    following = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    verb = following.group().lower() if following else ""
    if opening and verb in vocabulary.present_forms and verb not in _ASSERTING:
        return True  # a generic statement: "human error cascades into machine error"
    definition = vocabulary.definition_after
    if opening and definition and definition.match(folded(text[end : end + 45]).lower()):
        return True
    before_words = folded(text[max(line_start, start - 40) : start]).lower()
    after_words = folded(text[end : min(line_end, end + 40)]).lower()
    if _LIST_BEFORE.search(before_words):  # "blame, hindsight and root cause"
        return bool(_LIST_AFTER.match(after_words)) or after_words[:1] in ("", ".", ";", ")")
    return bool(_LIST_AFTER.match(after_words)) and bool(_ITEM_START.search(before_words))


_ITEM_START = re.compile(r"(?:^|[,;:(]) ?\Z")


def hypothetical(
    text: str, start: int, end: int, tokens: list[str], vocabulary: Vocabulary
) -> bool:
    """Whether a lapse is imagined or generic, not told: "until one person forgets",
    "if someone fails to ...", "people forget things"."""
    verbs = [word.lower() for word in _WORD.findall(text, start, min(len(text), start + 40))]
    while verbs and verbs[0].endswith("ly"):
        verbs.pop(0)  # "mistakenly deleted": the verb is the word after
    verb = verbs[0] if verbs else ""
    present = verb in vocabulary.present_forms or (
        verb not in vocabulary.verb_forms and not verb.endswith("ed")
    )
    words = [word.lower() for word in main_clause(text, start, tokens)]
    if not words and text[start - 2 : start] == ", ":
        # "if someone unplugs it, causing an outage": the words after the comma belong to
        # the clause before it, imagined or not
        words = [word.lower() for word in tokens]
    modal = not _MODALS.isdisjoint(words)
    subject = words[1:] if words and words[0] in _CONJUNCTIONS else words
    while subject and subject[-1] in _AUXILIARIES:
        subject.pop()
    generic = vocabulary.generic_subjects
    anyone = (
        " ".join(subject) in generic
        or " ".join(subject[-2:]) in generic
        or " ".join(subject[-1:]) in generic
        or (len(subject) == 2 and subject[0] in _INDEFINITE)  # "a technician makes a mistake"
    )
    if (words and words[0] in vocabulary.hypothetical) and (
        words[0] == "whether" or present or modal or anyone
    ):
        return True  # "if someone forgets", "whether the failure was predictable"
    return (present or modal) and anyone


def technical(text: str, start: int, end: int, vocabulary: Vocabulary) -> bool:
    """Whether the match lies inside a technical term ("sloppy quorum", "TERM=dumb").

    Only the terms that share a word with the match are looked for."""
    index = vocabulary.technical
    low = max(0, start - 40)
    window = ""
    for word in _WORD.findall(text, start, end):
        for pattern in index.get(word.lower(), ()):
            window = window or text[low : end + 40]
            for found in pattern.finditer(window):
                if found.start() + low < end and found.end() + low > start:
                    return True
    return False
