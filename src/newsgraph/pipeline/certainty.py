"""How sure the text is of a fact, who it attributes the fact to, and whether it happened.

A fact is anchored at one token of the parse (an event trigger, a role noun). The cues of
newsgraph/data/certainty_cues.json are looked for on that token and on the clauses that
govern it, walking up the dependency tree:

- negation, denial verbs, modals and planning verbs count only inside the fact's own clause
  chain (complements and conjuncts: "denied having met", "is scheduled to visit"); once the
  walk leaves through a relative or adverbial clause or an apposition, what it meets is
  about something else ("X, who did not attend, met Y" does not deny the meeting);
- attribution ("X said", "according to X") counts all the way up, since a report covers
  everything it contains; a belief ("is widely believed to") covers its own clause chain.

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
# Where what a reporting verb says stands: its clause ("said that ..."), not its object
# ("told a news conference" is the telling itself).
_REPORTED = frozenset({"ccomp", "xcomp", "oprd"})
_RANK = {"asserted": 0, "reported": 1, "hedged": 2, "denied": 3}


@dataclass(frozen=True)
class Stance:
    certainty: str = "asserted"  # asserted | hedged | reported | denied
    modality: str = "actual"  # actual | planned
    source: str | None = None  # entity id of whom the text attributes it to
    conditional: bool = False


@cache
def _cues() -> dict[str, dict[str, frozenset[str]]]:
    """The cue lists of certainty_cues.json by section and name: `_cues()["hedge"]["adverbs"]`."""
    data = fact_data("certainty_cues")
    return {section: {name: frozenset(words) for name, words in lists.items()}
            for section, lists in data.items() if isinstance(lists, dict)}


def reporting_verbs() -> frozenset[str]:
    """Verbs that report, believe or deny what their complement says."""
    cues = _cues()
    return cues["report"]["verbs"] | cues["hedge"]["belief_verbs"] | cues["deny"]["verbs"] | cues["hedge"]["passive_verbs"]


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
        if child.dep_ in ("amod", "compound", "advmod") and word in cues["hedge"]["adjectives"]:
            rank("hedged", own=True)
        if not presupposed and child.dep_ in ("amod", "compound") and word in cues["planned"]["adjectives"]:
            modality = "planned"
        if not presupposed and child.dep_ == "det" and word in cues["deny"]["determiners"]:
            rank("denied")

    node, below = anchor, None
    # Negation does not spread over a coordination ("did not visit X and met Y"), while
    # modality does ("will visit X and meet Y"): a conjunct's head is read without its "not".
    negation_counts = True
    while True:
        lemma = node.lemma_.lower()
        if below is not None and lemma in cues["deny"]["verbs"] and local:
            rank("denied")
        for child in node.children:
            word, dep = child.lower_, child.dep_
            if dep == "neg" and local and negation_counts and node.pos_ in ("VERB", "AUX", "ADJ", "NOUN") and word in cues["deny"]["negations"]:
                rank("denied")
            elif dep in ("aux", "auxpass") and local and word in cues["planned"]["auxiliaries"]:
                modality = "planned"
            elif dep == "aux" and local and word in cues["hedge"]["modals"]:
                rank("hedged")
            elif dep == "advmod" and local and word in cues["hedge"]["adverbs"]:
                rank("hedged")
            elif dep == "mark" and word in cues["conditional"]["marks"] and local and node.dep_ == "advcl":
                conditional = True
            elif dep == "advcl" and local and any(
                    m.dep_ == "mark" and m.lower_ in cues["conditional"]["marks"] for m in child.children):
                conditional = conditional or child != below
            elif dep == "prep" and child.lemma_.lower() == "accord":
                said_by = _according_to(child)
                if said_by is not None:
                    who = entity_of(said_by)
                    if who is not None:
                        rank("reported")
                        source = source or who
                    elif any(t.lower_ in cues["hedge"]["according_to_without_source"] for t in said_by.subtree):
                        rank("hedged")
                    else:
                        rank("reported")
        for child in node.children:  # "X met Y, officials said": the report hangs below
            if local and child.dep_ in ("parataxis", "advcl") and child != below \
                    and child.lemma_.lower() in cues["report"]["verbs"] and not any(
                        c.dep_ in _COMPLEMENTS for c in child.children):
                rank("reported")
                source = source or _speaker(child, entity_of)
        if local and below is not None and below.dep_ == "prep" and below.lower_ == "as" \
                and lemma in cues["hedge"]["passive_verbs"] and is_passive(node):
            rank("hedged")  # "X is widely regarded as the branch of Y"
        if below is not None and below.dep_ in _COMPLEMENTS:
            if local and lemma in cues["hedge"]["passive_verbs"] and is_passive(node):
                rank("hedged")
            elif local and lemma in cues["hedge"]["belief_verbs"]:
                rank("hedged")
            elif lemma in cues["report"]["verbs"] and below.dep_ in _REPORTED:
                rank("reported")
                source = source or _speaker(node, entity_of)
            if local and lemma in cues["planned"]["verbs"] and below.dep_ in ("xcomp", "ccomp", "acomp"):
                modality = "planned"  # "is scheduled to visit"
        if below is not None and below.dep_ == "nsubjpass" and local and lemma in cues["planned"]["verbs"] \
                and any(c.dep_ == "xcomp" for c in node.children):
            modality = "planned"  # "the trial is expected to open": the event noun is the planned verb's subject
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
