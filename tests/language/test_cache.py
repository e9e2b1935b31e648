"""The compiled rules are kept in the user cache folder as plain JSON, keyed by the bytes
of the rules files, and read back to the same findings; a cache file that is not ours is
a miss (the rules are compiled again), never a crash, and never runs anything."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from secondstory.language import check, lint_text
from secondstory.language.cache import CacheMiss, LazyPattern, decode, folder
from secondstory.language.rules import KeywordScanner, Rule, RuleSet, Vocabulary, load_rules

SAMPLES = [
    "The deploy broke because Sam should have checked the config.",
    "It was human error: the on-call engineer failed to notice the alert.",
    "I assumed the replica was in sync; the dashboard showed green.",
    "Obviously the root cause was a careless change.",
]
CLASSES = {cls.__name__: cls for cls in (RuleSet, Rule, Vocabulary, KeywordScanner)}


def _findings(rules: RuleSet) -> list[tuple[str, int, int]]:
    return [(f.rule, f.start, f.end) for text in SAMPLES for f in check(text, rules)]


def _cache_files() -> list[Path]:
    return sorted(folder().glob("rules-*.json"))


def test_the_rules_are_compiled_once_and_read_back_to_the_same_findings() -> None:
    compiled = load_rules(use_config=False)
    [kept] = _cache_files()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    json.loads(kept.read_bytes())  # plain JSON, nothing else
    read_back = load_rules(use_config=False)
    assert any(isinstance(p, LazyPattern) for rule in read_back.rules for p in rule.patterns)
    assert _findings(read_back) == _findings(compiled)
    assert len(_findings(compiled)) >= 4
    assert read_back.ids() == compiled.ids()
    pairs = [
        (lazy, real)
        for back, rule in zip(read_back.rules, compiled.rules, strict=True)
        for lazy, real in zip(back.patterns, rule.patterns, strict=True)
    ]
    assert all(lazy.groupindex == dict(real.groupindex) for lazy, real in pairs)


def test_a_changed_team_file_is_compiled_anew(tmp_path: Path) -> None:
    team = tmp_path / "team.toml"
    rule = (
        'id = "{id}"\ncategory = "judgement"\nmessage = "m"\nreframe = "r"\npatterns = ["{word}"]'
    )
    head = 'format = 1\nkind = "secondstory.language"\n\n[[rules]]\n'
    team.write_text(head + rule.format(id="team-word", word=r"\\bkerfuffle\\b"), "utf-8")
    assert [f.rule for f in lint_text("A kerfuffle.", load_rules([team], use_config=False))] == [
        "team-word"
    ]
    team.write_text(head + rule.format(id="team-word", word=r"\\bbrouhaha\\b"), "utf-8")
    changed = load_rules([team], use_config=False)
    assert [f.rule for f in lint_text("A kerfuffle. A brouhaha.", changed)] == ["team-word"]
    assert len(_cache_files()) == 2


@pytest.mark.parametrize(
    "content",
    [
        b"not json at all",  # a torn or foreign file
        b'{"$class": ["Path", {}]}',  # a class the rules are not made of
        b'{"$class": ["RuleSet", {"rules": 1}]}',  # fields that are not the class's
        b'{"$tuple": [[1, 2]]}',  # a raw list where only values belong
        b'{"$re": ["(unclosed", 0]}',  # a pattern without its group names
        b'{"$re": ["(?P<a>x)", 32, [["a", "1"]]]}',  # a group number that is no number
        b"\x80\x81",  # not UTF-8
    ],
)
def test_a_cache_file_that_is_not_ours_is_compiled_over(content: bytes) -> None:
    expected = _findings(load_rules(use_config=False))
    [kept] = _cache_files()
    kept.write_bytes(content)
    assert _findings(load_rules(use_config=False)) == expected
    assert kept.read_bytes() != content  # written anew, good for the next run
    assert _findings(load_rules(use_config=False)) == expected


def test_decoding_builds_only_the_classes_it_is_given() -> None:
    with pytest.raises(CacheMiss):
        decode(b'{"$class": ["Rule", {}]}', {"RuleSet": RuleSet})
    with pytest.raises(CacheMiss):
        decode(b'{"$class": ["system", {"command": "true"}]}', CLASSES)


def test_a_pattern_read_back_compiles_only_when_used() -> None:
    lazy = decode(b'{"$re": ["(?P<subject>we) forgot", 32, [["subject", 1]]]}', CLASSES)
    assert isinstance(lazy, LazyPattern)
    assert lazy.groupindex == {"subject": 1} and lazy.pattern == "(?P<subject>we) forgot"
    assert lazy._compiled is None
    assert lazy.search("then we forgot it").group("subject") == "we"
    assert lazy._compiled is not None


def test_a_cache_folder_that_cannot_be_written_only_means_compiling_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", "utf-8")
    monkeypatch.setattr("secondstory.language.cache.folder", lambda: blocked / "language")
    assert len(_findings(load_rules(use_config=False))) >= 4


def test_rules_read_back_equal_the_rules_compiled() -> None:
    compiled = load_rules(use_config=False)
    assert load_rules(use_config=False) == compiled


def test_a_large_word_set_is_written_once_and_read_back_as_one_set() -> None:
    from secondstory.language.cache import SHARED_SET, encode

    words = frozenset(f"word{n}" for n in range(SHARED_SET))
    small = frozenset({"a", "b"})
    encoded = encode((words, small, words), CLASSES, {})
    text = json.dumps(encoded)
    assert text.count("word0") == 1 and '"$same": 0' in text
    first, second, third = decode(text.encode(), CLASSES)  # type: ignore[misc]
    assert first == words == third and second == small
    assert first is third  # one set in memory, as in one file
    with pytest.raises(CacheMiss):
        decode(b'{"$tuple": [{"$same": 0}]}', CLASSES)  # a reference before its set
