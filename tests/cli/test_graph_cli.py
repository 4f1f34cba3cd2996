"""The graph commands as a user runs them: the real `newsgraph` script, real model, real SQLite file."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures" / "articles"
NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))


def run(*args, stdin=None, env=None, check=True):
    p = subprocess.run([NEWSGRAPH, *map(str, args)], input=stdin, capture_output=True, text=True,
                       env={**os.environ, **(env or {})}, timeout=300)
    if check and p.returncode != 0:
        raise AssertionError(f"exit {p.returncode}: {p.stderr}")
    return p


def schema():
    text = resources.files("newsgraph").joinpath("schema/newsgraph-1.schema.json").read_text()
    return json.loads(text)


def entity(graph, name):
    found = [e for e in graph["entities"] if e["name"] == name]
    assert len(found) == 1, (name, [e["name"] for e in graph["entities"]])
    return found[0]


@pytest.fixture(scope="module")
def coastal():
    return json.loads(run("extract", FIXTURES / "coastal_council.txt", "--published", "2025-03-01").stdout)


def test_extract_follows_the_contract(coastal):
    jsonschema.validate(coastal, schema())
    (doc,) = coastal["documents"]
    assert doc["published"] == "2025-03-01"
    assert doc["text"] == (FIXTURES / "coastal_council.txt").read_text()
    for e in coastal["entities"]:
        for m in e["mentions"]:
            assert doc["text"][m["start"]:m["end"]] == m["text"]
    for t in doc["timexes"]:
        assert doc["text"][t["start"]:t["end"]] == t["text"]


def test_extract_finds_the_actors_with_their_names_and_pronouns(coastal):
    lwambo = entity(coastal, "Farid Omari Lwambo")
    assert lwambo["type"] == "person"
    texts = [m["text"] for m in lwambo["mentions"]]
    assert "Lwambo" in texts and "he" in texts
    chege = entity(coastal, "Amina Wekesa Chege")
    assert {"Chege", "She"} <= {m["text"] for m in chege["mentions"]}
    crc = entity(coastal, "Coastal Reform Council")
    assert crc["type"] == "organization" and "CRC" in crc["aliases"]
    assert len([m for m in crc["mentions"] if m["text"] == "CRC"]) == 3
    for place in ("Mombasa", "Nairobi", "Lamu", "Malindi"):
        assert entity(coastal, place)["type"] == "place"
    assert entity(coastal, "Nairobi")["geo"]["country"] == "KE"


def test_extract_normalises_dates_without_inventing_any(coastal):
    timexes = {t["text"]: t for t in coastal["documents"][0]["timexes"]}
    assert timexes["12 March 2024"]["value"] == "2024-03-12"
    assert timexes["January 2025"]["value"] == "2025-01"
    assert timexes["January 2025"]["granularity"] == "month"
    assert timexes["recently"]["value"] == "PAST_REF"
    assert timexes["recently"]["latest"] == "2025-03-01"


def test_extract_gives_the_same_ids_on_every_run(coastal):
    again = json.loads(run("extract", FIXTURES / "coastal_council.txt", "--published", "2025-03-01").stdout)
    assert again == coastal


def test_extract_reads_stdin_and_writes_jsonl():
    text = (FIXTURES / "harbour_strike.txt").read_text()
    lines = run("extract", "-", "--format", "jsonl", stdin=text).stdout.splitlines()
    assert len(lines) == 1
    graph = json.loads(lines[0])
    assert graph["documents"][0]["source"] == "<stdin>"
    assert graph["documents"][0]["published"] is None
    assert "HWA" in entity(graph, "Harbour Workers Alliance")["aliases"]


def test_extract_rejects_a_bad_date_as_a_usage_error():
    p = run("extract", FIXTURES / "harbour_strike.txt", "--published", "10/02/2025", check=False)
    assert p.returncode == 2 and "YYYY-MM-DD" in p.stderr


def test_extract_of_a_missing_file_is_one_line_naming_it(tmp_path):
    missing = tmp_path / "nope.txt"
    p = run("extract", missing, check=False)
    assert p.returncode == 1
    assert p.stderr.strip().count("\n") == 0 and str(missing) in p.stderr


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "graph.db"
    run("ingest", "--db", path, "--published", "2025-03-01", FIXTURES)
    return path


def test_ingest_is_idempotent(db):
    before = sqlite3.connect(db).execute("select count(*) from mentions").fetchone()[0]
    p = run("ingest", "--db", db, FIXTURES)
    assert "0 added, 2 skipped as duplicates, 0 failed" in p.stderr
    assert sqlite3.connect(db).execute("select count(*) from mentions").fetchone()[0] == before


def test_the_same_text_under_another_name_is_a_duplicate_noted_and_recorded(db, tmp_path):
    copy = tmp_path / "copies" / "strike (1).txt"
    copy.parent.mkdir()
    copy.write_bytes((FIXTURES / "harbour_strike.txt").read_bytes())
    p = run("ingest", "--db", db, "-q", copy)
    first = FIXTURES / "harbour_strike.txt"
    assert p.stderr.splitlines() == [
        f"newsgraph: note: {copy}: duplicate of {first}; recorded as another source of it",
        f"0 added, 1 skipped as duplicates (1 recorded as another source), 0 failed → {db}",
    ]
    again = run("ingest", "--db", db, "-q", copy)
    assert again.stderr == f"0 added, 1 skipped as duplicates, 0 failed → {db}\n"
    graph = json.loads(run("export", "--db", db).stdout)
    jsonschema.validate(graph, schema())
    [strike] = [d for d in graph["documents"] if d["source"] == str(first)]
    assert strike["sources"] == [
        {"source": str(first), "title": None, "url": None, "published": "2025-03-01"},
        {"source": str(copy), "title": None, "url": None, "published": None},
    ]
    assert len(graph["documents"]) == 2
    shown = run("show", "--db", db, "HWA").stdout
    assert f"read from: {first}, {copy}" in shown


def test_bad_input_is_reported_and_the_rest_goes_on(db, tmp_path):
    bad = tmp_path / "batch"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (bad / "latin1.txt").write_bytes("Caf\xe9 owners in Mombasa met on Friday.".encode("latin-1"))
    (bad / "feed.jsonl").write_text(
        json.dumps({"text": "The Harbour Workers Alliance met in Tanga.", "title": "Tanga"}) + "\n"
        + '{"text": "broken\n'
        + json.dumps({"text": "Delegates from Zanzibar joined the Harbour Workers Alliance.", "title": "Z"}) + "\n")
    (bad / "symbols.txt").write_text("--- *** ---\n12 34 56\n")
    before = run("export", "--db", db).stdout
    p = run("ingest", "--db", db, bad, tmp_path / "missing.txt", check=False)
    assert p.returncode == 1
    errors = [line for line in p.stderr.splitlines() if "error:" in line]
    for name in ("empty.txt", "binary.txt", "latin1.txt", "feed.jsonl:2", "symbols.txt", "missing.txt"):
        assert sum(name in line for line in errors) == 1, (name, errors)
    assert "2 added, 0 skipped as duplicates, 6 failed" in p.stderr
    after = json.loads(run("export", "--db", db).stdout)
    kept = json.loads(before)
    assert [d for d in after["documents"] if d["id"] in {k["id"] for k in kept["documents"]}] == kept["documents"]
    assert len(after["documents"]) == 4


def test_entities_lists_and_filters(db):
    people = json.loads(run("entities", "--db", db, "--type", "person", "--format", "json").stdout)
    names = {e["name"] for e in people}
    assert {"Farid Omari Lwambo", "Amina Wekesa Chege", "Joseph Mrema Kileo"} <= names
    assert all(e["type"] == "person" for e in people)
    found = run("entities", "--db", db, "--search", "reform", "--format", "csv").stdout.splitlines()
    assert found[0] == "id,type,name,aliases,documents,mentions"
    assert len(found) == 2 and "Coastal Reform Council" in found[1]
    table = run("entities", "--db", db).stdout
    assert table.splitlines()[0].split() == ["NAME", "TYPE", "DOCS", "MENTIONS", "ALIASES"]


def test_show_accepts_aliases_in_any_case(db):
    profile = json.loads(run("show", "--db", db, "crc", "--format", "json").stdout)
    assert profile["name"] == "Coastal Reform Council"
    assert profile["documents"] == 1
    assert any("Blue Reef Trust" in m["sentence_text"] for m in profile["mentions"])
    text = run("show", "--db", db, "KILEO").stdout
    assert "Joseph Mrema Kileo" in text and "Harbour Workers Alliance" in text


def test_show_of_an_unknown_name_fails_in_one_line(db):
    p = run("show", "--db", db, "Nobody Atall", check=False)
    assert p.returncode == 1 and "Nobody Atall" in p.stderr and p.stderr.count("\n") == 1


def test_search_finds_sentences_with_their_entities(db):
    hits = json.loads(run("search", "--db", db, "fishing rights", "--format", "json").stdout)
    assert hits and "fishing rights" in hits[0]["text"]
    assert "Lamu" in {e["name"] for e in hits[0]["entities"]}
    assert run("search", "--db", db, '"unbalanced AND').returncode == 0


def test_export_writes_the_whole_graph(db, tmp_path):
    out = tmp_path / "graph.json"
    run("export", "--db", db, "-o", out)
    graph = json.loads(out.read_text())
    jsonschema.validate(graph, schema())
    assert len(graph["documents"]) == 2
    assert entity(graph, "Harbour Workers Alliance")["aliases"] == ["HWA"]


def test_db_comes_from_the_environment(tmp_path):
    path = tmp_path / "env.db"
    run("ingest", FIXTURES / "harbour_strike.txt", env={"NEWSGRAPH_DB": str(path)})
    assert path.exists()
    p = run("entities", "--db", tmp_path / "absent.db", check=False)
    assert p.returncode == 1 and "absent.db" in p.stderr


def test_a_killed_batch_leaves_a_consistent_store_that_the_next_run_finishes(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    base = (FIXTURES / "coastal_council.txt").read_text()
    for i in range(60):
        (corpus / f"a{i:03}.txt").write_text(f"Report {i}. " + base)
    path = tmp_path / "kill.db"
    proc = subprocess.Popen([NEWSGRAPH, "ingest", "--db", str(path), "-q", str(corpus)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        time.sleep(0.2)
        try:
            n = sqlite3.connect(path).execute("select count(*) from documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if n >= 3:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(path)
    assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
    stored = con.execute("select count(*) from documents").fetchone()[0]
    assert 3 <= stored < 60
    orphans = con.execute("select count(*) from mentions where doc_id not in (select id from documents)")
    assert orphans.fetchone()[0] == 0
    p = run("ingest", "--db", path, "-q", corpus)
    assert f"{60 - stored} added, {stored} skipped as duplicates, 0 failed" in p.stderr


def test_show_of_an_ambiguous_name_lists_the_candidates(tmp_path):
    path = tmp_path / "kamau.db"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": "Mary Wanjiru Kamau opened a clinic in Nakuru. Kamau said it would stay open."}) + "\n"
        + json.dumps({"text": "Peter Otieno Kamau won the election in Kisumu. Kamau thanked his voters."}) + "\n")
    run("ingest", "--db", path, "-q", feed)
    p = run("show", "--db", path, "kamau", check=False)
    assert p.returncode == 1 and "ambiguous" in p.stderr
    candidates = [line.split()[0] for line in p.stderr.splitlines()[1:]]
    assert len(candidates) == 2 and all(c.startswith("e-") for c in candidates)
    picked = json.loads(run("show", "--db", path, candidates[0], "--format", "json").stdout)
    assert picked["name"] in {"Mary Wanjiru Kamau", "Peter Otieno Kamau"}


def test_show_prints_each_sentence_once_with_every_mention_in_it(db):
    text = run("show", "--db", db, "Lwambo").stdout
    lines = [line for line in text.splitlines() if "later travelled to Nairobi" in line]
    assert len(lines) == 1
    assert "Lwambo later travelled to Nairobi, where he met" in lines[0]  # no styling in a pipe
