"""The blame-language detector: rules, context, offsets, team files and the corpus."""

from __future__ import annotations

import dataclasses
import importlib.util
import pickle
import re
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from secondstory.errors import FileProblem
from secondstory.files import paths
from secondstory.language import (
    Finding,
    check,
    default_rules,
    is_blame,
    load_rules,
    load_rules_or_default,
)
from secondstory.language.check import _matches as matches
from secondstory.language.mask import prepare
from secondstory.language.rules import needs_of
from secondstory.language.scan import leading_keywords, required_pieces, trailing_pieces

BENCH = Path(__file__).resolve().parents[2] / "bench"
BAD = Path(__file__).resolve().parents[1] / "data" / "bad"


def rules_found(text: str, *, markdown: bool = False) -> set[str]:
    return {finding.rule for finding in check(text, markdown=markdown)}


def corpus_module() -> ModuleType:
    """bench/language_corpus.py, which both the docs table and this test use."""
    spec = importlib.util.spec_from_file_location("language_corpus", BENCH / "language_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# One sentence per built-in rule, each one that rule should notice.
RULE_CASES = [
    ("counterfactual-should-have", "Priya should have waited for the canary."),
    ("counterfactual-should-have-been-done", "The typo should have been spotted in review."),
    ("counterfactual-could-have", "We could have rolled back sooner."),
    ("counterfactual-would-have-prevented", "A dry run would have prevented this."),
    ("counterfactual-if-only", "If only the old proxy were still there."),
    ("counterfactual-if-had", "If the reviewer had run it locally, it would not have shipped."),
    ("expectation-should-have", "The job should have finished within 5 minutes."),
    ("expectation-should-have-been-told", "I should have been paged by the disk alert."),
    ("judgement-careless", "It was a careless change."),
    ("judgement-stupid", "Diego made a stupid typo."),
    ("judgement-negligent", "Leaving debug on was negligent."),
    ("judgement-lack-of", "The rollout showed a complete lack of testing."),
    ("blame-other-consequence", "The contractor unplugged the wrong rack, causing an outage."),
    ("judgement-lazy", "The handover notes were lazy."),
    ("judgement-obvious-mistake", "That was an obvious mistake."),
    ("self-blame-fault", "This outage is my fault."),
    ("self-blame-lapse", "I forgot to drain the node."),
    ("self-blame-to-blame", "I'm to blame for the second outage."),
    ("hindsight-in-hindsight", "In hindsight, the alert mattered."),
    ("hindsight-looking-back", "Looking back, the latency was a warning."),
    ("hindsight-obvious", "It was obvious that the disk would fill."),
    ("hindsight-clearly", "Clearly, the retries were the trigger."),
    ("hindsight-signs", "The warning signs were all there."),
    ("root-cause", "The root cause was a missing index."),
    ("root-cause-human-error", "It was human error."),
    ("root-cause-to-blame", "The cache was to blame."),
    ("minimising-just", "He just restarted the service."),
    ("minimising-only-had-to", "All she had to do was run the script."),
    ("minimising-small-change", "It was just a one-line change."),
    ("minimising-imperative", "Just follow the runbook."),
    ("blame-other-lapse", "Jonas ignored the warning."),
    ("blame-other-bother", "Nobody bothered to check the restore."),
    ("blame-other-caused", "The contractor caused the outage."),
    ("counterfactual-why-didnt", "Why didn't anyone check the config before the push?"),
    ("hindsight-predictable", "An outage like this was inevitable."),
    ("root-cause-single", "It all boils down to one bad push."),
    ("judgement-phrases", "Deploying on a Friday showed poor judgement."),
    ("minimising-easy", "It takes two seconds to check the diff."),
    ("self-blame-own-it", "I let everyone down that night."),
    ("self-blame-mistake", "I accidentally deleted the production table."),
    ("self-blame-not-done", "I didn't update the card details, so the domain lapsed."),
    ("blame-other-question", "Why did it take eight hours for someone to post an update?"),
    ("blame-other-mistake", "An engineer mistakenly deleted the state data."),
    ("blame-other-blamed", "The report placed the blame on the vendor."),
    ("blame-other-lack", "The board lacked a backup plan."),
    ("counterfactual-inverted", "Had the change been reviewed, it would not have shipped."),
    ("judgement-incompetence", "The regex was poorly written."),
    ("root-cause-the-cause", "The cause of the outage was a bad push."),
    ("counterfactual-preventable", "The expiry was entirely preventable."),
    ("blame-other-their-mistake", "It was one engineer's simple mistake."),
    ("blame-other-not-done", "He didn't choose the test option."),
    ("blame-other-not-done-named", "The vendor hadn't patched the firmware."),
    ("blame-other-without", "A contractor pushed the change without approval."),
    ("blame-other-fault", "It was Olu's fault."),
    ("blame-other-caused-by", "The outage was caused by the on-call engineer."),
]


@pytest.mark.parametrize(("rule", "text"), RULE_CASES)
def test_each_rule_notices_its_own_words(rule: str, text: str) -> None:
    assert rule in rules_found(text)


def test_every_built_in_rule_has_a_case_above() -> None:
    assert {rule for rule, _ in RULE_CASES} == set(default_rules().ids())


# Near-misses that must stay quiet, each with why.
QUIET = [
    "The deploy failed to start because the disk was full.",  # a system as subject
    "Kafka failed to elect a new leader.",  # a known product name
    "The certificate manager failed to renew it.",  # a system whose last word is a role
    "It was not careless; the flag name was misleading.",  # negation
    "No one could have predicted the vendor outage.",  # negated subject
    "The template's root cause field was left empty.",  # a mention of the concept
    "We avoid the phrase human error in reviews.",  # a mention of the phrase
    'The bot posted "deploy failed to start" in the channel.',  # quoted
    "Sam wrote “I messed up the migration” in the chat.",  # curly quotes
    "Just before midnight the queue started to climb.",  # "just" about time
    "We had just finished the deploy.",  # "just" in the perfect tense
    "The dashboard clearly labelled the region.",  # "clearly" as plain manner
    "Looking back through the logs, I found the first timeout.",  # literally looking back
    "At the time it seemed obvious that the primary was fine.",  # the view at the time
    "We should have a dashboard for this by next sprint.",  # "should have" as possession
    "It could have been much worse.",  # a possibility, not a counterfactual
    "If only one node goes down, we keep serving.",  # "if only" as a quantity
    "The service lazily loads its config.",  # lazy loading
    "A page fault storm slowed the JVM.",  # a technical fault
    "She simply did not have access to the logs.",  # a negated verb, not minimising
]


@pytest.mark.parametrize("text", QUIET)
def test_near_misses_stay_quiet(text: str) -> None:
    assert [f.rule for f in check(text) if is_blame(f)] == []


def test_case_and_inflection_do_not_matter() -> None:
    assert rules_found("SHE WAS CARELESS.") == {"judgement-careless"}
    assert rules_found("He was being Carelessly quick.") == {"judgement-careless"}
    assert "counterfactual-should-have" in rules_found("We shouldn’t have merged on Friday.")


def test_a_person_as_subject_is_blame_and_a_system_is_not() -> None:
    assert "blame-other-lapse" in rules_found("The on-call engineer failed to page the DBA.")
    assert "blame-other-lapse" in rules_found("Ops didn't bother to update the runbook.")
    assert rules_found("The health check failed to page the DBA.") == set()


def test_all_capitals_do_not_make_every_word_an_acronym() -> None:
    assert rules_found("SAM FORGOT TO CHECK THE LOGS.") == {"blame-other-lapse"}
    assert rules_found("SAM SHOULD HAVE CHECKED THE LOGS.") == {"counterfactual-should-have"}
    assert rules_found("IF SAM HAD CHECKED THE LOGS WE WOULD HAVE KNOWN.") >= {
        "counterfactual-if-had"
    }
    # systems stay systems: an article, a listed name, an acronym without a vowel
    assert rules_found("THE DEPLOY FAILED TO START.") == set()
    assert rules_found("THE JOB SHOULD HAVE FINISHED BY 02:00.") == {"expectation-should-have"}
    assert rules_found("AWS FAILED TO RENEW THE CERT.") == set()
    assert rules_found("DNS FAILED TO RESOLVE.") == set()
    assert rules_found("AWS failed to renew the cert.") == set()  # an acronym in mixed case
    # mentions, negations and instruments are read the same in capitals
    assert rules_found("THE TEMPLATE'S ROOT CAUSE FIELD WAS LEFT EMPTY.") == set()
    assert rules_found("SAM NEVER FORGOT TO CHECK.") == set()
    assert rules_found("OUR DASHBOARDS CLEARLY SHOWED THE LATENCY CLIMBING.") == set()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("The operator forgot to drain the node.", "blame-other-lapse"),
        ("The operator just restarted the pod.", "minimising-just"),
        ("The new guy forgot to page the DBA.", "blame-other-lapse"),
        ("The new hire ignored the alert.", "blame-other-lapse"),
        ("The on-call developer failed to escalate.", "blame-other-lapse"),
        ("dana forgot to renew the cert.", "blame-other-lapse"),  # a name in lower case
        ("Sam, who owns the cron, forgot to renew it.", "blame-other-lapse"),
        ("Sam, who owns the cron, then failed to renew it.", "blame-other-lapse"),
        ("The engineer who owns the cron forgot to renew it.", "blame-other-lapse"),
        ("Whoever set up the cron forgot to add a lock.", "blame-other-lapse"),
    ],
)
def test_people_are_found_behind_roles_lower_case_names_and_relative_clauses(
    text: str, rule: str
) -> None:
    assert rules_found(text) == {rule}


@pytest.mark.parametrize(
    "text",
    [
        "The Postgres operator failed to reconcile the cluster.",  # software, not a person
        "backup failed to finish before 02:00.",  # a lower-case word, not a person's verb
        "The job, which Sam wrote, failed to start.",  # the relative clause is about a thing
        "Whoever set up the cron said the job failed to start.",
        "Sam, who was on call, saw that the deploy failed to start.",
    ],
)
def test_the_wider_subject_reading_keeps_systems_quiet(text: str) -> None:
    assert rules_found(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Sam never forgot to check.",
        "It wasn't that Sam forgot to check; the reminder went to an old address.",
        "Sam has not once ignored a page this year.",
        "I don't think Kim forgot; the checklist never had the step.",
        "We never forgot to silence the alerts before.",
    ],
)
def test_a_negated_lapse_is_not_a_lapse(text: str) -> None:
    assert rules_found(text) == set()


def test_a_lapse_stays_blame_when_the_negation_is_elsewhere() -> None:
    assert rules_found("Sam forgot to check, not Kim.") == {"blame-other-lapse"}
    assert rules_found("Sam didn't even check the logs.") == {"blame-other-lapse"}
    assert rules_found("Sam never bothered to check.") == {"blame-other-lapse"}
    assert rules_found("Not only was the alert loud, Sam ignored it.") == {"blame-other-lapse"}


def test_an_instrument_showing_something_clearly_is_not_hindsight() -> None:
    assert rules_found("Our dashboards clearly showed the latency climbing at 14:02.") == set()
    assert rules_found("The logs clearly said the disk was full.") == set()
    assert rules_found("The graph had clearly flattened by 14:30.") == set()
    assert rules_found("It was clearly wrong.") == {"hindsight-clearly"}
    assert "hindsight-clearly" in rules_found("Clearly the signs were there.")
    assert rules_found("Sam clearly saw the alert.") == {"hindsight-clearly"}


def test_the_writer_as_subject_is_self_blame() -> None:
    assert rules_found("We forgot to silence the alerts.") == {"self-blame-lapse"}


def test_an_expectation_about_a_system_suggests_the_expected_field() -> None:
    (finding,) = check("The job should have finished within 5 minutes per the runbook.")
    assert finding.category == "expectation"
    assert finding.suggest_field == "expected"
    assert not is_blame(finding)


def test_a_longer_match_hides_the_one_inside_it() -> None:
    assert rules_found("I should have known better.") == {"self-blame-fault"}


def test_offsets_line_and_column_point_at_the_words_as_written() -> None:
    text = "First line is fine.\n  Then Sam’s change was careless.\n"
    (finding,) = check(text)
    assert (finding.line, finding.col) == (2, 25)
    assert text[finding.start : finding.end] == finding.text == "careless"


def test_curly_apostrophes_are_reported_exactly_as_written() -> None:
    (finding,) = check("I shouldn’t have restarted it.")
    assert finding.text == "shouldn’t have restarted"


def test_findings_come_in_order_with_a_kind_message_and_a_question() -> None:
    found = check("It was careless. In hindsight the signs were there.")
    assert [f.start for f in found] == sorted(f.start for f in found)
    for finding in found:
        assert isinstance(finding, Finding)
        assert finding.reframe.endswith("?")
        assert finding.message and "you should" not in finding.message.lower()


def test_a_finding_is_an_ordinary_frozen_finding() -> None:
    # check() fills in each Finding's fields in one go (for speed): it must still be the
    # same value as one built the usual way, and still frozen
    (found,) = check("Sam was careless.")
    usual = Finding(*(getattr(found, field.name) for field in dataclasses.fields(Finding)))
    assert found == usual and hash(found) == hash(usual) and repr(found) == repr(usual)
    assert pickle.loads(pickle.dumps(found)) == usual
    assert dataclasses.replace(found, line=2).line == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.rule = "other"  # type: ignore[misc]


MARKDOWN = """\
# Review

Sam said it was careless.

```
deploy --careless
```

    indented: careless

> Quoted: I messed up.

Run `careless --flag` first. <!-- careless -->
"""


def test_markdown_skips_code_quotes_and_comments() -> None:
    found = check(MARKDOWN, markdown=True)
    assert [(f.line, f.text) for f in found] == [(3, "careless")]


def test_plain_text_checks_what_markdown_would_skip_but_not_quotes() -> None:
    lines = {f.line for f in check(MARKDOWN)}
    assert {3, 6, 9, 11, 13} <= lines
    assert check('He said "that was careless" to me.') == []


def test_code_spans_skips_inline_code_in_plain_text_and_nothing_else() -> None:
    text = "Run `deploy --careless` first.\n\n    indented: careless\n"
    assert [f.line for f in check(text)] == [1, 3]
    assert [f.line for f in check(text, code_spans=True)] == [3]  # code blocks are Markdown
    assert [f.line for f in check(text, markdown=True)] == []
    assert [f.line for f in check(text, markdown=True, code_spans=False)] == []


def test_code_spans_keeps_offsets_and_leaves_unclosed_backticks_as_prose() -> None:
    text = "It was `careless` and `careless."
    (finding,) = check(text, code_spans=True)
    assert text[finding.start : finding.end] == "careless"
    assert finding.col == 24
    assert len(prepare(text, markdown=False, code_spans=True)) == len(text)


def test_masking_keeps_every_offset_and_newline() -> None:
    prepared = prepare(MARKDOWN, markdown=True)
    assert len(prepared) == len(MARKDOWN)
    assert prepared.count("\n") == MARKDOWN.count("\n")


@pytest.mark.parametrize(
    "text",
    [
        "x `a ``" * 30_000 + " careless",  # backtick runs that never close
        "<!--" * 50_000 + " careless",  # comments that never close
        '"a ' * 50_000 + " careless",  # quotes that never close
        "x" * 500_000 + " careless",  # one endless word
    ],
)
def test_pathological_text_is_checked_in_linear_time(text: str) -> None:
    start = time.perf_counter()
    found = check(text, markdown=True)
    assert time.perf_counter() - start < 2.0
    assert [f.text for f in found] == ["careless"]


@pytest.mark.parametrize("shape", ["as written", "in capitals", "one line"])
def test_the_keyword_prefilter_finds_exactly_what_a_full_search_finds(shape: str) -> None:
    corpus = corpus_module()
    samples = corpus.load_corpus() + corpus.load_corpus(corpus.HOLDOUT)
    text = "\n\n".join(sample.text for sample in samples)
    text = {"as written": text, "in capitals": text.upper(), "one line": text.replace("\n", " ")}[
        shape
    ]
    text = prepare(text, markdown=True)
    rules = default_rules()
    fast = matches(text, rules, prefilter=True)
    full = matches(text, rules, prefilter=False)
    assert sorted((s, e, r.id) for s, e, _, r in fast) == sorted(
        (s, e, r.id) for s, e, _, r in full
    )


def test_most_patterns_are_tried_only_where_a_keyword_begins() -> None:
    rules = default_rules()
    led = [flag for rule in rules.rules for flag in rule.pattern_led]
    assert sum(led) >= 0.6 * len(led)
    lapse = rules.get("blame-other-lapse")
    assert lapse is not None and lapse.pattern_led[0]


@pytest.mark.parametrize(
    ("source", "keywords", "expected"),
    [
        (r"\bclearly\b", ["clearly"], ("clearly",)),
        (r"\bfoo\w*", ["foo"], ("foo",)),
        (r"(?:foo|foobar)", ["foo"], ("foo",)),
        (r"(?:fo|go)o", ["foo", "goo", "zoo"], ("foo", "goo")),
        (r"f(?:o|O)o", ["foo"], ("foo",)),  # case does not matter
        (r"FOO", ["foo"], ("foo",)),
        (r"(?:foo)+", ["foo"], ("foo",)),
        (r"\b(?:could|should) just\b", ["could", "should", "just"], ("could", "should")),
        (r"\b\w*foo", ["foo"], None),  # anything may come first
        (r"(?:a|foo)", ["foo"], None),
        (r"fo[o0]", ["foo"], None),
        (r"x?foo", ["foo"], None),
        (r"fo", ["foo"], None),  # shorter than the keyword
        (r"(?:x?)*foo", ["foo"], None),
        (r"(a)\1", ["aa"], None),
        (r".", ["a"], None),
        (r"", ["a"], None),
        (r"foo", [], None),
    ],
)
def test_a_pattern_is_led_by_keywords_only_when_every_match_begins_with_one(
    source: str, keywords: list[str], expected: tuple[str, ...] | None
) -> None:
    assert leading_keywords(source, keywords) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"(?:the|a) word \Z", ("a word ", "he word ")),
        (r"(?:so-called|titled) \Z", ("-called ", "titled ")),
        (r"called(?: by)? \Z", ("called ", "lled by ")),  # the last 8 characters at most
        (r"\w+ing \Z", ("ing ",)),
        (r"(?:foo|\w)\Z", None),  # a match may end with any letter
        (r"foo\w*\Z", None),
        (r"(a)\1\Z", None),
    ],
)
def test_a_pattern_anchored_at_the_end_gives_the_endings_every_match_has(
    source: str, expected: tuple[str, ...] | None
) -> None:
    assert trailing_pieces(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"(?:\bnever|\bnot|n't)(?: once| ever)? \Z", ("n't", "never", "not")),
        (r"foo|bar", ("bar", "foo")),
        (r"a\w+bcd", ("bcd",)),  # the longest piece every match holds
        (r"(?:ab)+c", ("ab",)),
        (r"(?:a|b*)c", ("c",)),  # "b*" may be empty: only "c" is sure
        (r"x?", None),
        (r"\w+", None),
    ],
)
def test_a_pattern_gives_the_pieces_every_match_holds(
    source: str, expected: tuple[str, ...] | None
) -> None:
    assert required_pieces(source) == expected


def test_no_quick_test_for_a_pattern_where_case_matters() -> None:
    assert needs_of(re.compile("not|never")) is not None
    assert needs_of(re.compile("(?i:s)ure")) is None  # would match "ſure" too
    assert needs_of(re.compile("sure", re.IGNORECASE)) is None


def test_the_ending_test_lets_every_mention_through() -> None:
    vocabulary = default_rules().vocabulary
    mention, ends = vocabulary.mention_before, vocabulary.mention_before_ends
    assert mention is not None and ends is not None
    for words in ("the phrase ", "wording such as ", "so-called ", "rather than a single "):
        text = "it was what we now call " + words
        assert mention.search(text) and text.endswith(ends)
    assert not "we did a ".endswith(ends)


def test_context_patterns_with_capitals_in_a_team_file_still_match_any_case() -> None:
    write_team_file(
        TEAM_FILE.replace(
            'keywords = ["cowboy"]',
            'keywords = ["cowboy"]\n'
            "unless_after = [' Culture\\b']\n"
            "unless_before = ['(?-i:Our) ']",
        )
    )
    rules = load_rules()
    assert [f.rule for f in check("That was a cowboy deploy.", rules)] == ["team-cowboy"]
    assert check("We have a cowboy deploy culture.", rules) == []
    assert check("We have a COWBOY DEPLOY CULTURE.", rules) == []
    assert check("Our cowboy deploy went fine.", rules) == []  # (?-i:...) keeps its case
    assert [f.rule for f in check("our cowboy deploy went fine.", rules)] == ["team-cowboy"]


def test_default_rules_are_compiled_once() -> None:
    assert default_rules() is default_rules()


def write_team_file(text: str) -> Path:
    path = paths.config_dir() / "language.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


TEAM_FILE = """\
format = 1
kind = "secondstory.language"
disabled = ["minimising-just"]

[subjects]
systems = ["zeppelin"]

[[rules]]
id = "team-cowboy"
category = "judgement"
patterns = ['\\bcowboy (?:deploy|change)s?\\b']
keywords = ["cowboy"]
message = "A label like this judges the person, not the situation."
reframe = "What made deploying this way reasonable that day?"
"""


def test_a_team_file_adds_rules_switches_rules_off_and_names_systems() -> None:
    before = load_rules()
    assert before.get("minimising-just") is not None
    assert {f.rule for f in check("Zeppelin failed to sync.", before)} == {"blame-other-lapse"}
    write_team_file(TEAM_FILE)
    rules = load_rules()
    assert rules.get("minimising-just") is None
    assert [f.rule for f in check("That was a cowboy deploy.", rules)] == ["team-cowboy"]
    assert check("He just restarted the service.", rules) == []
    assert check("Zeppelin failed to sync.", rules) == []


def test_the_team_file_is_ignored_when_asked(tmp_path: Path) -> None:
    write_team_file(TEAM_FILE)
    assert load_rules(use_config=False).get("team-cowboy") is None
    extra = tmp_path / "extra.toml"
    extra.write_text(TEAM_FILE, encoding="utf-8")
    assert load_rules([extra], use_config=False).get("team-cowboy") is not None


def test_a_team_rule_with_a_known_id_replaces_the_built_in_one() -> None:
    write_team_file(TEAM_FILE.replace('id = "team-cowboy"', 'id = "judgement-careless"'))
    rules = load_rules()
    assert check("It was careless.", rules) == []
    assert [f.rule for f in check("A cowboy change.", rules)] == ["judgement-careless"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("format = 1\nkind = = 2\n", "line 2"),  # not TOML: the parser's line
        ('format = 1\nkind = "secondstory.language"\nrule = []\n', "rule"),  # a misspelt key
        (TEAM_FILE.replace("(?:deploy", "(?:deploy("), "'team-cowboy', pattern 1"),
        (TEAM_FILE.replace("cowboy (?:", "{cowboy} (?:"), "{cowboy}"),  # an unknown term
        (TEAM_FILE.replace('id = "team-cowboy"', 'id = "Team Cowboy"'), "rules.0.id"),
        (TEAM_FILE.replace("format = 1", "format = 9"), "newer"),
    ],
)
def test_a_broken_team_file_names_its_path_and_the_place(content: str, expected: str) -> None:
    path = write_team_file(content)
    with pytest.raises(FileProblem) as problem:
        load_rules()
    assert problem.value.path == path
    assert expected in str(problem.value)


def test_rules_or_default_gives_the_team_rules_and_no_warning_when_the_file_works() -> None:
    assert load_rules_or_default() == (load_rules(), None)
    write_team_file(TEAM_FILE)
    rules, warning = load_rules_or_default()
    assert warning is None
    assert rules.get("team-cowboy") is not None


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("language_not_toml.toml", "is not valid TOML"),
        ("language_bad_pattern.toml", "'team-cowboy', pattern 1 is not a valid regular"),
        ("language_breaks_a_term.toml", "'self-blame-lapse', pattern 1 is not a valid"),
    ],
)
def test_a_broken_team_file_gives_the_built_in_rules_and_one_line_naming_it(
    name: str, reason: str
) -> None:
    path = write_team_file((BAD / name).read_text(encoding="utf-8"))
    with pytest.raises(FileProblem):
        load_rules()
    rules, warning = load_rules_or_default()
    assert rules is default_rules()
    assert warning is not None
    assert warning.startswith(f"{path} could not be used (")
    assert reason in warning
    assert warning.endswith("; using the built-in language rules")
    assert "\n" not in warning
    assert [f.rule for f in check("It was careless.", rules)] == ["judgement-careless"]


def test_a_broken_extra_file_still_raises_even_with_a_broken_team_file(tmp_path: Path) -> None:
    write_team_file((BAD / "language_not_toml.toml").read_text(encoding="utf-8"))
    extra = tmp_path / "extra.toml"
    extra.write_text(TEAM_FILE, encoding="utf-8")
    rules, warning = load_rules_or_default([extra])
    assert rules.get("team-cowboy") is not None and warning is not None
    with pytest.raises(FileProblem) as problem:
        load_rules_or_default([BAD / "language_bad_pattern.toml"])
    assert problem.value.path == BAD / "language_bad_pattern.toml"


def test_the_corpus_meets_the_precision_and_recall_targets() -> None:
    corpus = corpus_module()
    samples = corpus.load_corpus()
    assert len(samples) >= 300
    blame = sum(1 for sample in samples if sample.labels)
    assert 0.4 <= blame / len(samples) <= 0.6
    overall = corpus.score(samples)["all"]
    assert overall.precision >= 0.9, overall.misses
    assert overall.recall >= 0.8, overall.misses


def test_the_held_out_sentences_meet_the_same_targets() -> None:
    corpus = corpus_module()
    overall = corpus.score(corpus.load_corpus(corpus.HOLDOUT))["all"]
    assert overall.precision >= 0.9, overall.misses
    assert overall.recall >= 0.8, overall.misses


def test_the_docs_show_the_numbers_the_corpus_gives_today() -> None:
    corpus = corpus_module()
    docs = (BENCH.parent / "docs" / "language.md").read_text(encoding="utf-8")
    tables = [("corpus-table", corpus.CORPUS), ("holdout-table", corpus.HOLDOUT)]
    tables.append(("fresh2-table", corpus.REAL["fresh2"]))
    for marker, path in tables:
        samples = corpus.load_corpus(path)
        table = corpus.table(corpus.score(samples), samples)
        assert f"<!-- {marker} -->\n{table}\n<!-- /{marker} -->" in docs, f"update {marker}"


def test_the_benchmark_runs_on_a_small_text(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("language_bench", BENCH / "language_bench.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)
    assert bench.main(["--size", "20000", "--runs", "1"]) == 0
    assert "check(markdown=True)" in capsys.readouterr().out


def test_the_detector_imports_neither_textual_nor_rich() -> None:
    code = (
        "import sys, secondstory.language, secondstory.language.lint; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("enabled", [True, False])
def test_check_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    import gc

    (gc.enable if enabled else gc.disable)()
    try:
        assert check("I should have checked the replica.")
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_the_keyword_scanner_finds_keywords_that_overlap_or_share_a_start() -> None:
    from secondstory.language.scan import keyword_scanner

    scanner = keyword_scanner({"should", "should have", "have", "ave", " cause", "cause"})
    text = "we should have known; should haves, a cause"
    assert scanner.find(text) == {
        "should": [3, 22],
        "should have": [3, 22],
        "have": [10, 29],
        "ave": [11, 30],
        " cause": [37],
        "cause": [38],
    }
    assert keyword_scanner(set()).find(text) == {}
