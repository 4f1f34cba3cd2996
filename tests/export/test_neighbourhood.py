"""`--entity NAME --depth N`: the entities N hops away through relations and shared events."""

from __future__ import annotations

import jsonschema
import pytest
from export_fixture import (
    BERBERA,
    BOMBING,
    DENIED_MEETING,
    DOC_1,
    DUBAI,
    ESB,
    FORUM,
    GUREY,
    KISMAYO,
    MEETING,
    MEMBER,
    NUUR,
    PORT,
    PORT_IN_KISMAYO,
    QURAN,
    TRUST,
    USA,
    VISIT,
    WARSAME,
)

from newsgraph.errors import NewsgraphError, NotFound
from newsgraph.export.neighbourhood import neighbourhood
from newsgraph.export.view import ExportView


def ids(items) -> set[str]:
    return {i["id"] for i in items}


def test_depth_zero_is_the_entity_with_its_documents(hand):
    part = neighbourhood(hand, TRUST["id"], 0)
    assert ids(part["entities"]) == {TRUST["id"]}
    assert (part["relations"], part["events"]) == ([], [])
    assert ids(part["documents"]) == {DOC_1["id"]}


def test_one_hop_through_relations_and_shared_events(hand):
    part = neighbourhood(hand, NUUR["id"], 1)
    # the forum (Warsame, Kismayo) and the denied meeting (Warsame, Berbera)
    assert ids(part["entities"]) == {NUUR["id"], WARSAME["id"], KISMAYO["id"], BERBERA["id"]}
    assert ids(part["events"]) == {FORUM["id"], DENIED_MEETING["id"]}
    assert part["relations"] == []


def test_two_hops_reach_further_and_keep_only_facts_among_them(hand, schema):
    part = neighbourhood(hand, NUUR["id"], 2)
    assert ids(part["entities"]) == {
        NUUR["id"],
        WARSAME["id"],
        KISMAYO["id"],
        BERBERA["id"],
        ESB["id"],
        GUREY["id"],
        PORT["id"],
    }
    # ESB's wing and designation lead a third hop out
    assert ids(part["relations"]) == {MEMBER["id"], PORT_IN_KISMAYO["id"]}
    assert ids(part["events"]) == {MEETING["id"], FORUM["id"], DENIED_MEETING["id"], BOMBING["id"]}
    assert VISIT["id"] not in ids(part["events"])  # Dubai is three hops out
    assert {DUBAI["id"], USA["id"], TRUST["id"], QURAN["id"]}.isdisjoint(ids(part["entities"]))
    jsonschema.validate(part, schema)
    ExportView.of(part)  # every reference resolves


def test_far_enough_is_everything_connected(hand):
    part = neighbourhood(hand, NUUR["id"], 10)
    connected = ids(hand["entities"]) - {QURAN["id"]}
    assert ids(part["entities"]) == connected
    assert (len(part["relations"]), len(part["events"])) == (len(hand["relations"]), len(hand["events"]))


def test_one_hop_in_the_demo_corpus_is_what_its_facts_link(demo):
    entity = next(e for e in demo["entities"] if e["name"] == "Eastern Shield Brigades")
    linked = {entity["id"]}
    for r in demo["relations"]:
        if entity["id"] in (r["subject"], r["object"]):
            linked |= {r["subject"], r["object"]}
    for v in demo["events"]:
        members = {p["entity"] for p in v["participants"]} | ({v["place"]} if v["place"] else set())
        if entity["id"] in members:
            linked |= members
    assert len(linked) > 1
    assert ids(neighbourhood(demo, entity["id"], 1)["entities"]) == linked
    assert ids(neighbourhood(demo, entity["id"], 0)["entities"]) == {entity["id"]}


def test_an_unknown_entity_or_negative_depth_is_refused(hand):
    with pytest.raises(NotFound):
        neighbourhood(hand, "e-0000000000000000", 1)
    with pytest.raises(NewsgraphError, match="depth must be 0 or more"):
        neighbourhood(hand, NUUR["id"], -1)
