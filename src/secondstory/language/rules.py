"""Blame-language rules as data: where the rules files are, and loading them.

The built-in rules ship as prompts/language.toml inside the package. A team can add rules,
replace one by reusing its id, switch rules off with `disabled = [...]`, and extend the word
lists, in paths.config_dir()/"language.toml" or in files named on the command line.

The compiled classes are in `compiled` (named here too). Reading and validating a rules
file (`schema`, with pydantic) and compiling it (`compile`) happen only when the compiled
rules are not in the cache, so they are imported there.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from secondstory.errors import FileProblem, SecondstoryError
from secondstory.files import paths
from secondstory.files.resources import builtin_prompt_file
from secondstory.language.compiled import Rule as Rule
from secondstory.language.compiled import RuleSet as RuleSet
from secondstory.language.compiled import Vocabulary as Vocabulary
from secondstory.language.compiled import ends_of as ends_of
from secondstory.language.compiled import needs_of as needs_of
from secondstory.language.scan import KeywordScanner as KeywordScanner
from secondstory.language.words import builtin_words_path

FILE_NAME = "language.toml"


def builtin_path() -> Path:
    """The shipped rules file (inside the wheel, or the repository's prompts/)."""
    return Path(str(builtin_prompt_file(FILE_NAME)))


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
        # Only on a cache miss: these import pydantic and compile every pattern.
        from secondstory.language.compile import merge
        from secondstory.language.schema import read_rules_file

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
