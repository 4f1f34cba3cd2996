"""Cross-document coreference of entity and event mentions, and the document clustering it runs in.

Documents are first grouped by what they are about (TF-IDF cosine, average linkage), so that
mentions are compared only within a group: two shootings in two unrelated stories stay apart.
Within a group, entity mentions are clustered first: a pronoun joins its antecedent in its own
document, proper names join when the name matcher (`resolve.names.compare`) says they are one
actor, and other mentions join on their head lemma. Event mentions are then clustered by a
score of their head lemmas (the same lemma, or one derived from the other) and of the entity
clusters of their sentences (participants, place and time), with average linkage so that one
stray link cannot chain two events. Every weight and threshold is data
(newsgraph/data/mention_coref.json), tuned on the ECB+ training and development topics.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from newsgraph.ontology import read_json
from newsgraph.resolve.names import compare

EVENT, ENTITY = "event", "entity"
PRONOUN = "PRON"
PROPER = "PROPN"


@dataclass(frozen=True)
class CorefMention:
    """A mention as the clusterer sees it. `family` is its coarse type (mentions of two families
    never corefer); `head` the lemma of its head word and `pos` that word's part of speech; `name`
    the proper name it carries, compared as a name of `name_type` (person, organization, place)."""

    id: str
    doc: str
    sentence: int
    position: int
    kind: str
    family: str
    head: str
    pos: str
    name: str = ""
    name_type: str = ""
    plural: bool = False


@cache
def settings() -> dict:
    """The weights and thresholds of newsgraph/data/mention_coref.json."""
    return read_json("mention_coref.json")


# ---------------------------------------------------------------------------------------------
# Documents


_WORD = re.compile(r"[^\W\d_]{3,}")


def _tf_idf(texts: dict[str, str]) -> dict[str, dict[str, float]]:
    """Unit-length TF-IDF vectors of the documents' lower-cased words (three letters or more)."""
    counts = {doc: Counter(w.casefold() for w in _WORD.findall(text)) for doc, text in texts.items()}
    document_frequency = Counter(w for c in counts.values() for w in c)
    n = len(texts)
    vectors = {}
    for doc, c in counts.items():
        vector = {w: (1 + math.log(k)) * math.log(n / document_frequency[w]) for w, k in c.items()}
        norm = math.sqrt(sum(x * x for x in vector.values())) or 1.0
        vectors[doc] = {w: x / norm for w, x in vector.items() if x}
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def average_linkage(items: Sequence[str], similarity: Callable[[str, str], float], threshold: float) -> list[list[str]]:
    """Agglomerative clustering: repeatedly join the two clusters whose mean pairwise similarity is
    highest, while it reaches `threshold`. Pair similarities are computed once."""
    clusters: dict[int, list[str]] = {i: [item] for i, item in enumerate(items)}
    # Sum of pair similarities between clusters; a pair absent is 0.
    links: dict[int, dict[int, float]] = {i: {} for i in clusters}
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            s = similarity(items[i], items[j])
            if s:
                links[i][j] = links[j][i] = s
    while True:
        best, pair = threshold, None
        for i, neighbours in links.items():
            for j, total in neighbours.items():
                if i < j:
                    mean = total / (len(clusters[i]) * len(clusters[j]))
                    if mean >= best:
                        best, pair = mean, (i, j)
        if pair is None:
            return list(clusters.values())
        i, j = pair
        clusters[i].extend(clusters.pop(j))
        for k, total in links.pop(j).items():
            if k != i:
                links[i][k] = links[i].get(k, 0.0) + total
                links[k][i] = links[i][k]
                del links[k][j]
        links[i].pop(j, None)


def cluster_documents(texts: dict[str, str], threshold: float | None = None) -> dict[str, int]:
    """Document → cluster number, grouping documents about the same story by TF-IDF cosine."""
    vectors = _tf_idf(texts)
    if threshold is None:
        threshold = settings()["documents"]["threshold"]
    docs = sorted(texts)
    groups = average_linkage(docs, lambda a, b: _cosine(vectors[a], vectors[b]), threshold)
    return {doc: number for number, group in enumerate(groups) for doc in group}


# ---------------------------------------------------------------------------------------------
# Mentions


def lemma_baseline(mentions: Iterable[CorefMention], doc_clusters: dict[str, int]) -> dict[str, str]:
    """The usual baseline: mentions of one kind with the same head lemma in one document cluster corefer."""
    return {m.id: f"{doc_clusters[m.doc]}/{m.kind}/{m.head}" for m in mentions}


class _UnionFind:
    def __init__(self, items: Iterable[str]):
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(b)] = self.find(a)

    def groups(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for item in self.parent:
            grouped.setdefault(self.find(item), []).append(item)
        return grouped


def _antecedent(pronoun: CorefMention, earlier: Sequence[CorefMention]) -> CorefMention | None:
    """The nearest earlier non-pronoun mention of the pronoun's family and number, within reach."""
    reach = settings()["entities"]["pronoun_sentences"]
    for candidate in reversed(earlier):
        if pronoun.sentence - candidate.sentence > reach:
            return None
        if candidate.pos != PRONOUN and candidate.family == pronoun.family and candidate.plural == pronoun.plural:
            return candidate
    return None


def _names_match(a: CorefMention, b: CorefMention) -> bool:
    return compare(a.name, b.name, a.name_type).value >= settings()["entities"]["name_merge"]


def cluster_entities(mentions: Sequence[CorefMention], doc_clusters: dict[str, int]) -> dict[str, str]:
    """Entity mention → cluster label, within each document cluster."""
    found = _UnionFind(m.id for m in mentions)
    by_doc: dict[str, list[CorefMention]] = {}
    for m in sorted(mentions, key=lambda m: (m.doc, m.sentence, m.position)):
        by_doc.setdefault(m.doc, []).append(m)
    for doc_mentions in by_doc.values():
        for i, m in enumerate(doc_mentions):
            if m.pos == PRONOUN and (antecedent := _antecedent(m, doc_mentions[:i])):
                found.union(antecedent.id, m.id)
    groups: dict[tuple[int, str], list[CorefMention]] = {}
    for m in mentions:
        if m.pos != PRONOUN:
            groups.setdefault((doc_clusters[m.doc], m.family), []).append(m)
    for group in groups.values():
        named = [m for m in group if m.name]
        for i, a in enumerate(named):
            for b in named[i + 1:]:
                if found.find(a.id) != found.find(b.id) and _names_match(a, b):
                    found.union(a.id, b.id)
        by_head: dict[str, str] = {}
        for m in group:
            if m.name:
                continue
            if m.head in by_head:
                found.union(by_head[m.head], m.id)
            else:
                by_head[m.head] = m.id
    return {m: f"entity/{root}" for root, members in found.groups().items() for m in members}


def _stem(lemma: str) -> str:
    """A crude derivational stem, so that nominalisations meet their verbs (shooting/shoot, arrest/arrested)."""
    for suffix in settings()["events"]["derivation_suffixes"]:
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 3:
            return lemma[: -len(suffix)]
    return lemma


def cluster_events(mentions: Sequence[CorefMention], doc_clusters: dict[str, int],
                   entity_clusters: dict[str, str], arguments: dict[str, list[str]]) -> dict[str, str]:
    """Event mention → cluster label, within each document cluster, from head lemmas and the
    entity clusters of each mention's `arguments` (mention ids of the entities of its sentence)."""
    weights = settings()["events"]
    labels: dict[str, str] = {}
    by_id = {m.id: m for m in mentions}
    context = {m.id: {entity_clusters[a] for a in arguments.get(m.id, ())} for m in mentions}

    def similarity(a_id: str, b_id: str) -> float:
        a, b = by_id[a_id], by_id[b_id]
        if a.head == b.head:
            lexical = weights["same_lemma"]
        elif _stem(a.head) == _stem(b.head):
            lexical = weights["same_stem"]
        else:
            lexical = 0.0
        shared = context[a_id] & context[b_id]
        union = context[a_id] | context[b_id]
        overlap = len(shared) / len(union) if union else 0.0
        return lexical + weights["arguments"] * overlap if lexical else weights["arguments_only"] * overlap

    groups: dict[int, list[str]] = {}
    for m in mentions:
        groups.setdefault(doc_clusters[m.doc], []).append(m.id)
    for number, ids in groups.items():
        for k, cluster in enumerate(average_linkage(sorted(ids), similarity, weights["threshold"])):
            for mention_id in cluster:
                labels[mention_id] = f"event/{number}/{k}"
    return labels


def sentence_arguments(mentions: Iterable[CorefMention]) -> dict[str, list[str]]:
    """Event mention id → the ids of the entity mentions of its sentence (its participants, place and time)."""
    entities: dict[tuple[str, int], list[str]] = {}
    events: list[CorefMention] = []
    for m in mentions:
        if m.kind == ENTITY:
            entities.setdefault((m.doc, m.sentence), []).append(m.id)
        else:
            events.append(m)
    return {e.id: entities.get((e.doc, e.sentence), []) for e in events}


def cluster_mentions(mentions: Sequence[CorefMention], doc_clusters: dict[str, int]) -> dict[str, str]:
    """Mention → cluster label for entity and event mentions across the documents of each cluster."""
    entity_mentions = [m for m in mentions if m.kind == ENTITY]
    entity_labels = cluster_entities(entity_mentions, doc_clusters)
    event_mentions = [m for m in mentions if m.kind == EVENT]
    return {**entity_labels,
            **cluster_events(event_mentions, doc_clusters, entity_labels, sentence_arguments(mentions))}
