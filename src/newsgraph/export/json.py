"""The `newsgraph/1` JSON export: the contract with every outside reader (see docs/export.md).

Built from model objects, so a single extraction and a whole store export the same shape.
`write_export` streams item by item so exporting a large store keeps memory flat.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date
from typing import IO

from newsgraph.model import (
    Analysis,
    Document,
    Entity,
    Event,
    Evidence,
    Mention,
    Relation,
    ResolvedEvent,
    Timex,
)

SCHEMA = "newsgraph/1"


def timex_dict(t: Timex) -> dict:
    return {
        "id": t.id,
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type,
        "value": t.value,
        "earliest": t.earliest,
        "latest": t.latest,
        "granularity": t.granularity,
        "mod": t.mod,
        "anchor": asdict(t.anchor) if t.anchor else None,
    }


def document_dict(doc: Document, timexes: Iterable[Timex] = (), sources: Iterable | None = None) -> dict:
    """A document; `sources` are a store's records of every source its text was read from
    (`DocumentSource`s, the first first), by default the document's own."""
    return {
        "id": doc.id,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "published": _day(doc.published),
        "sha256": doc.sha256,
        "language": doc.language,
        "text": doc.text,
        "timexes": [timex_dict(t) for t in timexes],
        "sources": [
            {"source": s.source, "title": s.title, "url": s.url, "published": _day(s.published)}
            for s in (sources if sources is not None else [doc])
        ],
    }


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def entity_dict(e: Entity, mentions: Iterable[Mention]) -> dict:
    """An entity with its mentions (which the entity itself does not hold)."""
    return {
        "id": e.id,
        "type": e.type,
        "name": e.name,
        "aliases": list(e.aliases),
        "mentions": [
            {"doc": m.doc, "start": m.start, "end": m.end, "text": m.text, "kind": m.kind}
            for m in mentions
        ],
        "geo": asdict(e.geo) if e.geo else None,
    }


def _evidence(items: Iterable[Evidence]) -> list[dict]:
    """The contract's evidence shape (`{doc, start, end, sentence}`) and, beyond it, `source`:
    the id of the entity the text attributes the fact to, or null."""
    return [{"doc": ev.doc, "start": ev.start, "end": ev.end, "sentence": ev.sentence, "source": ev.source}
            for ev in items]


def relation_dict(r: Relation) -> dict:
    return {
        "id": r.id,
        "type": r.type,
        "subject": r.subject,
        "object": r.object,
        "certainty": r.certainty,
        "role": r.role,
        "evidence": _evidence(r.evidence),
    }


def event_dict(v: Event) -> dict:
    """An event; one resolved across documents adds its reports, corroboration, first report and
    conflicts (docs/export.md)."""
    item = {
        "id": v.id,
        "type": v.type,
        "participants": [asdict(p) for p in v.participants],
        "place": v.place,
        "time": asdict(v.time) if v.time else None,
        "certainty": v.certainty,
        "modality": v.modality,
        "evidence": _evidence(v.evidence),
    }
    if isinstance(v, ResolvedEvent):
        first = v.first_reported
        item |= {
            "corroboration": v.corroboration,
            "first_reported": {"doc": first.doc, "published": _day(first.published), "report": first.event.id}
            if first else None,
            "reports": [{"id": r.event.id, "doc": r.doc, "published": _day(r.published), "type": r.event.type,
                         "place": r.event.place, "time": asdict(r.event.time) if r.event.time else None,
                         "certainty": r.event.certainty, "modality": r.event.modality} for r in v.reports],
            "conflicts": [{"field": c.field, "values": [{"value": side.value, "docs": list(side.docs),
                                                         "reports": list(side.reports)} for side in c.values]}
                          for c in v.conflicts],
        }
    return item


def analyses_export(analyses: Iterable[Analysis]) -> dict:
    """The export of freshly analysed documents (what `newsgraph extract` prints).

    An entity found in several of them is one entity whose mentions span those documents.
    """
    documents, entities, relations, events = [], {}, {}, {}
    mentions: dict[str, list[Mention]] = {}
    for a in analyses:
        documents.append(document_dict(a.document, a.timexes))
        for e in a.entities:
            if e.id in entities:
                merged = entities[e.id]
                merged.aliases.extend(x for x in e.aliases if x not in merged.aliases)
                merged.geo = merged.geo or e.geo
            else:
                entities[e.id] = Entity(e.id, e.type, e.name, list(e.aliases), e.geo)
        for entity_id, found in a.mentions_by_entity().items():
            mentions.setdefault(entity_id, []).extend(found)
        relations.update((r.id, r) for r in a.relations)
        events.update((v.id, v) for v in a.events)
    return {
        "schema": SCHEMA,
        "documents": documents,
        "entities": [entity_dict(e, mentions.get(e.id, [])) for e in entities.values()],
        "relations": [relation_dict(r) for r in relations.values()],
        "events": [event_dict(v) for v in events.values()],
    }


def write_export(
    out: IO[str],
    documents: Iterable[dict],
    entities: Iterable[dict],
    relations: Iterable[dict],
    events: Iterable[dict],
) -> None:
    """Write a `newsgraph/1` object to `out` one item at a time."""
    out.write(f'{{"schema": {json.dumps(SCHEMA)}')
    for key, items in (("documents", documents), ("entities", entities),
                       ("relations", relations), ("events", events)):
        out.write(f',\n "{key}": [')
        for i, item in enumerate(items):
            out.write(("," if i else "") + "\n  " + json.dumps(item, ensure_ascii=False))
        out.write("\n ]")
    out.write("\n}\n")
