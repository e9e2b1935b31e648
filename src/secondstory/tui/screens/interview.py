"""Opening an interview: find or start the draft, then show the step the person was on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from secondstory.account.drafts import Draft, Step, latest_or_new, lock_draft
from secondstory.account.interview import Interview
from secondstory.files.incidents import load_incident
from secondstory.files.model import Incident

if TYPE_CHECKING:
    from secondstory.account.prompts import PromptSet
    from secondstory.tui.host import Host
    from secondstory.tui.screens.step import StepScreen


def step_screen(step: Step, interview: Interview, prompts: PromptSet) -> StepScreen:
    """The screen for one step."""
    from secondstory.tui.screens.closing import ClosingScreen
    from secondstory.tui.screens.identity import IdentityScreen
    from secondstory.tui.screens.moments import MomentsScreen
    from secondstory.tui.screens.opening import OpeningScreen
    from secondstory.tui.screens.review import ReviewScreen
    from secondstory.tui.screens.share import ShareScreen

    screens: dict[Step, type[StepScreen]] = {
        "opening": OpeningScreen,
        "identity": IdentityScreen,
        "moments": MomentsScreen,
        "closing": ClosingScreen,
        "review": ReviewScreen,
        "share": ShareScreen,
    }
    return screens[step](interview, prompts)


def open_interview(app: Host, folder: Path) -> tuple[StepScreen, str | None]:
    """Resume this person's latest draft for the incident, or start one.

    Returns the screen, and a sentence to show when an earlier draft could not be read.
    Raises DraftOpenElsewhere when another window has the draft open.
    """
    incident = load_incident(folder)
    draft, notice = latest_or_new(incident, folder)
    return resume(app, draft, incident, folder), notice


def resume(app: Host, draft: Draft, incident: Incident, folder: Path | None) -> StepScreen:
    """The screen for a draft, on the step it was left on (DraftOpenElsewhere if it is open)."""
    lock_draft(draft)
    if folder is not None:
        draft.session.incident_folder = str(folder.resolve())
    interview = Interview(draft, incident, folder, share_to=app.settings.share_to)
    return step_screen(draft.session.step, interview, app.prompts)
