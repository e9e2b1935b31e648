"""Open word classes (every past participle, gerund, ...) and word lists as fast regexes.

The classes are generated at build time by scripts/language_words.py from a morphology
library and ship as prompts/language_words.toml; nothing here depends on that library.
A list of thousands of plain words becomes one trie-shaped alternation, which the regex
engine walks letter by letter instead of trying each word in turn.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

from secondstory.files.resources import builtin_prompt_file

FILE_NAME = "language_words.toml"
_PLAIN = re.compile(r"[a-z][a-z'-]*\Z")
_TRIE_FROM = 12  # fewer plain words than this stay a plain alternation


def builtin_words_path() -> Path:
    """The shipped word classes (inside the wheel, or the repository's prompts/)."""
    return Path(str(builtin_prompt_file(FILE_NAME)))


@functools.cache
def word_classes(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Class name -> its words, read once per process."""
    from secondstory.language.schema import read_words_file  # pydantic: only when compiling

    where = path or builtin_words_path()
    data = read_words_file(where)
    return {name: tuple(words) for name, words in data.classes.items()}


def alternation(entries: Sequence[str]) -> str:
    """A regex matching any entry: plain words as a trie, the rest as written, after them.

    Entries are regex fragments; a plain lowercase word is its own regex, so gathering
    those into a trie matches the same strings."""
    plain = sorted({entry for entry in entries if _PLAIN.match(entry)})
    others = [entry for entry in entries if not _PLAIN.match(entry)]
    if len(plain) < _TRIE_FROM:
        return "(?:" + "|".join(entries) + ")"
    return "(?:" + "|".join([trie_regex(plain), *others]) + ")"


def trie_regex(words: Sequence[str]) -> str:
    """One regex for the words, shaped as a trie; longer words are tried first."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node(root)


def _node(node: dict) -> str:  # type: ignore[type-arg]
    branches = [re.escape(char) + _node(node[char]) for char in sorted(node) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
