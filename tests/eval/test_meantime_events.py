"""MEANTIME event gold read from a hand-written CAT file, and the event scorer on hand-built predictions."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.eval.meantime import read_meantime
from newsgraph.eval.meantime_events import (
    EventCounts,
    evaluate_event_mentions,
    gold_participants,
    gold_times,
    score_document,
    subcorpus_of,
)
from newsgraph.model import Timex
from newsgraph.pipeline.event_mentions import EventMention, Participant

FIXTURE = Path(__file__).with_name("fixtures") / "veloria_strike.xml"
NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
# the team's shared data sits beside the checkout (/work/main) or two levels up from a worktree (/work/wt/NAME)
CORPUS = next((root / "shared" / "data" / "meantime" / "intra-doc_annotation" for root in Path(__file__).resolve().parents
               if (root / "shared" / "data" / "meantime").is_dir()), Path("/nonexistent"))


@pytest.fixture(scope="module")
def gold():
    return read_meantime(FIXTURE)


def span(text: str, phrase: str, after: int = 0) -> tuple[int, int]:
    start = text.index(phrase, after)
    return start, start + len(phrase)


def event(text: str, phrase: str, *roles: str, after: int = 0, timex: str | None = None) -> EventMention:
    start, end = span(text, phrase, after)
    found = tuple(Participant(*span(text, role), role, "test") for role in roles)
    return EventMention(start, end, phrase, phrase, "verb", found, timex)


def test_reads_event_mentions_participants_and_time_links(gold):
    assert [(m.m_id, m.text, m.attributes["pred"]) for m in gold.event_mentions] == [
        ("10", "strike", "strike"), ("11", "walked out", "walk out"), ("12", "talks", "talk"),
        ("13", "collapsed", "collapse"), ("14", "said", "say"), ("15", "strike", "strike"), ("16", "last", "last")]
    participants = {event: [t.text for t in targets] for event, targets in gold_participants(gold).items()}
    assert participants == {"10": ["Harbour workers", "Veloria"], "11": ["Dock workers"],
                            "12": ["the port authority"], "14": ["The union"]}
    # the creation-time link of "said" and the event-event link are not time links
    times = {event: [t.text for t in timexes] for event, timexes in gold_times(gold).items()}
    assert times == {"11": ["Monday"], "16": ["Friday"]}
    assert gold.text[:gold.annotated_end].endswith("until Friday.")


def test_scores_mentions_participants_and_times(gold):
    text = gold.text
    monday = Timex("d", *span(text, "Monday"), "Monday", "DATE", "2025-03-03")
    predicted = [
        event(text, "strike", "Harbour workers"),
        event(text, "walked", "Dock workers", timex=monday.id),  # narrower than "walked out"
        event(text, "authority"),  # no event there
        event(text, "said", "The union", "the strike"),  # "the strike" is no participant of it
        event(text, "waited"),  # after the annotated sentences: not scored
    ]
    counts, errors = score_document(gold, predicted, {monday.id: monday})
    assert (counts.mentions.gold, counts.mentions.predicted, counts.mentions.relaxed, counts.mentions.strict) == (
        7, 4, 3, 2)
    assert (counts.gold_participants, counts.predicted_participants, counts.correct_participants) == (5, 4, 3)
    assert (counts.timed_gold, counts.timed_correct) == (1, 1)
    scores = counts.scores()
    assert scores["relaxed_precision"] == pytest.approx(3 / 4)
    assert scores["relaxed_recall"] == pytest.approx(3 / 7)
    assert scores["participant_precision"] == pytest.approx(3 / 4)
    assert scores["participant_recall"] == pytest.approx(3 / 5)
    assert scores["time_accuracy"] == 1.0
    kinds = [(e.kind, e.gold, e.predicted) for e in errors]
    assert ("wrong-extent", "walked out", "walked") in kinds
    assert ("missed-participant", "Veloria", None) in kinds
    assert ("spurious-participant", None, "the strike") in kinds
    assert ("spurious", None, "authority") in kinds
    assert sorted(g for kind, g, _ in kinds if kind == "missed") == ["collapsed", "last", "strike", "talks"]


def test_a_time_link_to_another_expression_is_wrong(gold):
    text = gold.text
    friday = Timex("d", *span(text, "Friday"), "Friday", "DATE", "2025-03-07")
    counts, errors = score_document(gold, [event(text, "walked out", timex=friday.id)], {friday.id: friday})
    assert (counts.timed_gold, counts.timed_correct) == (1, 0)
    assert [(e.kind, e.gold, e.predicted, e.event) for e in errors if e.kind == "wrong-time"] == [
        ("wrong-time", "Monday", "Friday", "walked out")]


def test_counts_add_up():
    one = EventCounts(gold_participants=2, correct_participants=1, timed_gold=1)
    two = EventCounts(gold_participants=3, predicted_participants=4, timed_gold=1, timed_correct=1)
    total = one + two
    assert (total.gold_participants, total.predicted_participants, total.correct_participants) == (5, 4, 1)
    assert total.scores()["time_accuracy"] == 0.5


def test_subcorpus_is_the_directory_name():
    assert subcorpus_of("/data/meantime/intra-doc_annotation/corpus_gm/1_x.xml") == "gm"


def test_detector_and_baseline_on_the_fixture():
    report = evaluate_event_mentions([FIXTURE])
    ours, baseline = report.totals("newsgraph"), report.totals("every-verb baseline")
    assert ours.mentions.relaxed == 7  # every gold event, nouns included
    assert baseline.mentions.relaxed < ours.mentions.relaxed  # verbs only: not the nouns
    assert ours.correct_participants == ours.gold_participants == 5
    assert report.to_dict()["newsgraph"]["subcorpora"]["fixtures"]["counts"]["mentions"]["gold"] == 7


def test_cli_prints_both_systems_and_errors():
    run = subprocess.run([NEWSGRAPH, "eval", "meantime", str(FIXTURE), "--errors"],
                         capture_output=True, text=True, check=True)
    assert "newsgraph\n" in run.stdout and "every-verb baseline\n" in run.stdout
    assert "event mention F1 (relaxed) 100.0 vs" in run.stdout
    assert "wrong-extent: gold 'walked out' vs predicted 'walked'" in run.stdout


def test_cli_json():
    run = subprocess.run([NEWSGRAPH, "eval", "meantime", str(FIXTURE), "--format", "json",
                          "--limit", "1"], capture_output=True, text=True, check=True)
    data = json.loads(run.stdout)
    assert data["newsgraph"]["overall"]["counts"]["mentions"]["gold"] == 7
    assert "errors" not in data


def test_cli_refuses_a_directory_without_xml(tmp_path: Path):
    run = subprocess.run([NEWSGRAPH, "eval", "meantime", str(tmp_path)],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "no .xml files found" in run.stderr


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="MEANTIME corpus not available")
def test_meets_the_issue_targets_on_meantime():
    report = evaluate_event_mentions([CORPUS])
    ours, baseline = (report.totals(s).scores() for s in ("newsgraph", "every-verb baseline"))
    assert ours["relaxed_f1"] >= 0.70 and ours["relaxed_f1"] > baseline["relaxed_f1"]
    assert ours["participant_f1"] >= 0.50 and ours["participant_f1"] > baseline["participant_f1"]
