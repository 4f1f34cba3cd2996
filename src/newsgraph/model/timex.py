"""Time expressions (TIMEX3) as found in a document, with what anchors the relative ones."""
from __future__ import annotations

from dataclasses import dataclass

from newsgraph.model.ids import stable_id


@dataclass
class Anchor:
    """What a relative time expression is computed from.

    `timex` is the id of the anchoring time expression (None when anchored to the document
    creation time), `relation` is before/after/same, `offset` an ISO 8601 duration or None.
    `year-of` means only the year came from the anchor ("April 26" after "3 May 2021").
    """

    timex: str | None
    text: str | None = None
    relation: str = "same"
    offset: str | None = None


@dataclass
class Timex:
    """A TIMEX3 time expression with its normalised value and the interval it bounds."""

    doc: str
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    earliest: str | None = None  # ISO day
    latest: str | None = None
    granularity: str | None = None  # day | week | month | quarter | season | year | ...
    anchor: Anchor | None = None
    mod: str | None = None  # TIMEX3 mod: BEFORE, AFTER, APPROX, START, END, ...

    @property
    def id(self) -> str:
        return stable_id("t", self.doc, self.start, self.end)
