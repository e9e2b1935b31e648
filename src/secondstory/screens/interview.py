"""Opening an interview: find or start the draft, then show the step the person was on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from secondstory.drafts import Draft, Step, drafts_for, start_draft
from secondstory.incidents import load_incident
from secondstory.interview import Interview
from secondstory.model import Incident

if TYPE_CHECKING:
    from secondstory.app import SecondstoryApp
    from secondstory.prompts import PromptSet
    from secondstory.screens.step import StepScreen


def step_screen(step: Step, interview: Interview, prompts: PromptSet) -> StepScreen:
    """The screen for one step."""
    from secondstory.screens.closing import ClosingScreen
    from secondstory.screens.identity import IdentityScreen
    from secondstory.screens.moments import MomentsScreen
    from secondstory.screens.opening import OpeningScreen
    from secondstory.screens.review import ReviewScreen
    from secondstory.screens.share import ShareScreen

    screens: dict[Step, type[StepScreen]] = {
        "opening": OpeningScreen,
        "identity": IdentityScreen,
        "moments": MomentsScreen,
        "closing": ClosingScreen,
        "review": ReviewScreen,
        "share": ShareScreen,
    }
    return screens[step](interview, prompts)


def open_interview(app: SecondstoryApp, folder: Path) -> StepScreen:
    """Resume this person's latest draft for the incident, or start one."""
    incident = load_incident(folder)
    existing = drafts_for(incident.id)
    draft = existing[0] if existing else start_draft(incident, folder)
    return resume(app, draft, incident, folder)


def resume(
    app: SecondstoryApp, draft: Draft, incident: Incident, folder: Path | None
) -> StepScreen:
    """The screen for a draft, on the step it was left on."""
    if folder is not None:
        draft.session.incident_folder = str(folder.resolve())
    interview = Interview(draft, incident, folder, share_to=app.settings.share_to)
    return step_screen(draft.session.step, interview, app.prompts)
