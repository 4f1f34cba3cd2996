"""Analyst judgements about identity: which base entities are, or are not, one real actor.

A judgement is recorded, never applied destructively: resolution reads the judgements and
the base entities and derives clusters, so undoing a judgement is deleting it.
"""
from __future__ import annotations

from dataclasses import dataclass

from newsgraph.model.ids import stable_id

JUDGEMENTS = ("merge", "split", "not-same")


@dataclass(frozen=True)
class Judgement:
    """`merge`: left and right are one actor; `not-same`: they are not; `split`: left leaves
    its cluster (right is None)."""

    kind: str
    left: str
    right: str | None
    author: str
    made_at: str  # ISO 8601, UTC
    reason: str = ""

    @property
    def id(self) -> str:
        return stable_id("j", self.kind, self.left, self.right, self.author, self.made_at)
