"""Cross-document coreference of entity and event mentions, and the document clustering it runs in.

Documents are first grouped by story (TF-IDF cosine over their names and numbers, average
linkage), and mentions are compared only within a group: two shootings in two unrelated
stories stay apart. Within a group, entity mentions are clustered first: a pronoun joins its
antecedent in its own document, proper names join when the name matcher
(`resolve.names.compare`) says they are one actor, and other mentions join on their head word.
Event mentions are then clustered by average linkage (one stray link cannot chain two events)
on a score of their head lemmas (the same lemma, a derivation, one type of the event lexicon),
their participants' and settings' entity clusters and their documents' similarity. A joint
round then joins the entity clusters that fill one role of one event cluster and clusters the
events again. Every weight and threshold is data (newsgraph/data/mention_coref.json), tuned on
the ECB+ training and development topics (docs/resolution.md).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from newsgraph.ontology import read_json
from newsgraph.resolve.names import compare

EVENT, ENTITY = "event", "entity"
PRONOUN = "PRON"
PROPER = "PROPN"
SUBJECT, OBJECT = "subject", "object"
# Entity families that place and date an event rather than take part in it.
SETTING_FAMILIES = frozenset({"LOC", "TIME"})


@dataclass(frozen=True)
class CorefMention:
    """A mention as the clusterer sees it. `family` is its coarse type (mentions of two families
    never corefer); `head` the lemma of its head word and `pos` that word's part of speech; `name`
    the proper name it carries, compared as a name of `name_type` (person, organization, place).
    `index` is the head word's position in its sentence; an entity mention that is the `role`
    (SUBJECT or OBJECT) of the word at `governor` is that word's participant."""

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
    index: int = 0
    governor: int = -1
    role: str = ""


@cache
def settings() -> dict:
    """The weights and thresholds of newsgraph/data/mention_coref.json."""
    return read_json("mention_coref.json")


# ---------------------------------------------------------------------------------------------
# Documents


# Capitalised words and numbers: two stories of one kind (two earthquakes, two arrests) share
# their common words and differ in names, places and dates.
_TERM = re.compile(r"\b[A-Z][a-z][\w'-]+|\b\d{2,}\b")


def _tf_idf(texts: dict[str, str]) -> dict[str, dict[str, float]]:
    """Unit-length TF-IDF vectors of the documents' capitalised words and numbers."""
    counts = {doc: Counter(w.casefold() for w in _TERM.findall(text)) for doc, text in texts.items()}
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
        # Mentions of one head word join ("Vincent Jackson", "Jackson", "the Navy", "navy"), but
        # two full names the matcher keeps apart ("Mark Vinar", "Miles Vinar") head two groups.
        by_head: dict[str, list[tuple[str, list[CorefMention]]]] = {}
        for m in group:
            groups_of_head = by_head.setdefault(m.head, [])
            full_name = len(m.name.split()) > 1
            for root, full_names in groups_of_head:
                if not full_name or all(_names_match(m, other) for other in full_names):
                    found.union(root, m.id)
                    if full_name:
                        full_names.append(m)
                    break
            else:
                groups_of_head.append((m.id, [m] if full_name else []))
    return {m: f"entity/{root}" for root, members in found.groups().items() for m in members}


def _stem(lemma: str) -> str:
    """A crude derivational stem, so that nominalisations meet their verbs (shooting/shoot,
    nomination/nominate, firing/fire)."""
    for suffix in settings()["events"]["derivation_suffixes"]:
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 3:
            lemma = lemma[: -len(suffix)]
            break
    return lemma[:-1] if lemma.endswith("e") and len(lemma) > 3 else lemma


@cache
def _trigger_types() -> dict[str, frozenset[str]]:
    """Lemma → the event types (and subtypes) whose triggers it is in newsgraph's event lexicon
    (data/event_types.json): arrest/capture/detain, kill/murder/slay, say/announce/declare."""
    types: dict[str, set[str]] = {}

    def add(name: str, entry: dict) -> None:
        for lemma in _trigger_lemmas(entry):
            types.setdefault(lemma, set()).add(name)
        for subtype, sub_entry in entry.get("subtypes", {}).items():
            add(f"{name}/{subtype}", sub_entry)

    for name, entry in read_json("event_types.json")["types"].items():
        add(name, entry)
    return {lemma: frozenset(names) for lemma, names in types.items()}


@cache
def _weak_lemmas() -> frozenset[str]:
    """Words that name an event too generally to tie two reports together by themselves: the
    function words of English (spaCy's stop list: be, have, make, take, become, ...) and the
    reporting verbs of the event lexicon (say, announce, tell): every article has its own."""
    reporting = _trigger_lemmas(read_json("event_types.json")["types"][settings()["events"]["reporting_type"]])
    return frozenset(STOP_WORDS) | reporting


def _trigger_lemmas(entry: dict) -> frozenset[str]:
    return frozenset(item if isinstance(item, str) else item["lemma"]
                     for key in ("verbs", "nouns") for item in entry.get(key, ()))


def _lexical_similarity(a: CorefMention, b: CorefMention) -> float:
    weights = settings()["events"]
    if a.head == b.head:
        return weights["weak_lemma"] if a.head in _weak_lemmas() else weights["same_lemma"]
    if _stem(a.head) == _stem(b.head):
        return weights["same_stem"]
    if _trigger_types().get(a.head, frozenset()) & _trigger_types().get(b.head, frozenset()):
        return weights["same_type"]
    return 0.0


@dataclass(frozen=True)
class EventContext:
    """What an event mention's sentence says about it: the entity clusters of its subject and
    object (those with a proper name apart), and of the places and times of its sentence."""

    participants: dict[str, frozenset[str]]
    named: dict[str, frozenset[str]]
    setting: frozenset[str]


def event_contexts(mentions: Iterable[CorefMention], entity_clusters: dict[str, str]) -> dict[str, EventContext]:
    """Event mention id → its context, from the entity mentions of its sentence and their clusters."""
    entities: dict[tuple[str, int], list[CorefMention]] = {}
    events: list[CorefMention] = []
    for m in mentions:
        if m.kind == ENTITY:
            entities.setdefault((m.doc, m.sentence), []).append(m)
        else:
            events.append(m)
    contexts = {}
    for event in events:
        around = entities.get((event.doc, event.sentence), [])
        roles = {role: [x for x in around if x.governor == event.index and x.role == role] for role in (SUBJECT, OBJECT)}
        contexts[event.id] = EventContext(
            {role: frozenset(entity_clusters[x.id] for x in xs) for role, xs in roles.items()},
            {role: frozenset(entity_clusters[x.id] for x in xs if x.name) for role, xs in roles.items()},
            frozenset(entity_clusters[x.id] for x in around if x.family in SETTING_FAMILIES))
    return contexts


def _event_similarity(a: CorefMention, b: CorefMention, context_a: EventContext, context_b: EventContext,
                      documents: float) -> float:
    """Lexical similarity, raised by shared participants and setting and by how alike their
    documents are (`documents`, 1 within one document), lowered by participants of different names
    in one role; two words of one sentence with different lemmas never corefer."""
    lexical = _lexical_similarity(a, b)
    if not lexical or (a.head != b.head and (a.doc, a.sentence) == (b.doc, b.sentence)):
        return 0.0
    weights = settings()["events"]
    total = lexical + weights["documents"] * documents
    for role in (SUBJECT, OBJECT):
        if context_a.participants[role] & context_b.participants[role]:
            total += weights["participant"]
        elif context_a.named[role] and context_b.named[role]:
            total -= weights["participant_conflict"]
    if context_a.setting & context_b.setting:
        total += weights["setting"]
    return max(total, 0.0)


def cluster_events(mentions: Sequence[CorefMention], doc_clusters: dict[str, int],
                   contexts: dict[str, EventContext],
                   doc_similarity: Callable[[str, str], float]) -> dict[str, str]:
    """Event mention → cluster label, by average linkage within each document cluster."""
    by_id = {m.id: m for m in mentions}
    labels: dict[str, str] = {}
    groups: dict[int, list[str]] = {}
    for m in mentions:
        groups.setdefault(doc_clusters[m.doc], []).append(m.id)

    def similarity(a: str, b: str) -> float:
        x, y = by_id[a], by_id[b]
        return _event_similarity(x, y, contexts[a], contexts[b], doc_similarity(x.doc, y.doc))

    for number, ids in groups.items():
        for k, cluster in enumerate(average_linkage(sorted(ids), similarity, settings()["events"]["threshold"])):
            for mention_id in cluster:
                labels[mention_id] = f"event/{number}/{k}"
    return labels


def join_participants(mentions: Sequence[CorefMention], entity_clusters: dict[str, str],
                      event_clusters: dict[str, str]) -> dict[str, str]:
    """Entity clusters joined when they fill one role (subject or object) of one event cluster
    and are of one family, unless both carry proper names the matcher keeps apart: "the man"
    who shot in one report is "Eric Kirkpatrick" who shot in another."""
    event_at = {(m.doc, m.sentence, m.index): m.id for m in mentions if m.kind == EVENT}
    found = _UnionFind(set(entity_clusters.values()))
    fillers: dict[tuple[str, str, str], list[CorefMention]] = {}
    for m in mentions:
        event = event_at.get((m.doc, m.sentence, m.governor))
        if m.kind == ENTITY and event and m.role in (SUBJECT, OBJECT) and m.pos != PRONOUN:
            fillers.setdefault((event_clusters[event], m.role, m.family), []).append(m)
    for group in fillers.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.doc != b.doc and not (a.name and b.name and not _names_match(a, b)):
                    found.union(entity_clusters[a.id], entity_clusters[b.id])
    return {m: found.find(label) for m, label in entity_clusters.items()}


def cluster_mentions(mentions: Sequence[CorefMention], texts: dict[str, str],
                     doc_clusters: dict[str, int] | None = None) -> dict[str, str]:
    """Mention → cluster label for entity and event mentions across the documents (`texts`, by
    name) of each document cluster (`cluster_documents` of the texts unless given): entities,
    then events with the entity clusters as context, then entities joined through the roles of
    those events, then events again with the joined entities."""
    vectors = _tf_idf(texts)

    def doc_similarity(a: str, b: str) -> float:
        return 1.0 if a == b else _cosine(vectors[a], vectors[b])

    if doc_clusters is None:
        doc_clusters = cluster_documents(texts)
    entity_mentions = [m for m in mentions if m.kind == ENTITY]
    event_mentions = [m for m in mentions if m.kind == EVENT]
    entity_labels = cluster_entities(entity_mentions, doc_clusters)
    event_labels = cluster_events(event_mentions, doc_clusters, event_contexts(mentions, entity_labels), doc_similarity)
    for _ in range(settings()["joint_rounds"]):
        entity_labels = join_participants(mentions, entity_labels, event_labels)
        event_labels = cluster_events(event_mentions, doc_clusters, event_contexts(mentions, entity_labels),
                                      doc_similarity)
    return {**entity_labels, **event_labels}
