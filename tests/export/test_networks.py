"""`graphml` and `gexf`: written by networkx and read back by networkx into the same graph."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from export_fixture import BERBERA, ESB, FORUM, KISMAYO, MEETING, MEMBER, NUUR, VISIT, WARSAME, WING

from newsgraph.export.networks import to_networkx, write_gexf, write_graphml

FORMATS = [(write_graphml, nx.read_graphml), (write_gexf, nx.read_gexf)]


def round_trip(export: dict, write, read) -> nx.MultiDiGraph:
    out = io.BytesIO()
    write(export, out)
    out.seek(0)
    back = read(out)
    # The readers return a multigraph only when they see parallel edges (the demo has no edge).
    return back if back.is_multigraph() else nx.MultiDiGraph(back)


@pytest.mark.parametrize(("write", "read"), FORMATS, ids=["graphml", "gexf"])
def test_the_graph_read_back_is_the_graph_written(export, write, read):
    graph = to_networkx(export)
    back = round_trip(export, write, read)
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    edges = {(u, v, k): d for u, v, k, d in graph.edges(keys=True, data=True)}
    assert {(u, v, k): d for u, v, k, d in back.edges(keys=True, data=True)} == edges


def test_the_demo_corpus_is_its_entities_linked_by_its_facts(demo):
    graph = to_networkx(demo)
    assert graph.number_of_nodes() == len(demo["entities"])
    assert demo["relations"] and all(graph.has_edge(r["subject"], r["object"]) for r in demo["relations"])
    nairobi = next(d for _, d in graph.nodes(data=True) if d["name"] == "Nairobi")
    assert (nairobi["type"], nairobi["country"], round(nairobi["lat"], 2)) == ("place", "KE", -1.28)


def test_nodes_carry_type_name_and_coordinates(hand):
    graph = to_networkx(hand)
    assert graph.nodes[KISMAYO["id"]]["lat"] == -0.35817
    assert graph.nodes[ESB["id"]] == {
        "name": "Eastern Shield Brigades",
        "label": "Eastern Shield Brigades",
        "type": "organization",
        "aliases": "ESB",
        "mentions": 4,
        "documents": 2,
    }


def test_relations_are_directed_edges_with_certainty_and_evidence(hand):
    graph = to_networkx(hand)
    member = graph.edges[WARSAME["id"], ESB["id"], MEMBER["id"]]
    assert (member["kind"], member["label"], member["certainty"], member["evidence_count"]) == (
        "relation",
        "member_of",
        "asserted",
        1,
    )
    assert member["evidence"] == MEMBER["evidence"][0]["sentence"]
    assert graph.edges[WING["subject"], ESB["id"], WING["id"]]["certainty"] == "hedged"


def test_events_join_every_pair_of_their_entities(hand):
    graph = to_networkx(hand)
    meeting = [d for _, _, d in graph.edges(data=True) if d.get("event") == MEETING["id"]]
    assert len(meeting) == 3  # two participants and the place: three pairs
    forum = graph.edges[WARSAME["id"], NUUR["id"], f"{FORUM['id']}/{WARSAME['id']}/{NUUR['id']}"]
    assert (forum["label"], forum["time"], forum["modality"]) == ("speech", "2021-05-03", "actual")
    assert "Hassan Nuur (audience, remote)" in forum["participants"]
    visit = [d for _, _, d in graph.edges(data=True) if d.get("event") == VISIT["id"]]
    assert [d["modality"] for d in visit] == ["planned"]
    denied = [d for u, v, d in graph.edges(data=True) if BERBERA["id"] in (u, v)]
    assert {d["certainty"] for d in denied} == {"denied"}
