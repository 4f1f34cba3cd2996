"""What one actor's page shows, as plain data: the page's script draws every view from it.

Only what the page needs leaves the export: the facts about the actor (relations and events,
each with its evidence sentences), the entities and documents those facts name, the link
chart's nodes and edges, and the map's points. Long lists are capped, and the page says how
many items it leaves out, so one hub actor cannot make a page of many megabytes.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from newsgraph.dossier.basemap import project
from newsgraph.dossier.index import ExportIndex, event_entities


@dataclass(frozen=True)
class Limits:
    """Caps on what one page carries; the defaults keep a hub actor's page well under 2 MB."""

    facts: int = 1200
    context_relations: int = 300  # relations among the actor's neighbours, drawn for context
    chart_neighbours: int = 60
    co_mentioned: int = 12
    co_mentioned_places: int = 30
    documents: int = 400
    mention_documents: int = 60
    mentions_per_document: int = 2


def actor_payload(index: ExportIndex, entity_id: str, links: dict[str, str] | None = None,
                  limits: Limits = Limits()) -> dict:
    """The data of one actor's dossier page. `links` maps entity ids to the pages of other actors."""
    actor = index.entities[entity_id]
    facts, omitted_facts = _facts(index, entity_id, limits)
    chart = _chart(index, entity_id, facts, limits)
    places = _places(index, entity_id, facts, limits)
    named = {entity_id} | {n["id"] for n in chart["nodes"]} | {p["entity"] for p in places} | _named_by(facts)
    documents, omitted_docs = _documents(index, entity_id, facts, limits)
    payload = {
        "actor": entity_id,
        "entities": {eid: _entity(index.entities[eid], links if eid != entity_id else None)
                     for eid in sorted(named) if eid in index.entities},
        "facts": {f["id"]: f for f in facts},
        "order": [f["id"] for f in facts if f["about"]],
        "documents": documents,
        "mentions": _mentions(index, entity_id, limits),
        "chart": chart,
        "places": places,
        "omitted": {"facts": omitted_facts, "documents": omitted_docs},
        "home": "index.html" if links else None,
    }
    payload["entities"][entity_id]["aliases"] = list(actor.get("aliases", []))
    return payload


def _entity(entity: dict, links: dict[str, str] | None) -> dict:
    out = {"name": entity["name"], "type": entity["type"]}
    if entity.get("geo"):
        out["geo"] = entity["geo"]
    if links and entity["id"] in links:
        out["href"] = links[entity["id"]]
    return out


def _facts(index: ExportIndex, entity_id: str, limits: Limits) -> tuple[list[dict], int]:
    """Relations about the actor, then its events in time order (undated last); then the
    relations among the actor's neighbours, which the link chart draws for context."""
    own_events = sorted(index.events_of.get(entity_id, []), key=_event_order)
    own_relations = sorted(index.relations_of.get(entity_id, []), key=lambda r: (r["type"], r["id"]))
    about = [_relation(r, True) for r in own_relations] + [_event(v, True) for v in own_events]
    omitted = max(0, len(about) - limits.facts)
    about = about[: limits.facts]
    neighbours = _named_by(about) - {entity_id}
    ids = {f["id"] for f in about}
    context: list[dict] = []
    room = min(limits.context_relations, limits.facts - len(about))
    for neighbour in sorted(neighbours):
        for relation in index.relations_of.get(neighbour, []):
            if len(context) >= room:
                return about + context, omitted
            other = relation["object"] if relation["subject"] == neighbour else relation["subject"]
            if relation["id"] not in ids and other in neighbours:
                ids.add(relation["id"])
                context.append(_relation(relation, False))
    return about + context, omitted


def _event_order(event: dict) -> tuple:
    time = event.get("time") or {}
    return (time.get("earliest") or time.get("latest") or "9999", event["type"], event["id"])


def _relation(relation: dict, about: bool) -> dict:
    fact = {
        "id": relation["id"],
        "kind": "relation",
        "type": relation["type"],
        "subject": relation["subject"],
        "object": relation["object"],
        "certainty": relation.get("certainty") or "asserted",
        "evidence": _evidence(relation),
        "about": about,
    }
    for optional in ("role", "source"):  # fields issue 9 may add; shown when present
        if relation.get(optional):
            fact[optional] = relation[optional]
    return fact


def _event(event: dict, about: bool) -> dict:
    fact = {
        "id": event["id"],
        "kind": "event",
        "type": event["type"],
        "participants": [
            {"entity": p["entity"], "role": p.get("role"), "remote": bool(p.get("remote"))}
            for p in event.get("participants", [])
        ],
        "place": event.get("place"),
        "time": event.get("time"),
        "certainty": event.get("certainty") or "asserted",
        "modality": event.get("modality") or "actual",
        "evidence": _evidence(event),
        "about": about,
    }
    if event.get("source"):
        fact["source"] = event["source"]
    if event.get("corroboration"):  # an event across documents (a store's export)
        fact |= {key: event[key] for key in ("corroboration", "first_reported", "conflicts")}
    return fact


def _evidence(fact: dict) -> list[dict]:
    return [{"doc": ev["doc"], "sentence": ev.get("sentence") or ""} for ev in fact.get("evidence", [])]


def _named_by(facts: list[dict]) -> set[str]:
    named: set[str] = set()
    for fact in facts:
        if fact["kind"] == "relation":
            named |= {fact["subject"], fact["object"]}
        else:
            named |= event_entities(fact)
            named |= {side["value"] for c in fact.get("conflicts", []) if c["field"] == "place" for side in c["values"]}
        if fact.get("source"):
            named.add(fact["source"])
    return named


def _chart(index: ExportIndex, entity_id: str, facts: list[dict], limits: Limits) -> dict:
    """Nodes and edges of the link chart. One edge per pair of entities carries every fact
    that links them, so a click on it lists all of their evidence."""
    edge_facts: dict[tuple[str, str], list[str]] = defaultdict(list)
    for fact in facts:
        for a, b in _links(fact, entity_id):
            if a != b:
                edge_facts[tuple(sorted((a, b)))].append(fact["id"])
    weight = Counter()
    for (a, b), ids in edge_facts.items():
        weight[a] += len(ids)
        weight[b] += len(ids)
    neighbours = [e for e, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0])) if e != entity_id]
    kept = {entity_id, *neighbours[: limits.chart_neighbours]}
    edges = [
        {"source": a, "target": b, "kind": "fact", "facts": ids}
        for (a, b), ids in sorted(edge_facts.items())
        if a in kept and b in kept and a in index.entities and b in index.entities
    ]
    co_mentioned = _co_mentioned(index, entity_id, exclude=kept, types=("person", "organization"),
                                 limit=limits.co_mentioned)
    for other, docs in co_mentioned:
        kept.add(other)
        edges.append({"source": entity_id, "target": other, "kind": "co-mention", "documents": docs})
    nodes = [
        {"id": e, "weight": weight.get(e, 0)}
        for e in sorted(kept, key=lambda e: (e != entity_id, -weight.get(e, 0), e))
        if e in index.entities
    ]
    return {"nodes": nodes, "edges": edges, "omitted": max(0, len(neighbours) - limits.chart_neighbours)}


def _links(fact: dict, entity_id: str) -> list[tuple[str, str]]:
    """The pairs of entities a fact links: a relation's two ends; an event's participants with
    each other, and each participant with the event's place."""
    if fact["kind"] == "relation":
        return [(fact["subject"], fact["object"])]
    people = [p["entity"] for p in fact["participants"]]
    pairs = [(a, b) for i, a in enumerate(people) for b in people[i + 1:]]
    if fact.get("place"):
        pairs += [(p, fact["place"]) for p in people]
    return pairs


def _co_mentioned(index: ExportIndex, entity_id: str, exclude: set[str], types: tuple[str, ...],
                  limit: int) -> list[tuple[str, list[dict]]]:
    """Entities named in the same documents as the actor, most shared documents first: the
    weakest link, drawn apart from the facts. Its evidence is, per document, a sentence that
    names both when there is one, else the first sentence naming the other entity."""
    shared: dict[str, list[str]] = defaultdict(list)
    for doc in index.mentions_of.get(entity_id, {}):
        for other in index.entities_in.get(doc, ()):
            if other not in exclude and index.entities[other]["type"] in types:
                shared[other].append(doc)
    ranked = sorted(shared.items(), key=lambda kv: (-len(kv[1]), index.entities[kv[0]]["name"], kv[0]))
    return [(other, [{"doc": doc, "sentence": _shared_sentence(index, entity_id, other, doc)}
                     for doc in sorted(docs)])
            for other, docs in ranked[:limit]]


def _shared_sentence(index: ExportIndex, entity_id: str, other: str, doc: str) -> str:
    own = [m["start"] for m in index.mentions_of[entity_id][doc]]
    mentions = index.mentions_of[other][doc]
    for mention in mentions:
        left, right, _, _ = index.sentence_span(mention)
        if any(left <= start < right for start in own):
            return index.context(mention)
    return index.context(mentions[0])


def _documents(index: ExportIndex, entity_id: str, facts: list[dict], limits: Limits) -> tuple[dict, int]:
    """The documents that name the actor or carry evidence shown on the page."""
    mentioned = index.mentions_of.get(entity_id, {})
    ids = set(mentioned) | {ev["doc"] for f in facts for ev in f["evidence"]}
    ordered = sorted(ids, key=lambda d: ((index.documents.get(d) or {}).get("published") or "", d))
    kept = ordered[-limits.documents:]
    out = {}
    for doc in kept:
        d = index.documents.get(doc) or {}
        out[doc] = {
            "title": d.get("title"),
            "source": d.get("source"),
            "url": d.get("url"),
            "published": d.get("published"),
            "mentions": len(mentioned.get(doc, [])),
        }
    return out, len(ordered) - len(kept)


def _mentions(index: ExportIndex, entity_id: str, limits: Limits) -> list[dict]:
    """A few sentences per document naming the actor: the citations of the profile's names."""
    mentioned = index.mentions_of.get(entity_id, {})
    docs = sorted(mentioned, key=lambda d: ((index.documents.get(d) or {}).get("published") or "", d))
    out = []
    for doc in docs[-limits.mention_documents:]:
        seen = set()
        for mention in mentioned[doc]:
            sentence = index.context(mention)
            if sentence in seen:
                continue
            seen.add(sentence)
            out.append({"doc": doc, "text": mention["text"], "kind": mention.get("kind", "name"),
                        "sentence": sentence})
            if len(seen) == limits.mentions_per_document:
                break
    return out


def _places(index: ExportIndex, entity_id: str, facts: list[dict], limits: Limits) -> list[dict]:
    """Map points: places of the actor's events and relations, the actor itself if it is a
    place, and places named in the same documents (marked as such)."""
    points: dict[str, dict] = {}

    def point(place_id: str, how: str) -> dict | None:
        place = index.entities.get(place_id)
        if not place or not place.get("geo"):
            return None
        if place_id not in points:
            x, y = project(place["geo"]["lon"], place["geo"]["lat"])
            points[place_id] = {"entity": place_id, "x": round(x, 2), "y": round(y, 2),
                                "how": how, "facts": [], "documents": []}
        return points[place_id]

    point(entity_id, "self")
    for fact in facts:
        if not fact["about"]:
            continue
        ends = [fact.get("place")] if fact["kind"] == "event" else [fact["subject"], fact["object"]]
        for place_id in ends:
            found = place_id and point(place_id, "fact")
            if found:
                found["facts"].append(fact["id"])
    for place_id, docs in _co_mentioned(index, entity_id, exclude=set(points), types=("place",),
                                        limit=limits.co_mentioned_places):
        found = point(place_id, "co-mention")
        if found:
            found["documents"] = docs
    return sorted(points.values(), key=lambda p: (p["how"] != "fact", p["entity"]))
