"""The `newsgraph/1` export built from model objects: each entity with the mentions the analyses
own, evidence in the contract's shape, and the streamed form equal to the built one."""

from __future__ import annotations

import io
import json
from importlib import resources

import jsonschema
from graph_builders import PORT_TEXT, port_analysis, union_analysis

from newsgraph.export.json import analyses_export, entity_dict, relation_dict, write_export
from newsgraph.model import Entity, Evidence, Relation


def schema() -> dict:
    return json.loads(resources.files("newsgraph").joinpath("schema/newsgraph-1.schema.json").read_text())


def test_an_entity_in_two_documents_is_one_entity_with_the_mentions_of_both():
    port, union = port_analysis(), union_analysis()
    graph = analyses_export([port, union])
    jsonschema.validate(graph, schema())

    [ferrandez] = [e for e in graph["entities"] if e["id"] == Entity.make_id("person", "Lucía Ferrandez")]
    assert ferrandez["name"] == "Lucía Ferrandez"
    assert ferrandez["aliases"] == ["Ferrandez", "Mayor Ferrandez"]
    assert [(m["doc"], m["text"], m["kind"]) for m in ferrandez["mentions"]] == [
        (port.document.id, "Lucía Ferrandez", "name"),
        (port.document.id, "Ferrandez", "name"),
        (union.document.id, "Mayor Ferrandez", "alias"),
    ]
    assert sum(len(e["mentions"]) for e in graph["entities"]) == len(port.mentions) + len(union.mentions)


def test_evidence_is_exported_in_the_contract_shape_with_who_said_it():
    port = port_analysis()
    doc = port.document.id
    cha, calverton = (Entity.make_id("organization", "Calverton Harbour Authority"),
                      Entity.make_id("place", "Calverton"))
    evidence = Evidence(doc, 0, 71, PORT_TEXT[:71], 0, [m.id for m in port.mentions[:2]], source=cha)
    relation = Relation(Relation.make_id("operates", cha, calverton), "operates", cha, calverton,
                        evidence=[evidence])
    assert relation_dict(relation)["evidence"] == [
        {"doc": doc, "start": 0, "end": 71, "sentence": PORT_TEXT[:71], "source": cha}]
    port.relations = [relation]
    jsonschema.validate(analyses_export([port]), schema())


def test_the_streamed_export_is_the_built_one():
    port = port_analysis()
    built = analyses_export([port])
    out = io.StringIO()
    write_export(out, built["documents"], (entity_dict(e, port.mentions_of(e.id)) for e in port.entities), [], [])
    assert json.loads(out.getvalue()) == built
