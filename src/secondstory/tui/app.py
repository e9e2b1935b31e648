"""The Textual application: it only wires settings to the first screen.

`Settings` lives in `host`, beside the `Host` protocol the screens use; both are
re-exported here for the command line and the tests.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import Screen

from secondstory.tui import partial_lines, terminal
from secondstory.tui.hangup import HangUp
from secondstory.tui.host import Saver, Settings
from secondstory.tui.palette import screen_commands
from secondstory.tui.typeahead import TypeAhead

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from secondstory.account.drafts import Step
    from secondstory.account.interview import Interview
    from secondstory.account.prompts import PromptSet
    from secondstory.language import RuleSet
    from secondstory.tui.screens.too_small import TooSmallScreen

__all__ = ["SecondstoryApp", "Settings", "create_app"]


class SecondstoryApp(App[None]):
    """secondstory in the terminal."""

    TITLE = "secondstory"
    CSS_PATH = ["app.tcss", "facilitate.tcss"]
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "Help", id="help"),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        # Same key, shown instead of Quit when a screen was opened from home.
        Binding("ctrl+q", "home", "Home", id="home", priority=True),
        # Moving focus here, before the next key is handed on, keeps a burst of typing
        # after tab (a paste, a slow SSH link catching up) in the answer it was meant for.
        Binding("tab", "focus_next", "Next answer", show=False, priority=True, id="focus-next"),
        Binding(
            "shift+tab",
            "focus_previous",
            "Previous answer",
            show=False,
            priority=True,
            id="focus-previous",
        ),
    ]

    def __init__(self, settings: Settings) -> None:
        partial_lines.install()  # a typed key re-sends its cells, not the whole line
        # On a 16-colour terminal (TERM=linux, plain xterm) the ANSI theme and the :ansi
        # styles, rather than the full-colour theme squeezed into 16 colours.
        sixteen = terminal.sixteen_colours()
        if sixteen:
            super().__init__(ansi_color=True)
            themes = self.available_themes
            self.theme = next(name for name in terminal.ANSI_THEMES if name in themes)
        else:
            super().__init__()
        self.settings = settings
        self._savers: list[Saver] = []
        self._writer: ThreadPoolExecutor | None = None
        self._prompts: PromptSet | None = None
        self._rules: RuleSet | None = None
        self._rules_lock = threading.Lock()
        self._rules_warning: str | None = None
        self._typeahead = TypeAhead(self)
        self._started = False
        self._too_small: TooSmallScreen | None = None
        self._hangup = HangUp(self, self.save_all, self._typeahead.holding)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste):
            self._hangup.keys += 1  # so a hang-up knows when the keys stop coming
        # Keys in a burst wait for the one before to land (focus moved, dialog open).
        typeahead = self._typeahead
        if not typeahead.takes(event):
            await super().on_event(event)
            return
        if typeahead.hold(event):
            return
        # After a hang-up, typing is gathered in the same order the keys were held in.
        if isinstance(event, events.Key | events.Paste) and self._hangup.take(event):
            typeahead.skipped()
            return
        focused = self.focused
        await super().on_event(event)
        typeahead.landed(event, focused)

    @property
    def prompts(self) -> PromptSet:
        """The interview's prompt set: the team's file, or the built-in one."""
        if self._prompts is None:
            from secondstory.account.prompts import load_prompt_set_or_default

            prompts, warning = load_prompt_set_or_default(self.settings.prompts)
            self._prompts = _as_text(prompts)
            if warning:
                self.notify(warning, severity="warning", timeout=10)
        return self._prompts

    @property
    def language_rules(self) -> RuleSet:
        """The language rules: built-in, with the team's own file when it can be used."""
        rules = self._load_rules()
        self._say_rules_warning()
        return rules

    def load_language_rules(self) -> RuleSet:
        """The language rules, for a worker thread: loaded once, whichever thread asks first;
        a warning about the team's file is said by the main thread (_preload_rules)."""
        return self._load_rules()

    def _load_rules(self) -> RuleSet:
        """Load the rules once, from whichever thread asks first (see _preload_rules)."""
        with self._rules_lock:
            if self._rules is None:
                from secondstory.language.rules import load_rules_or_default

                self._rules, self._rules_warning = load_rules_or_default()
            return self._rules

    def _say_rules_warning(self) -> None:
        warning, self._rules_warning = self._rules_warning, None
        if warning:
            self.notify(warning, severity="warning", timeout=10)

    def _preload_rules(self) -> None:
        """After the first frame, load the rules beside the screen, not on the first key."""

        def load() -> None:
            self._load_rules()
            self.call_from_thread(self._say_rules_warning)

        self.run_worker(load, thread=True, group="language-rules", exit_on_error=False)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: names, titles and paths come from files."""
        from secondstory.export.textsafe import printable

        lines = "\n".join(printable(line) for line in message.split("\n"))
        super().notify(
            lines, title=printable(title), severity=severity, timeout=timeout, markup=False
        )

    def get_key_display(self, binding: Binding) -> str:
        # Inside tmux ctrl+b is tmux's own key: show the one that arrives.
        if binding.key == terminal.BACK_KEY and terminal.inside_tmux():
            return super().get_key_display(replace(binding, key=terminal.BACK_KEY_IN_TMUX))
        return super().get_key_display(binding)

    def on_mount(self) -> None:
        self._install_signal_handlers()
        self.push_screen(self._first_screen())
        self._started = True
        if self.settings.mode in ("give", "facilitate"):
            self.call_after_refresh(self._preload_rules)
        self._fit(self.size)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size)

    def _fit(self, size: Size) -> None:
        """Below 80x24, one message covers everything until the window grows again."""
        from secondstory.tui.screens.too_small import TooSmallScreen, too_small

        if not self._started:
            return  # the first screen goes under it, once it is there
        notice = self._too_small
        if too_small(size):
            if notice is not None:
                notice.show_size(size)
            else:
                self._too_small = TooSmallScreen(size)
                self.push_screen(self._too_small)
        elif notice is not None and self.screen is notice:
            self._too_small = None
            self.pop_screen()  # the screen beneath resumes with its focus and words

    def _first_screen(self) -> Screen[None]:
        from secondstory.tui.screens.home import HomeScreen

        if self.settings.mode == "facilitate" and self.settings.incident is not None:
            from secondstory.tui.screens.facilitate import FacilitateScreen

            return FacilitateScreen(self.settings.incident)
        if self.settings.mode == "give" and self.settings.incident is not None:
            from secondstory.errors import SecondstoryError
            from secondstory.tui.screens.interview import open_interview

            try:
                screen, notice = open_interview(self, self.settings.incident)
            except SecondstoryError as problem:  # open in another window, since the check
                self.notify(problem.message, severity="warning", timeout=20)
                return HomeScreen()
            if notice:
                self.notify(notice, severity="warning", timeout=20)
            return screen
        return HomeScreen()

    # Saving: screens register a callback that writes what is in memory right now, and
    # says what it could not keep.
    def register_saver(self, save: Saver) -> None:
        """Call `save` on quit and on SIGTERM/SIGHUP."""
        self._savers.append(save)

    def unregister_saver(self, save: Saver) -> None:
        """Stop calling `save`."""
        if save in self._savers:
            self._savers.remove(save)

    def write_in_background(self, write: Callable[[], None]) -> Future[None]:
        """Run `write` in the app's one saving thread, after any write before it.

        The thread is not a daemon: a write under way when the app ends is finished
        before the process exits (concurrent.futures waits for it)."""
        if self._writer is None:
            self._writer = ThreadPoolExecutor(1, thread_name_prefix="secondstory-save")
        return self._writer.submit(write)

    def show_step(self, step: Step, interview: Interview) -> None:
        """Replace the current interview step with `step` of the same interview."""
        from secondstory.tui.screens.interview import step_screen

        self.switch_screen(step_screen(step, interview, self.prompts))

    def save_all(self) -> list[str]:
        """Write everything open to disk now; returns what could not be saved, if anything."""
        problems = [save() for save in list(self._savers)]
        return [problem for problem in problems if problem]

    def _install_signal_handlers(self) -> None:
        # A dropped SSH connection sends SIGHUP, which kills a Textual app before any exit
        # handler runs; save synchronously first, then leave.
        signal.signal(signal.SIGHUP, self._on_hangup)
        signal.signal(signal.SIGTERM, self._on_terminate)

    def _on_hangup(self, signum: int, frame: object) -> None:
        self._hangup.begin(signum)

    def panic(self, *renderables: object) -> None:
        if not self._hangup.active:  # reading a hung-up terminal fails; saving goes on
            super().panic(*renderables)  # type: ignore[arg-type]

    def _on_terminate(self, signum: int, frame: object) -> None:
        self.save_all()
        self.call_later(self.exit)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        from secondstory.tui.screens.too_small import TooSmallScreen

        if isinstance(self.screen, TooSmallScreen):
            return action == "quit"  # saving first, as ever; nothing else until it grows
        if action in ("quit", "home"):
            return (action == "home") == self._home_beneath()
        return True

    def _home_beneath(self) -> bool:
        from secondstory.tui.screens.home import HomeScreen

        stack = self.screen_stack
        return (
            len(stack) > 1
            and not isinstance(stack[-1], HomeScreen)
            and any(isinstance(screen, HomeScreen) for screen in stack[:-1])
        )

    async def action_quit(self) -> None:
        self._leave(self.exit)

    def action_home(self) -> None:
        """Save, then go back to the home screen this screen was opened from."""
        self._leave(self._pop_to_home)

    def _pop_to_home(self) -> None:
        from secondstory.tui.screens.home import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def _leave(self, then: Callable[[], None]) -> None:
        """Save everything; if something could not be saved, ask before leaving it behind."""
        from secondstory.tui.dialogs.confirm import ConfirmDialog
        from secondstory.tui.dialogs.reshare import remind_to_share

        problems = self.save_all()
        if not problems:
            if not remind_to_share(self, then):
                then()
            return
        question = " ".join(problems) + " Leave anyway?"

        def answered(leave: bool | None) -> None:
            if leave:
                then()

        self.push_screen(ConfirmDialog(question, "Leave", "Stay"), answered)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The screen's own actions first, then the toolkit's (theme, keys, quit)."""
        yield from screen_commands(screen)
        yield from super().get_system_commands(screen)

    def action_help(self) -> None:
        from secondstory.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))


def _as_text(prompts: PromptSet) -> PromptSet:
    """A team's prompt set with any control character shown as text, as file text is."""
    from secondstory.export.textsafe import printable

    def inert(value: object) -> object:
        if isinstance(value, str):
            return printable(value)
        if isinstance(value, dict):
            return {key: inert(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(inert(item) for item in value)
        return value

    data = prompts.model_dump()
    shown = inert(data)
    return prompts if shown == data else type(prompts).model_validate(shown)


def create_app(settings: Settings | None = None) -> SecondstoryApp:
    """The one app factory, used by the command line and the tests."""
    return SecondstoryApp(settings or Settings())
