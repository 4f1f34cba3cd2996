"""`graphml` and `gexf`: the graph for Gephi, Cytoscape, yEd and networkx, written by networkx.

Nodes are entities (`name` and `label`, `type`, `aliases`, `mentions`, `documents`, and for
places `lat`, `lon`, `country`, `geo_source`, `region`, `precision`). Edges, in a directed multigraph:
- one per relation, subject → object, with the relation `id` as key: `kind` = relation, `label`
  = the relation type, `certainty`, `evidence_count`, `documents` (ids) and `evidence` (sentences);
- one per pair of entities in the same event (participants and place), with `id` and key
  `<event id>/<a>/<b>` (direction has no meaning): `kind` = event, `event`, `label` = the
  event type, `certainty`, `modality`, `time`, `participants` (names with roles), and the
  same evidence fields. An event with a single entity connects nothing and adds no edge.
An edge's type is its `label` because GEXF keeps `type` for directed/undirected, and Gephi and
Cytoscape show labels. Attributes with no value are left out: GraphML and GEXF have no null.
"""

from __future__ import annotations

from itertools import combinations
from typing import BinaryIO

import networkx as nx

from newsgraph.export.view import ExportView

LIST_SEPARATOR = " | "


def _node(view: ExportView, entity: dict) -> dict:
    attrs = {
        "name": entity["name"],
        "label": entity["name"],
        "type": entity["type"],
        "aliases": LIST_SEPARATOR.join(entity["aliases"]),
        "mentions": len(entity["mentions"]),
        "documents": len(view.entity_documents(entity)),
    }
    geo = entity.get("geo")
    if geo:
        attrs.update(
            lat=float(geo["lat"]),
            lon=float(geo["lon"]),
            country=geo.get("country"),
            geo_source=geo.get("source"),
            region=geo.get("region"),
            precision=geo.get("precision"),
        )
    return attrs


def _evidence(view: ExportView, fact: dict) -> dict:
    return {
        "certainty": fact["certainty"],
        "evidence_count": len(fact["evidence"]),
        "documents": " ".join(view.evidence_documents(fact)),
        "evidence": "\n".join(view.sentences(fact)),
    }


def _present(attrs: dict) -> dict:
    return {k: v for k, v in attrs.items() if v is not None}


def to_networkx(export: dict) -> nx.MultiDiGraph:
    """The entity graph of `export` with relation and event co-participation edges."""
    view = ExportView.of(export)
    graph = nx.MultiDiGraph(schema=export["schema"])
    for entity in view.entities.values():
        graph.add_node(entity["id"], **_present(_node(view, entity)))
    for r in view.relations:
        graph.add_edge(
            r["subject"],
            r["object"],
            key=r["id"],
            **_present({"kind": "relation", "id": r["id"], "label": r["type"], **_evidence(view, r)}),
        )
    for v in view.events:
        attrs = _present(
            {
                "kind": "event",
                "event": v["id"],
                "label": v["type"],
                "modality": v["modality"],
                "time": (v.get("time") or {}).get("value"),
                "participants": "; ".join(view.participant_labels(v)),
                **_evidence(view, v),
            }
        )
        for a, b in combinations(view.members(v), 2):
            key = f"{v['id']}/{a}/{b}"
            graph.add_edge(a, b, key=key, id=key, **attrs)
    return graph


def write_graphml(export: dict, out: BinaryIO) -> None:
    nx.write_graphml(to_networkx(export), out, encoding="utf-8")


def write_gexf(export: dict, out: BinaryIO) -> None:
    nx.write_gexf(to_networkx(export), out, encoding="utf-8")
