"""Blame-language rules as data: read, validate, merge with a team's file, and compile.

The built-in rules ship as prompts/language.toml inside the package. A team can add rules,
replace one by reusing its id, switch rules off with `disabled = [...]`, and extend the word
lists, in paths.config_dir()/"language.toml" or in files named on the command line.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from secondstory.errors import FileProblem, SecondstoryError
from secondstory.files import paths
from secondstory.files.resources import builtin_prompt_file
from secondstory.files.storage import parse_model, read_toml
from secondstory.language.scan import (
    KeywordScanner,
    keyword_scanner,
    leading_keywords,
    required_pieces,
    trailing_pieces,
)
from secondstory.language.words import alternation, builtin_words_path, word_classes

KIND = "secondstory.language"
FILE_NAME = "language.toml"
SubjectKind = Literal["self", "other", "thing", "none"]
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _kebab(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"{value!r} should be lowercase words joined by dashes, like team-cowboy")
    return value


Kebab = Annotated[str, AfterValidator(_kebab)]
_TERM = re.compile(r"\{([a-z_]+)\}")
_INLINE_FLAGS = re.compile(r"\(\?([a-zA-Z-]+)[:)]")
S = TypeVar("S", bound=BaseModel)


class RuleSpec(BaseModel):
    """One rule as written in a rules file."""

    model_config = ConfigDict(extra="forbid", strict=True)
    id: Kebab
    """Stable kebab-case name, used to silence or disable the rule."""
    category: Kebab
    """The kind of language: counterfactual, judgement, self-blame, hindsight, ..."""
    patterns: list[str] = Field(min_length=1)
    """Regular expressions; `{name}` stands for the word list [terms].name, or for a
    generated word class such as {any_participle} (see language_words.toml)."""
    keywords: list[str] = []
    """Word pieces of which every match holds one; text without them is skipped quickly.
    Leave empty to search all the text (slower, always right)."""
    message: str = Field(min_length=1)
    """A short, kind note on what the words do."""
    reframe: str = Field(min_length=1)
    """A situational question to ask instead."""
    subject: list[SubjectKind] | None = None
    """Who must be doing it (self, other person, thing, none); absent means anyone."""
    unless_before: list[str] = []
    """Patterns that, ending right before the match, keep it quiet."""
    unless_after: list[str] = []
    """Patterns that, starting right after the match, keep it quiet."""
    negatable: bool = True
    """Whether a negation a few words before keeps the match quiet."""
    suggest_field: str | None = None
    """An account field the words may belong in instead (e.g. "expected")."""
    concept: bool = False
    """The words name a concept ("root cause"), which may be talked about rather than used:
    a label ("Root cause:"), a definition ("... is never a root cause"), a contrast
    ("rather than looking for ...") or a list of terms keeps the match quiet."""
    perception: bool = False
    """The words may report what was seen at the time ("it became obvious", "the graph
    was clearly bimodal", "I could clearly hear"): then the match stays quiet."""
    narrative_only: bool = False
    """Only a told event counts: in a hypothetical or generic clause ("until one person
    forgets", "if someone fails to") the match stays quiet."""
    negative_subject: bool = True
    """Whether a negative subject ("No one failed to ...") keeps the match quiet, even when
    the rule is not negatable."""


class SubjectsSpec(BaseModel):
    """Words that tell a person from a system when deciding who a sentence is about."""

    model_config = ConfigDict(extra="forbid", strict=True)
    self_words: list[str] = Field(default=[], alias="self")
    """First-person subjects."""
    people: list[str] = []
    """Pronouns and roles that name other people."""
    systems: list[str] = []
    """Words (often capitalised product names) that name systems, not people."""
    person_verbs: list[str] = []
    """Patterns for what only a person does ("forgot"): starting a match, they let weaker
    signs name a person, such as a lower-case first word ("dana forgot") or "whoever"."""


class ContextSpec(BaseModel):
    """When matched words are not a use of them: negations and mentions."""

    model_config = ConfigDict(extra="forbid", strict=True)
    negators: list[str] = []
    """Words that negate what follows; "n't" matches any contraction."""
    negation_window: int | None = Field(default=None, ge=0, le=10)
    """How many words before a match are searched for a negator; absent: the whole clause."""
    negative_subjects: list[str] = []
    """Words that, opening a clause, make its subject no one ("no one", "nothing")."""
    mention_before: list[str] = []
    """Patterns ending right before a match that make it a mention ("the phrase ...")."""
    mention_after: list[str] = []
    """Patterns starting right after a match that make it a mention ("... field")."""
    mention_clause: list[str] = []
    """Patterns found in the clause before a concept that make it talked about, not used
    ("rather than looking for", "instead of asking")."""
    mention_sentence: list[str] = []
    """Patterns found earlier in the sentence of a concept, past any conjunction, that make
    it talked about ("without assigning blame or implying that one person caused it")."""
    definition_after: list[str] = []
    """Patterns starting right after a concept that opens its clause and make it a
    definition ("human error is never ...")."""
    perception_verbs: list[str] = []
    """Verbs of sensing: "clearly hear" reports a perception, not hindsight."""
    moment_words: list[str] = []
    """Words that place the seeing in the moment: "it became obvious", "soon clear"."""
    observables: list[str] = []
    """What people look at (graph, dashboard, output): "the graph was clearly bimodal"."""
    reaction_after: list[str] = []
    """Patterns later in the sentence that tell it was acted on then (", so I paused")."""
    technical: list[str] = []
    """Technical terms that hold a rule's words ("sloppy quorum", "lazy loading"): a match
    inside one stays quiet."""
    hypothetical: list[str] = []
    """Words opening a hypothetical clause ("if", "until"), for narrative_only rules."""
    generic_subjects: list[str] = []
    """Subjects of generic statements ("someone", "a person"), for narrative_only rules."""


class RulesFile(BaseModel):
    """A whole rules file: the built-in one or a team's."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)
    format: int
    """File format version."""
    kind: Literal["secondstory.language"]
    """Always "secondstory.language"."""
    terms: dict[str, list[str]] = {}
    """Named word lists usable in patterns as {name}."""
    subjects: SubjectsSpec = SubjectsSpec()
    """Word lists for telling people from systems."""
    context: ContextSpec = ContextSpec()
    """Negation and mention settings."""
    rules: list[RuleSpec] = []
    """Rules to add, or to replace when the id is already known."""
    disabled: list[str] = []
    """Ids of rules to switch off."""


@dataclass(frozen=True)
class Rule:
    """A compiled rule, ready to match lowercased text."""

    id: str
    category: str
    message: str
    reframe: str
    patterns: tuple[re.Pattern[str], ...]
    keywords: tuple[str, ...]
    pattern_keywords: tuple[tuple[str, ...], ...]  # the keywords worth searching per pattern
    pattern_led: tuple[bool, ...]  # per pattern: every match begins with one of its keywords
    pattern_classes: tuple[tuple[tuple[str, frozenset[str]], ...], ...]  # see _Expander
    subject: frozenset[str] | None
    unless_before: re.Pattern[str] | None
    unless_before_ends: tuple[str, ...] | None  # see ends_of
    unless_before_needs: re.Pattern[str] | None  # see needs_of
    unless_after: re.Pattern[str] | None
    negatable: bool
    suggest_field: str | None
    concept: bool = False
    perception: bool = False
    narrative_only: bool = False
    negative_subject: bool = True
    technical: bool = True  # whether a technical term may hold a match (see _technical)


@dataclass(frozen=True)
class Vocabulary:
    """Lowercased word sets used to classify a sentence's subject."""

    self_words: frozenset[str]
    people: frozenset[str]
    systems: frozenset[str]
    person_verbs: re.Pattern[str] | None
    negators: frozenset[str]
    negation_window: int | None  # None: the whole clause
    mention_before: re.Pattern[str] | None
    mention_before_ends: tuple[str, ...] | None  # see ends_of
    mention_after: re.Pattern[str] | None
    negative_subjects: frozenset[str] = frozenset()
    mention_clause: re.Pattern[str] | None = None
    mention_sentence: re.Pattern[str] | None = None
    definition_after: re.Pattern[str] | None = None
    perception_verbs: frozenset[str] = frozenset()
    moment_words: frozenset[str] = frozenset()
    observables: frozenset[str] = frozenset()
    reaction_after: re.Pattern[str] | None = None
    technical: dict[str, tuple[re.Pattern[str], ...]] = dataclasses.field(default_factory=dict)
    """A word of a technical term -> the terms that hold it."""
    hypothetical: frozenset[str] = frozenset()
    generic_subjects: frozenset[str] = frozenset()
    verb_forms: frozenset[str] = frozenset()  # past and present forms: where a clause's verb is
    present_forms: frozenset[str] = frozenset()  # third person present: "forgets"


@dataclass(frozen=True)
class RuleSet:
    """The rules in force, in order, with the vocabulary they rely on."""

    rules: tuple[Rule, ...]
    vocabulary: Vocabulary
    scanner: KeywordScanner
    sources: tuple[Path, ...] = ()

    def ids(self) -> list[str]:
        """Rule ids in order."""
        return [rule.id for rule in self.rules]

    def get(self, rule_id: str) -> Rule | None:
        """The rule with this id, if it is in force."""
        return next((rule for rule in self.rules if rule.id == rule_id), None)

    def __len__(self) -> int:
        return len(self.rules)


def builtin_path() -> Path:
    """The shipped rules file (inside the wheel, or the repository's prompts/)."""
    return Path(str(builtin_prompt_file(FILE_NAME)))


def read_rules_file(path: Path) -> RulesFile:
    """Read and validate one rules file, or raise FileProblem naming it."""
    return parse_model(path, read_toml(path), RulesFile, KIND)


def merge(files_in_order: Sequence[tuple[Path, RulesFile]]) -> RuleSet:
    """Later files add to, replace or switch off what earlier ones defined, then compile."""
    terms: dict[str, list[str]] = {name: list(words) for name, words in word_classes().items()}
    subjects = SubjectsSpec()
    context = ContextSpec()
    specs: dict[str, tuple[Path, RuleSpec]] = {}
    for path, data in files_in_order:
        for name, words in data.terms.items():
            terms[name] = terms.get(name, []) + words
        subjects = _extend(subjects, data.subjects)
        context = _extend(context, data.context)
        for name in _CONTEXT_PATTERNS:
            _joined(path, f"context.{name}", getattr(data.context, name), "", "")
        _joined(path, "subjects.person_verbs", data.subjects.person_verbs, "", "")
        for spec in data.rules:
            specs[spec.id] = (path, spec)
        for rule_id in data.disabled:
            specs.pop(rule_id, None)
    vocabulary = _vocabulary(subjects, context)
    classes = set(word_classes())
    rules = tuple(
        _compile_rule(path, spec, _Expander(path, terms, classes)) for path, spec in specs.values()
    )
    everywhere = {word for rule in rules for word in rule.keywords}
    rules = tuple(_led(rule, everywhere) for rule in rules)
    rules = tuple(_technical(rule, vocabulary) for rule in rules)
    scanner = keyword_scanner(everywhere)
    return RuleSet(rules, vocabulary, scanner, tuple(path for path, _ in files_in_order))


def team_path() -> Path:
    """Where a team's own rules file is looked for: language.toml in the config folder."""
    return paths.config_dir() / FILE_NAME


def load_rules(extra: Sequence[Path] = (), *, use_config: bool = True) -> RuleSet:
    """Built-in rules, then the team file in the config folder (if any), then `extra`."""
    chosen = [builtin_path()]
    team = team_path()
    if use_config and team.is_file():
        chosen.append(team)
    chosen.extend(extra)
    from secondstory.language.cache import cached

    def build() -> RuleSet:
        return merge([(path, read_rules_file(path)) for path in chosen])

    # Compiled once per set of rules files, then read back (docs/performance.md).
    sources = [*chosen, builtin_words_path()]
    return cached(sources, build, RuleSet, (Rule, Vocabulary, KeywordScanner))


def load_rules_or_default(extra: Sequence[Path] = ()) -> tuple[RuleSet, str | None]:
    """Like `load_rules`, but a team file in the config folder that cannot be used is left out.

    Returns the rules and None, or, when the team file is broken, the rules without it and
    a one-line warning naming its path. A broken file in `extra` (named by the person, so
    they can fix it) still raises FileProblem."""
    try:
        return load_rules(extra), None
    except SecondstoryError as problem:
        first = problem
    # Without the team file: if this fails too, the problem is in `extra` and is raised.
    rules = load_rules(extra, use_config=False) if extra else default_rules()
    team = team_path()
    mine = isinstance(first, FileProblem) and first.path == team
    reason = first.reason if isinstance(first, FileProblem) and mine else str(first)
    warning = f"{team} could not be used ({reason}); using the built-in language rules"
    return rules, " ".join(warning.split())


@functools.cache
def default_rules() -> RuleSet:
    """The built-in rules only, compiled once per process."""
    return load_rules(use_config=False)


def _extend(base: S, more: S) -> S:
    """Lists grow, single values are replaced, by what a later file sets."""
    values = base.model_dump(by_alias=True)
    for key, value in more.model_dump(by_alias=True, exclude_unset=True).items():
        values[key] = values[key] + value if isinstance(value, list) else value
    return type(base).model_validate(values)


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


def _vocabulary(subjects: SubjectsSpec, context: ContextSpec) -> Vocabulary:
    where = builtin_path()  # every file's patterns were already checked in merge()

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


def ends_of(pattern: re.Pattern[str] | None) -> tuple[str, ...] | None:
    """For a pattern run on lowercased words: endings one of which every match has.

    Only a speed-up: `words.endswith(ends)` is far quicker than a search that tries every
    position, and rarely passes. None (no quick test) for a pattern that sees case."""
    if pattern is None or _sees_case(pattern):
        return None
    return trailing_pieces(pattern.pattern)


def needs_of(pattern: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """For a pattern run on lowercased words: a search for the words every match holds.

    Only a speed-up, like ends_of: a search for a few plain words is quicker than one for
    the pattern ("n't", "not" or "never" for "(?:\\bnever|\\bnot|n't)(?: once| ever)? ")."""
    pieces = None if pattern is None or _sees_case(pattern) else required_pieces(pattern.pattern)
    return re.compile("|".join(map(re.escape, pieces))) if pieces else None


def _sees_case(pattern: re.Pattern[str]) -> bool:
    """Whether case matters to the pattern, even in part ("(?i:...)"): then lowercased
    text may hold what it matches in another form (it matches "ſ" for "s")."""
    return bool(pattern.flags & re.IGNORECASE) or "i" in "".join(
        _INLINE_FLAGS.findall(pattern.pattern)
    )


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
