"""`newsgraph screen` as an analyst runs it: a real store ingested from two short reports, and
watchlists in FollowTheMoney JSON lines and CSV (tests/fixtures/watchlists). Expected matches
are written out; a man who only shares a surname with a listed one is not matched."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.cli.screen import CSV_FIELDS

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "watchlists"
MOGADISHU = ("MOGADISHU, 3 March 2025 - Sheikh Mahad Cali Gurey, a commander of al-Shabaab, met clan elders in "
             "Mogadishu on Monday, officials said. Hassan Gurey, a trader in the city, said the meeting lasted "
             "two hours.\n")
LAHORE = ("LAHORE, 5 March 2025 - Police in Lahore arrested Naji Zaheer, a fundraiser for Lashkar-e-Tayyiba, "
          "on Tuesday. The Pakistani authorities said Naji Zaheer had travelled from Karachi.\n")


def run_newsgraph(*args) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSGRAPH, *map(str, args)], capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("screen")
    for name, text in (("mogadishu.txt", MOGADISHU), ("lahore.txt", LAHORE)):
        (folder / name).write_text(text, encoding="utf-8")
    store = folder / "graph.db"
    done = run_newsgraph("ingest", "-q", "--db", store, folder / "mogadishu.txt", folder / "lahore.txt")
    assert done.returncode == 0, done.stderr
    return store


def screen(db: Path, *args) -> list[dict]:
    done = run_newsgraph("screen", "--db", db, "--format", "json", *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def by_pair(rows: list[dict]) -> dict[tuple[str, str], dict]:
    return {(r["entity_name"], r["list_id"]): r for r in rows}


def test_an_ftm_list_matches_variants_aliases_and_an_entry_of_either_kind(db):
    found = by_pair(screen(db, "--list", LISTS / "targets.ftm.json"))
    assert set(found) == {("Mahad Cali Gurey", "wl-gurey"), ("Naji Zaheer", "wl-zahir"),
                          ("Lashkar-e-Taiba", "wl-let"), ("Al-Shabaab", "wl-legal")}
    gurey, zaheer = found[("Mahad Cali Gurey", "wl-gurey")], found[("Naji Zaheer", "wl-zahir")]
    assert (gurey["matched_name"], gurey["listed_name"], gurey["evidence"]) == \
        ("Mahad Cali Gurey", "Mahad Cali Gurey", ["exact", "alias"])
    assert (gurey["country"], gurey["graph_countries"], gurey["list_countries"]) == ("agrees", ["SO"], ["SO"])
    assert (zaheer["listed_name"], zaheer["evidence"], zaheer["decision"]) == ("Naji Zahir", ["transliteration"], "same")
    assert (zaheer["country"], zaheer["graph_countries"], zaheer["list_countries"]) == ("differs", ["PK"], ["KE"])
    assert "zaheer~zahir" in zaheer["parts"]
    assert found[("Al-Shabaab", "wl-legal")]["type_agreement"] == "organization ~ LegalEntity"


def test_a_shared_surname_or_another_type_is_no_match(db):
    rows = screen(db, "--list", LISTS / "targets.ftm.json")
    assert not [r for r in rows if r["list_id"] in ("wl-abdi-gurey", "wl-hassan-org", "wl-shabaab-co")]
    assert not [r for r in rows if r["entity_name"] == "Hassan Gurey"]


def test_best_first_and_the_threshold_cuts(db):
    rows = screen(db, "--list", LISTS / "targets.ftm.json")
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    strict = screen(db, "--list", LISTS / "targets.ftm.json", "--threshold", "0.99")
    assert ("Naji Zaheer", "wl-zahir") not in by_pair(strict) and len(strict) == len(rows) - 1


def test_a_csv_list_with_aliases_and_country_names(db):
    found = by_pair(screen(db, "--list", LISTS / "targets.csv"))
    assert set(found) == {("Mahad Cali Gurey", "targets.csv:2"), ("Naji Zaheer", "targets.csv:3"),
                          ("Lashkar-e-Taiba", "targets.csv:4")}
    assert found[("Naji Zaheer", "targets.csv:3")]["country"] == "agrees"
    assert found[("Mahad Cali Gurey", "targets.csv:2")]["list_countries"] == ["SO"]


def test_csv_and_table_output(db):
    done = run_newsgraph("screen", "--db", db, "--list", LISTS / "targets.csv", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert tuple(rows[0]) == CSV_FIELDS and len(rows) == 3
    zaheer = next(r for r in rows if r["entity_name"] == "Naji Zaheer")
    assert (zaheer["listed_name"], zaheer["evidence"], zaheer["list_countries"]) == ("Naji Zahir", "transliteration", "PK")
    table = run_newsgraph("screen", "--db", db, "--list", LISTS / "targets.csv").stdout.splitlines()
    assert table[0].split() == ["SCORE", "DECISION", "TYPE", "ENTITY", "LISTED", "EVIDENCE", "COUNTRY", "NAMES"]
    assert len(table) == 4


@pytest.mark.parametrize(("name", "content", "where", "reason"), [
    ("list.txt", "Mahad Ali Gurey\n", "list.txt", "unknown list format"),
    ("list.json", '{"id": "a", "schema": "Person", "properties": {"name": ["A B"]}}\n{"id": "b", "schema"\n',
     "list.json:2", "not a JSON object"),
    ("list.json", '{"id": "a", "schema": "Persona", "properties": {"name": ["A B"]}}\n', "list.json:1",
     "unknown FollowTheMoney schema 'Persona'"),
    ("list.jsonl", '{"id": "a", "schema": "Person", "properties": {}}\n', "list.jsonl:1", "an entry without a name"),
    ("list.json", '["Person", "A B"]\n', "list.json:1", "not a FollowTheMoney entity"),
    ("list.csv", "name,aliases,type,country\nA B,,person,SO\nC D,,vessel,SO\n", "list.csv:3", "unknown type 'vessel'"),
    ("list.csv", "name,aliases,type,country\nA B,,person,Atlantis\n", "list.csv:2", "unknown country 'Atlantis'"),
    ("list.csv", "who,what\nA B,person\n", "list.csv:1", "a CSV list needs a header"),
])
def test_a_bad_list_is_one_error_line_naming_file_and_line(db, tmp_path, name, content, where, reason):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    done = run_newsgraph("screen", "--db", db, "--list", path)
    assert done.returncode == 1 and done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(f"newsgraph: error: {tmp_path / where}: {reason}")
