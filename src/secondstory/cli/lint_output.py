"""How `secondstory lint` writes its findings: text, JSON, SARIF 2.1.0 or GitHub annotations.

Every format is deterministic (files in the order read, findings in text order) and
shows names safely: a file name may hold terminal controls, bidi overrides (U+202E) or
bytes that are not UTF-8, so text and GitHub output write them as visible escapes
(`\\u202e`), and JSON and SARIF as JSON escapes, whose values still decode to the real name.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from secondstory import __version__
from secondstory.export.textsafe import printable
from secondstory.language import NOT_BLAME, Finding, RuleSet

ASK = "try asking"
"""The words before the reframing question, in every format."""
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_RAW_IN_JSON = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
"""What json.dumps leaves raw (it escapes C0 controls itself) that a terminal acts on."""
_UNSAFE = re.compile(f"[\x00-\x1f{_RAW_IN_JSON}]")
_UNSAFE_IN_JSON = re.compile(f"[{_RAW_IN_JSON}]")


@dataclass(frozen=True)
class Result:
    """One finding in one file; `path` is None for standard input."""

    path: str | None
    finding: Finding

    @property
    def shown(self) -> str:
        """The file's name as given, or <stdin>."""
        return "<stdin>" if self.path is None else self.path


def escaped(text: str) -> str:
    """`text` with controls, bidi marks and stray surrogates written as `\\x1b`, `\\u202e`."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _json(data: object) -> str:
    """JSON readable in any terminal: the characters JSON leaves raw but a terminal or a
    reader would act on (U+202E, U+2028, C1 controls, lone surrogates) as \\u escapes."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _words(text: str) -> str:
    """A message or question from a rules file, as one harmless line."""
    return printable(" ".join(text.split()))


def end_of(finding: Finding) -> tuple[int, int]:
    """The line and the column just after the matched words (columns count characters)."""
    pieces = finding.text.split("\n")
    if len(pieces) == 1:
        return finding.line, finding.col + len(finding.text)
    return finding.line + len(pieces) - 1, len(pieces[-1]) + 1


def text(results: Iterable[Result]) -> str:
    """`path:line:col: rule-id: message`, and the question indented on the next line."""
    lines = []
    for result in results:
        f = result.finding
        lines.append(f"{escaped(result.shown)}:{f.line}:{f.col}: {f.rule}: {_words(f.message)}")
        lines.append(f"    {ASK}: {_words(f.reframe)}")
    return "".join(line + "\n" for line in lines)


def json_list(results: Iterable[Result]) -> str:
    """One JSON list of objects, `[]` when clean."""
    items: list[dict[str, Any]] = [
        {
            "path": r.shown,
            "line": r.finding.line,
            "col": r.finding.col,
            "rule": r.finding.rule,
            "category": r.finding.category,
            "message": r.finding.message,
            "reframe": r.finding.reframe,
            "text": r.finding.text,
        }
        for r in results
    ]
    return _json(items) + "\n"


def github(results: Iterable[Result]) -> str:
    """GitHub Actions workflow commands: one `::notice` annotation per finding."""
    lines = []
    for result in results:
        f = result.finding
        end_line, end_col = end_of(f)
        where = [] if result.path is None else [("file", escaped(_relative(result.path)))]
        properties = [
            *where,
            ("line", str(f.line)),
            ("col", str(f.col)),
            ("endLine", str(end_line)),
            ("endColumn", str(end_col)),
            ("title", f"secondstory: {f.rule}"),
        ]
        head = ",".join(f"{key}={_github_property(value)}" for key, value in properties)
        message = f"{_words(f.message)}\n{ASK.capitalize()}: {_words(f.reframe)}"
        lines.append(f"::notice {head}::{_github_data(message)}")
    return "".join(line + "\n" for line in lines)


def _github_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(value: str) -> str:
    return _github_data(value).replace(":", "%3A").replace(",", "%2C")


def sarif(
    results: Iterable[Result], rules: Iterable[RuleSet], *, complete: bool, keeps: Keeps
) -> str:
    """A SARIF 2.1.0 log with one run: every rule reported on, then every result."""
    listed = _rules(rules, keeps)
    index = {rule["id"]: n for n, rule in enumerate(listed)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "secondstory",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": listed,
            }
        },
        "invocations": [{"executionSuccessful": complete}],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [_sarif_result(r, index) for r in results],
    }
    return _json({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}) + "\n"


Keeps = Callable[[str, str], bool]
"""Whether a rule (id, category) is reported under the selection in force."""


def _rules(rule_sets: Iterable[RuleSet], keeps: Keeps) -> list[dict[str, Any]]:
    listed: dict[str, dict[str, Any]] = {}
    for rules in rule_sets:
        for rule in rules.rules:
            if rule.id in listed or not keeps(rule.id, rule.category):
                continue
            if rule.category in NOT_BLAME:
                continue  # expectations are for the interview, and never reported here
            listed[rule.id] = {
                "id": rule.id,
                "shortDescription": {"text": _words(rule.message)},
                "fullDescription": {
                    "text": f"{_words(rule.message)} {ASK.capitalize()}: {_words(rule.reframe)}"
                },
                "help": {"text": f"{ASK.capitalize()}: {_words(rule.reframe)}"},
                "defaultConfiguration": {"level": "note"},
                "properties": {"category": rule.category, "tags": [rule.category]},
            }
    return list(listed.values())


def _sarif_result(result: Result, index: dict[str, int]) -> dict[str, Any]:
    f = result.finding
    end_line, end_col = end_of(f)
    region: dict[str, Any] = {"startLine": f.line, "startColumn": f.col}
    if end_line != f.line:
        region["endLine"] = end_line
    region["endColumn"] = end_col
    region["snippet"] = {"text": f.text}
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "level": "note",
        "message": {"text": f"{_words(f.message)} {ASK.capitalize()}: {_words(f.reframe)}"},
        "locations": [
            {"physicalLocation": {"artifactLocation": _artifact(result.path), "region": region}}
        ],
    }
    if f.rule in index:
        out["ruleIndex"] = index[f.rule]
    return out


def _artifact(path: str | None) -> dict[str, Any]:
    """Where a file is: relative to the folder lint ran in when it is inside it."""
    if path is None:
        return {"description": {"text": "standard input"}}
    relative = _relative(path)
    if Path(relative).is_absolute():
        return {"uri": Path(relative).as_uri()}
    return {"uri": quote(os.fsencode(Path(relative).as_posix())), "uriBaseId": "%SRCROOT%"}


def _relative(path: str) -> str:
    """The path relative to the working folder when it is inside it, else absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(absolute)
