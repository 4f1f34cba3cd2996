"""Score newsgraph's entity mentions and in-document coreference against MEANTIME gold.

Mentions (named mention detection and typing):
- gold: ENTITY_MENTIONs that are names (syntactic_type NAM) referring to a PER, ORG or LOC
  instance, mapped to person, organization, place. MEANTIME nests names: "Irish national
  airline Aer Lingus" around "Aer Lingus", both of Aer Lingus. A flat tagger can give only
  one, so a name that contains another name of the same instance is not scored;
- predicted: newsgraph mentions of kind name, acronym or alias typed person, organization or
  place;
- only the annotated sentences count (MEANTIME annotates the first few of each article, see
  `MeantimeDocument.annotated_end`): the pipeline reads the whole text, predictions after
  them are dropped;
- a prediction overlapping only gold mentions that are not scored but may be right (empty
  syntactic_type; no REFERS_TO instance; PRE.NAM, a premodifying name or adjective such as
  "US" in "US economy" or "Irish", which newsgraph does not aim to tag; the outer names of
  a nest) is set aside: neither credited nor spurious;
- matching is one-to-one, identical extents first, then the largest overlap (the TempEval
  rule, `newsgraph.eval.spans.match_spans`). *Strict* counts identical extents, *relaxed* any overlap, which
  forgives gold extents with "the" or a possessive. *Typed* scores count a match only when the
  types agree; per type, P = correct / predicted of that type, R = correct / gold of that type.
  Every count is summed over the documents before dividing (micro average).

Coreference: gold mentions are the scored names plus pronouns (syntactic_type PRO) of PER,
ORG and LOC instances, predicted ones the named mentions plus newsgraph's pronoun mentions;
both sides are matched relaxed, one-to-one. Over the matched mentions only, *pairwise link*
P/R/F1 compares the pairs of mentions put in one entity, and B³ averages per mention the
overlap of its gold and predicted clusters. Mentions missed by detection do not count against
coreference here; `gold_links_all` says how many gold links there are in all.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path

from newsgraph.eval.meantime import MeantimeDocument, MeantimeMention, gold_and_documents
from newsgraph.eval.spans import align_table, f1, match_spans, percent, ratio
from newsgraph.model import Document, Mention

GOLD_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}
SCORED_TYPES = tuple(GOLD_TYPES.values())
NAMED_SYNTACTIC_TYPES = frozenset({"NAM"})
PREMODIFIER_NAME = "PRE.NAM"
PRONOUN_SYNTACTIC_TYPES = frozenset({"PRO"})
NAMED_KINDS = frozenset({"name", "acronym", "alias"})
PRONOUN_KINDS = frozenset({"pronoun"})
ERROR_KINDS = ("missed", "spurious", "wrong-type", "wrong-extent")
SPACY_BASELINE_STAGES = ("sentences", "spacy-mentions", "same-name")


@dataclass
class SpanCounts:
    """Gold, predicted and matched mention counts; they add up across documents and types."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0  # matched with identical extents
    relaxed: int = 0  # matched with overlapping extents (includes strict ones)

    def __add__(self, other: SpanCounts) -> SpanCounts:
        return SpanCounts(*(a + b for a, b in zip(asdict(self).values(), asdict(other).values())))

    def scores(self) -> dict[str, float]:
        strict_p, strict_r = ratio(self.strict, self.predicted), ratio(self.strict, self.gold)
        relaxed_p, relaxed_r = ratio(self.relaxed, self.predicted), ratio(self.relaxed, self.gold)
        return {"strict_precision": strict_p, "strict_recall": strict_r, "strict_f1": f1(strict_p, strict_r),
                "relaxed_precision": relaxed_p, "relaxed_recall": relaxed_r,
                "relaxed_f1": f1(relaxed_p, relaxed_r)}


@dataclass
class CorefCounts:
    """Pairwise links and B³ sums over the relaxed-matched mentions of each document."""

    matched: int = 0  # mentions matched on both sides
    gold_links_all: int = 0  # gold links among all gold coreference mentions, matched or not
    gold_links: int = 0  # among matched mentions
    predicted_links: int = 0
    common_links: int = 0
    b3_precision_sum: float = 0.0
    b3_recall_sum: float = 0.0

    def __add__(self, other: CorefCounts) -> CorefCounts:
        return CorefCounts(*(a + b for a, b in zip(asdict(self).values(), asdict(other).values())))

    def scores(self) -> dict[str, float]:
        link_p = ratio(self.common_links, self.predicted_links)
        link_r = ratio(self.common_links, self.gold_links)
        b3_p, b3_r = ratio(self.b3_precision_sum, self.matched), ratio(self.b3_recall_sum, self.matched)
        return {"link_precision": link_p, "link_recall": link_r, "link_f1": f1(link_p, link_r),
                "b3_precision": b3_p, "b3_recall": b3_r, "b3_f1": f1(b3_p, b3_r)}


@dataclass
class DocumentScore:
    source: str
    doc_id: str
    untyped: SpanCounts
    by_type: dict[str, SpanCounts]
    coref: CorefCounts

    @property
    def typed(self) -> SpanCounts:
        return sum(self.by_type.values(), SpanCounts())


@dataclass
class EntityError:
    """A gold name missed, a prediction with no gold, or a matched pair whose type or extent differs.

    A spurious prediction that overlaps a gold name of a type not scored here (a product, say)
    carries that gold mention, so the listing shows why it is wrong."""

    kind: str  # one of ERROR_KINDS
    doc: str
    gold: MeantimeMention | None
    predicted: Mention | None

    def describe(self) -> str:
        gold = (f"gold {self.gold.text!r} {self.gold.ent_type}/{self.gold.syntactic_type}"
                if self.gold else "")
        pred = f"predicted {self.predicted.text!r} {self.predicted.type}/{self.predicted.kind}" if self.predicted else ""
        where = (self.predicted or self.gold).start if self.kind == "spurious" else (self.gold or self.predicted).start
        return f"{self.doc}:{where}: {self.kind}: " + " vs ".join(p for p in (gold, pred) if p)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "doc": self.doc,
            "gold": None if self.gold is None else {
                "m_id": self.gold.m_id, "start": self.gold.start, "end": self.gold.end, "text": self.gold.text,
                "ent_type": self.gold.ent_type, "syntactic_type": self.gold.syntactic_type},
            "predicted": None if self.predicted is None else {
                "start": self.predicted.start, "end": self.predicted.end, "text": self.predicted.text,
                "type": self.predicted.type, "kind": self.predicted.kind},
        }


@dataclass
class EntityReport:
    files: list[DocumentScore] = field(default_factory=list)
    errors: list[EntityError] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # documents a stage failed on, as error lines

    @property
    def untyped(self) -> SpanCounts:
        return sum((f.untyped for f in self.files), SpanCounts())

    @property
    def typed(self) -> SpanCounts:
        return sum((f.typed for f in self.files), SpanCounts())

    def by_type(self) -> dict[str, SpanCounts]:
        return {t: sum((f.by_type[t] for f in self.files), SpanCounts()) for t in SCORED_TYPES}

    @property
    def coref(self) -> CorefCounts:
        return sum((f.coref for f in self.files), CorefCounts())

    def error_counts(self) -> dict[str, int]:
        return {kind: sum(e.kind == kind for e in self.errors) for kind in ERROR_KINDS}

    def format_table(self) -> str:
        header = ("file", "gold", "pred", "strict P", "R", "F1", "relaxed P", "R", "F1",
                  "typed relaxed F1", "coref link F1", "B3 F1")
        rows = [_row(Path(f.source).name, f.untyped, f.typed, f.coref) for f in self.files]
        overall = _row(f"OVERALL ({len(self.files)} files)", self.untyped, self.typed, self.coref)
        per_type = [("", "gold", "pred", "strict P", "R", "F1", "relaxed P", "R", "F1")]
        per_type += [_row(label, counts) for label, counts in
                     [("untyped", self.untyped), ("typed", self.typed), *self.by_type().items()]]
        return "\n".join([
            align_table([header, *rows, overall], rule_before_last=True),
            "",
            "named mentions, overall:",
            align_table(per_type),
            "",
            self._coref_summary(),
        ])

    def _coref_summary(self) -> str:
        coref = self.coref
        s = {name: percent(value) for name, value in coref.scores().items()}
        return (f"coreference over {coref.matched} matched mentions: "
                f"link P {s['link_precision']} R {s['link_recall']} F1 {s['link_f1']} "
                f"({coref.common_links} of {coref.predicted_links} predicted links correct, "
                f"{coref.gold_links} gold links among matched mentions, {coref.gold_links_all} in all); "
                f"B3 P {s['b3_precision']} R {s['b3_recall']} F1 {s['b3_f1']}")

    def to_dict(self) -> dict:
        def entry(counts: SpanCounts | CorefCounts) -> dict:
            return {"counts": asdict(counts), "scores": counts.scores()}

        return {
            "overall": {"untyped": entry(self.untyped), "typed": entry(self.typed),
                        "by_type": {t: entry(c) for t, c in self.by_type().items()},
                        "coref": entry(self.coref)},
            "files": [{"source": f.source, "doc_id": f.doc_id, "untyped": entry(f.untyped),
                       "typed": entry(f.typed), "by_type": {t: entry(c) for t, c in f.by_type.items()},
                       "coref": entry(f.coref)} for f in self.files],
            "failed": self.failed,
            "error_counts": self.error_counts(),
            "errors": [e.to_dict() for e in self.errors],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


def _row(name: str, untyped: SpanCounts, typed: SpanCounts | None = None, coref: CorefCounts | None = None) -> tuple:
    s = untyped.scores()
    cells = [name, untyped.gold, untyped.predicted,
             *(percent(s[k]) for k in ("strict_precision", "strict_recall", "strict_f1", "relaxed_precision",
                                    "relaxed_recall", "relaxed_f1"))]
    if typed is not None:
        cells.append(percent(typed.scores()["relaxed_f1"]))
    if coref is not None:
        coref_scores = coref.scores()
        cells += [percent(coref_scores["link_f1"]), percent(coref_scores["b3_f1"])]
    return tuple(cells)


def gold_type(mention: MeantimeMention) -> str | None:
    return GOLD_TYPES.get(mention.ent_type or "")


def gold_names(gold: MeantimeDocument) -> list[MeantimeMention]:
    """The scored gold names: NAM mentions of a PER, ORG or LOC instance, the outer names of a nest left out."""
    names = [m for m in gold.mentions if m.syntactic_type in NAMED_SYNTACTIC_TYPES and gold_type(m)]
    return [m for m in names if not any(_nests(m, inner) for inner in names)]


def _nests(outer: MeantimeMention, inner: MeantimeMention) -> bool:
    return (inner.instance is outer.instance and outer.start <= inner.start and inner.end <= outer.end
            and (inner.start, inner.end) != (outer.start, outer.end))


def _left_open(mention: MeantimeMention, scored_ids: set[int]) -> bool:
    """Whether a prediction overlapping only this gold mention should be neither credited nor spurious."""
    if not mention.syntactic_type or mention.instance is None or mention.syntactic_type == PREMODIFIER_NAME:
        return True
    is_nest_outer = mention.syntactic_type in NAMED_SYNTACTIC_TYPES and gold_type(mention) is not None
    return is_nest_outer and id(mention) not in scored_ids


def _overlaps(a, b) -> bool:
    return min(a.end, b.end) > max(a.start, b.start)


def score_document(gold: MeantimeDocument, predicted: list[Mention]) -> tuple[DocumentScore, list[EntityError]]:
    """Mention and coreference counts for one document, and what went wrong, in text order."""
    predicted = [m for m in predicted if m.start < gold.annotated_end]
    names = gold_names(gold)
    name_ids = {id(n) for n in names}
    left_open = [m for m in gold.mentions if _left_open(m, name_ids)]
    out_of_scope = [m for m in gold.mentions if m.syntactic_type in NAMED_SYNTACTIC_TYPES and m.instance
                    and not gold_type(m)]
    named = [m for m in predicted if m.kind in NAMED_KINDS and m.type in SCORED_TYPES]
    pairs = match_spans(names, named)
    matched_predicted = {id(p) for _, p in pairs}
    counted = [p for p in named if id(p) in matched_predicted
               or not any(_overlaps(p, o) for o in left_open) or any(_overlaps(p, g) for g in names)]

    untyped = SpanCounts(gold=len(names), predicted=len(counted), relaxed=len(pairs))
    by_type = {t: SpanCounts(gold=sum(gold_type(g) == t for g in names), predicted=sum(p.type == t for p in counted))
               for t in SCORED_TYPES}
    errors: list[EntityError] = []
    for g, p in pairs:
        exact = (g.start, g.end) == (p.start, p.end)
        untyped.strict += exact
        if gold_type(g) == p.type:
            by_type[p.type].relaxed += 1
            by_type[p.type].strict += exact
        else:
            errors.append(EntityError("wrong-type", gold.doc_id, g, p))
        if not exact:
            errors.append(EntityError("wrong-extent", gold.doc_id, g, p))
    matched_gold = {id(g) for g, _ in pairs}
    errors += [EntityError("missed", gold.doc_id, g, None) for g in names if id(g) not in matched_gold]
    for p in counted:
        if id(p) not in matched_predicted:
            other = next((g for g in out_of_scope if _overlaps(p, g)), None)
            errors.append(EntityError("spurious", gold.doc_id, other, p))
    errors.sort(key=lambda e: ((e.predicted if e.kind == "spurious" else e.gold).start, ERROR_KINDS.index(e.kind)))
    coref = score_coreference(gold, predicted)
    return DocumentScore(gold.source, gold.doc_id, untyped, by_type, coref), errors


def score_coreference(gold: MeantimeDocument, predicted: list[Mention]) -> CorefCounts:
    """Pairwise link and B³ counts over the gold and predicted coreference mentions matched to each other."""
    gold_mentions = gold_names(gold) + [m for m in gold.mentions if gold_type(m)
                                        and m.syntactic_type in PRONOUN_SYNTACTIC_TYPES]
    predicted_mentions = [m for m in predicted if m.type in SCORED_TYPES and m.entity
                          and m.kind in NAMED_KINDS | PRONOUN_KINDS]
    pairs = match_spans(gold_mentions, predicted_mentions)
    gold_cluster = [g.instance.m_id for g, _ in pairs]
    predicted_cluster = [p.entity for _, p in pairs]
    counts = CorefCounts(matched=len(pairs), gold_links_all=sum(
        a.instance.m_id == b.instance.m_id for a, b in combinations(gold_mentions, 2)))
    for i, j in combinations(range(len(pairs)), 2):
        same_gold = gold_cluster[i] == gold_cluster[j]
        same_predicted = predicted_cluster[i] == predicted_cluster[j]
        counts.gold_links += same_gold
        counts.predicted_links += same_predicted
        counts.common_links += same_gold and same_predicted
    for i in range(len(pairs)):
        in_gold = {j for j in range(len(pairs)) if gold_cluster[j] == gold_cluster[i]}
        in_predicted = {j for j in range(len(pairs)) if predicted_cluster[j] == predicted_cluster[i]}
        common = len(in_gold & in_predicted)
        counts.b3_precision_sum += common / len(in_predicted)
        counts.b3_recall_sum += common / len(in_gold)
    return counts


def spacy_baseline_pipeline():
    """newsgraph's pipeline with two stages swapped by name, to show what its own stages add:
    the mentions stage without its rules (the model's PERSON/ORG/GPE/LOC/FAC entities as
    they are) and, for coreference, one entity per type and folded name."""
    from newsgraph.pipeline import Pipeline

    return Pipeline(stages=SPACY_BASELINE_STAGES)


def evaluate_entities(paths: Iterable[Path | str], pipeline=None, limit: int | None = None,
                      progress=None) -> EntityReport:
    """Run the pipeline (default: newsgraph's own) on each MEANTIME text and score its entities.

    `progress`, if given, is called once per document scored (a tqdm `update`, say).
    """
    feed = gold_and_documents(paths, limit)
    if pipeline is None:
        from newsgraph.pipeline import Pipeline

        pipeline = Pipeline()
    report = EntityReport()
    golds: dict[str, MeantimeDocument] = {}

    def documents() -> Iterator[Document]:
        for gold, document in feed:
            golds[gold.source] = gold
            yield document

    for analysis in pipeline.pipe(documents(), on_error=lambda error: report.failed.append(str(error))):
        gold = golds.pop(analysis.document.source)
        predicted = sorted(analysis.mentions, key=lambda m: (m.start, m.end))
        score, errors = score_document(gold, predicted)
        report.files.append(score)
        report.errors += errors
        if progress is not None:
            progress()
    return report
