"""Candidate time expressions: every pattern match, then the longest leftmost non-overlapping ones."""
from __future__ import annotations

from dataclasses import dataclass

from newsgraph.time.lexicon import Lexicon


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str
    groups: dict[str, str | None]
    order: int  # pattern order: an earlier pattern wins a tie in length


def candidates(text: str, lex: Lexicon) -> list[Candidate]:
    found = []
    for order, pattern in enumerate(lex.patterns):
        for m in pattern.regex.finditer(text):
            if m.end() > m.start():
                found.append(Candidate(m.start(), m.end(), pattern.kind, m.groupdict(), order))
    found.sort(key=lambda c: (c.start, -(c.end - c.start), c.order))
    chosen: list[Candidate] = []
    for c in found:
        if chosen and c.start < chosen[-1].end:
            continue
        chosen.append(c)
    return chosen
