"""Pipeline stage: TIMEX3 time expressions of the document, normalised against its publication date."""

from __future__ import annotations

from newsgraph.model import Analysis
from newsgraph.time import find_timexes


class TimexStage:
    name = "timex"
    requires = ("document",)
    assigns = ("timexes",)

    def __call__(self, analysis: Analysis) -> Analysis:
        document = analysis.document
        analysis.timexes = find_timexes(document.text, document.published, document.id)
        return analysis
