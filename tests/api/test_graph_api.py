"""The Python API as the CLI and a web app call it: real pipeline, real SQLite file."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

import newsgraph
from newsgraph.api import Duplicate, Graph, extract_files, timexes_json, timexes_timeml
from newsgraph.errors import Ambiguous, InputError, NotFound, StoreError

STRIKE = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "harbour_strike.txt"
COUNCIL = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "coastal_council.txt"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("api") / "graph.db"
    with Graph(path) as graph:
        report = graph.ingest([STRIKE, COUNCIL], published=date(2025, 5, 26))
    assert (report.added, report.skipped, report.failed) == (2, 0, 0)
    return path


def test_the_package_exposes_the_api():
    assert (newsgraph.extract, newsgraph.analyze, newsgraph.Graph) == (
        newsgraph.api.extract,
        newsgraph.api.analyze,
        newsgraph.api.Graph,
    )


def test_ingesting_again_skips_what_is_stored(db):
    with Graph(db) as graph:
        report = graph.ingest([STRIKE])
    assert (report.added, report.skipped) == (0, 1)


def test_show_finds_an_entity_by_an_alias_and_profiles_it(db):
    with Graph(db, readonly=True) as graph:
        hwa = graph.show("hwa")
    assert (hwa.name, hwa.type) == ("Harbour Workers Alliance", "organization")
    assert "HWA" in hwa.aliases
    assert {m.text for m in hwa.mentions} >= {"Harbour Workers Alliance", "HWA"}
    assert "Joseph Mrema Kileo" in {c.name for c in hwa.co_mentions}


def test_a_name_that_matches_nothing_is_not_found(db):
    with Graph(db, readonly=True) as graph, pytest.raises(NotFound):
        graph.show("Nobody Atall")


def test_search_and_entities_answer_from_the_store(db):
    with Graph(db, readonly=True) as graph:
        [hit] = graph.search("video link")
        people = graph.entities(type="person")
    assert "Zanzibar" in {e.name for e in hit.entities}
    assert "Joseph Mrema Kileo" in {e.name for e in people}


def test_opening_a_missing_store_read_only_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="no newsgraph store"):
        Graph(tmp_path / "missing.db", readonly=True)


def test_the_store_export_and_a_fresh_extraction_agree_on_one_document(tmp_path):
    with Graph(tmp_path / "one.db") as graph:
        graph.ingest([STRIKE], published=date(2025, 5, 26))
        out = io.StringIO()
        graph.export(out)
    stored = json.loads(out.getvalue())
    [fresh] = extract_files([STRIKE], published=date(2025, 5, 26))
    assert stored["documents"] == fresh["documents"]
    assert sorted(stored["entities"], key=lambda e: e["id"]) == sorted(fresh["entities"], key=lambda e: e["id"])


def test_extract_files_reports_bad_inputs_and_goes_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    errors = []
    exports = list(extract_files([empty, STRIKE], on_error=errors.append, each=True))
    assert len(exports) == 1 and len(exports[0]["documents"]) == 1
    assert [type(e) for e in errors] == [InputError] and str(empty) in str(errors[0])
    assert list(extract_files([empty], on_error=errors.append)) == [], "nothing when every input failed"


def test_time_expressions_of_one_file(tmp_path):
    article = tmp_path / "talks.txt"
    article.write_text("The talks resume next Tuesday.", encoding="utf-8")
    [tuesday] = timexes_json(article, published=date(2024, 3, 15))
    assert (tuesday["text"], tuesday["value"]) == ("next Tuesday", "2024-03-19")
    assert 'value="2024-03-19"' in timexes_timeml(article, published=date(2024, 3, 15))
    with pytest.raises(InputError, match="holds 2 documents"):
        timexes_json(Path(__file__).resolve().parents[2] / "demo" / "corpus" / "06_07_wire.jsonl")


def test_an_ambiguous_name_lists_its_candidates(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": "Mary Wanjiru Kamau opened a clinic in Nakuru. Kamau said it would stay open."}) + "\n"
        + json.dumps({"text": "Peter Otieno Kamau won the election in Kisumu. Kamau thanked his voters."}) + "\n",
        encoding="utf-8",
    )
    with Graph(tmp_path / "kamau.db") as graph:
        graph.ingest([feed])
        with pytest.raises(Ambiguous) as ambiguous:
            graph.show("kamau")
        candidates = sorted(e.name for e in ambiguous.value.candidates)
        assert graph.show(ambiguous.value.candidates[0].id).name in candidates
    assert candidates == ["Mary Wanjiru Kamau", "Peter Otieno Kamau"]


def test_the_same_text_under_another_name_is_reported_and_recorded_as_another_source(tmp_path):
    copy = tmp_path / "strike-copy.txt"
    copy.write_bytes(STRIKE.read_bytes())
    path = tmp_path / "graph.db"
    noted = []
    with Graph(path) as graph:
        graph.ingest([STRIKE])
        report = graph.ingest([copy, STRIKE], on_duplicate=noted.append)
        again = graph.ingest([copy])
        exported = io.StringIO()
        graph.export(exported)
    assert (report.added, report.skipped, report.failed) == (0, 2, 0)
    assert noted == report.duplicates == [Duplicate(str(copy), str(STRIKE))]
    assert (again.skipped, again.duplicates) == (1, []), "the same file again records nothing"
    [document] = json.loads(exported.getvalue())["documents"]
    assert document["source"] == str(STRIKE)
    assert [s["source"] for s in document["sources"]] == [str(STRIKE), str(copy)]
