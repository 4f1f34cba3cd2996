"""How sure the text is of a fact, who it attributes the fact to, and whether it happened.

A fact is anchored at one token of the parse (an event trigger, a role noun). The cues of
newsgraph/data/certainty_cues.json are looked for on that token and on the clauses that
govern it, walking up the dependency tree:

- negation, denial verbs, modals and planning verbs count only inside the fact's own clause
  chain (complements and conjuncts: "denied having met", "is scheduled to visit"); once the
  walk leaves through a relative or adverbial clause or an apposition, what it meets is
  about something else ("X, who did not attend, met Y" does not deny the meeting);
- attribution ("X said", "according to X") and hedges ("widely believed", "reportedly")
  count all the way up, since a report covers everything it contains.

A conditional ("if", "unless") makes no fact at all: `Stance.conditional` tells the caller
to drop it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from newsgraph.pipeline.grounding import fact_data, is_passive, pobj_of

# Edges that keep the walk inside the fact's own clause chain.
_LOCAL_EDGES = frozenset({"xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "pcomp", "attr", "acomp",
                          "nsubj", "nsubjpass", "compound", "amod", "oprd", "dative", "agent", "ROOT"})
# Where a fact stands under a verb that reports, believes or plans it.
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "acomp", "pcomp", "oprd"})
_RANK = {"asserted": 0, "reported": 1, "hedged": 2, "denied": 3}


@dataclass(frozen=True)
class Stance:
    certainty: str = "asserted"  # asserted | hedged | reported | denied
    modality: str = "actual"  # actual | planned
    source: str | None = None  # entity id of whom the text attributes it to
    conditional: bool = False


@dataclass(frozen=True)
class _Cues:
    hedge_adverbs: frozenset[str]
    hedge_adjectives: frozenset[str]
    hedge_passives: frozenset[str]
    belief_verbs: frozenset[str]
    hedge_modals: frozenset[str]
    sourceless_according: frozenset[str]
    report_verbs: frozenset[str]
    deny_verbs: frozenset[str]
    negations: frozenset[str]
    none_determiners: frozenset[str]
    plan_auxiliaries: frozenset[str]
    plan_verbs: frozenset[str]
    plan_adjectives: frozenset[str]
    conditional_marks: frozenset[str]


@cache
def _cues() -> _Cues:
    data = fact_data("certainty_cues")
    hedge, report, deny, planned = data["hedge"], data["report"], data["deny"], data["planned"]
    return _Cues(
        hedge_adverbs=frozenset(hedge["adverbs"]),
        hedge_adjectives=frozenset(hedge["adjectives"]),
        hedge_passives=frozenset(hedge["passive_verbs"]),
        belief_verbs=frozenset(hedge["belief_verbs"]),
        hedge_modals=frozenset(hedge["modals"]),
        sourceless_according=frozenset(hedge["according_to_without_source"]),
        report_verbs=frozenset(report["verbs"]),
        deny_verbs=frozenset(deny["verbs"]),
        negations=frozenset(deny["negations"]),
        none_determiners=frozenset(deny["determiners"]),
        plan_auxiliaries=frozenset(planned["auxiliaries"]),
        plan_verbs=frozenset(planned["verbs"]),
        plan_adjectives=frozenset(planned["adjectives"]),
        conditional_marks=frozenset(data["conditional"]["marks"]),
    )


def reporting_verbs() -> frozenset[str]:
    """Verbs that report, believe or deny what their complement says."""
    cues = _cues()
    return cues.report_verbs | cues.belief_verbs | cues.deny_verbs | cues.hedge_passives


EntityOf = Callable[[Token], "str | None"]


def assess(anchor: Token, entity_of: EntityOf, presupposed: bool = False) -> Stance:
    """The stance of the fact anchored at `anchor`.

    `entity_of` names the entity id a token stands for (for report sources).
    `presupposed` facts (a role or place in a noun phrase: "HB commander Maleki", "Erbil, the
    capital of the Kurdistan Region") take attribution from the clauses above them but not
    their hedges, negation or modality: "HB commander Maleki is believed to have met X" and
    "... did not attend" still say Maleki is an HB commander. Their own words count ("the
    alleged HB commander").
    """
    cues = _cues()
    certainty, modality, source, conditional = "asserted", "actual", None, False
    local = not presupposed

    def rank(new: str, own: bool = False) -> None:
        nonlocal certainty
        if presupposed and new == "hedged" and not own:
            return
        if _RANK[new] > _RANK[certainty]:
            certainty = new

    for child in anchor.children:  # the noun's own words: "the planned visit", "no meeting"
        word = child.lower_
        if child.dep_ in ("amod", "compound", "advmod") and word in cues.hedge_adjectives:
            rank("hedged", own=True)
        if not presupposed and child.dep_ in ("amod", "compound") and word in cues.plan_adjectives:
            modality = "planned"
        if not presupposed and child.dep_ == "det" and word in cues.none_determiners:
            rank("denied")

    node, below = anchor, None
    # Negation does not spread over a coordination ("did not visit X and met Y"), while
    # modality does ("will visit X and meet Y"): a conjunct's head is read without its "not".
    negation_counts = True
    while True:
        lemma = node.lemma_.lower()
        if below is not None and lemma in cues.deny_verbs and local:
            rank("denied")
        for child in node.children:
            word, dep = child.lower_, child.dep_
            if dep == "neg" and local and negation_counts and node.pos_ in ("VERB", "AUX", "ADJ", "NOUN") and word in cues.negations:
                rank("denied")
            elif dep in ("aux", "auxpass") and local and word in cues.plan_auxiliaries:
                modality = "planned"
            elif dep == "aux" and local and word in cues.hedge_modals:
                rank("hedged")
            elif dep == "advmod" and local and word in cues.hedge_adverbs:
                rank("hedged")
            elif dep == "mark" and word in cues.conditional_marks and local and node.dep_ == "advcl":
                conditional = True
            elif dep == "advcl" and local and any(
                    m.dep_ == "mark" and m.lower_ in cues.conditional_marks for m in child.children):
                conditional = conditional or child != below
            elif dep == "prep" and child.lemma_.lower() == "accord":
                said_by = _according_to(child)
                if said_by is not None:
                    who = entity_of(said_by)
                    if who is not None:
                        rank("reported")
                        source = source or who
                    elif any(t.lower_ in cues.sourceless_according for t in said_by.subtree):
                        rank("hedged")
                    else:
                        rank("reported")
        for child in node.children:  # "X met Y, officials said": the report hangs below
            if local and child.dep_ in ("parataxis", "advcl") and child != below \
                    and child.lemma_.lower() in cues.report_verbs and not any(
                        c.dep_ in _COMPLEMENTS for c in child.children):
                rank("reported")
                source = source or _speaker(child, entity_of)
        if below is not None and below.dep_ in _COMPLEMENTS:
            if lemma in cues.hedge_passives and is_passive(node):
                rank("hedged")
            elif lemma in cues.belief_verbs:
                rank("hedged")
            elif lemma in cues.report_verbs:
                rank("reported")
                source = source or _speaker(node, entity_of)
            if local and lemma in cues.plan_verbs and below.dep_ in ("xcomp", "ccomp", "acomp"):
                modality = "planned"
        if node.head == node:
            break
        if node.dep_ not in _LOCAL_EDGES:
            local = False
        negation_counts = node.dep_ != "conj"
        node, below = node.head, node
    return Stance(certainty, modality, source, conditional)


def _speaker(verb: Token, entity_of: EntityOf) -> str | None:
    """The entity that says what a reporting verb reports ("X said", "was told by X")."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return entity_of(child)
        if child.dep_ == "agent":
            obj = pobj_of(child)
            return entity_of(obj) if obj is not None else None
    return None


def _according_to(prep: Token) -> Token | None:
    """The source phrase of "according to <source>"."""
    for child in prep.children:
        if child.dep_ == "prep":
            return pobj_of(child) or next(iter(child.children), None)
    return pobj_of(prep)
