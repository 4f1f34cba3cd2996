"""One real event told by several documents: each document's telling is a report (a per-document
`Event` with its stable id, never rewritten), and a `ResolvedEvent` is the cluster of reports
that resolution judged to be one event, with what they agree on and where they disagree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsgraph.model.facts import Event

# The fields two reports of one event may disagree on, each kept side by side when they do.
CONFLICT_FIELDS = ("type", "time", "place", "certainty", "modality")


@dataclass(frozen=True)
class EventReport:
    """One document's telling of an event: the event as that document states it, the document,
    and the earliest date any source of that document gives for its publication."""

    event: Event
    doc: str
    published: date | None = None


@dataclass(frozen=True)
class ConflictValue:
    """One side of a disagreement: a value (an ISO time value, a place id, a certainty, ...) and
    the reports (and their documents) that give it."""

    value: str | None
    docs: tuple[str, ...]
    reports: tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    """Reports of one event that disagree on `field` (one of CONFLICT_FIELDS): every value with
    its documents, none preferred."""

    field: str
    values: tuple[ConflictValue, ...]


@dataclass
class ResolvedEvent(Event):
    """One event across documents. Its id is the id of its first report (earliest published,
    then by document and event id), so a single-document event keeps its own id. The `Event`
    fields say what the reports together support (see `newsgraph.resolve.events.combine`);
    `reports` are all the tellings, first reported first, and `conflicts` where they differ."""

    reports: list[EventReport] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def corroboration(self) -> int:
        """How many distinct documents report the event."""
        return len({r.doc for r in self.reports})

    @property
    def first_reported(self) -> EventReport | None:
        """The report published first, None when no report's document has a date."""
        dated = [r for r in self.reports if r.published is not None]
        return min(dated, key=lambda r: (r.published, r.doc, r.event.id)) if dated else None
