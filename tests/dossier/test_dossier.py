"""Dossier pages from a hand-written export: what each view is given, that the page is one
self-contained file whose script the page's own policy allows, and that text from articles
cannot become markup or script. The browser test (test_browser.py) checks how it is drawn."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import jsonschema
import pytest
from horn_export import horn_export

from newsgraph.dossier import ExportIndex, Limits, page_name, render_dossier, write_dossiers
from newsgraph.dossier.basemap import countries, project
from newsgraph.dossier.payload import actor_payload
from newsgraph.errors import Ambiguous, InputError, NotFound

SCHEMA = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "schema" / "newsgraph-1.schema.json"
DATA_BLOCK = re.compile(r'<script type="application/json" id="dossier-data">(.*?)</script>', re.S)


def page_data(html: str) -> dict:
    return json.loads(DATA_BLOCK.search(html).group(1))


@pytest.fixture(scope="module")
def export() -> dict:
    return horn_export()


@pytest.fixture(scope="module")
def index(export) -> ExportIndex:
    return ExportIndex.build(export)


def payload_of(index: ExportIndex, name: str) -> dict:
    return actor_payload(index, index.resolve(name)["id"])


def names(payload: dict, ids) -> set[str]:
    return {payload["entities"][i]["name"] for i in ids}


def test_the_fixture_is_a_valid_export_whose_offsets_point_at_their_text(export):
    jsonschema.validate(export, json.loads(SCHEMA.read_text()))
    texts = {d["id"]: d["text"] for d in export["documents"]}
    for entity in export["entities"]:
        for m in entity["mentions"]:
            assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]
    for fact in export["relations"] + export["events"]:
        for ev in fact["evidence"]:
            assert texts[ev["doc"]][ev["start"]:ev["end"]] == ev["sentence"]


def test_names_resolve_by_alias_and_fail_clearly(index):
    assert index.resolve("warsame")["name"] == "Abdirahman Yusuf Warsame"
    assert index.resolve("ESB")["name"] == "Eastern Shield Brigades"
    with pytest.raises(NotFound):
        index.resolve("Nobody At All")
    twins = ExportIndex.build({"schema": "newsgraph/1", "documents": [], "relations": [], "events": [], "entities": [
        {"id": "e-1", "type": "person", "name": "Ali Hassan", "aliases": ["Hassan"], "mentions": []},
        {"id": "e-2", "type": "person", "name": "Omar Hassan", "aliases": ["Hassan"], "mentions": []},
    ]})
    with pytest.raises(Ambiguous):
        twins.resolve("Hassan")
    with pytest.raises(InputError):
        ExportIndex.build({"schema": "something/9"})


def test_profile_facts_are_the_actors_relations_then_its_events_in_time_order(index):
    payload = payload_of(index, "Warsame")
    facts = [payload["facts"][i] for i in payload["order"]]
    assert [(f["kind"], f["type"]) for f in facts] == [
        ("relation", "member_of"),
        ("event", "training"),  # 2019..2021, known only as a range
        ("event", "meeting"),   # June 2022
        ("event", "rally"),     # 14 October 2023
        ("event", "visit"),     # November 2023, planned
        ("event", "meeting"),   # undated, last
    ]
    member_of = facts[0]
    assert (member_of["role"], member_of["certainty"]) == ("commander", "asserted")
    assert names(payload, [member_of["object"]]) == {"Eastern Shield Brigades"}
    assert payload["entities"][payload["actor"]]["aliases"] == ["Warsame"]
    assert [f["modality"] for f in facts if f["kind"] == "event"] == ["actual", "actual", "actual", "planned", "actual"]
    assert facts[-1]["certainty"] == "hedged" and facts[-1]["time"]["value"] is None
    mukalla = facts[2]
    remote = [p for p in mukalla["participants"] if p["remote"]]
    assert names(payload, [p["entity"] for p in remote]) == {"Mahad Ali Gurey"}
    assert mukalla["evidence"][1]["sentence"] == "Sheikh Mahad Ali Gurey joined the meeting by video link from Bosaso."


def test_hedged_and_denied_facts_keep_their_certainty_on_the_organisations_page(index):
    payload = payload_of(index, "Eastern Shield Brigades")
    about = {(f["type"], f["certainty"]) for f in map(payload["facts"].get, payload["order"])}
    assert {("wing_of", "hedged"), ("meeting", "denied"), ("funding", "hedged"), ("ally_of", "asserted"),
            ("member_of", "asserted")} <= about


def test_link_chart_joins_event_participants_and_relations_and_keeps_co_mentions_apart(index):
    payload = payload_of(index, "Warsame")
    actor = payload["actor"]
    edges = payload["chart"]["edges"]
    linked = {e["target"] if e["source"] == actor else e["source"]: e for e in edges if actor in (e["source"], e["target"])}
    by_name = {payload["entities"][k]["name"]: v for k, v in linked.items()}
    assert by_name["Salem Awad bin Humaid"]["kind"] == "fact"
    assert len(by_name["Mahad Ali Gurey"]["facts"]) == 2  # the Mukalla meeting and the undated Bosaso one
    assert by_name["Eastern Shield Brigades"]["facts"] == [payload["order"][0]]
    for place in ("Mukalla", "Kismayo", "Garowe", "Dhobley", "Bosaso"):
        assert by_name[place]["kind"] == "fact"
    # Only named in the same article as Warsame: drawn as such, with a sentence from that article.
    shared = by_name["Council of Coastal Ulema"]
    assert shared["kind"] == "co-mention"
    assert shared["documents"] == [{"doc": shared["documents"][0]["doc"],
                                    "sentence": "Gurey chairs the Council of Coastal Ulema (CCU) in Bosaso."}]
    # Participants of one event are linked to each other too.
    bin_humaid = next(k for k, v in payload["entities"].items() if v["name"] == "Salem Awad bin Humaid")
    gurey = next(k for k, v in payload["entities"].items() if v["name"] == "Mahad Ali Gurey")
    assert any({e["source"], e["target"]} == {bin_humaid, gurey} for e in edges)
    node_ids = {n["id"] for n in payload["chart"]["nodes"]}
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in edges)


def test_map_points_are_the_places_of_the_actors_events_projected_on_the_basemap(index):
    payload = payload_of(index, "Warsame")
    points = {payload["entities"][p["entity"]]["name"]: p for p in payload["places"]}
    assert {n for n, p in points.items() if p["how"] == "fact"} == {"Mukalla", "Kismayo", "Garowe", "Dhobley", "Bosaso"}
    kismayo = points["Kismayo"]
    assert (kismayo["x"], kismayo["y"]) == tuple(round(v, 2) for v in project(42.5454, -0.3582))
    assert [payload["facts"][f]["type"] for f in kismayo["facts"]] == ["rally"]


def test_a_place_has_a_page_too_with_itself_on_the_map_and_the_events_held_there(index):
    payload = payload_of(index, "Mukalla")
    points = {payload["entities"][p["entity"]]["name"]: p for p in payload["places"]}
    assert points["Mukalla"]["how"] == "self"
    assert [payload["facts"][f]["type"] for f in points["Mukalla"]["facts"]] == ["meeting"]
    assert [payload["facts"][f]["type"] for f in payload["order"]] == ["meeting"]


def test_basemap_is_every_country_but_antarctica_without_lines_across_the_world():
    shapes = dict(countries())
    assert len(shapes) == 176 and "Antarctica" not in shapes
    assert {"Somalia", "Yemen", "Kenya", "Pakistan", "Russia", "Fiji"} <= set(shapes)
    for path in shapes.values():
        steps = [int(v) for v in re.findall(r"-?\d+", path.split("l", 1)[1].split("z")[0])]
        assert max(map(abs, steps)) < 720, "a ring jumps across the antimeridian"


def test_article_text_cannot_close_the_data_block_or_inject_markup(export):
    hostile = json.loads(json.dumps(export))
    attack = '</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)> \u2028'
    hostile["documents"][0]["title"] = attack
    hostile["entities"][0]["name"] = "Warsame " + attack
    hostile["relations"][0]["evidence"][0]["sentence"] = attack
    html = render_dossier(hostile, hostile["entities"][0]["id"])
    assert html.count("<script") == 2 and html.count("</script>") == 2
    assert "<img" not in html
    assert "\u2028" not in DATA_BLOCK.search(html).group(1)  # a line break to old JavaScript parsers
    assert attack in json.dumps(page_data(html), ensure_ascii=False)
    assert "<title>Warsame &lt;/script&gt;&lt;script&gt;" in html


def test_the_page_policy_allows_exactly_its_own_inline_script_and_style(export):
    html = render_dossier(export, "Warsame")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1).replace("&#x27;", "'")
    script = re.findall(r"<script>(.*?)</script>", html, re.S)[0]
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert f"script-src {digest(script)};" in policy
    assert f"style-src {digest(style)};" in policy
    assert policy.startswith("default-src 'none';")
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "") and "https://" not in html


def test_write_dossiers_gives_an_index_and_one_linked_page_per_person_and_organisation(export, tmp_path):
    written = write_dossiers(export, tmp_path)
    actors = [e for e in export["entities"] if e["type"] in ("person", "organization")]
    assert sorted(p.name for p in written.pages) == sorted(page_name(e) for e in actors)
    rows = page_data(written.index.read_text())["actors"]
    assert {r["name"] for r in rows} == {e["name"] for e in actors}
    assert all((tmp_path / r["href"]).exists() for r in rows)
    warsame = page_data((tmp_path / page_name(next(e for e in actors if e["name"].endswith("Warsame")))).read_text())
    assert warsame["home"] == "index.html"
    hrefs = {v["name"]: v.get("href") for v in warsame["entities"].values()}
    assert hrefs["Eastern Shield Brigades"] == page_name(next(e for e in actors if e["name"] == "Eastern Shield Brigades"))
    assert hrefs["Mukalla"] is None  # places have no page of their own


def test_facts_naming_entities_missing_from_the_export_still_render(export):
    partial = json.loads(json.dumps(export))
    gone = {e["id"] for e in partial["entities"] if e["name"] in ("Salem Awad bin Humaid", "Mukalla")}
    partial["entities"] = [e for e in partial["entities"] if e["id"] not in gone]
    payload = page_data(render_dossier(partial, "Warsame"))
    nodes = {n["id"] for n in payload["chart"]["nodes"]}
    assert not nodes & gone
    assert all(e["source"] in nodes and e["target"] in nodes for e in payload["chart"]["edges"])
    assert not {p["entity"] for p in payload["places"]} & gone
    assert len(payload["order"]) == 6  # the facts stay, with the missing entities shown by id


def test_a_hub_actor_page_is_capped_and_says_what_it_leaves_out(export):
    hub = json.loads(json.dumps(export))
    template = next(v for v in hub["events"] if v["type"] == "rally")
    for n in range(50):
        hub["events"].append({**template, "id": f"v-copy{n:04d}"})
    index = ExportIndex.build(hub)
    payload = actor_payload(index, index.resolve("Warsame")["id"], limits=Limits(facts=20))
    assert len(payload["order"]) == 20
    assert payload["omitted"]["facts"] == 6 + 50 - 20


def test_an_event_told_by_several_documents_carries_its_sources_and_conflicts_to_the_page(export):
    """The Mukalla meeting as if a second article had placed it in Bosaso: the page gets the
    corroboration, the first report and the place conflict, and names both places."""
    told_twice = json.loads(json.dumps(export))
    meeting = told_twice["events"][0]
    mukalla, bosaso = meeting["place"], told_twice["events"][-1]["place"]
    first = {"doc": meeting["evidence"][0]["doc"], "published": "2022-06-30", "report": meeting["id"]}
    conflict = {"field": "place", "values": [{"value": mukalla, "docs": [first["doc"]], "reports": [meeting["id"]]},
                                             {"value": bosaso, "docs": ["d-0000000000000000"], "reports": ["v-x"]}]}
    meeting |= {"corroboration": 2, "first_reported": first, "conflicts": [conflict]}
    payload = payload_of(ExportIndex.build(told_twice), "Salem Awad bin Humaid")
    fact = payload["facts"][meeting["id"]]
    assert (fact["corroboration"], fact["first_reported"], fact["conflicts"]) == (2, first, [conflict])
    assert names(payload, [mukalla, bosaso]) == {"Mukalla", "Bosaso"}
    html = render_dossier(told_twice, "Salem Awad bin Humaid")
    assert page_data(html)["facts"][meeting["id"]]["conflicts"] == [conflict]
