"""Score cross-document entity and event coreference on ECB+ from gold mentions (`newsgraph eval ecb`).

The gold mentions of the validated sentences are parsed with the project's spaCy model (their
own tokens, so every gold token is one spaCy token), turned into `CorefMention`s and clustered
by `resolve.mention_coref`, beside the same-head-lemma baseline in the same document clusters.
Documents are clustered by `cluster_documents` (predicted), or grouped by the gold subtopics
or topics of ECB+ for comparison with the literature.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.eval.coref_scores import CorefScores, clusters_from_labels, score
from newsgraph.eval.ecbplus import ENTITY, EVENT, TEST_TOPICS, EcbDocument, EcbMention, read_ecb_corpus
from newsgraph.resolve.mention_coref import (
    OBJECT,
    PRONOUN,
    PROPER,
    SUBJECT,
    CorefMention,
    cluster_documents,
    cluster_mentions,
    lemma_baseline,
)

SYSTEM, BASELINE = "newsgraph", "lemma baseline"
DOCUMENT_CLUSTERINGS = ("predicted", "subtopics", "topics")
_NAMED_FAMILIES = {"HUMAN_PART", "NON_HUMAN_PART", "LOC"}
_PRONOUN_TAGS = {"PRP", "PRP$", "WP", "WP$"}


def _name_type(tag: str) -> str:
    """The name matcher's type for a gold tag: people are compared as people, the rest as other names."""
    return "person" if tag == "HUMAN_PART_PER" else "place" if tag.startswith("LOC") else "organization"


def coref_mentions(documents: Sequence[EcbDocument]) -> list[CorefMention]:
    """The gold mentions of `documents` with their head word, its lemma and part of speech, and
    their proper name, from the spaCy parse of their validated sentences."""
    from spacy.tokens import Doc

    from newsgraph.pipeline.nlp import load_nlp

    nlp = load_nlp()
    sentences = [(d, n) for d in documents for n in sorted({m.sentence for m in d.mentions})]
    keys = [(d.name, n) for d, n in sentences]
    words = [[w or "_" for w in d.sentences[n]] for d, n in sentences]
    parsed = dict(zip(keys, nlp.pipe(Doc(nlp.vocab, words=w) for w in words)))
    # Headlines are title-cased or capitalised ("Sixers FIRE Coach"): words read as proper
    # nouns there. Event words take their lemma from a lower-cased parse of the sentence.
    lowered = dict(zip(keys, nlp.pipe(Doc(nlp.vocab, words=[x.lower() for x in w]) for w in words)))
    result = []
    for document in documents:
        for mention in document.mentions:
            key = (document.name, mention.sentence)
            result.append(_coref_mention(mention, parsed[key], lowered[key]))
    return result


def _participation(head) -> tuple[int, str]:
    """(governor index, role) of a mention's head word: the subject or object of a verb (a passive
    subject is its object, a 'by' agent its subject), or the object of 'of' after a noun
    ("the shooting of X"); other words get their syntactic head and no role."""
    if head.dep_ == "pobj":
        preposition = head.head
        if preposition.dep_ == "agent":
            return preposition.head.i, SUBJECT
        if preposition.lower_ == "of" and preposition.head.pos_ == "NOUN":
            return preposition.head.i, OBJECT
    role = {"nsubj": SUBJECT, "nsubjpass": OBJECT, "dobj": OBJECT}.get(head.dep_, "")
    return head.head.i, role


def _head(span):
    """The span's head word: its syntactic root, or for a prepositional phrase ("on Friday", "in
    Queens", which ECB+ marks as times and places) the root's object."""
    head = span.root
    while head.pos_ == "ADP":
        objects = [t for t in head.children if t.dep_ in ("pobj", "pcomp") and span.start <= t.i < span.end]
        if not objects:
            break
        head = objects[0]
    return head


def _coref_mention(mention: EcbMention, sentence, lowered) -> CorefMention:
    span = sentence[mention.tokens[0]: mention.tokens[-1] + 1]
    head = _head(span)
    pronoun = head.tag_ in _PRONOUN_TAGS or head.pos_ == PRONOUN
    proper = head.pos_ == PROPER and mention.family in _NAMED_FAMILIES
    name = " ".join(t.text for t in span if t.pos_ == PROPER) if proper else ""
    if mention.kind == EVENT:
        family, lemma = "ACTION", lowered[head.i].lemma_
    else:
        family, lemma = mention.family, head.text if proper else head.lemma_
    governor, role = _participation(head)
    return CorefMention(
        id=mention.id, doc=mention.doc, sentence=mention.sentence, position=mention.tokens[0],
        kind=mention.kind, family=family, head=lemma.casefold(),
        pos=PRONOUN if pronoun else head.pos_, name=name, name_type=_name_type(mention.tag) if name else "",
        plural="Plur" in head.morph.get("Number"), index=head.i, governor=governor, role=role)


def document_clusters(documents: Sequence[EcbDocument], how: str = "predicted") -> dict[str, int]:
    """Document → cluster: predicted from the texts, or the gold subtopics or topics."""
    if how not in DOCUMENT_CLUSTERINGS:
        raise ValueError(f"documents are grouped by one of {', '.join(DOCUMENT_CLUSTERINGS)}, not {how!r}")
    if how == "predicted":
        return cluster_documents({d.name: d.text for d in documents})
    key = (lambda d: d.subtopic) if how == "subtopics" else (lambda d: str(d.topic))
    numbers: dict[str, int] = {}
    return {d.name: numbers.setdefault(key(d), len(numbers)) for d in documents}


@dataclass(frozen=True)
class CorefError:
    """A gold cluster the system `split` over several clusters, or a system cluster that `merged`
    several gold clusters; `parts` lists the mentions of each piece."""

    kind: str
    mention_kind: str
    system: str
    cluster: str
    parts: tuple[tuple[str, ...], ...]

    def describe(self) -> str:
        pieces = " | ".join(", ".join(part) for part in self.parts)
        return f"{self.kind} {self.mention_kind} ({self.system}) {self.cluster}: {pieces}"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "mention_kind": self.mention_kind, "system": self.system,
                "cluster": self.cluster, "parts": [list(p) for p in self.parts]}


@dataclass
class EcbReport:
    """Scores per mention kind (events, entities) and system (newsgraph, the lemma baseline)."""

    topics: tuple[int, ...]
    documents: int
    document_clustering: str
    document_clusters: int
    mentions: dict[str, int] = field(default_factory=dict)
    scores: dict[tuple[str, str], CorefScores] = field(default_factory=dict)
    errors: list[CorefError] = field(default_factory=list)

    def error_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for error in self.errors:
            key = f"{error.mention_kind} {error.kind}"
            counts[key] = counts.get(key, 0) + 1
        return dict(sorted(counts.items()))

    def format_table(self) -> str:
        lines = [f"ECB+ topics {_ranges(self.topics)}: {self.documents} documents in {self.document_clusters} "
                 f"{self.document_clustering} document clusters; gold mentions: "
                 + ", ".join(f"{n} {kind}" for kind, n in self.mentions.items()), "",
                 f"{'MENTIONS':<9} {'SYSTEM':<15} {'MUC R/P/F1':>17} {'B3 R/P/F1':>17} {'CEAF-e R/P/F1':>17} "
                 f"{'CoNLL F1':>8}"]
        for (kind, system), s in self.scores.items():
            cells = [f"{100 * p.recall:5.1f} {100 * p.precision:5.1f} {100 * p.f1:5.1f}" for p in (s.muc, s.b_cubed, s.ceaf_e)]
            lines.append(f"{kind:<9} {system:<15} {cells[0]:>17} {cells[1]:>17} {cells[2]:>17} {100 * s.conll_f1:8.1f}")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"topics": list(self.topics), "documents": self.documents,
                "document_clustering": self.document_clustering, "document_clusters": self.document_clusters,
                "mentions": self.mentions,
                "scores": {kind: {system: s.to_dict() for (k, system), s in self.scores.items() if k == kind}
                           for kind in self.mentions},
                "errors": [e.to_dict() for e in self.errors]}


def _ranges(numbers: Iterable[int]) -> str:
    """36, 37, 38, 40 → "36–38, 40"."""
    out: list[list[int]] = []
    for n in sorted(numbers):
        if out and n == out[-1][1] + 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return ", ".join(f"{a}–{b}" if b > a else str(a) for a, b in out)


def _errors(mention_kind: str, system: str, gold: dict[str, str], predicted: dict[str, str],
            shown: Callable[[str], str]) -> list[CorefError]:
    """The split gold clusters and the merged system clusters, with each piece's mentions."""
    errors = []
    for kind, outer, inner in (("split", gold, predicted), ("merged", predicted, gold)):
        groups: dict[str, dict[str, list[str]]] = {}
        for mention, label in outer.items():
            groups.setdefault(label, {}).setdefault(inner[mention], []).append(shown(mention))
        for label, pieces in sorted(groups.items()):
            if len(pieces) > 1:
                parts = tuple(tuple(p) for p in sorted(pieces.values(), key=len, reverse=True))
                errors.append(CorefError(kind, mention_kind, system, label, parts))
    return errors


def evaluate_ecb(root: Path | str, topics: Iterable[int] = TEST_TOPICS, documents_by: str = "predicted",
                 documents: Sequence[EcbDocument] | None = None) -> EcbReport:
    """Cluster the gold mentions of `topics` under `root` and score events and entities, newsgraph
    beside the lemma baseline, with documents grouped `documents_by` (DOCUMENT_CLUSTERINGS)."""
    if documents is None:
        documents = read_ecb_corpus(root, topics)
    mentions = coref_mentions(documents)
    gold_of = {m.id: m.gold for d in documents for m in d.mentions}
    text_of = {m.id: f"{m.text} ({m.doc})" for d in documents for m in d.mentions}
    clusters = document_clusters(documents, documents_by)
    texts = {d.name: d.text for d in documents}
    predictions = {SYSTEM: cluster_mentions(mentions, texts, clusters), BASELINE: lemma_baseline(mentions, clusters)}
    report = EcbReport(tuple(sorted({d.topic for d in documents})), len(documents), documents_by,
                       len(set(clusters.values())))
    for kind in (EVENT, ENTITY):
        ids = [m.id for m in mentions if m.kind == kind]
        report.mentions[kind] = len(ids)
        gold = {i: gold_of[i] for i in ids}
        for system, labels in predictions.items():
            predicted = {i: labels[i] for i in ids}
            report.scores[(kind, system)] = score(clusters_from_labels(gold), clusters_from_labels(predicted))
            if system == SYSTEM:
                report.errors.extend(_errors(kind, system, gold, predicted, text_of.__getitem__))
    return report
