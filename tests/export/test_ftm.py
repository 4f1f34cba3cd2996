"""`ftm`: FollowTheMoney entities that the library itself loads back unchanged."""

from __future__ import annotations

import io
import json

import pytest
from export_fixture import BOMBING, DENIED_MEETING, ESB, FORUM, KISMAYO, MEETING, MEMBER, VISIT, WING
from followthemoney import model

from newsgraph.errors import NewsgraphError
from newsgraph.export.ftm import ftm_entities, make, put, write_ftm


def written(export: dict) -> list[dict]:
    out = io.BytesIO()
    write_ftm(export, out)
    return [json.loads(line) for line in out.getvalue().decode("utf-8").splitlines()]


def by_id(export: dict) -> dict[str, dict]:
    return {e["id"]: e for e in written(export)}


def test_every_line_is_an_entity_the_library_loads_without_losing_a_value(export):
    lines = written(export)
    ids = {line["id"] for line in lines}
    assert len(ids) == len(lines)
    for line in lines:
        proxy = model.get_proxy(line, cleaned=False)  # cleans every value again
        assert not proxy.schema.abstract
        assert proxy.to_dict()["properties"] == line["properties"], line["id"]
        assert all(proxy.has(prop) for prop in proxy.schema.required), line["id"]
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in ids, f"{line['id']}.{prop.name} -> {value}"
                target = next(x for x in lines if x["id"] == value)
                assert model.get(target["schema"]).is_a(prop.range), f"{line['id']}.{prop.name}"


def test_schemata_of_the_demo_corpus(demo):
    schemata = [line["schema"] for line in written(demo)]
    types = [e["type"] for e in demo["entities"]]
    assert schemata.count("Article") == len(demo["documents"]) == 11
    assert schemata.count("Person") == types.count("person")
    assert schemata.count("Organization") == types.count("organization")
    assert schemata.count("Address") == types.count("place")
    assert schemata.count("Event") == len(demo["events"]) > 0
    links = sum(schemata.count(s) for s in ("Membership", "Directorship", "UnknownLink"))
    assert links == len(demo["relations"]) > 0
    assert len(schemata) == 11 + len(types) - types.count("other") + links + len(demo["events"])


def test_people_and_places_keep_their_documents_and_coordinates(hand):
    entities = by_id(hand)
    esb = entities[ESB["id"]]["properties"]
    assert esb["name"] == ["Eastern Shield Brigades"] and esb["alias"] == ["ESB"]
    assert sorted(esb["proof"]) == sorted(d["id"] for d in hand["documents"])
    assert esb["sourceUrl"] == ["https://ledger.example/2024/11/port"]
    kismayo = entities[KISMAYO["id"]]
    assert kismayo["schema"] == "Address"
    assert (kismayo["properties"]["latitude"], kismayo["properties"]["longitude"]) == (
        ["-0.35817"],
        ["42.54536"],
    )
    assert kismayo["properties"]["country"] == ["so"]


def test_relations_become_memberships_and_links_with_their_sentence_and_certainty(hand):
    entities = by_id(hand)
    member = entities[MEMBER["id"]]
    assert member["schema"] == "Membership"
    assert member["properties"]["member"] == [MEMBER["subject"]]
    assert member["properties"]["organization"] == [ESB["id"]]
    assert member["properties"]["summary"] == [MEMBER["evidence"][0]["sentence"]]
    wing = entities[WING["id"]]
    assert wing["schema"] == "UnknownLink"
    assert wing["properties"]["role"] == ["wing_of"]
    assert wing["properties"]["status"] == ["hedged"]
    assert "widely believed" in wing["properties"]["summary"][0]


def test_events_keep_participants_place_time_roles_and_modality(hand):
    entities = by_id(hand)
    meeting = entities[MEETING["id"]]["properties"]
    assert sorted(meeting["involved"]) == sorted(p["entity"] for p in MEETING["participants"])
    assert meeting["addressEntity"] == [KISMAYO["id"]] and meeting["date"] == ["2021-05-03"]
    assert meeting["proof"] == [MEETING["evidence"][0]["doc"]]
    assert "Hassan Nuur (audience, remote)" in entities[FORUM["id"]]["properties"]["description"][0]
    visit = entities[VISIT["id"]]["properties"]
    assert visit["date"] == ["2024-12"]
    assert "modality: planned" in visit["description"][0] and "certainty: reported" in visit["description"][0]
    assert "certainty: denied" in entities[DENIED_MEETING["id"]]["properties"]["description"][0]
    bombing = entities[BOMBING["id"]]["properties"]
    assert "date" not in bombing
    assert "time: undated, between ? and 2024-11-18" in bombing["description"][0]


def test_a_value_the_schema_rejects_is_an_error_not_a_silent_drop():
    person = make("Person", "e-1")
    with pytest.raises(NewsgraphError, match="rejects Person.birthDate = 'last spring'"):
        put(person, "birthDate", "last spring")
    with pytest.raises(NewsgraphError, match="has no property 'rank'"):
        put(person, "rank", "colonel")


def test_an_event_date_ftm_cannot_hold_stays_readable(hand):
    hand["events"][0]["time"]["value"] = "2021-W18"
    meeting = next(p for p in ftm_entities(hand) if p.id == MEETING["id"])
    assert meeting.get("date") == ["2021"]  # FtM's own coarsening: true, if less precise
    assert "time: 2021-W18, between 2021-05-03 and 2021-05-03" in meeting.first("description")
