"""`secondstory docs`: the documentation, offline, as plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from secondstory.cli.main import main

ROOT = Path(__file__).parents[2]


def test_docs_lists_every_topic_with_its_title(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["docs"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Topics (read one with: secondstory docs TOPIC):"
    names = [line.split()[0] for line in out[1:]]
    assert names == sorted([p.stem for p in (ROOT / "docs").glob("*.md")] + ["readme"])
    assert any(line.split(None, 1)[1].strip() == "Command line" for line in out[1:])


@pytest.mark.parametrize("topic", ["cli", "CLI.md", "shared-hosts"])
def test_docs_prints_a_topic_exactly_as_written(
    topic: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["docs", topic]) == 0
    name = topic.lower().removesuffix(".md")
    assert capsys.readouterr().out == (ROOT / "docs" / f"{name}.md").read_text("utf-8")


def test_docs_readme_is_the_readme(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["docs", "readme"]) == 0
    assert capsys.readouterr().out == (ROOT / "README.md").read_text("utf-8")


def test_an_unknown_topic_is_one_line_naming_the_topics(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["docs", "nothing-like-it"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("secondstory: There is no documentation topic 'nothing-like-it'; ")
    assert "cli, formats" in err


def test_a_doc_with_terminal_controls_prints_them_harmlessly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "odd.md"
    doc.write_text("# Odd\n\x1b[2Jcleared?\n", "utf-8")
    monkeypatch.setattr("secondstory.cli.docs.doc_topics", lambda: {"odd": doc})
    assert main(["docs", "odd"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and out.endswith("cleared?\n")
