"""The interview as data: the built-in prompt set, a team's own, and broken ones."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from secondstory.account.prompts import (
    PromptSet,
    builtin_prompt_set,
    load_prompt_set,
    load_prompt_set_or_default,
)
from secondstory.errors import FileProblem, NewerFormat
from secondstory.files.paths import config_dir
from secondstory.files.resources import builtin_prompt_file

DATA = Path(__file__).parents[1] / "data"
TEAM = DATA / "prompts_team.toml"
BAD = DATA / "bad"


def _all_text(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _all_text(getattr(value, name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _all_text(item)


def _missing_keys(model: type[BaseModel], data: dict[str, Any], where: str = "") -> list[str]:
    """Every field the model knows that the raw TOML does not spell out."""
    missing = []
    for name, info in model.model_fields.items():
        if name not in data:
            missing.append(f"{where}{name}")
            continue
        nested = info.annotation
        if isinstance(nested, type) and issubclass(nested, BaseModel):
            missing += _missing_keys(nested, data[name], f"{where}{name}.")
    return missing


def test_the_built_in_set_loads_with_more_than_fourteen_probes() -> None:
    prompts = builtin_prompt_set()
    assert prompts.name == "default"
    assert len(prompts.moments.probes) >= 14


def test_the_built_in_file_spells_out_every_key_even_optional_ones() -> None:
    raw = tomllib.loads(builtin_prompt_file("default.toml").read_text(encoding="utf-8"))
    assert _missing_keys(PromptSet, raw) == []
    for probe in raw["moments"]["probes"]:
        assert set(probe) == {"id", "field", "text"}


def test_no_question_demands_justification_or_uses_hindsight() -> None:
    for text in _all_text(builtin_prompt_set()):
        assert not re.match(r"\s*why did you", text, re.IGNORECASE), text
        assert "should have" not in text.lower(), text
        assert "why did you" not in text.lower(), text


def test_each_probe_is_one_short_question() -> None:
    for probe in builtin_prompt_set().moments.probes:
        assert probe.text.endswith("?"), probe.text
        assert not re.search(r"[.?!]\s", probe.text), f"more than one sentence: {probe.text}"
        assert len(probe.text) <= 80, probe.text


def test_labels_and_help_fit_a_terminal_of_eighty_columns() -> None:
    prompts = builtin_prompt_set()
    sections = [prompts.identity, prompts.moments, prompts.closing]
    for section in sections:
        for name in type(section).model_fields:
            wording = getattr(section, name)
            if hasattr(wording, "label"):
                assert len(wording.label) <= 40, wording.label
                assert len(wording.help) <= 72, wording.help  # one line beside a margin
                assert len(wording.placeholder) <= 60, wording.placeholder


def test_the_probes_cover_the_critical_decision_method_topics() -> None:
    ids = {probe.id for probe in builtin_prompt_set().moments.probes}
    # cues, goals, options, experience, time pressure, others, newcomer, then-not-now
    expected = {"cues", "goals", "options", "experience", "time-pressure", "others"}
    assert expected | {"newcomer", "then-not-now", "tools", "not-done"} <= ids


def test_the_opening_says_it_prepares_for_the_debrief_and_keeps_its_promises() -> None:
    opening = builtin_prompt_set().opening
    assert "not" in opening.text and "replace" in opening.text
    promises = " ".join(opening.promises).lower()
    for word in ("private", "share", "change", "withdraw", "not a judgement of you"):
        assert word in promises


def test_the_built_in_set_is_read_once_and_cannot_be_changed() -> None:
    prompts = builtin_prompt_set()
    assert builtin_prompt_set() is prompts
    with pytest.raises(ValidationError):
        prompts.name = "changed"  # type: ignore[misc]


def test_without_a_team_file_the_built_in_set_is_used() -> None:
    assert load_prompt_set() is builtin_prompt_set()


def test_a_team_file_named_on_the_command_line_is_used() -> None:
    prompts = load_prompt_set(TEAM)
    assert prompts.name == "payments-team"
    assert [probe.id for probe in prompts.moments.probes] == ["pager", "ledger"]
    assert prompts.identity.author.help == ""  # help and placeholder may be left out


def test_a_team_override_in_the_config_folder_is_picked_up() -> None:
    config_dir().mkdir(parents=True)
    (config_dir() / "prompts.toml").write_bytes(TEAM.read_bytes())
    assert load_prompt_set().name == "payments-team"


def test_secondstory_config_points_at_the_team_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team_config = tmp_path / "team-config"
    team_config.mkdir()
    (team_config / "prompts.toml").write_bytes(TEAM.read_bytes())
    monkeypatch.setenv("SECONDSTORY_CONFIG", str(team_config))
    assert load_prompt_set().name == "payments-team"


def test_a_file_on_the_command_line_wins_over_the_config_override() -> None:
    config_dir().mkdir(parents=True)
    (config_dir() / "prompts.toml").write_bytes((BAD / "prompts_not_toml.toml").read_bytes())
    assert load_prompt_set(TEAM).name == "payments-team"


def test_a_newer_format_is_refused_with_a_clear_message() -> None:
    with pytest.raises(NewerFormat, match="format 2, newer than this version"):
        load_prompt_set(BAD / "prompts_newer_format.toml")


def test_a_misspelt_key_is_named_with_its_line_and_the_key_meant() -> None:
    with pytest.raises(FileProblem) as caught:
        load_prompt_set(BAD / "prompts_misspelt_key.toml")
    assert str(caught.value).endswith(
        "line 24: 'moments.obseved' is not a key secondstory knows;"
        " did you mean 'moments.observed'?"
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("duplicate_probe_ids", "'moments.probes': two probes share the id 'pager'"),
        ("empty_label", "line 23: 'moments.did.label': should not be empty"),
        ("missing_table", "'closing' is missing"),
        ("misspelt_key", "did you mean 'moments.observed'?"),
        ("newer_format", "please update secondstory"),
        ("no_format", "has no 'format' number"),
        ("no_probes", "'moments.probes' is missing"),
        ("not_toml", "is not valid TOML"),
        ("not_utf8", "is not UTF-8 text"),
        ("probe_unknown_field", "line 35: 'moments.probes[2].field': input should be 'when'"),
        ("promises_not_a_list", "line 10: 'opening.promises': input should be a list"),
        ("unknown_top_level_key", "line 38: 'closingg' is not a key"),
        ("wrong_kind", "is a 'secondstory.account' file"),
    ],
)
def test_each_broken_file_gives_one_clear_line_naming_it(name: str, message: str) -> None:
    path = BAD / f"prompts_{name}.toml"
    with pytest.raises(FileProblem) as caught:
        load_prompt_set(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_every_bad_file_is_covered_by_a_case() -> None:
    names = {path.stem.removeprefix("prompts_") for path in BAD.glob("prompts_*.toml")}
    assert len(names) == 13


def test_a_broken_config_override_gives_the_built_in_set_and_a_warning() -> None:
    override = config_dir() / "prompts.toml"
    config_dir().mkdir(parents=True)
    override.write_bytes((BAD / "prompts_misspelt_key.toml").read_bytes())
    prompts, warning = load_prompt_set_or_default()
    assert prompts is builtin_prompt_set()
    assert warning is not None and "\n" not in warning
    assert warning.startswith(f"{override} could not be used (line 24:")
    assert warning.endswith("using the built-in questions")


def test_a_broken_config_override_is_still_reported_when_loaded_directly() -> None:
    config_dir().mkdir(parents=True)
    (config_dir() / "prompts.toml").write_text("format = 1\n", encoding="utf-8")
    with pytest.raises(FileProblem, match=re.escape("prompts.toml: is missing its 'kind'")):
        load_prompt_set()


def test_a_good_set_comes_with_no_warning() -> None:
    assert load_prompt_set_or_default(TEAM) == (load_prompt_set(TEAM), None)


def test_a_missing_team_file_is_a_file_problem(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="no such file"):
        load_prompt_set(tmp_path / "nowhere.toml")


def test_loading_prompts_imports_neither_textual_nor_rich() -> None:
    code = (
        "import sys, secondstory.account.prompts as p; p.builtin_prompt_set();"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
