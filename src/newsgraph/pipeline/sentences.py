"""Sentence stage: sentence boundaries from the parse, as character spans of the text.

A blank line always ends a sentence: headlines, datelines and list items carry no full stop,
and the parser would otherwise glue them to the next sentence. Spans are trimmed of the
surrounding white space so that evidence quotes read cleanly.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from newsgraph.model import Analysis, Sentence

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")


def sentence_spans(text: str, parsed_sentences) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty sentence, split at blank lines and trimmed."""
    for sent in parsed_sentences:
        start = sent.start_char
        for piece in _BLANK_LINE.split(sent.text):
            offset = text.index(piece, start) if piece else start
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                yield offset + lead, offset + lead + len(stripped)
            start = offset + len(piece)


class SentenceStage:
    name = "sentences"
    requires = ("parsed",)
    assigns = ("sentences",)

    def __call__(self, analysis: Analysis) -> Analysis:
        text = analysis.document.text
        analysis.sentences = [
            Sentence(index=i, start=s, end=e, text=text[s:e])
            for i, (s, e) in enumerate(sentence_spans(text, analysis.parsed.sents))
        ]
        return analysis
