"""One person's account: private drafts and their session, the interview's state, the
prompt sets that word it, and the account read back as prose."""

from __future__ import annotations

from typing import TYPE_CHECKING

from secondstory import lazy_exports

if TYPE_CHECKING:
    from secondstory.account.drafts import Draft, load_draft, save_draft, share_draft, start_draft
    from secondstory.account.interview import Interview
    from secondstory.account.prompts import PromptSet, load_prompt_set

_EXPORTS = {
    "Draft": "secondstory.account.drafts",
    "load_draft": "secondstory.account.drafts",
    "save_draft": "secondstory.account.drafts",
    "share_draft": "secondstory.account.drafts",
    "start_draft": "secondstory.account.drafts",
    "Interview": "secondstory.account.interview",
    "PromptSet": "secondstory.account.prompts",
    "load_prompt_set": "secondstory.account.prompts",
}
"""Where each name of `__all__` lives; imported on first use, so importing one module
of the package does not load the others."""


__all__ = [
    "Draft",
    "Interview",
    "PromptSet",
    "load_draft",
    "load_prompt_set",
    "save_draft",
    "share_draft",
    "start_draft",
]


__getattr__ = lazy_exports(__name__, _EXPORTS)
