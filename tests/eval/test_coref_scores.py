"""The coreference scorers on small cases worked out by hand, among them the textbook ones."""
from __future__ import annotations

from itertools import permutations

import pytest

from newsgraph.eval.coref_scores import b_cubed, best_assignment, ceaf_e, clusters_from_labels, muc, score


def clusters(*groups: str) -> list[frozenset]:
    return [frozenset(g) for g in groups]


def test_vilain_muc_example_a_split_chain_keeps_two_of_three_links():
    result = muc(clusters("ABCD"), clusters("AB", "CD"))
    assert result.recall == pytest.approx(2 / 3)
    assert result.precision == pytest.approx(1.0)


# Bagga & Baldwin (1998): key {1-5} {6,7} {8,9,A,B,C}; two responses MUC cannot tell apart.
KEY = clusters("12345", "67", "89ABC")
MERGE_SMALL = clusters("12345", "6789ABC")
MERGE_LARGE = clusters("1234589ABC", "67")


def test_muc_scores_both_bagga_baldwin_responses_the_same():
    for response in (MERGE_SMALL, MERGE_LARGE):
        result = muc(KEY, response)
        assert (result.recall, result.precision) == pytest.approx((1.0, 0.9))


def test_b_cubed_tells_the_bagga_baldwin_responses_apart():
    assert b_cubed(KEY, MERGE_SMALL).precision == pytest.approx(16 / 21)
    assert b_cubed(KEY, MERGE_LARGE).precision == pytest.approx(7 / 12)
    assert b_cubed(KEY, MERGE_SMALL).recall == b_cubed(KEY, MERGE_LARGE).recall == 1.0


def test_ceaf_e_aligns_each_key_cluster_with_at_most_one_response_cluster():
    # φ4: {1-5}~{1-5} = 1, {8-C}~{6-C} = 10/12; {6,7} is left without a partner.
    result = ceaf_e(KEY, MERGE_SMALL)
    assert result.recall == pytest.approx((1 + 10 / 12) / 3)
    assert result.precision == pytest.approx((1 + 10 / 12) / 2)


def test_a_small_case_by_hand_on_all_three_and_conll():
    key, response = clusters("abc", "de"), clusters("ab", "cde")
    result = score(key, response)
    assert (result.muc.recall, result.muc.precision) == pytest.approx((2 / 3, 2 / 3))
    assert (result.b_cubed.recall, result.b_cubed.precision) == pytest.approx((11 / 15, 11 / 15))
    assert (result.ceaf_e.recall, result.ceaf_e.precision) == pytest.approx((0.8, 0.8))
    assert result.conll_f1 == pytest.approx((2 / 3 + 11 / 15 + 0.8) / 3)


def test_perfect_response_scores_one_and_all_singletons_scores_no_muc():
    key = clusters("abc", "d", "ef")
    assert score(key, key).conll_f1 == pytest.approx(1.0)
    singletons = score(key, clusters(*"abcdef"))
    assert singletons.muc.recall == 0.0
    assert singletons.b_cubed.precision == 1.0
    assert singletons.b_cubed.recall == pytest.approx((3 * (1 / 3) + 1 + 2 * (1 / 2)) / 6)


def test_a_mention_missing_from_the_response_is_a_singleton_there():
    assert score(clusters("ab", "c"), clusters("ab")) == score(clusters("ab", "c"), clusters("ab", "c"))


def test_best_assignment_finds_the_optimum_where_greedy_choice_does_not():
    weights = [[0.9, 0.8], [0.8, 0.0]]
    assert sorted(best_assignment(weights)) == [(0, 1), (1, 0)]


@pytest.mark.parametrize("weights", [
    [[3, 1, 4], [1, 5, 9], [2, 6, 5]],
    [[0.2, 0.7], [0.9, 0.1], [0.5, 0.5]],
    [[0.2, 0.7, 0.0, 0.4], [0.9, 0.1, 0.3, 0.8]],
])
def test_best_assignment_equals_brute_force_on_square_and_rectangular_matrices(weights):
    rows, cols = len(weights), len(weights[0])
    if rows <= cols:
        best = max(sum(weights[r][c] for r, c in zip(range(rows), p)) for p in permutations(range(cols), rows))
    else:
        best = max(sum(weights[r][c] for r, c in zip(p, range(cols))) for p in permutations(range(rows), cols))
    pairs = best_assignment(weights)
    assert len({r for r, _ in pairs}) == len({c for _, c in pairs}) == min(rows, cols)
    assert sum(weights[r][c] for r, c in pairs) == pytest.approx(best)


def test_clusters_from_labels_groups_mentions_by_label():
    assert sorted(map(sorted, clusters_from_labels({"a": 1, "b": 2, "c": 1}))) == [["a", "c"], ["b"]]
