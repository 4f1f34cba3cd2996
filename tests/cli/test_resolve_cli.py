"""Identity commands as a user runs them on the demo corpus: the real `newsgraph` script, real
model, real SQLite file. Spelling variants are shown once; merge, not-same, split and undo are
recorded with who and why, and outlive later ingests."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "demo" / "corpus"
NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))


def run(*args, db: Path) -> str:
    p = subprocess.run([NEWSGRAPH, *map(str, args), "--db", str(db)], capture_output=True, text=True,
                       env={**os.environ, "USER": "analyst"}, timeout=300)
    assert p.returncode == 0, p.stderr
    return p.stdout


def people(db: Path) -> dict[str, list[str]]:
    rows = json.loads(run("entities", "--type", "person", "--format", "json", db=db))
    return {r["name"]: r["aliases"] for r in rows}


def person_with(db: Path, name: str) -> str:
    [shown] = [shown for shown, aliases in people(db).items() if name == shown or name in aliases]
    return shown


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("resolve")
    store = folder / "demo.db"
    run("ingest", CORPUS, "-q", db=store)
    return store


def test_each_actor_is_listed_once_with_its_spellings_as_aliases(db):
    listed = people(db)
    for variants in [("Abdirahman Yusuf Warsame", "Abdurrahman Yousuf Warsame"),
                     ("Mahad Ali Gurey", "Mahad Cali Gurey"),
                     ("Salem Awad bin Humaid", "Salim Awadh bin Humayd")]:
        [shown] = [n for n, aliases in listed.items() if set(variants) <= {n, *aliases}]
        assert shown in variants


def test_why_prints_the_score_and_its_parts(db):
    out = run("why", "Mahad Ali Gurey", "Mahad Cali Gurey", db=db)
    assert "same; one entity" in out
    assert "ali~cali" in out


def test_judgements_round_trip_and_survive_a_later_ingest(db, tmp_path):
    out = run("not-same", "Salem Awad bin Humaid", "Salim Awadh bin Humayd", "--reason", "two commanders", db=db)
    judgement_id = out.split("(judgement ")[1].rstrip(")\n")
    assert person_with(db, "Salem Awad bin Humaid") != person_with(db, "Salim Awadh bin Humayd")

    later = tmp_path / "later.txt"
    later.write_text("BOSASO - Sheikh Mahad Ali Qurey opened a school in Bosaso on Monday.\n", encoding="utf-8")
    run("ingest", later, "-q", db=db)
    assert person_with(db, "Salem Awad bin Humaid") != person_with(db, "Salim Awadh bin Humayd")

    [row] = json.loads(run("judgements", "--format", "json", db=db))
    assert (row["kind"], row["author"], row["reason"]) == ("not-same", "analyst", "two commanders")

    run("undo", judgement_id[:10], db=db)
    assert person_with(db, "Salem Awad bin Humaid") == person_with(db, "Salim Awadh bin Humayd")
    assert json.loads(run("judgements", "--format", "json", db=db)) == []


def test_review_shows_a_borderline_spelling_and_merge_settles_it(db):
    pairs = json.loads(run("review", "--format", "json", db=db))
    assert {"Mahad Ali Qurey", "Mahad Ali Gurey"} in [{p["left"], p["right"]} for p in pairs]
    run("merge", "Mahad Ali Qurey", "Mahad Ali Gurey", db=db)
    assert person_with(db, "Mahad Ali Qurey") == person_with(db, "Mahad Cali Gurey")
    assert not any("Mahad Ali Qurey" in (p["left"], p["right"]) for p in json.loads(run("review", "--format", "json", db=db)))


def test_split_takes_one_spelling_out_of_its_cluster(db):
    run("split", "Abdirahman Warsame", "--reason", "another man", db=db)
    assert "Abdirahman Warsame" not in people(db)[person_with(db, "Abdirahman Yusuf Warsame")]
    assert person_with(db, "Abdurrahman Yousuf Warsame") == person_with(db, "Abdirahman Yusuf Warsame")
