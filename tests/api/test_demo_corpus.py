"""The demo corpus through the real pipeline: the facts demo/README.md states that extraction
should already get (organisations and their acronyms, people with surnames and pronouns, places
and their countries, absolute dates), and none of the junk headlines and nationality words
used to produce.

The corpus is ingested once per module into a SQLite file and read back through the export.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsgraph.api import Graph

CORPUS = Path(__file__).resolve().parents[2] / "demo" / "corpus"


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    with Graph(db) as g:
        report = g.ingest([CORPUS])
        assert (report.added, report.failed) == (11, 0)
        out = io.StringIO()
        g.export(out)
    return json.loads(out.getvalue())


@pytest.fixture(scope="module")
def sources(graph) -> dict[str, str]:
    """Document id -> file name (with ":line" for the JSON Lines records)."""
    return {d["id"]: Path(d["source"]).name for d in graph["documents"]}


def entity(graph: dict, name: str, type_: str) -> dict:
    """The entity of `type_` called `name`: its shown name or, since resolution merges the
    spelling variants of one actor across documents, one of its aliases."""
    found = [e for e in graph["entities"] if name in (e["name"], *e["aliases"]) and e["type"] == type_]
    assert found, f"no {type_} named {name!r}"
    return found[0]


def mention_texts(e: dict, kind: str | None = None) -> set[str]:
    return {m["text"] for m in e["mentions"] if kind is None or m["kind"] == kind}


@pytest.mark.parametrize(
    ("name", "acronym"),
    [
        ("Eastern Shield Brigades", "ESB"),
        ("Horn Renewal Alliance", "HRA"),
        ("Tawasul Humanitarian Trust", "THT"),
        ("Council of Coastal Ulema", "CCU"),
        ("Hadramawt Martyrs Battalion", "HMB"),
    ],
)
def test_organisations_carry_their_acronyms(graph, name, acronym):
    org = entity(graph, name, "organization")
    assert acronym in org["aliases"]
    assert acronym in mention_texts(org, "acronym")


def test_the_shield_and_the_brigades_are_the_eastern_shield_brigades(graph):
    esb = entity(graph, "Eastern Shield Brigades", "organization")
    assert {"Shield", "Brigades"} <= mention_texts(esb)
    assert not [e for e in graph["entities"] if e["name"] == "Shield"]


@pytest.mark.parametrize(
    ("name", "surname", "pronoun"),
    [
        ("Abdirahman Yusuf Warsame", "Warsame", "he"),
        ("Faduma Hassan Abtidoon", "Abtidoon", "She"),
        ("Mahad Cali Gurey", "Gurey", "he"),
        ("Khaled Umar Bashir", "Bashir", "he"),
        ("Khalid Omar Baashir", None, "He"),
        ("Ghulam Sarwar Qasmi", None, "he"),
    ],
)
def test_people_are_named_in_full_with_surname_and_pronouns(graph, name, surname, pronoun):
    person = entity(graph, name, "person")
    if surname:
        assert surname in mention_texts(person)
    assert pronoun in mention_texts(person, "pronoun")


@pytest.mark.parametrize(
    "variants",
    [
        ("Abdirahman Yusuf Warsame", "Abdurrahman Yousuf Warsame", "Abdirahman Warsame"),
        ("Mahad Ali Gurey", "Mahad Cali Gurey"),
        ("Salem Awad bin Humaid", "Salim Awadh bin Humayd"),
        ("Khalid Omar Baashir", "Khaled Umar Bashir"),
        ("Faduma Hassan Abtidoon", "Faduma Xasan Abtidoon"),
        ("Naveed Zaheer", "Naveed Zahir"),
        ("Aziz-ur-Rehman Tarakzai", "Azizur Rehman Tarakzai", "Aziz-ur-Rahman Tarakzai"),
        ("Haroon Yunus Shahwani", "Haroon Shahwani"),
    ],
)
def test_spelling_variants_across_documents_are_one_person(graph, variants):
    ids = {entity(graph, name, "person")["id"] for name in variants}
    assert len(ids) == 1


def test_a_group_spelt_two_ways_with_its_acronym_is_one_organisation(graph):
    ids = {entity(graph, name, "organization")["id"] for name in ("Tehreek-e-Mehwar", "Tehrik-e-Mehwar", "TeM")}
    assert len(ids) == 1


def test_father_and_son_and_brothers_stay_apart(graph):
    father, son = entity(graph, "Yunus Shahwani", "person"), entity(graph, "Haroon Yunus Shahwani", "person")
    assert father["id"] != son["id"]
    assert entity(graph, "Naveen Zaheer", "person")["id"] != entity(graph, "Naveed Zaheer", "person")["id"]


def test_two_outlets_versions_of_the_quetta_meeting_are_one_event_with_the_date_conflict_shown(graph, sources):
    commander = entity(graph, "Naveed Zaheer", "person")["id"]
    meetings = [v for v in graph["events"] if v["type"] == "meeting"
                and commander in {p["entity"] for p in v["participants"]}]
    assert sorted(v["corroboration"] for v in meetings) == [1, 2]
    (story,) = [v for v in meetings if v["corroboration"] == 2]
    assert [sources[r["doc"]] for r in story["reports"]] == ["09_quetta_meeting.md", "10_quetta_talks.md"]
    assert sources[story["first_reported"]["doc"]] == "09_quetta_meeting.md"
    (dates,) = [c["values"] for c in story["conflicts"] if c["field"] == "time"]
    assert [(d["value"], [sources[doc] for doc in d["docs"]]) for d in dates] == [
        ("2024-03-10", ["09_quetta_meeting.md"]), ("2024-03-11", ["10_quetta_talks.md"])]


def test_titles_are_aliases_not_names(graph):
    assert "Sheikh Mahad Ali Gurey" in entity(graph, "Mahad Ali Gurey", "person")["aliases"]
    assert "Maulana Ghulam Sarwar Qasmi" in entity(graph, "Ghulam Sarwar Qasmi", "person")["aliases"]
    assert "bin Humaid" in mention_texts(entity(graph, "Salem Awad bin Humaid", "person"))


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Somalia", "SO"),
        ("Mogadishu", "SO"),
        ("Afgooye", "SO"),
        ("Bosaso", "SO"),
        ("Garowe", "SO"),
        ("Galkayo", "SO"),
        ("Beledweyne", "SO"),
        ("Kismayo", "SO"),
        ("Bu'aale", "SO"),
        ("Dhobley", "SO"),
        ("Puntland", "SO"),
        ("Jubaland", "SO"),
        ("Somaliland", "SO"),
        ("Berbera", "SO"),
        ("Hargeisa", "SO"),
        ("Nairobi", "KE"),
        ("Eastleigh", "KE"),  # "the Eastleigh district of Nairobi", not the English town
        ("Mombasa", "KE"),
        ("Mandera", "KE"),
        ("Garissa", "KE"),
        ("Djibouti City", "DJ"),
        ("Yemen", "YE"),
        ("Aden", "YE"),
        ("Mukalla", "YE"),
        ("Sanaa", "YE"),
        ("Karachi", "PK"),
        ("Lower Shabelle", "SO"),
        ("Middle Juba", "SO"),
        ("Sanaag", "SO"),  # provinces: their country at least
        ("Hadramawt", "YE"),
        ("Shabwah", "YE"),
        ("Dubai", "AE"),
        ("United Arab Emirates", "AE"),
    ],
)
def test_places_are_geocoded_to_their_country(graph, name, country):
    place = entity(graph, name, "place")
    assert place["geo"] is not None and place["geo"]["country"] == country


def test_a_place_is_one_entity_within_a_document(graph, sources):
    """ "the Eastleigh district" and "the Eastleigh office" in one article: one place."""
    charity = [d for d, name in sources.items() if name == "05_eastleigh_charity.md"]
    eastleigh_in_charity = [
        e
        for e in graph["entities"]
        if e["name"] == "Eastleigh" and any(m["doc"] in charity for m in e["mentions"])
    ]
    assert [e["type"] for e in eastleigh_in_charity] == ["place"]
    assert sum(m["doc"] in charity for m in eastleigh_in_charity[0]["mentions"]) == 5


def test_no_entity_is_a_headline_fragment(graph):
    names = {e["name"] for e in graph["entities"]}
    fragments = {
        "Toured Puntland",
        "Commander Toured Puntland",
        "Bosaso Preacher",
        "Mukalla Pact Binds Shield",
        "Shield Claims Kismayo Port Bombing",
        "Video Places Shield",
    }
    assert not names & (fragments | {"Hadramawt Battalion"})  # a short form, not an entity of its own
    aliases = {a for e in graph["entities"] for a in e["aliases"]}
    assert not aliases & fragments


def test_a_headline_short_form_names_the_body_entity(graph, sources):
    hmb = entity(graph, "Hadramawt Martyrs Battalion", "organization")
    in_headline = [m for m in hmb["mentions"] if m["text"] == "Hadramawt Battalion"]
    assert [sources[m["doc"]] for m in in_headline] == ["03_mukalla_pact.md"]


def test_nationality_words_are_not_entities(graph):
    for e in graph["entities"]:
        assert not mention_texts(e) & {"Somali", "Yemeni", "Kenyan", "Somalis"}, e["name"]


def test_scripture_and_region_words_are_not_misread(graph):
    assert not [e for e in graph["entities"] if e["name"] == "Quran" and e["type"] != "other"]
    assert not [e for e in graph["entities"] if e["name"] in ("Sheikh", "Gulf")]


@pytest.mark.parametrize(
    ("file", "text", "value"),
    [
        ("01_afgooye_ambush.txt", "February 11, 2021", "2021-02-11"),
        ("01_afgooye_ambush.txt", "February 18, 2021", "2021-02-18"),
        ("02_aden_conference.md", "March 5, 2021", "2021-03-05"),
        ("03_mukalla_pact.md", "June 2022", "2022-06"),
        ("03_mukalla_pact.md", "January 2022", "2022-01"),
        ("04_kismayo_bombing.html", "October 14, 2023", "2023-10-14"),
        ("06_07_wire.jsonl:1", "3 May 2024", "2024-05-03"),
        ("08_gurey_dubai.md", "December 2024", "2024-12"),
    ],
)
def test_absolute_dates_are_normalised(graph, file, text, value):
    document = next(d for d in graph["documents"] if Path(d["source"]).name == file)
    assert value in {t["value"] for t in document["timexes"] if t["text"] == text}
