"""The name matcher on the labelled pairs of eval/names: the floors issue 10 sets, pinned."""
from pathlib import Path

from newsgraph.eval.names import evaluate_names

PAIR_DIR = Path(__file__).resolve().parents[2] / "eval" / "names"


def test_development_pairs_reach_the_issue_s_precision_and_recall():
    report = evaluate_names(PAIR_DIR / "pairs.jsonl")
    assert report.precision >= 0.97
    assert report.recall >= 0.90


def test_no_father_and_son_pair_is_merged_in_either_file():
    for name in ("pairs.jsonl", "heldout.jsonl"):
        report = evaluate_names(PAIR_DIR / name)
        assert not [e for e in report.errors if e.pair.category == "father_son"], name


def test_first_held_out_pairs_keep_their_measured_floor():
    """Held out for the first matcher round (P 0.967, R 0.634), development data since the
    second read their misses (P 0.988, R 0.871; docs/resolution.md): a floor against
    regressions, below the issue's recall target, which this file does not meet."""
    report = evaluate_names(PAIR_DIR / "heldout.jsonl")
    assert report.precision >= 0.98
    assert report.recall >= 0.86
