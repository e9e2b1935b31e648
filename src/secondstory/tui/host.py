"""What screens and widgets may ask of the app, without importing the app.

The app satisfies `Host`; screens reach it through `host(self)`. This keeps the import
direction one way: `app` imports the screens, never the other way round.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from inspect import getattr_static
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, cast, runtime_checkable

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from secondstory.account.drafts import Step
    from secondstory.account.interview import Interview
    from secondstory.account.prompts import PromptSet
    from secondstory.language import RuleSet

Mode = Literal["home", "give", "facilitate"]
Saver = Callable[[], "str | None"]
"""Writes what a screen holds; returns a sentence about what it could not save, or None."""


@dataclass(frozen=True)
class Settings:
    """What the command line asked for."""

    mode: Mode = "home"
    incident: Path | None = None
    """The incident folder to give an account for or facilitate."""
    prompts: Path | None = None
    """A team's own prompt set, instead of the built-in one."""
    share_to: Path | None = None
    """Share to this file instead of the incident's accounts/ folder."""
    demo: bool = False
    """Running on the demo's temporary home."""


@runtime_checkable
class Host(Protocol):
    """The app as screens see it."""

    @property
    def settings(self) -> Settings:
        """What the command line asked for."""

    @property
    def prompts(self) -> PromptSet:
        """The interview's prompt set."""

    @property
    def language_rules(self) -> RuleSet:
        """The language rules in force."""

    def register_saver(self, save: Saver) -> None:
        """Call `save` on quit and on SIGTERM/SIGHUP."""

    def unregister_saver(self, save: Saver) -> None:
        """Stop calling `save`."""

    def write_in_background(self, write: Callable[[], None]) -> Future[None]:
        """Run `write` in the app's one saving thread, after any write before it."""

    def show_step(self, step: Step, interview: Interview) -> None:
        """Replace the current interview step with `step` of the same interview."""


def host(node: DOMNode) -> Host:
    """The app that `node` runs in, as a `Host`."""
    app = node.app
    # Checked on the class: isinstance(app, Host) would read every property of the
    # protocol on the app, and `language_rules` loads the rules (before the first frame).
    missing = [name for name in _HOST_NAMES if getattr_static(app, name, None) is None]
    assert not missing, "secondstory's screens run inside SecondstoryApp"
    return cast("Host", app)


_HOST_NAMES = tuple(name for name in vars(Host) if not name.startswith("_"))
"""What a Host offers, as the protocol names it."""
