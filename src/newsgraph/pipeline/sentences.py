"""Sentence stage: sentence boundaries from the parse, as character spans of the text."""
from __future__ import annotations

from newsgraph.model import Analysis, Sentence


class SentenceStage:
    name = "sentences"

    def __call__(self, analysis: Analysis) -> Analysis:
        analysis.sentences = [
            Sentence(index=i, start=s.start_char, end=s.end_char, text=s.text)
            for i, s in enumerate(s for s in analysis.parsed.sents if s.text.strip())
        ]
        return analysis
