"""Relations stage: standing ties between entities, read from the dependency parse.

The nouns and verbs that state a relation are data (newsgraph/data/relation_types.json):
role nouns ("commander", "head", "spokesman") tie a person to an organisation, structure
nouns ("wing", "front", "ties") one organisation to another, kin nouns one person to another
(type `family`, the kin noun as role),
place nouns ("the main city of Y") one place to another. The
parse says who holds the role and of what:

- premodifiers and appositions: "Senior HB commander Idris Maleki", "Gwarzo, head of the
  Assembly", "the group's leader, X";
- copulas, also inside relative and raising clauses: "Tanko is a spokesman of the SPC",
  "the SPC, which is widely believed to be the political wing of the Vanguard";
- possessives: "the Vanguard's chief X";
- verbs: "X leads Y", "Y was proscribed by X"; hyphenated participles: "the US-proscribed Y",
  "Iran-backed Y";
- place hierarchy: "Quetta, Balochistan", "Pakistan's Gujranwala", "Sabon Gari in Kano";
- aliases the text gives for a different entity: "X, also known as Y".

Each relation takes the certainty of the clause that states it (newsgraph.pipeline.certainty);
a role inside a noun phrase is presupposed, so a negation of the clause around it does not
deny it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from newsgraph.model import Analysis, Relation
from newsgraph.pipeline.certainty import assess
from newsgraph.pipeline.grounding import (
    NOUN_POS,
    OBJECT_DEPS,
    EntityRef,
    EntityTokens,
    conjuncts,
    evidence_for,
    fact_data,
    is_passive,
    lemma,
    passive_agents,
    pobj_of,
    subjects_of,
)

_RANK = {"asserted": 0, "reported": 1, "hedged": 2, "denied": 3}
# Prepositions that name the organisation of a role ("spokesman of / for", "commander in").
_ROLE_OBJECT_PREPS = frozenset({"of", "for", "in", "at", "within", "with", "to"})


@dataclass(frozen=True)
class _NounSense:
    type: str
    role: str | None  # the position, for member_of / leader_of


@dataclass(frozen=True)
class _VerbSense:
    type: str
    invert: bool


@dataclass(frozen=True)
class _Lexicon:
    types: dict[str, dict]
    nouns: dict[str, _NounSense]
    verbs: dict[str, _VerbSense]
    hyphen: dict[str, str]
    alias_cues: frozenset[str]
    tie_verbs: frozenset[str]
    subarea_nouns: frozenset[str]


@cache
def lexicon() -> _Lexicon:
    """The relation lexicon of newsgraph/data/relation_types.json."""
    data = fact_data("relation_types")
    nouns: dict[str, _NounSense] = {}
    for group in ("role_nouns", "kin_nouns"):  # the noun is the role: "commander", "brother"
        for type_, words in data[group].items():
            nouns.update((w, _NounSense(type_, w)) for w in words)
    for group in ("structure_nouns", "place_nouns", "list_nouns"):
        for type_, words in data[group].items():
            nouns.update((w, _NounSense(type_, None)) for w in words)
    verbs = {lemma: _VerbSense(spec["type"], spec.get("invert", False)) for lemma, spec in data["verbs"].items()}
    return _Lexicon(data["types"], nouns, verbs, data["hyphen_participles"], frozenset(data["alias_cues"]),
                    frozenset(data["tie_verbs"]), frozenset(data["subarea_nouns"]))


class RelationStage:
    """Fills `analysis.relations` from the parse and the entities of earlier stages."""

    name = "relations"
    requires = ("parsed", "sentences", "mentions", "entities")
    assigns = ("relations",)

    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.parsed is None:
            return analysis
        analysis.relations = _DocumentRelations(analysis).relations()
        return analysis


class _DocumentRelations:
    def __init__(self, analysis: Analysis):
        self.analysis = analysis
        self.lex = lexicon()
        self.refs = EntityTokens(analysis)
        self.found: dict[str, Relation] = {}

    def relations(self) -> list[Relation]:
        for token in self.analysis.parsed:
            word = lemma(token)
            if token.pos_ in NOUN_POS and not self.refs.in_mention(token):
                sense = self.lex.nouns.get(word) or self.lex.nouns.get(token.lower_)
                if sense is not None:
                    self._noun_relation(token, sense)
            if token.pos_ == "VERB" and word in self.lex.verbs:
                self._verb_relation(token, self.lex.verbs[word])
            if token.lower_ in self.lex.hyphen and token.i >= 2 and token.nbor(-1).text in "-‐–":
                self._hyphen_relation(token)
            if token.lower_ in self.lex.alias_cues and token.dep_ in ("acl", "relcl", "appos"):
                self._alias_relation(token)
            ref = self.refs.at(token)
            if ref is not None and ref.type == "place":
                self._place_relation(token, ref)
        return sorted(self.found.values(), key=lambda r: (r.evidence[0].start, r.id))

    # -- patterns ----------------------------------------------------------------------

    def _noun_relation(self, noun: Token, sense: _NounSense) -> None:
        """A role, structure or kin noun: who holds it (the name it premodifies or stands in
        apposition to, the subject of its copula) and of whom (its "of" object, possessor or
        name premodifier)."""
        holders: list[EntityRef] = []
        presupposed = True
        head = noun.head
        if self.refs.identified(noun) is not None:  # "a commander of X ... identified the commander as Y"
            holders = [self.refs.identified(noun)]
        elif noun.dep_ in ("compound", "appos", "nmod") and self.refs.at(head) is not None:
            holders = [self.refs.at(head)]
        elif noun.dep_ in ("attr", "oprd") or (noun.dep_ == "pobj" and lemma(head) == "as"):
            clause = head if noun.dep_ != "pobj" else head.head
            holders = [r for s in subjects_of(clause) for r in self.refs.named_by(s)]
            presupposed = False
        elif noun.dep_ in OBJECT_DEPS and lemma(head) in self.lex.tie_verbs or (  # "X has ties with Y"
                noun.dep_ == "pobj" and head.lower_ == "on" and head.head.pos_ in ("AUX", "VERB")):  # "X is on Y's list"
            clause = head if noun.dep_ in OBJECT_DEPS else head.head
            holders = [r for s in subjects_of(clause) for r in self.refs.named_by(s)]
            presupposed = False
        if not holders:  # "the group's leader, X"; "a spokesman for the YPG, X" (apposition misattached)
            phrase = [noun, *(pobj_of(c) for c in noun.children if c.dep_ == "prep")]
            allowed = self.lex.types[sense.type]["subject"]
            holders = [r for t in phrase if t is not None for c in t.children if c.dep_ == "appos"
                       for r in self.refs.named_by(c, depth=0) if r.type in allowed]
        if not holders and noun.dep_ not in ("attr", "oprd", "pobj", *OBJECT_DEPS):
            allowed = self.lex.types[sense.type]["subject"]
            holders = [r for r in [self._name_before_comma(noun)] if r is not None and r.type in allowed]
        if not holders:
            return
        holder_ids = {h.id for h in holders}
        objects: list[EntityRef] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in _ROLE_OBJECT_PREPS:
                for prep in conjuncts(child):  # "director of X, and of Y"
                    obj = pobj_of(prep)
                    if obj is not None:
                        objects.extend(self.refs.named_by(obj, depth=1))
            elif child.dep_ in ("poss", "compound", "nmod"):
                objects.extend(self.refs.named_by(child, depth=0))
        if noun.dep_ == "compound":  # "Senior Harmattan Brotherhood commander Idris Maleki"
            objects.extend(r for c in head.children if c.dep_ in ("compound", "nmod") and c.i < noun.i
                           for r in self.refs.named_by(c, depth=0))
        tokens = [noun]
        for holder in holders:
            for obj in objects:
                if obj.id not in holder_ids:
                    self._add(sense.type, holder, obj, noun, tokens, presupposed, sense.role)

    def _name_before_comma(self, noun: Token) -> EntityRef | None:
        """The name right before ", <the noun's phrase>": an apposition the parser attached
        elsewhere ("JNIM, al-Qaeda's Sahel affiliate, ..." read as an adverbial)."""
        doc = noun.doc
        before = noun.left_edge.i - 1
        if before < 1 or doc[before].text != ",":
            return None
        last = before - 1
        if doc[last].text == ")":  # "Jama'at Nusrat al-Islam wal-Muslimin (JNIM), ..."
            opening = next((t.i for t in reversed(doc[max(0, last - 6):last]) if t.text == "("), None)
            last = opening - 1 if opening else last
        return self.refs.at(doc[last]) if last >= 0 else None

    def _verb_relation(self, verb: Token, sense: _VerbSense) -> None:
        """"X leads Y", "Y was proscribed by X", "X allied with Y"."""
        subjects = passive_agents(verb) if is_passive(verb) else subjects_of(verb)
        if is_passive(verb):
            objects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        else:
            objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
            objects += [pobj_of(c) for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
        actors = [r for s in subjects if s is not None for r in self.refs.named_by(s)]
        targets = [r for o in objects if o is not None for r in self.refs.named_by(o)]
        for actor in actors:
            for target in targets:
                subject, obj = (target, actor) if sense.invert else (actor, target)
                if subject.id != obj.id:
                    self._add(sense.type, subject, obj, verb, [verb], presupposed=False)

    def _hyphen_relation(self, participle: Token) -> None:
        """"the US-proscribed Y", "Iran-backed Y": the prefix name relates the name modified."""
        prefix = self.refs.at(participle.nbor(-2))
        if prefix is None:
            return
        modified = participle.head if participle.head != participle else None
        if modified is None:
            return
        for ref in self.refs.named_by(modified):
            if ref.id != prefix.id:
                self._add(self.lex.hyphen[participle.lower_], ref, prefix, participle, [participle, modified],
                          presupposed=True)

    def _alias_relation(self, cue: Token) -> None:
        """"X, also known as Y": Y is an alias of X when the two are different entities."""
        named = self.refs.at(cue.head)
        if named is None:
            return
        for child in cue.children:
            target = pobj_of(child) if child.dep_ == "prep" and child.lower_ == "as" else (
                child if child.dep_ in ("oprd", "attr", "dobj") else None)
            alias = self.refs.at(target) if target is not None else None
            if alias is not None and alias.id != named.id and alias.type == named.type:
                self._add("alias_of", alias, named, cue, [cue, target], presupposed=True)

    def _place_relation(self, token: Token, place: EntityRef) -> None:
        """"Pakistan's Gujranwala", "Quetta, Balochistan", "Sabon Gari in Kano"."""
        head = token.head
        if head == token:
            return
        if token.dep_ == "poss":
            inner = self._place_near(head, exclude=place.id)
            if inner is not None:
                self._add("located_in", inner, place, token, [token, head], presupposed=True)
        elif token.dep_ == "appos" and not any(c.dep_ in ("cc", "conj") for c in token.children):
            outer = self.refs.at(head)
            if outer is not None and outer.type == "place" and outer.id != place.id \
                    and not any(c.dep_ == "conj" for c in head.children):
                self._add("located_in", outer, place, token, [head, token], presupposed=True)
        elif token.dep_ == "pobj" and head.lower_ in ("in", "of"):
            self._place_of_phrase(token, place, head)

    def _place_of_phrase(self, token: Token, place: EntityRef, prep: Token) -> None:
        """"Sabon Gari in Kano", "the Qandil Mountains of northern Iraq", "the port of Ploče
        in Croatia", "the Bekaa Valley town of Chtaura", "the Bodija area of Ibadan"."""
        owner = prep.head
        inner = self.refs.at(owner)
        if inner is None and prep.lower_ == "in":  # "the port of Ploče in Croatia": "in" on the port
            of_object = next((pobj_of(c) for c in owner.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            inner = self.refs.at(of_object) if of_object is not None else None
        if inner is not None and inner.type == "place" and inner.id != place.id:
            self._add("located_in", inner, place, token, [owner, token], presupposed=True)
            return
        if prep.lower_ != "of" or lemma(owner) not in self.lex.nouns:
            return
        named = self._place_near(owner, exclude=place.id) if owner.pos_ in NOUN_POS else None
        if named is None or self.lex.nouns[lemma(owner)].type != "located_in":
            return
        if lemma(owner) in self.lex.subarea_nouns:
            self._add("located_in", named, place, token, [owner, token], presupposed=True)
        else:
            self._add("located_in", place, named, token, [owner, token], presupposed=True)

    def _place_near(self, head: Token, exclude: str) -> EntityRef | None:
        """The place a phrase names: its head or a name modifier of it."""
        for token in [head, *(c for c in head.children if c.dep_ in ("compound", "nmod"))]:
            ref = self.refs.at(token)
            if ref is not None and ref.type == "place" and ref.id != exclude:
                return ref
        return None

    # -- recording ---------------------------------------------------------------------

    def _add(self, type_: str, subject: EntityRef, obj: EntityRef, anchor: Token, tokens: Iterable[Token],
             presupposed: bool, role: str | None = None) -> None:
        allowed = self.lex.types[type_]
        if subject.type not in allowed["subject"] or obj.type not in allowed["object"]:
            return
        stance = assess(anchor, self._entity_id, presupposed=presupposed)
        if stance.conditional or stance.modality == "planned":
            return
        doc = self.analysis.parsed
        spans = [doc.char_span(r.start, r.end, alignment_mode="expand") for r in (subject, obj)]
        span_tokens = [t for span in spans if span is not None for t in span]
        sentence = anchor.sent
        in_sentence = [t for t in [*tokens, *span_tokens] if sentence.start <= t.i < sentence.end]
        evidence = evidence_for(self.analysis, in_sentence or [anchor], stance.source)
        rid = Relation.make_id(type_, subject.id, obj.id)
        known = self.found.get(rid)
        if known is None:
            self.found[rid] = Relation(rid, type_, subject.id, obj.id, stance.certainty, [evidence], role)
            return
        if all((e.start, e.end) != (evidence.start, evidence.end) for e in known.evidence):
            known.evidence.append(evidence)
        if _RANK[stance.certainty] < _RANK[known.certainty]:
            known.certainty = stance.certainty
        known.role = known.role or role

    def _entity_id(self, token: Token) -> str | None:
        ref = self.refs.at(token)
        return ref.id if ref is not None else None
