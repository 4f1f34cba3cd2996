"""`NameResolver`: base entities of one type whose names the matcher calls the same are one
actor, across documents, unless an analyst's judgement says otherwise.

The work is three stages, each a pure function over plain records so that it runs as well on
one core as mapped over a distributed engine (docs/resolution.md, "On a distributed engine"):
blocking (`record_keys` per name, `Blocking` groups them), candidate pairs and their scores
(`Blocking.pairs`, `compare` per pair: a stream, never a list of every pair), and connected
components of the pairs at or above the merge threshold under the analysts' judgements
(`connect`).
"""
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


def record_keys(name: str, type_: str) -> frozenset[str]:
    """The blocking keys of one name, qualified by its type (a person never meets an
    organisation): the map step of blocking."""
    return frozenset(f"{type_}/{key}" for key in blocking_keys(name, type_))


@dataclass(frozen=True)
class Blocking:
    """Records grouped by shared blocking key. `keys[i]` are the keys record `i` takes part
    under; a key shared by more than `max_block` records says too little (a very common given
    name and surname) and is left out, listed in `skipped` with its size: its records still
    meet under their other keys (the whole name, the other orders of its parts).

    A pair sharing several keys is produced once, in the block of the smallest key it shares,
    so no set of the pairs seen is kept: memory stays that of the keys, however many pairs."""

    keys: list[frozenset[str]]
    blocks: dict[str, list[int]]
    skipped: dict[str, int]

    @classmethod
    def of(cls, keys: Sequence[frozenset[str]], limit: int | None = None) -> Blocking:
        limit = int(rules()["max_block"]) if limit is None else limit
        members: dict[str, list[int]] = {}
        for index, record in enumerate(keys):
            for key in record:
                members.setdefault(key, []).append(index)
        skipped = {key: len(ids) for key, ids in members.items() if len(ids) > limit}
        usable = [record - skipped.keys() for record in keys] if skipped else list(keys)
        return cls(usable, {k: ids for k, ids in members.items() if k not in skipped}, skipped)

    def pairs(self) -> Iterator[tuple[int, int]]:
        """Index pairs of records sharing a key, each pair once."""
        for key, members in self.blocks.items():
            for i, j in combinations(members, 2):
                if min(self.keys[i] & self.keys[j]) == key:
                    yield i, j

    def probe(self, keys: frozenset[str]) -> Iterator[int]:
        """The records sharing a key with a record of another set (whose `keys`), each once:
        the linkage of a list against the blocked records."""
        usable = keys - self.skipped.keys()
        for key in usable:
            for i in self.blocks.get(key, ()):
                if min(self.keys[i] & usable) == key:
                    yield i

    @property
    def largest(self) -> int:
        """Size of the largest block compared."""
        return max(map(len, self.blocks.values()), default=0)


def block_entities(entities: Sequence[Entity]) -> Blocking:
    """The blocking of base entities by their names."""
    return Blocking.of([record_keys(e.name, e.type) for e in entities])


def candidate_pairs(entities: Sequence[Entity]) -> Iterator[tuple[int, int]]:
    """Index pairs of entities of one type sharing a blocking key, each pair once."""
    return block_entities(entities).pairs()


def scored_pairs(entities: Sequence[Entity], at_least: float, pairs: Iterable[tuple[int, int]] | None = None
                 ) -> Iterator[ScoredPair]:
    """Candidate pairs (by default those of the blocking) whose score reaches `at_least`."""
    for i, j in candidate_pairs(entities) if pairs is None else pairs:
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
    National" and "Karaka National" joins neither (two organisations known by one acronym).
    Only an acronym's best readings count: one that spells a name in its own words and another
    only in translation is the first name's. Two spellings of one name that match each other
    ("Tehreek-e-Mehwar", "Tehrik-e-Mehwar") are one name for this."""
    pairs = list(pairs)
    spellings = {frozenset((p.left.id, p.right.id)) for p in pairs if ACRONYM not in p.score.parts}
    readings: dict[str, list[ScoredPair]] = {}
    for p in pairs:
        if ACRONYM in p.score.parts:
            short = p.left if len(p.left.name) < len(p.right.name) else p.right
            readings.setdefault(short.id, []).append(p)
    dropped: set[int] = set()
    for short_id, candidates in readings.items():
        best = max(p.score.value for p in candidates)
        top = [p for p in candidates if p.score.value == best]
        names = sorted({p.right.id if p.left.id == short_id else p.left.id for p in top})
        tied = any(frozenset(two) not in spellings for two in combinations(names, 2))
        dropped.update(id(p) for p in candidates if p.score.value < best or tied)
    return [p for p in pairs if id(p) not in dropped]


def connect(entities: Sequence[Entity], pairs: Iterable[ScoredPair], judgements: Sequence[Judgement] = ()
            ) -> dict[str, str]:
    """Base id → cluster id: connected components of the analysts' merges and of `pairs` (at or
    above the merge threshold, an acronym only when it spells one name), best first, where a
    not-same judgement refuses a union and a split entity takes part in no automatic one. A
    cluster is represented by its fullest name (most name parts, then the smallest id)."""
    merged, apart, split = effective(judgements)
    clusters = _Clusters((e.id for e in entities), apart)
    for a, b in merged:
        if a in clusters.parent and b in clusters.parent:
            clusters.union(a, b)
    for pair in sorted(unambiguous(pairs), key=lambda p: -p.score.value):
        if pair.left.id not in split and pair.right.id not in split:
            clusters.union(pair.left.id, pair.right.id)
    by_id = {e.id: e for e in entities}
    resolved: dict[str, str] = {}
    for members in clusters.groups().values():
        representative = min(members, key=lambda i: (-len(parse(by_id[i].name, by_id[i].type).units), i))
        resolved.update((m, representative) for m in members)
    return resolved


class NameResolver:
    """Clusters base entities by name evidence: blocking, the matcher's score at or above the
    merge threshold, union-find under the analysts' judgements (`connect`)."""

    name = "names"

    def clusters(self, entities: Iterable[Entity], judgements: Sequence[Judgement] = ()) -> dict[str, str]:
        entities = list(entities)
        return connect(entities, scored_pairs(entities, thresholds()["merge"]), judgements)
