"""One person's account: private drafts and their session, the interview's state, the
prompt sets that word it, and the account read back as prose."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

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


def __getattr__(name: str) -> object:
    """Load an exported name when it is first asked for."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
