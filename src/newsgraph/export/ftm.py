"""`ftm`: FollowTheMoney entities, one JSON object a line (what Aleph and OpenSanctions load).

Mapping (docs/export.md, "Formats"):
- a document is an `Article`; people are `Person`, organisations `Organization`, places
  `Address` (with latitude, longitude, country); `other` entities have no FtM schema and are left out;
- every entity's `proof` lists the Articles that mention it, `sourceUrl` their URLs;
- relations become `Membership` (member_of), `Directorship` (leader_of) or else `UnknownLink`
  with the relation type as `role`; `proof`/`sourceUrl` name the documents stating it,
  `summary` holds the evidence sentences, `status` and `description` the certainty;
- events become `Event` with `involved` participants (hosts and organisers also as
  `organizer`), `addressEntity`/`location`/`country` for the place, `date` at the event's
  granularity, roles, remote participation, certainty and modality in `description`.

Ids are the newsgraph ids, so they are stable and point back to the source graph. Every value
is added through the FtM schema and a value the schema would drop raises instead, so what is
written is what the library accepts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from followthemoney import model, registry
from followthemoney.proxy import EntityProxy

from newsgraph.errors import NewsgraphError
from newsgraph.export.view import ExportView

ENTITY_SCHEMATA = {"person": "Person", "organization": "Organization", "place": "Address"}

# relation type -> (FtM schema, property of the subject, property of the object). A type not
# listed, or whose ends the schema's ranges do not accept, becomes an UnknownLink.
RELATION_SCHEMATA = {
    "member_of": ("Membership", "member", "organization"),
    "leader_of": ("Directorship", "director", "organization"),
}
UNKNOWN_LINK = ("UnknownLink", "subject", "object")

ORGANIZER_ROLES = frozenset({"host", "organiser", "organizer"})


def put(proxy: EntityProxy, name: str, *values: object) -> None:
    """Add values through the schema; a property or value FtM does not accept is an error."""
    prop = proxy.schema.get(name)
    if prop is None or prop.stub:
        raise NewsgraphError(f"FollowTheMoney {proxy.schema.name} has no property {name!r}")
    for value in values:
        if value is None or value == "":
            continue
        if proxy.unsafe_add(prop, str(value)) is None:
            raise NewsgraphError(
                f"FollowTheMoney rejects {proxy.schema.name}.{name} = {value!r} ({proxy.id})"
            )


def make(schema: str, entity_id: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = entity_id
    return proxy


def _article(doc: dict) -> EntityProxy:
    proxy = make("Article", doc["id"])
    put(proxy, "title", doc["title"])
    put(proxy, "name", doc["title"] or doc["source"] or doc["id"])
    put(proxy, "fileName", doc["source"])
    put(proxy, "sourceUrl", doc.get("url"))
    put(proxy, "publishedAt", doc["published"])
    put(proxy, "contentHash", doc["sha256"])
    put(proxy, "language", doc["language"])
    return proxy


def _entity(view: ExportView, entity: dict) -> EntityProxy:
    proxy = make(ENTITY_SCHEMATA[entity["type"]], entity["id"])
    put(proxy, "name", entity["name"])
    put(proxy, "alias", *entity["aliases"])
    documents = view.entity_documents(entity)
    put(proxy, "proof", *documents)
    put(proxy, "sourceUrl", *view.urls(documents))
    geo = entity.get("geo")
    if geo:
        put(proxy, "country", geo.get("country"))
        if proxy.schema.name == "Address":
            put(proxy, "full", entity["name"])
            put(proxy, "latitude", geo["lat"])
            put(proxy, "longitude", geo["lon"])
            put(proxy, "description", f"gazetteer: {geo['source']}" if geo.get("source") else None)
    return proxy


def _evidence(view: ExportView, proxy: EntityProxy, fact: dict) -> None:
    documents = view.evidence_documents(fact)
    put(proxy, "proof", *documents)
    put(proxy, "sourceUrl", *view.urls(documents))
    put(proxy, "summary", *view.sentences(fact))


def _fits(schema: str, prop: str, target: EntityProxy) -> bool:
    return target.schema.is_a(model.get(schema).get(prop).range)


def _relation(view: ExportView, relation: dict, proxies: dict[str, EntityProxy]) -> EntityProxy:
    subject, obj = proxies[relation["subject"]], proxies[relation["object"]]
    schema, subject_prop, object_prop = RELATION_SCHEMATA.get(relation["type"], UNKNOWN_LINK)
    if not (_fits(schema, subject_prop, subject) and _fits(schema, object_prop, obj)):
        schema, subject_prop, object_prop = UNKNOWN_LINK
    proxy = make(schema, relation["id"])
    put(proxy, subject_prop, subject.id)
    put(proxy, object_prop, obj.id)
    put(proxy, "role", relation["type"])
    put(proxy, "status", relation["certainty"])
    put(proxy, "description", f"certainty: {relation['certainty']}")
    _evidence(view, proxy, relation)
    return proxy


def _event(view: ExportView, event: dict, proxies: dict[str, EntityProxy]) -> EntityProxy:
    proxy = make("Event", event["id"])
    put(proxy, "name", view.event_title(event))
    for p in event["participants"]:
        participant = proxies.get(p["entity"])
        if participant is not None and _fits("Event", "involved", participant):
            put(proxy, "involved", participant.id)
            if p.get("role") in ORGANIZER_ROLES:
                put(proxy, "organizer", participant.id)
    place = event["place"]
    if place in proxies:
        put(proxy, "addressEntity", place)
        put(proxy, "location", view.name(place))
        put(proxy, "country", (view.entities[place].get("geo") or {}).get("country"))
    notes = [f"certainty: {event['certainty']}", f"modality: {event['modality']}"]
    time = event.get("time") or {}
    value, earliest, latest = time.get("value"), time.get("earliest"), time.get("latest")
    # FtM dates are ISO prefixes: it keeps "2021" of "2021-W18" and nothing of "PAST_REF";
    # the exact value and the bounds of an undated event stay readable in the description.
    date = registry.date.clean(value) if value else None
    put(proxy, "date", date)
    if date != value or (not value and (earliest or latest)):
        notes.append(f"time: {value or 'undated'}, between {earliest or '?'} and {latest or '?'}")
    labels = list(view.participant_labels(event))
    if labels:
        notes.append("participants: " + "; ".join(labels))
    put(proxy, "description", "\n".join(notes))
    _evidence(view, proxy, event)
    return proxy


def ftm_entities(export: dict) -> Iterator[EntityProxy]:
    """The FtM entities of `export`: articles, then actors and places, then relations and events."""
    view = ExportView.of(export)
    yield from (_article(doc) for doc in view.documents.values())
    proxies = {e["id"]: _entity(view, e) for e in view.entities.values() if e["type"] in ENTITY_SCHEMATA}
    yield from proxies.values()
    for relation in view.relations:
        if relation["subject"] in proxies and relation["object"] in proxies:
            yield _relation(view, relation, proxies)
    for event in view.events:
        yield _event(view, event, proxies)


def write_ftm(export: dict, out: BinaryIO) -> None:
    for proxy in ftm_entities(export):
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")
