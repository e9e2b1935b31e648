"""Compiling validated rules files into a RuleSet: terms written out, patterns compiled,
keywords and quick tests worked out. Run only when the cache has no compiled rules."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from secondstory.errors import FileProblem
from secondstory.language.compiled import Rule, RuleSet, Vocabulary, ends_of, needs_of
from secondstory.language.scan import (
    keyword_scanner,
    leading_keywords,
)
from secondstory.language.schema import ContextSpec, RulesFile, RuleSpec, SubjectsSpec, extend
from secondstory.language.words import alternation, word_classes

_TERM = re.compile(r"\{([a-z_]+)\}")


def merge(files_in_order: Sequence[tuple[Path, RulesFile]]) -> RuleSet:
    """Later files add to, replace or switch off what earlier ones defined, then compile."""
    terms: dict[str, list[str]] = {name: list(words) for name, words in word_classes().items()}
    subjects = SubjectsSpec()
    context = ContextSpec()
    specs: dict[str, tuple[Path, RuleSpec]] = {}
    for path, data in files_in_order:
        for name, words in data.terms.items():
            terms[name] = terms.get(name, []) + words
        subjects = extend(subjects, data.subjects)
        context = extend(context, data.context)
        for name in _CONTEXT_PATTERNS:
            _joined(path, f"context.{name}", getattr(data.context, name), "", "")
        _joined(path, "subjects.person_verbs", data.subjects.person_verbs, "", "")
        for spec in data.rules:
            specs[spec.id] = (path, spec)
        for rule_id in data.disabled:
            specs.pop(rule_id, None)
    first = files_in_order[0][0] if files_in_order else Path("language.toml")
    vocabulary = _vocabulary(first, subjects, context)
    classes = set(word_classes())
    rules = tuple(
        _compile_rule(path, spec, _Expander(path, terms, classes)) for path, spec in specs.values()
    )
    everywhere = {word for rule in rules for word in rule.keywords}
    rules = tuple(_led(rule, everywhere) for rule in rules)
    rules = tuple(_technical(rule, vocabulary) for rule in rules)
    scanner = keyword_scanner(everywhere)
    return RuleSet(rules, vocabulary, scanner, tuple(path for path, _ in files_in_order))


_CONTEXT_PATTERNS = (
    "mention_before",
    "mention_after",
    "mention_clause",
    "mention_sentence",
    "definition_after",
    "reaction_after",
    "technical",
)
_TECHNICAL_WORD = re.compile(r"[a-z]{3,}")


def _technical_index(where: Path, terms: list[str]) -> dict[str, tuple[re.Pattern[str], ...]]:
    index: dict[str, tuple[re.Pattern[str], ...]] = {}
    for term in terms:
        pattern = _regex(where, "context.technical", term)
        for word in set(_TECHNICAL_WORD.findall(term.lower())):
            index[word] = (*index.get(word, ()), pattern)
    return index


def _vocabulary(where: Path, subjects: SubjectsSpec, context: ContextSpec) -> Vocabulary:
    # `where` only names a file in a message: every file's patterns were checked in merge()

    def lower(words: Iterable[str]) -> frozenset[str]:
        return frozenset(word.lower() for word in words)

    mention_before = _joined(
        where, "context.mention_before", context.mention_before, "", r"\Z", lowered=True
    )
    classes = word_classes()
    return Vocabulary(
        self_words=lower(subjects.self_words),
        people=lower(subjects.people),
        systems=lower(subjects.systems),
        person_verbs=_joined(where, "subjects.person_verbs", subjects.person_verbs, "", r"\b"),
        negators=lower(context.negators),
        negation_window=context.negation_window,
        mention_before=mention_before,
        mention_before_ends=ends_of(mention_before),
        mention_after=_joined(
            where, "context.mention_after", context.mention_after, "", "", lowered=True
        ),
        negative_subjects=lower(context.negative_subjects),
        mention_clause=_joined(
            where, "context.mention_clause", context.mention_clause, "", "", lowered=True
        ),
        mention_sentence=_joined(
            where, "context.mention_sentence", context.mention_sentence, "", "", lowered=True
        ),
        definition_after=_joined(
            where, "context.definition_after", context.definition_after, "", "", lowered=True
        ),
        perception_verbs=lower(context.perception_verbs),
        moment_words=lower(context.moment_words),
        observables=lower(context.observables),
        reaction_after=_joined(
            where, "context.reaction_after", context.reaction_after, "", "", lowered=True
        ),
        technical=_technical_index(where, context.technical),
        hypothetical=lower(context.hypothetical),
        generic_subjects=lower(context.generic_subjects),
        verb_forms=frozenset(
            word for name in ("any_past", "any_third_person") for word in classes.get(name, ())
        ),
        present_forms=frozenset(classes.get("any_third_person", ())),
    )


def _compile_rule(path: Path, spec: RuleSpec, expander: _Expander) -> Rule:
    where = f"rule {spec.id!r}"

    def expand(patterns: list[str]) -> list[str]:
        return [expander.context(where, pattern) for pattern in patterns]

    written = [expander.pattern(where, pattern) for pattern in spec.patterns]
    sources = [source for source, _ in written]
    compiled = tuple(
        _regex(path, f"{where}, pattern {n}", source) for n, source in enumerate(sources, start=1)
    )
    keywords = tuple(word.lower() for word in spec.keywords)
    per_pattern = tuple(_keywords_for(source, keywords) for source in sources)
    unless_before = _joined(
        path, f"{where}, unless_before", expand(spec.unless_before), "", r"\Z", lowered=True
    )
    return Rule(
        id=spec.id,
        category=spec.category,
        message=spec.message,
        reframe=spec.reframe,
        patterns=compiled,
        keywords=keywords,
        pattern_keywords=per_pattern,
        pattern_led=(False,) * len(compiled),  # decided in _led, once all keywords are known
        pattern_classes=tuple(groups for _, groups in written),
        subject=frozenset(spec.subject) if spec.subject is not None else None,
        unless_before=unless_before,
        unless_before_ends=ends_of(unless_before),
        unless_before_needs=needs_of(unless_before),
        unless_after=_joined(
            path, f"{where}, unless_after", expand(spec.unless_after), "", "", lowered=True
        ),
        negatable=spec.negatable,
        suggest_field=spec.suggest_field,
        concept=spec.concept,
        perception=spec.perception,
        narrative_only=spec.narrative_only,
        negative_subject=spec.negative_subject,
    )


def _led(rule: Rule, everywhere: set[str]) -> Rule:
    """The rule with each pattern that always begins with a keyword marked as such.

    A pattern's own keywords are tried first; failing those, any rule's keyword that every
    match begins with ("could" for "could not be bothered") serves just as well, since the
    scanner looks for all of them anyway. Only a speed-up: see scan.py."""
    keywords, led = [], []
    for pattern, own in zip(rule.patterns, rule.pattern_keywords, strict=True):
        leading = leading_keywords(pattern.pattern, own) if own else None
        if leading is None and own:
            leading = leading_keywords(pattern.pattern, everywhere)
        keywords.append(leading or own)
        led.append(leading is not None)
    return dataclasses.replace(rule, pattern_keywords=tuple(keywords), pattern_led=tuple(led))


def _technical(rule: Rule, vocabulary: Vocabulary) -> Rule:
    """The rule marked with whether a technical term may hold one of its matches: whether
    a word of a term and one of its keywords hold one another ("slopp" and "sloppy").
    A rule without keywords may match anything. Only a speed-up."""
    words = vocabulary.technical
    may = not rule.keywords or any(
        keyword.strip() in word or word in keyword for keyword in rule.keywords for word in words
    )
    return dataclasses.replace(rule, technical=may)


def _keywords_for(source: str, keywords: tuple[str, ...]) -> tuple[str, ...]:
    """The keywords written in this pattern, or all of them if it names none.

    Only a speed-up: searching near fewer keywords means scanning less text."""
    own = tuple(word for word in keywords if word in source.lower())
    return own or keywords


_ClassGroups = tuple[tuple[str, frozenset[str]], ...]
_CLASS_WORD = r"[^\W\d_][\w'-]*"  # one word, checked against the class after matching


class _Expander:
    """Writes out {name} in patterns: [terms] lists as alternations, word classes as a
    group that captures one word, checked against the class once a pattern matches.

    A class holds thousands of words; as an alternation in every pattern that uses it, it
    would take seconds to compile, while a set look-up per match costs nothing."""

    def __init__(self, path: Path, terms: dict[str, list[str]], classes: set[str]) -> None:
        self.path = path
        self.terms = terms
        self.classes = classes
        self._plain: dict[tuple[str, bool], str] = {}  # lists without a class group, written
        self._groups: list[tuple[str, frozenset[str]]] = []

    def pattern(self, where: str, source: str) -> tuple[str, _ClassGroups]:
        """The pattern written out, and its class groups: (group name, the class's words)."""
        self._groups = []
        return self._expand(where, source, (), grouped=True), tuple(self._groups)

    def context(self, where: str, source: str) -> str:
        """A context pattern written out: there a class is a plain alternation."""
        return self._expand(where, source, (), grouped=False)

    def _expand(self, where: str, source: str, seen: tuple[str, ...], *, grouped: bool) -> str:
        def term(match: re.Match[str]) -> str:
            name = match.group(1)
            words = self.terms.get(name)
            if words is None:
                raise FileProblem(self.path, f"{where} uses {{{name}}}, which is not in [terms]")
            if name in seen:
                raise FileProblem(self.path, f"{where}: [terms].{name} uses itself")
            if name in self.classes and grouped:
                return self._class_group(where, name, words, seen)
            refs = [_CLASS_REF.fullmatch(word) for word in words]
            if grouped and all(ref and ref.group(1) in self.classes for ref in refs):
                # a list of classes only ("{any_past}", "{any_gerund}"): one group for all
                union = [w for ref in refs if ref for w in self.terms[ref.group(1)]]
                return self._class_group(where, name, union, seen)
            if (name, grouped) in self._plain:
                return self._plain[name, grouped]
            before = len(self._groups)
            inner = [self._expand(where, w, (*seen, name), grouped=grouped) for w in words]
            written = alternation(inner)
            if len(self._groups) == before:
                self._plain[name, grouped] = written
            return written

        return _TERM.sub(term, source)

    def _class_group(self, where: str, name: str, words: list[str], seen: tuple[str, ...]) -> str:
        plain = frozenset(word.lower() for word in words if _PLAIN_WORD.match(word))
        group = f"_class{len(self._groups)}"
        self._groups.append((group, plain))
        others = [
            self._expand(where, w, (*seen, name), grouped=True)
            for w in words
            if not _PLAIN_WORD.match(w)
        ]
        return "(?:" + "|".join([f"(?P<{group}>{_CLASS_WORD})", *others]) + ")"


_CLASS_REF = re.compile(r"\{([a-z_]+)\}")
_PLAIN_WORD = re.compile(r"[a-zA-Z][a-zA-Z'-]*\Z")


def _joined(
    path: Path, where: str, patterns: list[str], head: str, tail: str, *, lowered: bool = False
) -> re.Pattern[str] | None:
    """The patterns as one alternation. `lowered`: it will only see lowercased text."""
    if not patterns:
        return None
    for n, pattern in enumerate(patterns, start=1):
        _regex(path, f"{where} {n}", pattern)
    joined = head + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")" + tail
    compiled = _regex(path, where, joined)
    if lowered and _case_free(joined):
        return re.compile(joined)  # the same matches on lowercased text, several times faster
    return compiled


def _case_free(source: str) -> bool:
    """Whether the pattern, matched case-sensitively against lowercased text, finds what it
    finds case-insensitively: no upper-case or non-ASCII letter, character code or flag."""
    if re.search(r"\(\?[a-zA-Z]*-", source):
        return False  # (?-i:...) asks for case to matter
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            if source[index + 1 : index + 2] in tuple("xuUN0123456789"):
                return False  # a character given by its code may be an upper-case letter
            index += 2
            continue
        if char != char.lower() or (not char.isascii() and char.isalpha()):
            return False
        index += 1
    return True


def _regex(path: Path, where: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise FileProblem(path, f"{where} is not a valid regular expression ({exc})") from None
