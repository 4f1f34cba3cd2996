"""The reference list of well-known actors (newsgraph/data/actors.jsonl) is well-formed data.

Every line is one actor with a type newsgraph knows, at least one documented source, and name
forms that point to one actor only, unless the form is a known real-world ambiguity listed below.
"""

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from newsgraph.model import fold

DATA = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "data"
ACTORS = DATA / "actors.jsonl"
SOURCES = DATA / "actors.SOURCES.md"

KEYS = {"name", "type", "kind", "aliases", "variants", "country", "sources"}
TYPES = {"organization", "person", "place", "other"}
KINDS = {
    "armed_group", "political_party", "movement", "security_agency", "intelligence_agency", "military",
    "international_body", "peacekeeping_mission", "ngo", "news_agency", "news_outlet", "propaganda_outlet",
    "government_body", "company", "criminal_group", "private_military_company", "hacker_group",
    "front_organization", "association", "head_of_state", "head_of_government", "military_leader",
    "political_leader", "group_leader", "territory", "region", "treaty",
}

# Short forms that name two different real actors in the news; the pipeline must decide these
# from context. Each key is a form folded as the curated lexicon folds it, each value the
# canonical names sharing it.
AMBIGUOUS_FORMS = {
    "ji": {"Jemaah Islamiyah", "Jamaat-e-Islami Pakistan"},
    "jem": {"Jaish-e-Mohammed", "Justice and Equality Movement"},
    "nia": {"National Investigation Agency (India)", "National Intelligence Agency (Nigeria)"},
    "pti": {"Pakistan Tehreek-e-Insaf", "Press Trust of India"},
    "pdp": {"Jammu and Kashmir Peoples Democratic Party", "Peoples Democratic Party (Nigeria)"},
    "rsf": {"Rapid Support Forces", "Reporters Without Borders"},
    "sna": {"Syrian National Army", "Somali National Army"},
    "kia": {"Kachin Independence Army", "Kia"},
}


def load_lines() -> list[str]:
    return [line for line in ACTORS.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_actors() -> list[dict]:
    return [json.loads(line) for line in load_lines()]


def documented_source_ids() -> set[str]:
    return set(re.findall(r"^\| `([a-z0-9-]+)` \|", SOURCES.read_text(encoding="utf-8"), flags=re.M))


def forms(actor: dict) -> list[str]:
    return [actor["name"], *actor["aliases"], *actor["variants"]]


def test_every_line_is_a_json_object():
    for number, line in enumerate(load_lines(), start=1):
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            pytest.fail(f"line {number} is not JSON: {error}")
        assert isinstance(value, dict), f"line {number} is not an object"


def test_hundreds_of_actors():
    assert len(load_actors()) >= 400


def test_fields_have_the_documented_shape():
    for actor in load_actors():
        label = actor.get("name")
        assert set(actor) == KEYS, (label, set(actor) ^ KEYS)
        assert isinstance(actor["name"], str) and actor["name"].strip() == actor["name"] != "", label
        assert actor["type"] in TYPES, label
        assert actor["kind"] in KINDS, (label, actor["kind"])
        for field in ("aliases", "variants"):
            assert isinstance(actor[field], list), (label, field)
            assert all(isinstance(f, str) and f.strip() == f != "" for f in actor[field]), (label, field)
        assert actor["country"] is None or re.fullmatch(r"[A-Z]{2}", actor["country"]), label


def test_no_entry_repeats_a_form():
    for actor in load_actors():
        all_forms = forms(actor)
        assert len(all_forms) == len(set(all_forms)), actor["name"]


def test_every_source_is_documented():
    documented = documented_source_ids()
    assert {"us-fto", "un-sc-consolidated", "uk-proscribed", "eu-terrorist-list", "reference"} <= documented
    for actor in load_actors():
        assert actor["sources"], actor["name"]
        assert len(actor["sources"]) == len(set(actor["sources"])), actor["name"]
        assert set(actor["sources"]) <= documented, (actor["name"], set(actor["sources"]) - documented)


def test_a_name_form_points_to_one_actor_unless_listed_as_ambiguous():
    owners = defaultdict(set)
    for actor in load_actors():
        for form in forms(actor):
            owners[fold(form)].add(actor["name"])
    shared = {form: names for form, names in owners.items() if len(names) > 1}
    assert shared == AMBIGUOUS_FORMS


def _index() -> dict[str, dict]:
    return {fold(form): actor for actor in load_actors() for form in forms(actor)}


@pytest.mark.parametrize(
    ("form", "canonical"),
    [
        ("Lashkar-e-Tayyiba", "Lashkar-e-Taiba"),
        ("Lashkar-i-Taiba", "Lashkar-e-Taiba"),
        ("LeT", "Lashkar-e-Taiba"),
        ("Hizb ul-Mujahidin", "Hizbul Mujahideen"),
        ("Hizb-ut-Tahrir", "Hizb ut-Tahrir"),
        ("Farc", "Revolutionary Armed Forces of Colombia"),
        ("Unicef", "UNICEF"),
        ("Nato", "North Atlantic Treaty Organization"),
        ("ISKP", "Islamic State Khorasan Province"),
        ("Daesh", "Islamic State"),
        ("Hizballah", "Hezbollah"),
        ("MI6", "Secret Intelligence Service"),
        ("CJNG", "Jalisco New Generation Cartel"),
    ],
)
def test_common_forms_reach_their_actor(form, canonical):
    assert _index()[fold(form)]["name"] == canonical


def test_look_alike_groups_stay_apart():
    index = _index()
    pairs = [
        ("Jaish-e-Mohammed", "Jaish al-Adl"),
        ("Hizbul Mujahideen", "Hizb ut-Tahrir"),
        ("Islamic State", "Islamic State Khorasan Province"),
        ("Gulf Cartel", "Clan del Golfo"),
        ("Kata'ib Hezbollah", "Hezbollah"),
    ]
    for one, other in pairs:
        assert index[fold(one)] is not index[fold(other)], (one, other)


def test_designated_groups_are_typed_organization():
    for actor in load_actors():
        if {"us-fto", "uk-proscribed", "eu-terrorist-list"} & set(actor["sources"]):
            assert actor["type"] == "organization", actor["name"]
