"""The rules that read a candidate, one per pattern kind, grouped by family.

`RULES` maps every kind a pattern in data/time_en_patterns.json may name to its rule; the
lexicon looks each pattern's kind up here when it loads, so a pattern file naming a kind no
rule reads fails at once (`UnknownPatternKind`) instead of at the first match.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from newsgraph.time.reading import Context, Reading, Rule
from newsgraph.time.recognise import Candidate
from newsgraph.time.rules import absolute, anchored, clock, deictic, lengths

__all__ = ["RULES", "UnknownPatternKind", "read", "rule_for"]


class UnknownPatternKind(ValueError):
    """A pattern names a kind that no rule reads."""


def _registry(*families: Mapping[str, Rule]) -> Mapping[str, Rule]:
    rules: dict[str, Rule] = {}
    for family in families:
        for kind, rule in family.items():
            if kind in rules:
                raise ValueError(f"two rules read the pattern kind {kind!r}")
            rules[kind] = rule
    return MappingProxyType(rules)


RULES = _registry(absolute.RULES, deictic.RULES, anchored.RULES, lengths.RULES, clock.RULES)


def rule_for(kind: str) -> Rule:
    """The rule that reads candidates of `kind`; UnknownPatternKind names the known kinds otherwise."""
    try:
        return RULES[kind]
    except KeyError:
        raise UnknownPatternKind(
            f"no rule reads the pattern kind {kind!r}; known kinds: {', '.join(sorted(RULES))}"
        ) from None


def read(c: Candidate, ctx: Context) -> Reading | None:
    """The reading of a candidate by the rule of its kind, or None when it is not a time."""
    if _title(c, ctx.text):
        return None
    try:
        return c.rule(c, ctx)
    except (ValueError, OverflowError):
        return None  # a date outside the calendar Python can represent (year 0 or 10000)


_SENTENCE_OPENING = re.compile(r"(?:[.!?\n][\s\"'`]*|^\s*)$")
# Kinds whose capitalised words are still a time ("March 1990", "Christmas") even mid-sentence.
_NAMED_KINDS = ("calendar", "weekday", "holiday", "month_relative", "year")


def _title(c: Candidate, text: str) -> bool:
    """A capitalised phrase inside a sentence ("This Week With David Brinkley", "60 Minutes")
    is a name, not a time."""
    words = text[c.start : c.end].split()
    if not all(w[:1].isupper() for w in words) or any(w[:1].isdigit() for w in words):
        return False
    if c.kind in _NAMED_KINDS or len(words) == 1 and c.kind != "duration":
        return False
    before = text[max(0, c.start - 3) : c.start]
    return not _SENTENCE_OPENING.search(before)
