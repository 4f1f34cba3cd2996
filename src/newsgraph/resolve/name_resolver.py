"""`NameResolver`: base entities of one type whose names the matcher calls the same are one
actor, across documents, unless an analyst's judgement says otherwise."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

from newsgraph.model import Entity, Judgement
from newsgraph.resolve.names import ACRONYM, Score, blocking_keys, compare, parse, rules, thresholds


@dataclass(frozen=True)
class ScoredPair:
    """Two base entities the blocking put side by side, and the matcher's score."""

    left: Entity
    right: Entity
    score: Score


def candidate_pairs(entities: Sequence[Entity]) -> Iterator[tuple[int, int]]:
    """Index pairs of entities of one type sharing a blocking key, each pair once. A key shared
    by more than `max_block` names (a very common given name) says too little and is skipped:
    such names still meet under their other parts' keys."""
    blocks: dict[tuple[str, str], list[int]] = {}
    for index, entity in enumerate(entities):
        for key in blocking_keys(entity.name, entity.type):
            blocks.setdefault((entity.type, key), []).append(index)
    limit = int(rules()["max_block"])
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > limit:
            continue
        for pair in combinations(members, 2):
            if pair not in seen:
                seen.add(pair)
                yield pair


def scored_pairs(entities: Sequence[Entity], at_least: float) -> Iterator[ScoredPair]:
    """Candidate pairs whose score reaches `at_least`."""
    for i, j in candidate_pairs(entities):
        score = compare(entities[i].name, entities[j].name, entities[i].type)
        if score.value >= at_least:
            yield ScoredPair(entities[i], entities[j], score)


class _Clusters:
    """Union-find over base ids that refuses a union joining two ids judged not the same."""

    def __init__(self, ids: Iterable[str], apart: Iterable[tuple[str, str]]):
        self.parent = {i: i for i in ids}
        self.apart: dict[str, set[str]] = {i: set() for i in self.parent}
        for a, b in apart:
            if a in self.parent and b in self.parent:
                self.apart[a].add(b)
                self.apart[b].add(a)

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if any(self.find(x) == rb for x in self.apart[ra]):
            return False
        if len(self.apart[ra]) < len(self.apart[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.apart[ra] |= self.apart.pop(rb)
        return True

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return out


def effective(judgements: Iterable[Judgement]) -> tuple[list[tuple[str, str]], list[tuple[str, str]], set[str]]:
    """(merged pairs, pairs kept apart, ids split off) once later judgements override earlier
    ones about the same pair or entity."""
    merged: dict[frozenset, tuple[str, str]] = {}
    apart: dict[frozenset, tuple[str, str]] = {}
    split: set[str] = set()
    for j in judgements:
        if j.kind == "split":
            split.add(j.left)
            for key in [k for k in merged if j.left in k]:
                del merged[key]
            continue
        key, pair = frozenset((j.left, j.right)), (j.left, j.right)
        (merged if j.kind == "merge" else apart)[key] = pair
        (apart if j.kind == "merge" else merged).pop(key, None)
    return list(merged.values()), list(apart.values()), split


def unambiguous(pairs: Iterable[ScoredPair]) -> list[ScoredPair]:
    """The pairs without an acronym that spells more than one name: "KN" read as both "Karofi
    National" and "Karaka National" joins neither (two organisations known by one acronym). Two
    spellings of one name that match each other ("Tehreek-e-Mehwar", "Tehrik-e-Mehwar") are one
    name for this."""
    pairs = list(pairs)
    expansions: dict[str, set[str]] = {}
    for p in pairs:
        if ACRONYM in p.score.parts:
            short, long = (p.left, p.right) if len(p.left.name) < len(p.right.name) else (p.right, p.left)
            expansions.setdefault(short.id, set()).add(long.id)
    spellings = {frozenset((p.left.id, p.right.id)) for p in pairs if ACRONYM not in p.score.parts}
    ambiguous = {short for short, longs in expansions.items()
                 if any(frozenset(two) not in spellings for two in combinations(sorted(longs), 2))}
    return [p for p in pairs if not (ACRONYM in p.score.parts and {p.left.id, p.right.id} & ambiguous)]


class NameResolver:
    """Clusters base entities by name evidence: blocking, the matcher's score at or above the
    merge threshold (an acronym only when it spells one name), union-find; analysts' merges force a union, not-same keeps two apart,
    split takes an entity out of the automatic unions. A cluster is represented by its
    fullest name (most name parts, then the smallest id)."""

    name = "names"

    def clusters(self, entities: Iterable[Entity], judgements: Sequence[Judgement] = ()) -> dict[str, str]:
        entities = list(entities)
        merged, apart, split = effective(judgements)
        clusters = _Clusters((e.id for e in entities), apart)
        for a, b in merged:
            if a in clusters.parent and b in clusters.parent:
                clusters.union(a, b)
        pairs = sorted(unambiguous(scored_pairs(entities, thresholds()["merge"])), key=lambda p: -p.score.value)
        for pair in pairs:
            if pair.left.id not in split and pair.right.id not in split:
                clusters.union(pair.left.id, pair.right.id)
        by_id = {e.id: e for e in entities}
        resolved: dict[str, str] = {}
        for members in clusters.groups().values():
            representative = min(members, key=lambda i: (-len(parse(by_id[i].name, by_id[i].type).units), i))
            resolved.update((m, representative) for m in members)
        return resolved
