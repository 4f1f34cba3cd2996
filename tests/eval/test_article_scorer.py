"""The article scorer, on a hand-written gold file: exports built by hand show each way a fact
can be right or wrong; one run of the real pipeline shows the command's path end to end."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from newsgraph.eval.articles import evaluate_articles, gold_articles, name_key, score_article

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
GOLD = json.loads((FIXTURES / "port_talks.gold.json").read_text(encoding="utf-8"))
TEXT = (FIXTURES / "port_talks.txt").read_text(encoding="utf-8")


def mention(text: str) -> dict:
    start = TEXT.index(text)
    return {"doc": "d-1", "start": start, "end": start + len(text), "text": text}


def entity(id_: str, type_: str, *names: str) -> dict:
    return {"id": id_, "type": type_, "name": names[0], "aliases": list(names[1:]),
            "mentions": [mention(n) for n in names]}


def evidence(sentence: str) -> list[dict]:
    return [{"doc": "d-1", "start": 0, "end": 1, "sentence": sentence}]


def perfect_export() -> dict:
    return {
        "schema": "newsgraph/1",
        "entities": [
            entity("e-w", "person", "Amina Wanjiru", "Wanjiru"),
            entity("e-o", "person", "Tobias Okello", "Okello"),
            entity("e-c", "organization", "Coastal Workers Union", "CWU"),
            entity("e-m", "place", "Mombasa"),
            entity("e-k", "place", "Kenya"),
            entity("e-d", "place", "Dar es Salaam"),
            {"id": "e-he", "type": "person", "name": "he", "aliases": [], "mentions": []},
        ],
        "relations": [{"id": "r-1", "type": "member_of", "subject": "e-w", "object": "e-c",
                       "certainty": "asserted", "evidence": evidence("Senior Coastal Workers Union organiser")}],
        "events": [
            {"id": "v-1", "type": "meeting", "participants": [{"entity": "e-w"}, {"entity": "e-o"}],
             "place": "e-m", "time": {"value": "2024-03-03"}, "certainty": "reported", "modality": "actual",
             "evidence": evidence("met shipping executive")},
            {"id": "v-2", "type": "travel", "participants": [{"entity": "e-w"}], "place": "e-d",
             "time": {"value": None}, "certainty": "reported", "modality": "planned",
             "evidence": evidence("will travel")},
        ],
    }


def test_names_fold_case_accents_and_a_leading_article():
    assert name_key("The Vanguard") == name_key("vanguard") == "vanguard"
    assert name_key("MOMBASA") == name_key("Mombasa")
    assert name_key("Théâtre") == "theatre"


def test_a_perfect_export_scores_one_everywhere():
    figures = score_article(GOLD, perfect_export(), "port_talks").figures()
    assert figures["entity_f1"] == 1.0
    assert (figures["splits"], figures["wrong_types"], figures["violations"]) == (0, 0, 0)
    assert figures["relation_recall"] == figures["event_recall"] == figures["time_accuracy"] == 1.0
    # the planned trip is a true fact of the text but no gold event: it costs event precision only
    assert figures["event_precision"] == 0.5


def test_one_actor_in_two_entities_is_a_split_and_a_wrong_type_is_counted():
    export = perfect_export()
    export["entities"].append(entity("e-w2", "person", "Wanjiru"))
    export["entities"].append(entity("e-cw", "place", "CWU"))
    score = score_article(GOLD, export)
    assert score.splits == 1 and score.wrong_types == 1
    assert any(e.startswith("split entity: wanjiru") for e in score.errors)
    # the place called CWU covers no gold place: spurious, so precision drops below one
    assert score.figures()["entity_precision"] < 1.0


def test_a_missed_entity_lowers_recall_not_precision():
    export = perfect_export()
    export["entities"] = [e for e in export["entities"] if e["id"] != "e-k"]
    figures = score_article(GOLD, export).figures()
    assert figures["entity_recall"] == pytest.approx(5 / 6)
    assert figures["entity_precision"] == 1.0


def test_a_hedged_relation_does_not_meet_an_asserted_gold_one_but_reported_does():
    export = perfect_export()
    export["relations"][0]["certainty"] = "hedged"
    assert score_article(GOLD, export).relations_found == 0
    export["relations"][0]["certainty"] = "reported"
    assert score_article(GOLD, export).relations_found == 1


def test_a_symmetric_tie_counts_either_way_round_and_a_directed_one_does_not():
    gold = copy.deepcopy(GOLD)
    gold["relations"] = [{"subject": "wanjiru", "predicate": "family", "object": "okello", "certainty": "asserted"}]
    export = perfect_export()
    export["relations"][0].update(type="family", subject="e-o", object="e-w")  # "Okello's sister Wanjiru"
    assert score_article(gold, export).relations_found == 1
    export["relations"][0].update(type="member_of", subject="e-c", object="e-w")  # the union a member of her
    assert score_article(GOLD, export).relations_found == 0


def test_a_found_event_with_another_date_counts_for_recall_not_for_time():
    export = perfect_export()
    export["events"][0]["time"] = {"value": "2024-03"}
    score = score_article(GOLD, export)
    assert score.events_found == 1 and score.times_right == 0
    assert any("wrong time: mombasa_meeting" in e for e in score.errors)


def test_an_event_missing_a_participant_is_not_found():
    export = perfect_export()
    export["events"][0]["participants"] = [{"entity": "e-w"}]
    assert score_article(GOLD, export).events_found == 0


def test_a_planned_trip_stated_as_done_is_a_violation():
    export = perfect_export()
    export["events"][1]["modality"] = "actual"
    assert score_article(GOLD, export).violations == 1


def test_scores_add_up_over_articles():
    one = score_article(GOLD, perfect_export(), "a")
    worse = copy.deepcopy(perfect_export())
    worse["events"] = []
    two = score_article(GOLD, worse, "b")
    total = one + two
    assert total.events_gold == 2 and total.events_found == 1
    assert total.figures()["event_recall"] == 0.5


def test_gold_files_are_found_beside_their_texts(tmp_path):
    (tmp_path / "lonely.gold.json").write_text("{}", encoding="utf-8")
    with pytest.raises(Exception, match="without its article text"):
        list(gold_articles([tmp_path]))
    assert [a.name for a in gold_articles([FIXTURES])] == ["port_talks"]


def test_the_real_pipeline_is_scored_end_to_end():
    import newsgraph

    def extractor(text, published):
        return newsgraph.extract(text, published=published)

    report = evaluate_articles([FIXTURES], extractor)
    [article] = report.articles
    figures = article.figures()
    assert article.entities_gold == 6
    assert figures["entity_recall"] >= 5 / 6, article.errors
    assert figures["splits"] == 0, article.errors
    assert "port_talks" in report.format_table()
    assert report.to_dict()["overall"]["entity_f1"] == figures["entity_f1"]
