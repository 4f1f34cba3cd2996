"""The ontology as data: the shipped definitions, how spaCy labels map onto entity types, event
and relation types read from their JSON form, and the one reader of shipped data files."""
from __future__ import annotations

import json

import pytest

from newsgraph.errors import InputError
from newsgraph.model import ENTITY_TYPES
from newsgraph.ontology import Ontology, load_ontology, read_json, read_text


def test_the_shipped_entity_types_are_the_model_types():
    assert tuple(load_ontology().entity_types) == ENTITY_TYPES


def test_spacy_labels_map_to_entity_types_in_one_place():
    ontology = load_ontology()
    assert [ontology.type_of_label(label) for label in ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT")] == [
        "person", "organization", "place", "place", "place", "other"]
    assert ontology.type_of_label("DATE") is None and ontology.type_of_label("NORP") is None
    # Each type has one label of its own, which reads back as that type.
    for name in ontology.entity_types:
        assert ontology.type_of_label(ontology.spacy_label(name)) == name


EVENTS = {
    "entity_types": [{"name": "person", "spacy_label": "PERSON"},
                     {"name": "organization", "spacy_label": "ORG"}],
    "spacy_labels": {"PERSON": "person", "ORG": "organization"},
    "relation_types": [{"name": "member_of", "subject_types": ["person"], "object_types": ["organization"]}],
    "event_types": [
        {"name": "meeting", "trigger_verbs": ["meet", "confer"], "trigger_nouns": ["meeting", "talks"],
         "roles": ["agent", "counterpart", "place"], "cameo": "036", "plover": "CONSULT"},
        {"name": "speech", "trigger_verbs": ["address", "speak"], "trigger_nouns": ["speech", "address"],
         "roles": ["speaker", "audience"], "cameo": "010", "plover": "STATEMENT"},
    ],
}


def test_event_and_relation_types_are_read_with_their_triggers_roles_and_codes():
    ontology = Ontology.from_dict(EVENTS)
    assert [t.name for t in ontology.event_types_triggered_by("meet", noun=False)] == ["meeting"]
    assert [t.name for t in ontology.event_types_triggered_by("address", noun=True)] == ["speech"]
    assert ontology.event_types_triggered_by("meeting", noun=False) == []
    meeting = ontology.event_types["meeting"]
    assert (meeting.cameo, meeting.plover, meeting.roles) == ("036", "CONSULT", ("agent", "counterpart", "place"))
    member_of = ontology.relation_types["member_of"]
    assert (member_of.subject_types, member_of.object_types) == (("person",), ("organization",))


def test_a_reference_to_an_unknown_entity_type_is_refused():
    bad = json.loads(json.dumps(EVENTS))
    bad["relation_types"][0]["object_types"] = ["company"]
    with pytest.raises(InputError, match="member_of: unknown entity type company"):
        Ontology.from_dict(bad, source="mine.json")
    bad = json.loads(json.dumps(EVENTS))
    bad["spacy_labels"]["GPE"] = "place"
    with pytest.raises(InputError, match="spacy_labels: unknown entity type place"):
        Ontology.from_dict(bad)


def test_data_files_are_found_through_the_package_from_any_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert read_text("entities.jsonl").strip()
    assert "titles" in read_json("person_titles.json")
    assert "organization_head_nouns" in read_json("mention_cues.json")
