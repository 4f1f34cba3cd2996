"""The part of an export around one entity (`newsgraph export --entity NAME --depth N`).

Two entities are one hop apart when a relation joins them or they take part in the same event
(its place counts as taking part). The neighbourhood holds the entities within `depth` hops,
the relations and events all of whose entities are among them, and every document those
mention or cite, so the result is itself a complete newsgraph/1 export.
"""

from __future__ import annotations

from collections import defaultdict

from newsgraph.errors import NewsgraphError, NotFound
from newsgraph.export.view import ExportView


def _links(view: ExportView) -> dict[str, set[str]]:
    linked: dict[str, set[str]] = defaultdict(set)
    groups = [[r["subject"], r["object"]] for r in view.relations] + [view.members(v) for v in view.events]
    for group in groups:
        for entity in group:
            linked[entity].update(group)
    return linked


def reachable(view: ExportView, entity_id: str, depth: int) -> set[str]:
    """Ids of the entities at most `depth` hops from `entity_id`, itself included."""
    linked = _links(view)
    seen, frontier = {entity_id}, {entity_id}
    for _ in range(depth):
        frontier = {n for e in frontier for n in linked[e]} - seen
        if not frontier:
            break
        seen |= frontier
    return seen


def neighbourhood(export: dict, entity_id: str, depth: int) -> dict:
    """The sub-export of the entities within `depth` hops of `entity_id` and the facts among them."""
    if depth < 0:
        raise NewsgraphError(f"depth must be 0 or more, not {depth}")
    view = ExportView.of(export)
    if entity_id not in view.entities:
        raise NotFound(f"no entity {entity_id!r} in the export")
    keep = reachable(view, entity_id, depth)
    entities = [e for e in view.entities.values() if e["id"] in keep]
    relations = [r for r in view.relations if r["subject"] in keep and r["object"] in keep]
    events = [v for v in view.events if keep.issuperset(view.members(v))]
    cited = {m["doc"] for e in entities for m in e["mentions"]}
    cited |= {ev["doc"] for fact in relations + events for ev in fact["evidence"]}
    return {
        **export,
        "documents": [d for d in export["documents"] if d["id"] in cited],
        "entities": entities,
        "relations": relations,
        "events": events,
    }
