"""The shared accounts merged into one narrative, as a pipeline of small pure steps:
read the accounts (`sources`), place every moment in UTC (`placement`), find moments at the
same time and the same event told twice (`groups`, `similarity`), gather perspectives
(`perspectives`), and apply the facilitator's notes (`annotate`). `merge` runs the pipeline
and returns a `Narrative` (`model`); `session` is a facilitator's open incident."""

from __future__ import annotations

from secondstory.narrative.merge import merge, merge_sources
from secondstory.narrative.model import Narrative
from secondstory.narrative.sources import Sources, load_sources

__all__ = ["Narrative", "Sources", "load_sources", "merge", "merge_sources"]
