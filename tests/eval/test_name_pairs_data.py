"""The labelled name pairs in eval/names/pairs.jsonl are well-formed and balanced."""

import json
from pathlib import Path

PAIRS = Path(__file__).resolve().parents[2] / "eval" / "names" / "pairs.jsonl"
KEYS = {"a", "b", "type", "same", "category", "why"}


def load_pairs() -> list[dict]:
    return [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_each_pair_has_the_documented_fields():
    for pair in load_pairs():
        assert set(pair) == KEYS, pair
        assert pair["type"] in {"person", "organization"}, pair
        assert isinstance(pair["same"], bool), pair
        assert all(isinstance(pair[k], str) and pair[k].strip() for k in ("a", "b", "category", "why")), pair
        assert pair["a"] != pair["b"], pair


def test_at_least_120_pairs_about_half_negative():
    pairs = load_pairs()
    negatives = sum(not pair["same"] for pair in pairs)
    assert len(pairs) >= 120
    assert 0.4 <= negatives / len(pairs) <= 0.6


def test_both_types_have_positives_and_negatives():
    pairs = load_pairs()
    for kind in ("person", "organization"):
        labels = {pair["same"] for pair in pairs if pair["type"] == kind}
        assert labels == {True, False}, kind


def test_no_pair_is_listed_twice():
    pairs = [frozenset((pair["a"], pair["b"])) for pair in load_pairs()]
    assert len(pairs) == len(set(pairs))


def test_categories_are_documented_in_the_readme():
    readme = (PAIRS.parent / "README.md").read_text(encoding="utf-8")
    for category in {pair["category"] for pair in load_pairs()}:
        assert f"`{category}`" in readme, category
