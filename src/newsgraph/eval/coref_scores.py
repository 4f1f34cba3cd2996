"""Coreference scores over clusters of mention ids: MUC, B³, CEAF-e and their mean, CoNLL F1.

Both sides cluster the same mentions (gold mentions); a mention missing from one side counts
there as a singleton. The definitions are the published ones: MUC counts the links a side needs
to join each of the other side's clusters (Vilain et al. 1995), B³ averages per-mention overlap
(Bagga & Baldwin 1998), CEAF-e aligns clusters one to one by φ4 = 2|K∩R| / (|K|+|R|) so the total
similarity is largest (Luo 2005), and CoNLL F1 is the mean of the three F1 (Pradhan et al. 2014).
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from newsgraph.eval.spans import f1

Cluster = frozenset
Clustering = Sequence[frozenset]


@dataclass(frozen=True)
class PRF:
    recall: float
    precision: float

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def to_dict(self) -> dict[str, float]:
        return {"recall": self.recall, "precision": self.precision, "f1": self.f1}


@dataclass(frozen=True)
class CorefScores:
    muc: PRF
    b_cubed: PRF
    ceaf_e: PRF

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3

    def to_dict(self) -> dict:
        return {"muc": self.muc.to_dict(), "b_cubed": self.b_cubed.to_dict(), "ceaf_e": self.ceaf_e.to_dict(),
                "conll_f1": self.conll_f1}


def _complete(key: Clustering, response: Clustering) -> tuple[list[frozenset], list[frozenset]]:
    """Both clusterings over the union of their mentions: what one side lacks is a singleton there."""
    key_ids = set().union(*key) if key else set()
    response_ids = set().union(*response) if response else set()
    key = [c for c in key if c] + [frozenset([m]) for m in response_ids - key_ids]
    response = [c for c in response if c] + [frozenset([m]) for m in key_ids - response_ids]
    return key, response


def _owner(clusters: Iterable[frozenset]) -> dict[Hashable, int]:
    return {m: i for i, cluster in enumerate(clusters) for m in cluster}


def _muc_recall(key: list[frozenset], response: list[frozenset]) -> float:
    """Links of `key` kept: for each key cluster, its size less the number of response parts it falls into."""
    owner = _owner(response)
    kept = sum(len(c) - len({owner[m] for m in c}) for c in key)
    needed = sum(len(c) - 1 for c in key)
    return kept / needed if needed else 0.0


def muc(key: Clustering, response: Clustering) -> PRF:
    key, response = _complete(key, response)
    return PRF(_muc_recall(key, response), _muc_recall(response, key))


def _b_cubed_recall(key: list[frozenset], response: list[frozenset]) -> float:
    owner = _owner(response)
    total = 0.0
    mentions = 0
    for cluster in key:
        for m in cluster:
            total += len(cluster & response[owner[m]]) / len(cluster)
            mentions += 1
    return total / mentions if mentions else 0.0


def b_cubed(key: Clustering, response: Clustering) -> PRF:
    key, response = _complete(key, response)
    return PRF(_b_cubed_recall(key, response), _b_cubed_recall(response, key))


def phi4(key_cluster: frozenset, response_cluster: frozenset) -> float:
    """CEAF's entity similarity: twice the shared mentions over the two sizes."""
    return 2 * len(key_cluster & response_cluster) / (len(key_cluster) + len(response_cluster))


def best_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The (row, column) pairs, each row and column used at most once, whose weights add up to the
    most: the Hungarian method (Kuhn–Munkres with potentials, O(n³)) on the rectangular matrix."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return []
    transposed = rows > cols
    if transposed:
        weights = [list(column) for column in zip(*weights)]
        rows, cols = cols, rows
    # Minimise cost = -weight; rows <= cols. 1-based arrays with 0 as the virtual start column.
    infinity = float("inf")
    u = [0.0] * (rows + 1)
    v = [0.0] * (cols + 1)
    row_of_col = [0] * (cols + 1)
    way = [0] * (cols + 1)
    for row in range(1, rows + 1):
        row_of_col[0] = row
        col0 = 0
        min_slack = [infinity] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[col0] = True
            row0 = row_of_col[col0]
            delta = infinity
            col1 = 0
            for col in range(1, cols + 1):
                if used[col]:
                    continue
                slack = -weights[row0 - 1][col - 1] - u[row0] - v[col]
                if slack < min_slack[col]:
                    min_slack[col] = slack
                    way[col] = col0
                if min_slack[col] < delta:
                    delta = min_slack[col]
                    col1 = col
            for col in range(cols + 1):
                if used[col]:
                    u[row_of_col[col]] += delta
                    v[col] -= delta
                else:
                    min_slack[col] -= delta
            col0 = col1
            if row_of_col[col0] == 0:
                break
        while col0:
            col1 = way[col0]
            row_of_col[col0] = row_of_col[col1]
            col0 = col1
    pairs = [(row_of_col[col] - 1, col - 1) for col in range(1, cols + 1) if row_of_col[col]]
    return [(c, r) for r, c in pairs] if transposed else pairs


def _components(key: list[frozenset], response: list[frozenset]) -> list[tuple[list[int], list[int]]]:
    """Groups of key and response clusters linked by shared mentions: the alignment can be solved
    group by group, which keeps each matrix small however large the corpus."""
    parent = list(range(len(key) + len(response)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner = _owner(response)
    for k, cluster in enumerate(key):
        for m in cluster:
            parent[find(len(key) + owner[m])] = find(k)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for k in range(len(key)):
        groups.setdefault(find(k), ([], []))[0].append(k)
    for r in range(len(response)):
        groups.setdefault(find(len(key) + r), ([], []))[1].append(r)
    return list(groups.values())


def ceaf_e(key: Clustering, response: Clustering) -> PRF:
    key, response = _complete(key, response)
    if not key:
        return PRF(0.0, 0.0)
    similarity = 0.0
    for key_ids, response_ids in _components(key, response):
        matrix = [[phi4(key[k], response[r]) for r in response_ids] for k in key_ids]
        similarity += sum(matrix[i][j] for i, j in best_assignment(matrix))
    return PRF(similarity / len(key), similarity / len(response))


def score(key: Clustering, response: Clustering) -> CorefScores:
    """MUC, B³ and CEAF-e of `response` against `key`, both lists of clusters of mention ids."""
    return CorefScores(muc(key, response), b_cubed(key, response), ceaf_e(key, response))


def clusters_from_labels(labels: dict[Hashable, Hashable]) -> list[frozenset]:
    """Clusters from a mention → cluster-label map."""
    grouped: dict[Hashable, set] = {}
    for mention, label in labels.items():
        grouped.setdefault(label, set()).add(mention)
    return [frozenset(c) for c in grouped.values()]
