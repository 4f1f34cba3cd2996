"""The TempEval-3 timex scorer on hand-built gold and predictions with hand-computed scores."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.eval.spans import match_spans
from newsgraph.eval.tempeval import (
    FileScore,
    TimexCounts,
    TimexReport,
    evaluate_timex,
    score_document,
)
from newsgraph.eval.timeml import TimeMLTimex
from newsgraph.model import Timex

FIXTURES = Path(__file__).parent / "fixtures"


def gold(start, end, type_="DATE", value="2021-03-03", text=None):
    return TimeMLTimex(tid=f"t{start}", start=start, end=end, text=text or "x" * (end - start),
                       type=type_, value=value)


def pred(start, end, type_="DATE", value="2021-03-03", text=None):
    return Timex(doc="d", start=start, end=end, text=text or "x" * (end - start), type=type_, value=value)


def test_strict_relaxed_type_and_value_scores():
    golds = [gold(10, 19), gold(30, 41, "DURATION", "P3W"), gold(50, 60, "TIME", "2021-03-05T06:00"),
             gold(70, 80, "DATE", "2021")]
    preds = [
        pred(10, 19),                                  # exact, all correct
        pred(36, 41, "DURATION", "P1W"),               # overlap only, wrong value
        pred(50, 60, "DATE", "2021-03-05T06:00"),      # exact, wrong type
        pred(90, 95),                                  # spurious; gold 70-80 is missed
    ]
    counts, errors = score_document(golds, preds, doc="d")
    assert counts == TimexCounts(gold=4, predicted=4, strict=2, relaxed=3, type_correct=2, value_correct=2)
    assert counts.strict_precision == counts.strict_recall == counts.strict_f1 == 0.5
    assert counts.relaxed_precision == counts.relaxed_recall == counts.relaxed_f1 == 0.75
    assert counts.type_accuracy == pytest.approx(2 / 3)
    assert counts.value_accuracy == pytest.approx(2 / 3)
    # TE3 attribute F1 = accuracy x relaxed F1 = F1 of (correct/predicted, correct/gold) = F1(2/4, 2/4).
    assert counts.value_f1 == pytest.approx(0.5)
    assert [(e.kind, (e.gold or e.predicted).start) for e in errors] == [
        ("wrong-extent", 30), ("wrong-value", 30), ("wrong-type", 50), ("missed", 70), ("spurious", 90)]


def test_precision_and_recall_differ_when_counts_differ():
    counts, _ = score_document([gold(0, 5), gold(10, 15)], [pred(0, 5), pred(10, 14), pred(20, 25), pred(30, 35)])
    assert (counts.strict_precision, counts.strict_recall) == (0.25, 0.5)
    assert (counts.relaxed_precision, counts.relaxed_recall) == (0.5, 1.0)
    assert counts.relaxed_f1 == pytest.approx(2 * 0.5 * 1.0 / 1.5)
    assert counts.value_f1 == pytest.approx(counts.relaxed_f1)  # every matched value is right


def test_one_prediction_spanning_two_gold_expressions_matches_only_one():
    counts, errors = score_document([gold(0, 5), gold(6, 12)], [pred(0, 12)])
    assert (counts.relaxed, counts.strict) == (1, 0)
    # The prediction overlaps 6-12 by 6 characters and 0-5 by 5, so 0-5 is the one missed.
    assert [(e.kind, e.gold.start) for e in errors] == [("missed", 0), ("wrong-extent", 6)]


def test_larger_overlap_wins_and_exact_extent_wins_over_overlap():
    pairs = match_spans([gold(0, 5), gold(6, 12)], [pred(0, 12)])
    assert [(g.start, p.start) for g, p in pairs] == [(6, 0)]
    pairs = match_spans([gold(0, 10)], [pred(2, 12), pred(0, 10)])
    assert [(g.start, p.start, p.end) for g, p in pairs] == [(0, 0, 10)]


def test_two_predictions_inside_one_gold_leave_one_spurious():
    counts, errors = score_document([gold(0, 10)], [pred(0, 4), pred(5, 10)])
    assert (counts.relaxed, counts.predicted) == (1, 2)
    assert [(e.kind, e.predicted.start) for e in errors] == [("spurious", 0), ("wrong-extent", 5)]


def test_value_none_is_a_wrong_value():
    counts, errors = score_document([gold(0, 4, "DATE", "2021")], [pred(0, 4, "DATE", None)])
    assert (counts.value_correct, counts.type_correct) == (0, 1)
    assert [e.kind for e in errors] == ["wrong-value"]


def test_nothing_to_find_and_nothing_found_scores_full_marks_like_te3():
    counts, errors = score_document([], [])
    assert counts.relaxed_f1 == counts.strict_f1 == counts.value_f1 == 1.0
    assert errors == []


def test_nothing_found_scores_zero():
    counts, _ = score_document([gold(0, 4)], [])
    assert counts.relaxed_f1 == counts.value_f1 == 0.0


def test_overall_is_micro_averaged_over_files():
    first, _ = score_document([gold(0, 4)], [pred(0, 4)])
    second, _ = score_document([gold(0, 4), gold(5, 9), gold(10, 14)], [])
    report = TimexReport(files=[FileScore("a.tml", "a", first), FileScore("b.tml", "b", second)])
    overall = report.overall
    assert (overall.gold, overall.predicted, overall.relaxed) == (4, 1, 1)
    assert overall.relaxed_recall == 0.25  # a per-file (macro) mean would give 0.5
    assert overall.relaxed_precision == 1.0
    table = report.format_table()
    assert table.splitlines()[0].split()[:3] == ["file", "gold", "pred"]
    assert "a.tml" in table and "b.tml" in table
    assert table.splitlines()[-1].startswith("OVERALL (2 files)")
    assert "25.0" in table.splitlines()[-1]


def test_evaluate_timex_runs_the_recogniser_on_each_file_with_its_text_and_dct():
    calls = []

    def find_weekdays(text, dct, doc_id):
        calls.append((dct, doc_id))
        start = text.index("Wednesday")
        return [Timex(doc=doc_id, start=start, end=start + 9, text="Wednesday", type="DATE", value="2021-03-03"),
                Timex(doc=doc_id, start=text.index("Friday"), end=text.index("Friday") + 6, text="Friday",
                      type="DATE", value="2021-03-05")]

    report = evaluate_timex([FIXTURES], recognise=find_weekdays)
    assert calls == [(date(2021, 3, 4), "NG_FIXTURE_HARBOUR")]
    overall = report.overall
    assert (overall.gold, overall.predicted, overall.strict, overall.relaxed) == (5, 2, 1, 2)
    assert (overall.type_correct, overall.value_correct) == (1, 1)
    assert report.error_counts() == {"missed": 3, "spurious": 0, "wrong-extent": 1, "wrong-type": 1,
                                     "wrong-value": 1}
    assert "6 a.m. Friday" in "\n".join(e.describe() for e in report.errors)
    data = report.to_dict()
    assert data["overall"]["counts"]["gold"] == 5
    assert data["files"][0]["doc_id"] == "NG_FIXTURE_HARBOUR"


def test_evaluate_timex_rejects_missing_paths_and_empty_directories(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        evaluate_timex([tmp_path / "absent"], recognise=lambda *a: [])
    with pytest.raises(InputError, match="no .tml files"):
        evaluate_timex([tmp_path], recognise=lambda *a: [])
