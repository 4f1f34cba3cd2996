"""Identity across documents for `Graph`: re-derive the clusters, explain a pair, record and
undo analysts' judgements, list the pairs worth an analyst's look (docs/resolution.md)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from newsgraph import views
from newsgraph.errors import InputError, NotFound
from newsgraph.model import Entity, Judgement, fold
from newsgraph.resolve import Resolver
from newsgraph.resolve.events import EVENT_RESOLVER, EventResolver
from newsgraph.resolve.name_resolver import effective, scored_pairs
from newsgraph.resolve.names import Score, compare, thresholds
from newsgraph.store import Store


@dataclass(frozen=True)
class Why:
    """Why two entities are, or are not, one: the matcher's score of their names, and the
    judgements recorded about them."""

    left: Entity
    right: Entity
    score: Score
    same_cluster: bool
    judgements: list[Judgement]


@dataclass(frozen=True)
class ReviewPair:
    """Two entities the matcher is unsure about (a score between the review and merge thresholds)."""

    left: Entity
    right: Entity
    score: Score


def reresolve(store: Store, resolver: Resolver) -> int:
    """Cluster every base entity again with the recorded judgements, then every event across
    documents (whose participants are those clusters); returns how many base entities changed.

    Each cluster is shown under its most mentioned member (the spelling most sources use), the
    resolver's own representative breaking ties."""
    clusters = resolver.clusters(list(store.iter_base_entities()), store.judgements())
    counts = store.base_mention_counts()
    members: dict[str, list[str]] = {}
    for base, cluster in clusters.items():
        members.setdefault(cluster, []).append(base)
    shown = {cluster: max(ids, key=lambda i: (counts.get(i, 0), i == cluster)) for cluster, ids in members.items()}
    changed = store.replace_clusters({base: shown[cluster] for base, cluster in clusters.items()}, resolver.name)
    reresolve_events(store)
    return changed


def reresolve_events(store: Store, resolver: EventResolver = EVENT_RESOLVER) -> int:
    """Cluster every per-document event again into events across documents, from the current
    entity clusters and places; returns how many events changed cluster."""
    clusters = resolver.clusters(views.event_reports(store), views.place_tree(store))
    return store.replace_event_clusters(clusters, resolver.name)


def why(store: Store, a: str, b: str) -> Why:
    """Compare the base entities called `a` and `b` (spellings of one resolved entity included)."""
    by_id = {e.id: e for e in store.iter_base_entities()}
    left, right = by_id[base_id(store, a)], by_id[base_id(store, b)]
    clusters = store.clusters()
    members = {base for base, cluster in clusters.items() if cluster in (clusters[left.id], clusters[right.id])}
    about = [j for j in store.judgements() if j.left in members or j.right in members]
    same = clusters[left.id] == clusters[right.id]
    return Why(left, right, compare(left.name, right.name, left.type), same, about)


def base_id(store: Store, name: str) -> str:
    """The base entity called `name` (its own name, folded), else the resolved entity's id."""
    key = fold(name)
    named = [e.id for e in store.iter_base_entities() if fold(e.name) == key]
    return named[0] if len(named) == 1 else views.find_entity(store, name).id


def judge(store: Store, resolver: Resolver, kind: str, a: str, b: str | None, author: str,
          reason: str = "") -> Judgement:
    """Record an analyst's `kind` judgement about the entities called `a` (and `b`) and
    re-derive the clusters."""
    left = base_id(store, a)
    right = base_id(store, b) if b is not None else None
    if left == right:
        raise InputError(f"{a!r} and {b!r} are one base entity")
    made_at = datetime.now(UTC).isoformat(timespec="seconds")
    judgement = Judgement(kind, left, right, author, made_at, reason)
    store.add_judgement(judgement)
    reresolve(store, resolver)
    return judgement


def undo(store: Store, resolver: Resolver, judgement_id: str) -> Judgement:
    """Delete the judgement whose id starts with `judgement_id` and re-derive the clusters."""
    found = [j for j in store.judgements() if j.id.startswith(judgement_id)]
    if len(found) != 1:
        raise NotFound(f"no single judgement with id {judgement_id!r} ({len(found)} match)")
    store.remove_judgement(found[0].id)
    reresolve(store, resolver)
    return found[0]


def review(store: Store, limit: int | None = None) -> list[ReviewPair]:
    """Pairs scored between the review and merge thresholds that no judgement decides and that
    are not in one cluster already, most informative first: the closest to the middle of the
    band, where the matcher is least sure."""
    t = thresholds()
    entities = list(store.iter_base_entities())
    clusters = store.clusters()
    merged, apart, _ = effective(store.judgements())
    decided = {frozenset(p) for p in merged + apart}
    middle = (t["merge"] + t["review"]) / 2
    pairs = [
        ReviewPair(p.left, p.right, p.score)
        for p in scored_pairs(entities, t["review"])
        if p.score.value < t["merge"] and clusters.get(p.left.id) != clusters.get(p.right.id)
        and frozenset((p.left.id, p.right.id)) not in decided
    ]
    pairs.sort(key=lambda p: (abs(p.score.value - middle), p.left.name, p.right.name))
    return pairs[:limit] if limit is not None else pairs
