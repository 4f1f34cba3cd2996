"""Events and relations with their entities and documents named: what `newsgraph events`,
`relations`, `timeline` and the facts of `show` list.

An event listed is an event across documents: the per-document reports the store's event
clusters join, combined by `newsgraph.resolve.events.combine` (its sources, first report and
conflicts).

A timeline puts dated events first, ordered by the interval their time covers, so a month
sorts as the whole month ("2024-03" before "2024-03-05", after "2024-02-28"); undated events
follow, ordered by the bounds the text gives them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from newsgraph.model import EventReport, EventTime, Evidence, ResolvedEvent
from newsgraph.resolve.events import PlaceTree, combine
from newsgraph.store import Store
from newsgraph.views.records import (
    ConflictItem,
    ConflictSide,
    EntityRef,
    EventItem,
    EventParticipant,
    FactEvidence,
    RelationItem,
    ReportingDocument,
)

UNDATED = "undated"


def events(store: Store, entity_id: str | None = None, type: str | None = None,
           start: date | None = None, end: date | None = None) -> list[EventItem]:
    """Events in timeline order; with `entity_id`, those it takes part in or that happen at it.

    With `start` or `end`, only events whose interval overlaps the range, which an event the
    text does not bound on both sides cannot show, so it is left out.
    """
    found = [
        v for v in resolved_events(store)
        if (type is None or v.type == type)
        and (entity_id is None or v.place == entity_id or any(p.entity == entity_id for p in v.participants))
        and (start is None and end is None or _overlaps(v.time, start, end))
    ]
    conflicting_places = [side.value for v in found for c in v.conflicts if c.field == "place" for side in c.values]
    names = _Names(store, [v.place for v in found] + [p.entity for v in found for p in v.participants]
                   + conflicting_places, [ev for v in found for ev in v.evidence])
    return sorted((_event_item(v, names) for v in found), key=_timeline_order)


def event_reports(store: Store) -> list[EventReport]:
    """Every stored event as its document reports it, with the document's publication date."""
    told = [(v, _document_of(v)) for v in store.iter_events()]
    published = store.published_dates(sorted({doc for _, doc in told}))
    return [EventReport(v, doc, published.get(doc)) for v, doc in told]


def _document_of(event) -> str:
    """The document telling a per-document event (all its evidence is in it)."""
    return event.evidence[0].doc if event.evidence else event.id


def place_tree(store: Store) -> PlaceTree:
    """Which places lie inside which, from the stored `located_in` relations."""
    return PlaceTree.from_relations(store.iter_relations())


def resolved_events(store: Store) -> list[ResolvedEvent]:
    """Every event across documents: the reports each stored event cluster joins, combined."""
    clusters = store.event_clusters()
    groups: dict[str, list[EventReport]] = {}
    for report in event_reports(store):
        groups.setdefault(clusters.get(report.event.id, report.event.id), []).append(report)
    places = place_tree(store)
    return [combine(groups[cluster], places) for cluster in sorted(groups)]


def relations(store: Store, entity_id: str | None = None, type: str | None = None) -> list[RelationItem]:
    """Relations by type, then subject and object name; with `entity_id`, those it is the
    subject or the object of."""
    found = [
        r for r in store.iter_relations()
        if (type is None or r.type == type) and (entity_id is None or entity_id in (r.subject, r.object))
    ]
    names = _Names(store, [x for r in found for x in (r.subject, r.object)], [ev for r in found for ev in r.evidence])
    items = [
        RelationItem(r.id, r.type, r.role, names.entity(r.subject), names.entity(r.object), r.certainty,
                     names.evidence(r.evidence))
        for r in found
    ]
    return sorted(items, key=lambda r: (r.type, r.subject.name, r.object.name, r.id))


def when(time: EventTime | None) -> tuple[str, bool]:
    """How an event's time reads, and whether it is dated: a calendar value with both bounds
    ("2024-03"), else "undated" with what bounds there are ("undated (2024-01-01..2024-03-31)",
    "undated (by 2024-06-12)", "undated (from 2024-06-12)")."""
    if time is None:
        return UNDATED, False
    if time.value and time.value[0].isdigit() and time.earliest and time.latest:
        return time.value, True
    if time.earliest and time.latest:
        return f"{UNDATED} ({time.earliest}..{time.latest})", False
    if time.latest:
        return f"{UNDATED} (by {time.latest})", False
    if time.earliest:
        return f"{UNDATED} (from {time.earliest})", False
    return UNDATED, False


class _Names:
    """The names of the entities and the titles and sources of the documents some facts cite,
    each read in one query."""

    def __init__(self, store: Store, entity_ids: Iterable[str | None], evidence: list[Evidence]):
        ids = {x for x in entity_ids if x} | {ev.source for ev in evidence if ev.source}
        self._entities = store.entity_refs(sorted(ids))
        self._documents = {doc: sources[0] for doc, sources in
                           store.document_sources(sorted({ev.doc for ev in evidence})).items()}

    def document(self, doc: str, published) -> ReportingDocument:
        first = self._documents.get(doc)
        return ReportingDocument(doc, first.title if first else None, first.source if first else None, published)

    def entity(self, entity_id: str) -> EntityRef:
        type_, name = self._entities[entity_id]
        return EntityRef(entity_id, type_, name)

    def evidence(self, evidence: list[Evidence]) -> list[FactEvidence]:
        return [
            FactEvidence(ev.doc, self._documents[ev.doc].title, self._documents[ev.doc].source, ev.sentence,
                         self.entity(ev.source) if ev.source else None)
            for ev in evidence
        ]


def _event_item(v: ResolvedEvent, names: _Names) -> EventItem:
    reads, dated = when(v.time)
    published = {r.doc: r.published for r in v.reports}
    first = v.first_reported
    return EventItem(
        id=v.id,
        type=v.type,
        when=reads,
        dated=dated,
        earliest=v.time.earliest if v.time else None,
        latest=v.time.latest if v.time else None,
        time=v.time,
        place=names.entity(v.place) if v.place else None,
        participants=[EventParticipant(names.entity(p.entity), p.role, p.remote) for p in v.participants],
        certainty=v.certainty,
        modality=v.modality,
        evidence=names.evidence(v.evidence),
        sources=v.corroboration,
        reported_by=[names.document(doc, day) for doc, day in published.items()],
        first_reported=names.document(first.doc, first.published) if first else None,
        conflicts=[ConflictItem(c.field, [ConflictSide(_reads(c.field, side.value, names),
                                                       [names.document(d, published[d]) for d in side.docs])
                                          for side in c.values]) for c in v.conflicts],
    )


def _reads(field: str, value: str, names: _Names) -> str:
    """A conflicting value as a reader reads it: a place by its name, a bounded time as "undated
    (…)", anything else as it is."""
    if field == "place":
        return names.entity(value).name
    if field == "time" and ".." in value:
        start, end = value.split("..")
        return when(EventTime(None, start or None, end or None))[0]
    return value


def _overlaps(time: EventTime | None, start: date | None, end: date | None) -> bool:
    if time is None or time.earliest is None or time.latest is None:
        return False
    return (end is None or time.earliest <= end.isoformat()) and (start is None or time.latest >= start.isoformat())


def _timeline_order(item: EventItem) -> tuple:
    return (not item.dated, item.earliest or item.latest or "", item.latest or "", item.type, item.id)

