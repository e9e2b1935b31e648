"""`secondstory lint`: SARIF, GitHub annotations, and file names that hold controls."""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import jsonschema
import pytest

from secondstory.cli import lint
from secondstory.language import default_rules

SCHEMA = Path(__file__).parents[1] / "data" / "sarif" / "sarif-schema-2.1.0.json"
DRAFT = "# Review\n\nSam said the deploy was careless.\nIn hindsight, we paged the database team.\n"


def run_lint(*argv: str | Path) -> int:
    parser = argparse.ArgumentParser(prog="secondstory")
    lint.add_parser(parser.add_subparsers())
    return lint.run(parser.parse_args(["lint", *map(str, argv)]))


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder to run lint in, as a CI job does from its checkout."""
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    return project


def write(path: Path, text: str = DRAFT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def sarif_of(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> dict[str, object]:
    run_lint("--format", "sarif", *argv)
    log: dict[str, object] = json.loads(capsys.readouterr().out)
    validator = jsonschema.Draft4Validator(json.loads(SCHEMA.read_text("utf-8")))
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, errors[0]
    return log


def test_sarif_validates_against_the_official_schema_and_says_where(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(here / "docs" / "review one.md")
    log = sarif_of(capsys, "docs")
    (run,) = log["runs"]  # type: ignore[misc]
    assert log["version"] == "2.1.0"
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["judgement-careless", "hindsight-in-hindsight"]
    first = results[0]
    assert first["level"] == "note"
    careless = default_rules().get("judgement-careless")
    assert careless is not None
    assert first["message"]["text"] == f"{careless.message} Try asking: {careless.reframe}"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "docs/review%20one.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] == 3
    assert location["region"]["startColumn"] == 25
    assert location["region"]["endColumn"] == 25 + len("careless")
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_sarif_lists_the_rules_with_their_question(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(here / "a.md")
    (run,) = sarif_of(capsys, "a.md")["runs"]  # type: ignore[misc]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    shipped = [r for r in default_rules().rules if r.category != "expectation"]
    assert list(rules) == [r.id for r in shipped]  # every rule in force, expectations apart
    careless = rules["judgement-careless"]
    question = next(r.reframe for r in shipped if r.id == "judgement-careless")
    assert careless["help"]["text"] == f"Try asking: {question}"
    assert careless["defaultConfiguration"] == {"level": "note"}
    assert careless["properties"]["category"] == "judgement"
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_of_a_clean_file_and_of_standard_input_still_validates(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(here / "clean.md", "Priya rolled back at 14:20.\n")
    (run,) = sarif_of(capsys, "clean.md")["runs"]  # type: ignore[misc]
    assert run["results"] == []
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode("utf-8"))))
    (run,) = sarif_of(capsys, "-", "--select", "judgement")["runs"]  # type: ignore[misc]
    (result,) = run["results"]
    artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"description": {"text": "standard input"}}
    assert {rule["properties"]["category"] for rule in run["tool"]["driver"]["rules"]} == {
        "judgement"
    }


def test_sarif_says_when_a_file_could_not_be_read(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(here / "a.md")
    (run,) = sarif_of(capsys, "a.md", "missing.md")["runs"]  # type: ignore[misc]
    assert run["invocations"] == [{"executionSuccessful": False}]


def test_github_annotations_carry_place_title_message_and_question(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(here / "docs" / "review.md")
    assert run_lint("--format", "github", "docs") == 1
    lines = capsys.readouterr().out.splitlines()
    careless = default_rules().get("judgement-careless")
    assert careless is not None
    assert lines[0] == (
        "::notice file=docs/review.md,line=3,col=25,endLine=3,endColumn=33,"
        "title=secondstory%3A judgement-careless::"
        f"{careless.message}%0ATry asking: {careless.reframe}"
    )
    assert len(lines) == 2


def test_github_escapes_what_the_workflow_commands_would_read(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(here / "100%, a:b.md")
    team = write(
        here / "team.toml",
        'format = 1\nkind = "secondstory.language"\ndisabled = ["judgement-careless"]\n'
        '[[rules]]\nid = "team-cowboy"\n'
        "category = \"judgement\"\npatterns = ['\\bcareless\\b']\n"
        'message = "50% of it, said: once"\nreframe = "What made it,\\r\\nreasonable?"\n',
    )
    assert run_lint("--format", "github", "--rules", team, "--select", "team-cowboy", ".") == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("::notice file=100%25%2C a%3Ab.md,line=3,")
    # In the message only %, CR and LF are special; a rules file's line breaks become spaces.
    assert line.endswith("::50%25 of it, said: once%0ATry asking: What made it, reasonable?")


NAMES = {
    "bidi override": "review\u202egnp.md",
    "terminal escape": "review\x1b]0;owned\x07.md",
    "newline": "two\nlines.md",
    "line separator": "para\u2028graph.md",
}


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_text_output_shows_file_names_with_visible_escapes(
    here: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    write(here / name)
    assert run_lint(name) == 1
    out = capsys.readouterr().out
    assert _unsafe(out) == []
    shown = out.splitlines()[0].split(":3:25:")[0]
    assert shown == lint.escaped(name)
    assert "\\x1b" in shown or "\\u202e" in shown or "\\x0a" in shown or "\\u2028" in shown


@pytest.mark.parametrize("output", ["json", "sarif", "github"])
@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_machine_formats_escape_file_names_and_keep_them_exact(
    here: Path, capsys: pytest.CaptureFixture[str], name: str, output: str
) -> None:
    write(here / name)
    run_lint("--format", output, name)
    out = capsys.readouterr().out
    assert _unsafe(out) == []
    if output == "json":
        assert json.loads(out)[0]["path"] == name  # the value decodes to the real name
    if output == "sarif":
        artifact = json.loads(out)["runs"][0]["results"][0]["locations"][0]
        uri = artifact["physicalLocation"]["artifactLocation"]["uri"]
        from urllib.parse import unquote

        assert unquote(uri) == name


def test_an_unreadable_file_with_controls_in_its_name_is_named_safely(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_lint("gone\u202e\x1b[2J.md") == 2
    err = capsys.readouterr().err
    assert err == "secondstory lint: gone\\u202e\\x1b[2J.md: no such file\n"


def test_a_name_that_is_not_utf8_is_escaped_not_a_crash(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    name = os.fsdecode(b"caf\xe9.md")  # a surrogate escape in Python
    write(here / name)
    assert run_lint(name) == 1
    assert capsys.readouterr().out.startswith("caf\\udce9.md:3:25:")
    assert run_lint("--format", "json", name) == 1
    assert "\\udce9" in capsys.readouterr().out


def _unsafe(out: str) -> list[str]:
    """Characters a terminal or a reader would act on, besides the newlines between lines."""
    return [
        c
        for c in out
        if c != "\n"
        and (
            ord(c) < 0x20
            or 0x7F <= ord(c) <= 0x9F
            or c in "\u2028\u2029\u200e\u200f\u061c"
            or 0x202A <= ord(c) <= 0x202E
            or 0x2066 <= ord(c) <= 0x2069
            or 0xD800 <= ord(c) <= 0xDFFF
        )
    ]
