"""`newsgraph events`, `relations`, `timeline` and the facts of `show`, as a user runs them:
the real script over a store the real pipeline filled from two short articles
(tests/fixtures/facts; what they say is written out in tests/views/test_facts_view.py)."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
ARTICLES = Path(__file__).parent.parent / "fixtures" / "facts"


def run(*args, ok: bool = True) -> subprocess.CompletedProcess:
    p = subprocess.run([NEWSGRAPH, *map(str, args)], capture_output=True, text=True, timeout=300)
    if ok:
        assert p.returncode == 0, p.stderr
    return p


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("facts") / "graph.db"
    run("ingest", "-q", "--db", path, ARTICLES)
    return path


def as_json(db, *args) -> list | dict:
    return json.loads(run(*args, "--db", db, "--format", "json").stdout)


def as_csv(db, *args) -> list[dict]:
    return list(csv.DictReader(io.StringIO(run(*args, "--db", db, "--format", "csv").stdout)))


def test_events_as_json_in_timeline_order_with_planned_and_denied_marked(db):
    found = [(v["type"], v["when"], v["certainty"], v["modality"]) for v in as_json(db, "events")]
    assert found == [
        ("visit", "2024-03", "asserted", "actual"),
        ("meeting", "2024-06-04", "asserted", "actual"),
        ("visit", "2024-07", "asserted", "planned"),
        ("meeting", "undated (by 2024-05-20)", "denied", "actual"),
        ("rally", "undated (by 2024-05-20)", "asserted", "actual"),
    ]


def test_events_filtered_by_entity_type_and_range_as_csv(db):
    rows = as_csv(db, "events", "--entity", "maleki", "--type", "meeting")
    assert [(r["date"], r["place"], r["certainty"]) for r in rows] == [
        ("2024-06-04", "Lagos", "asserted"), ("undated (by 2024-05-20)", "Kano", "denied")]
    assert rows[0]["participants"] == "Idris Maleki (participant), Yusuf Danbaba Tanko (counterpart)"
    assert rows[0]["document"] == "Commanders meet in Lagos"
    assert rows[1]["sentence"] == "Sule did not meet Idris Maleki in Kano."
    in_march = as_csv(db, "events", "--from", "2024-03-20", "--to", "2024-04-10")
    assert [(r["date"], r["granularity"], r["earliest"], r["latest"]) for r in in_march] == [
        ("2024-03", "month", "2024-03-01", "2024-03-31")]


def test_events_table_reads_date_who_where_how_sure_and_sentence(db):
    lines = run("events", "--db", db, "--entity", "Tanko").stdout.splitlines()
    assert lines[0].split() == ["DATE", "TYPE", "WHO", "PLACE", "HOW", "SURE", "SOURCES", "FIRST", "REPORTED",
                                "CONFLICTS", "SENTENCE"]
    assert lines[2].startswith("2024-07") and "Dakar" in lines[2] and "asserted, planned" in lines[2]
    assert lines[2].endswith("[Commanders meet in Lagos] Tanko will visit Dakar next month.")


def test_relations_as_csv_and_table(db):
    rows = as_csv(db, "relations", "--entity", "Tanko")
    assert [(r["subject"], r["type"], r["role"], r["object"], r["certainty"]) for r in rows] == [
        ("Yusuf Danbaba Tanko", "member_of", "commander", "Sahel Defence Front", "hedged"),
        ("Yusuf Danbaba Tanko", "member_of", "commander", "Vanguard", "asserted"),
    ]
    table = run("relations", "--db", db, "--type", "member_of").stdout.splitlines()
    assert len(table) == 4 and "hedged" in table[2] and "widely believed" in table[2]


def test_timeline_of_an_entity_dated_first_then_undated_each_with_its_sentence(db):
    lines = run("timeline", "Idris Maleki", "--db", db).stdout.splitlines()
    assert [line.split("  ")[0] for line in lines[::2]] == ["2024-03", "2024-06-04", "undated (by 2024-05-20)"]
    assert lines[4].endswith("meeting: Ibrahim Sule (participant), Idris Maleki (counterpart) in Kano [denied]")
    assert lines[5].strip() == "[Rally in Kano] Sule did not meet Idris Maleki in Kano."
    whole = as_json(db, "timeline", "--to", "2024-06-30")
    assert [v["when"] for v in whole] == ["2024-03", "2024-06-04"]


def test_show_has_affiliations_and_events_in_text_and_json(db):
    text = run("show", "Tanko", "--db", db).stdout
    assert "member_of  commander  → Sahel Defence Front  hedged" in text
    assert "2024-07     visit: Yusuf Danbaba Tanko (visitor) in Dakar [planned]" in text
    profile = as_json(db, "show", "Harmattan Brotherhood")
    [(subject, relation)] = [(r["subject"]["name"], r["type"]) for r in profile["affiliations"]]
    assert (subject, relation) == ("Idris Maleki", "member_of")
    assert profile["events"] == []


@pytest.mark.parametrize("command", [("events", "--entity"), ("relations", "--entity"), ("timeline",)])
def test_an_unknown_entity_is_one_error_line(db, command):
    p = run(*command, "Nobody Atall", "--db", db, ok=False)
    assert p.returncode == 1 and p.stdout == ""
    assert p.stderr == "newsgraph: error: no entity named 'Nobody Atall'\n"


def test_a_range_that_ends_before_it_starts_is_a_usage_error(db):
    p = run("timeline", "--from", "2024-06-01", "--to", "2024-05-01", "--db", db, ok=False)
    assert p.returncode == 2 and "--from 2024-06-01 is after --to 2024-05-01" in p.stderr


@pytest.mark.parametrize("command", ["events", "relations", "timeline"])
def test_help_gives_examples(command):
    assert f"newsgraph {command}" in run(command, "--help").stdout.split("Examples:")[1]
