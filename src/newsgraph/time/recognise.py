"""Candidate time expressions: every pattern match, then the longest leftmost non-overlapping ones."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsgraph.time.lexicon import Lexicon
    from newsgraph.time.reading import Rule


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str
    groups: dict[str, str | None]
    order: int  # pattern order: an earlier pattern wins a tie in length
    rule: Rule  # the rule of the pattern's kind


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# How far a match may reach from the trigger word it contains ("at least the first two quarters").
_REACH = 60
_BLANK = re.compile(r"\s")


def candidates(text: str, lex: Lexicon) -> list[Candidate]:
    """All pattern matches, sorted by start, then longest first.

    Patterns run on a lower-cased copy of the same length (faster than case-insensitive
    matching), and only in windows around trigger words, so that a long article without
    time words costs one scan."""
    folded = text.translate(_ASCII_LOWER)
    found = []
    for start, end in _windows(folded, lex):
        for order, pattern in enumerate(lex.patterns):
            for m in pattern.regex.finditer(folded, start, end):
                if m.end() > m.start():
                    groups = {
                        name: text[m.start(name) : m.end(name)] if m.start(name) >= 0 else None
                        for name in m.groupdict()
                    }
                    found.append(Candidate(m.start(), m.end(), pattern.kind, groups, order, pattern.rule))
    found.sort(key=lambda c: (c.start, -(c.end - c.start), c.order))
    return found


def _windows(folded: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Disjoint spans of the text within reach of a trigger word.

    A window may start inside a word (the patterns' look-behind sees the text before it) but
    ends at a word's end, so that a number is never cut short ("May 3|0")."""
    windows: list[tuple[int, int]] = []
    for m in lex.triggers.finditer(folded):
        start, end = max(0, m.start() - _REACH), min(len(folded), m.end() + _REACH)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return [(start, _word_end(folded, end)) for start, end in windows]


def _word_end(text: str, i: int) -> int:
    blank = _BLANK.search(text, i, i + _REACH)
    return blank.start() if blank else min(len(text), i + _REACH)
