"""The labelled name pairs in eval/names (the development pairs and the held-out pairs) are
well-formed and balanced."""

import json
from pathlib import Path

import pytest

PAIR_DIR = Path(__file__).resolve().parents[2] / "eval" / "names"
KEYS = {"a", "b", "type", "same", "category", "why"}

pytestmark = pytest.mark.parametrize("pair_file", ["pairs.jsonl", "heldout.jsonl", "heldout2.jsonl"])


def load_pairs(pair_file: str) -> list[dict]:
    text = (PAIR_DIR / pair_file).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_each_pair_has_the_documented_fields(pair_file):
    for pair in load_pairs(pair_file):
        assert set(pair) == KEYS, pair
        assert pair["type"] in {"person", "organization", "place"}, pair
        assert isinstance(pair["same"], bool), pair
        assert all(isinstance(pair[k], str) and pair[k].strip() for k in ("a", "b", "category", "why")), pair
        assert pair["a"] != pair["b"], pair


def test_at_least_120_pairs_about_half_negative(pair_file):
    pairs = load_pairs(pair_file)
    negatives = sum(not pair["same"] for pair in pairs)
    assert len(pairs) >= 120
    assert 0.4 <= negatives / len(pairs) <= 0.6


def test_both_types_have_positives_and_negatives(pair_file):
    pairs = load_pairs(pair_file)
    for kind in ("person", "organization"):
        labels = {pair["same"] for pair in pairs if pair["type"] == kind}
        assert labels == {True, False}, kind


def test_no_pair_is_listed_twice(pair_file):
    pairs = [frozenset((pair["a"], pair["b"])) for pair in load_pairs(pair_file)]
    assert len(pairs) == len(set(pairs))


def test_categories_are_documented_in_the_readme(pair_file):
    readme = (PAIR_DIR / "README.md").read_text(encoding="utf-8")
    for category in {pair["category"] for pair in load_pairs(pair_file)}:
        assert f"`{category}`" in readme, category


def test_no_pair_is_in_two_files(pair_file):
    others = [other for other in ("pairs.jsonl", "heldout.jsonl", "heldout2.jsonl") if other != pair_file]
    elsewhere = {frozenset((pair["a"], pair["b"])) for other in others for pair in load_pairs(other)}
    assert not [pair for pair in load_pairs(pair_file) if frozenset((pair["a"], pair["b"])) in elsewhere]
