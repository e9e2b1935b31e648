"""One person's account: private drafts and their session, the interview's state, the
prompt sets that word it, and the account read back as prose."""

from __future__ import annotations

from secondstory.account.drafts import Draft, load_draft, save_draft, share_draft, start_draft
from secondstory.account.interview import Interview
from secondstory.account.prompts import PromptSet, load_prompt_set

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
