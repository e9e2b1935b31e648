"""The mechanisms that make the language notes hold on text nobody here wrote.

Each group tests one mechanism: open word classes, gaps in sequences, clause-scoped
negation, who did it, talking about a concept, seeing at the time, technical terms and
hypotheticals, and the vocabularies built on them."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from secondstory.language import check, load_rules
from secondstory.language.words import builtin_words_path, trie_regex, word_classes

ROOT = Path(__file__).resolve().parents[2]


def categories(text: str, **kwargs: object) -> set[str]:
    return {f.category for f in check(text, **kwargs)}  # type: ignore[arg-type]


def rules(text: str) -> set[str]:
    return {f.rule for f in check(text)}


# --- open word classes ---------------------------------------------------------------------


def test_the_word_classes_are_generated_tables_shipped_as_data() -> None:
    classes = word_classes()
    assert {"any_participle", "any_past", "any_gerund", "any_third_person"} <= set(classes)
    participles = set(classes["any_participle"])
    assert {"frozen", "approved", "saved", "caught", "hotfixed"} <= participles
    assert len(participles) > 5000  # a table, not a hand-written list
    assert {"froze", "pasted"} <= set(classes["any_past"])
    assert "forgets" in classes["any_third_person"] and "freezing" in classes["any_gerund"]
    header = builtin_words_path().read_text(encoding="utf-8")[:300]
    assert "scripts/language_words.py" in header and "lemminflect" in header


def test_the_generator_script_writes_what_ships() -> None:
    lemminflect = pytest.importorskip("lemminflect")  # a build-time tool, not a dependency
    assert lemminflect is not None
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "language_words.py"), "--check"], check=False
    )
    assert done.returncode == 0, "prompts/language_words.toml is out of date: rerun the script"


def test_secondstory_does_not_depend_on_the_morphology_library() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert not any("lemminflect" in dep for dep in project["project"]["dependencies"])
    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "src").rglob("*.py"))
    assert "import lemminflect" not in source and "from lemminflect" not in source


@pytest.mark.parametrize(
    "text",
    [
        "We ought to have frozen deploys that week.",
        "I should never have approved it.",
        "We could have saved hours.",
        "She should have rebased first.",
    ],
)
def test_any_participle_is_a_counterfactual(text: str) -> None:
    assert "counterfactual" in categories(text)


def test_a_class_word_must_be_in_its_class() -> None:
    assert categories("We should have a dashboard by next sprint.") == set()
    assert categories("It could have lost data.") == set()  # an outcome, not an action


def test_a_team_file_adds_words_to_a_class(tmp_path: Path) -> None:
    team = tmp_path / "team.toml"
    team.write_text(
        'format = 1\nkind = "secondstory.language"\n[terms]\nany_participle = ["yeeted"]\n',
        encoding="utf-8",
    )
    assert categories("Sam should have yeeted the build.") == set()
    ruleset = load_rules([team], use_config=False)
    assert "counterfactual" in {f.category for f in check("Sam should have yeeted it.", ruleset)}


@pytest.mark.parametrize("words", [["check", "checked", "checking"], ["a", "ab", "abc", "b"]])
def test_a_trie_matches_exactly_its_words(words: list[str]) -> None:
    pattern = re.compile(rf"(?:{trie_regex(words)})\Z")
    assert all(pattern.match(word) for word in words)
    assert not any(pattern.match(word) for word in ["chec", "checkedx", "c", "ba", ""])


# --- gaps: an adverb or two between the parts ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We should have immediately rolled back.",
        "I really should have properly tested it.",
        "He should definitely never have pushed it.",
        "They could have easily caught it.",
        "This would have almost certainly prevented the outage.",
    ],
)
def test_a_gap_of_adverbs_between_the_parts(text: str) -> None:
    assert "counterfactual" in categories(text)


# --- counterfactual grammar ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Had I waited for the canary, we would not have shipped it.",
        "Had the reviewer looked at the diff, it would not have shipped.",
        "If we'd checked the config, none of this would have happened.",
        "We could've caught it in staging.",
        "Why didn't anyone check the config before the push?",
        "Had the situation been properly addressed, the outage would have been averted.",
        "The expiry was entirely preventable.",
    ],
)
def test_counterfactual_grammar(text: str) -> None:
    assert "counterfactual" in categories(text)


def test_an_inversion_needs_to_open_its_clause() -> None:
    assert categories("We had the reviewer looked after by a mentor.") == set()


# --- clause-scoped negation ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nothing in the output made it obvious that the disk was full.",
        "No one failed to follow the process.",
        "Nobody forgot anything; the step was missing from the checklist.",
        "It was not, as far as any of us could tell, obvious.",
    ],
)
def test_a_negation_anywhere_in_the_clause_keeps_it_quiet(text: str) -> None:
    assert categories(text) == set()


def test_a_negation_in_another_clause_does_not() -> None:
    assert "hindsight" in categories("We did not page anyone, and obviously the disk filled.")
    assert "blame-other" in categories("Nobody bothered to check the restore.")


def test_a_team_can_keep_the_fixed_window(tmp_path: Path) -> None:
    team = tmp_path / "team.toml"
    team.write_text(
        'format = 1\nkind = "secondstory.language"\n[context]\nnegation_window = 1\n',
        encoding="utf-8",
    )
    ruleset = load_rules([team], use_config=False)
    text = "Nothing in the output made it obvious that the disk was full."
    assert {f.category for f in check(text, ruleset)} == {"hindsight"}


# --- who did it -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Management ignored the warning.",
        "Marketing forgot to tell us about the launch.",
        "The team that owns the cron forgot to renew it.",
        "The engineer who owns the cron failed to renew it.",
        "Sam restarted the job and forgot to drain it.",
        "During the update, Sam fat-fingered the YAML.",
    ],
)
def test_people_behind_organisations_relative_clauses_and_coordination(text: str) -> None:
    assert categories(text) == {"blame-other"}


def test_the_writer_after_an_opening_phrase() -> None:
    assert "self-blame" in categories("During the routine update, i fat fingered the YAML.")


def test_a_system_stays_a_system() -> None:
    assert categories("The job that runs the backups failed to start.") == set()
    assert categories("The deploy restarted and failed to come up.") == set()


# --- talking about a concept is not using it ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Human error is never a root cause.",
        "Root cause:",
        "## Root cause",
        "Rather than looking for a root cause, we list the conditions.",
        "Instead of asking who was at fault, we ask what made sense.",
        "The template talks about blame, hindsight, root cause and human error.",
        "The engineers were unsure of the root cause of each incident.",
        "Any system with people in it will be disrupted by human error.",
        "Even the simplest case of “human error” has much to teach us.",
    ],
)
def test_a_mention_definition_or_contrast_of_a_concept_is_quiet(text: str) -> None:
    assert categories(text, markdown=True) == set()


def test_a_concept_used_is_still_noticed() -> None:
    assert "root-cause" in categories("The root cause was a missing index.")
    assert "root-cause" in categories("Root cause: engineer ran the wrong playbook.")


# --- seeing at the time is not hindsight --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "It became obvious that the disk was full.",
        "It soon became obvious that the primary was down.",
        "The graph was clearly bimodal.",
        "Obviously wrong output was on the dashboard, so I paused the rollout.",
        "I could clearly hear the fans spinning up.",
    ],
)
def test_a_perception_at_the_time_is_not_hindsight(text: str) -> None:
    assert "hindsight" not in categories(text)


def test_hindsight_is_still_hindsight() -> None:
    assert "hindsight" in categories("It was obvious that the disk would fill.")
    assert "hindsight" in categories("Sam clearly saw the alert.")
    assert "hindsight" in categories("The graphs were clearly showing a memory leak.")


# --- technical terms, hypotheticals, outcomes ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Writes go to a sloppy quorum during a partition.",
        "The job sets TERM=dumb before it starts.",
        "The page uses lazy loading for images.",
        "The checklist stays useful until one person forgets a step.",
        "If someone forgets to renew it, the alert fires a week ahead.",
        "It could have lost data.",
    ],
)
def test_terms_hypotheticals_and_outcomes_are_quiet(text: str) -> None:
    assert categories(text) == set()


# --- vocabularies built on the mechanisms ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The outage was inevitable.", "hindsight"),
        ("We all saw this coming.", "hindsight"),
        ("Hindsight is 20/20, but the signs were there.", "hindsight"),
        ("It was evident long before the outage that the disk was too small.", "hindsight"),
        ("Predictably, the disk filled up overnight.", "hindsight"),
        ("The sole reason was a bad config push.", "root-cause"),
        ("It all boils down to one bad push.", "root-cause"),
        ("It comes down to one bad push.", "root-cause"),
        ("The root of the problem was the missing lock.", "root-cause"),
        ("This was a people problem.", "root-cause"),
        ("The new hire caused the outage.", "blame-other"),
        ("We were down because of the contractor who ran the script.", "blame-other"),
        ("QA let it slip through.", "blame-other"),
        ("The devs' fault, as usual.", "blame-other"),
        ("An engineer mistakenly deleted the state data.", "blame-other"),
        ("The report placed the blame on the vendor.", "blame-other"),
        ("I'm the one to blame for this.", "self-blame"),
        ("I let everyone down that night.", "self-blame"),
        ("Our bad, everyone.", "self-blame"),
        ("We failed you, and we are sorry.", "self-blame"),
        ("I broke prod on Friday.", "self-blame"),
        ("I fucked up the migration.", "self-blame"),
        ("Deploying on a Friday showed poor judgement.", "judgement"),
        ("He should know better by now.", "judgement"),
        ("She needs to be more careful with prod.", "judgement"),
        ("They don't know what they're doing.", "judgement"),
        ("Skipping the canary was asking for trouble.", "judgement"),
        ("It was a basic mistake.", "judgement"),
        ("The regex was poorly written.", "judgement"),
        ("It takes two seconds to check the diff.", "minimising"),
        ("It's a one-line change.", "minimising"),
        ("He just pasted it into the console.", "minimising"),
    ],
)
def test_the_vocabularies(text: str, category: str) -> None:
    assert category in categories(text)


# --- a subordinate clause closed by a comma is another clause -------------------------------


def test_a_negation_in_an_opening_subordinate_clause_does_not_reach_past_its_comma() -> None:
    assert "blame-other" in categories("Although it was not planned, Sam forgot to renew it.")
    assert "blame-other" not in categories("Although it was planned, Sam never forgot to renew it.")


def test_a_doubt_in_an_opening_subordinate_clause_does_not_make_a_concept_a_mention() -> None:
    text = "Regardless of whether lines were cut, the real cause of the outage was the test."
    assert "root-cause" in categories(text)
    assert "root-cause" not in categories(
        "We are still unsure whether the real cause was the test."
    )


# --- a question about the past is not a claim about it --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The purpose of the retro is to get to the bottom of what you could have done.",
        "We discussed whether we should have paged the database team sooner.",
        "Ask what else the reviewer could have checked, and what made that hard.",
        "Can you imagine what would have happened if someone else had deleted it!",
    ],
)
def test_an_embedded_question_or_an_imagined_outcome_is_not_a_counterfactual(text: str) -> None:
    assert "counterfactual" not in categories(text)


def test_a_claim_about_the_past_is_still_a_counterfactual() -> None:
    assert "counterfactual" in categories("What we should have done was roll back at once.")
    assert "counterfactual" in categories("We know we could have rolled back sooner.")


# --- what was there to see, or to say -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "It was obvious from the logs that the disk was full, so we paused the job.",
        "The spokesperson admitted the obvious.",
        "Clearly something went wrong with the failover.",
    ],
)
def test_evidence_a_statement_or_an_inference_now_is_not_hindsight(text: str) -> None:
    assert "hindsight" not in categories(text)


def test_obvious_from_the_start_is_still_hindsight() -> None:
    assert "hindsight" in categories("It was obvious from the start that the migration would fail.")


# --- what someone left undone, whoever they are ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A junior engineer committed new settings without full authorization.",
        "The vendor hadn't patched the firmware for a year.",
        "PG&E clearly hasn't made its system safe.",
    ],
)
def test_a_step_left_out_by_someone_else_is_noticed(text: str) -> None:
    assert "blame-other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Amazon hasn't outlined any specific fault.",
        "The deploy hadn't finished when the alert fired.",
        "The change was rolled out without review by the pipeline.",
        "If Sam had not been awake, the outage would have lasted until morning.",
        "If someone deployed without review, the pipeline would stop them.",
    ],
)
def test_saying_a_system_a_state_or_an_imagined_step_is_not_a_lapse(text: str) -> None:
    assert "blame-other" not in categories(text)


def test_an_aside_between_dashes_is_skipped_when_reading_who_did_it() -> None:
    text = (
        "There were questions about how a company like Microsoft – which sells tools to "
        "manage certificates – could neglect to renew a certificate."
    )
    assert "blame-other" in categories(text)
    assert "self-blame" not in categories(text)


def test_an_opening_when_clause_closed_by_a_comma_is_not_a_hypothetical() -> None:
    text = "Back when I began in helpdesk, a team broke all the processes at once."
    assert "blame-other" in categories(text)
    assert "blame-other" not in categories("When a team breaks all the processes, it learns.")


# --- an intensified lack judges people ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Laugh at the total lack of an excuse for it.", "It showed an utter lack of testing."],
)
def test_an_intensified_lack_is_judgement(text: str) -> None:
    assert "judgement-lack-of" in rules(text)


@pytest.mark.parametrize(
    "text", ["The node ran out because of a lack of disk space.", "A lack of alerts hid it."]
)
def test_a_plain_lack_is_not_judgement(text: str) -> None:
    assert "judgement-lack-of" not in rules(text)


# --- a consequence after a comma takes the subject of its clause -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "An engineer had disconnected a power supply near the airport, causing a surge.",
        "The new hire ran the script against production, taking down the site for an hour.",
    ],
)
def test_a_persons_action_told_as_what_broke_things_is_blame(text: str) -> None:
    assert "blame-other-consequence" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "The deploy pushed a bad config to every node, causing an outage.",
        "We restarted the primary, causing a brief outage.",  # the writer: not blame-other
        "Sam restarted the primary, causing a planned failover.",  # no harm named
        "If someone unplugs the rack, causing an outage, the pager goes off.",  # hypothetical
    ],
)
def test_a_system_the_writer_or_no_harm_is_not_blame_other(text: str) -> None:
    assert "blame-other-consequence" not in rules(text)


def test_a_word_cut_by_the_reach_of_the_clause_is_left_out() -> None:
    from secondstory.language.context import clause_tokens

    text = "An engineer had disconnected a power supply at a data center near the old airport"
    tokens, _ = clause_tokens(text, len(text), reach=len(text) - 1)  # cuts "An" to "n"
    assert tokens[0] == "engineer"
    assert clause_tokens(text, len(text), reach=len(text))[0][0] == "An"
