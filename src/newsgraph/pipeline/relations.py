"""Relations stage: standing ties between entities, read from the dependency parse.

The nouns and verbs that state a relation are data (newsgraph/data/relation_types.json):
role nouns ("commander", "head", "spokesman") tie a person to an organisation, structure
nouns ("wing", "front", "ties") one organisation to another, kin nouns one person to another
(type `family`, the kin noun as role),
place nouns ("the main city of Y") one place to another. The
parse says who holds the role and of what:

- premodifiers and appositions: "Senior HB commander Idris Maleki", "Gwarzo, head of the
  Assembly", "the group's leader, X", plural ones over conjuncts ("X and Z, both commanders
  of Y"), names set off by commas that the parser hung elsewhere;
- copulas, also inside relative and raising clauses: "Tanko is a spokesman of the SPC",
  "the SPC, which is widely believed to be the political wing of the Vanguard", "the group's
  financier is X", "one of the factions of Y", "in charge of Y", "regards X as";
- possessives: "the Vanguard's chief X";
- verbs: "X leads Y", "Y was proscribed by X", through prepositions ("works for Y", "fought
  alongside Y"), participles ("a faction allied with Y", "a group run by X"); hyphenated
  participles: "the US-proscribed Y", "Iran-backed Y";
- place hierarchy: "Quetta, Balochistan", "Pakistan's Gujranwala", "Sabon Gari in Kano",
  "near Oldenburg in Lower Saxony", "the city's Gulberg area";
- aliases the text gives for a different entity: "X, also known as Y".

docs/relations.md lists the shapes with examples.

Each relation takes the certainty of the clause that states it (newsgraph.pipeline.certainty);
a role inside a noun phrase is presupposed, so a negation of the clause around it does not
deny it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Token

from newsgraph.gazetteer import get_gazetteer
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
    is_definite,
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
    type: str | None  # the relation its object (or "with" object) stands in
    invert: bool
    preps: dict[str, list[str]] = field(default_factory=dict)  # types by the preposition of the object: "works for Y"
    objects: frozenset[str] = frozenset()  # the direct objects it needs: "pledged allegiance to Y"
    object_tied: bool = False  # its direct object, not its subject, is tied: "police linked X to Y"


@dataclass(frozen=True)
class _Lexicon:
    types: dict[str, dict]
    nouns: dict[str, _NounSense]
    verbs: dict[str, _VerbSense]
    hyphen: dict[str, str]
    alias_cues: frozenset[str]
    tie_verbs: frozenset[str]
    pretence_verbs: frozenset[str]
    split_nouns: dict[str, list[tuple[str, ...]]]  # hyphenated nouns by their first piece
    in_roles: dict[str, _NounSense]  # nouns that name a role after "in": "in charge of Y"
    town_nouns: frozenset[str]  # "the city's X": the town named last
    deputy_words: frozenset[str]  # "deputy leader": a member, not the leader
    subarea_nouns: frozenset[str]
    person_anaphors: frozenset[str]  # "the man" naming an earlier "a commander of Y"


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
    verbs = {word: _VerbSense(spec["type"], spec.get("invert", False)) for word, spec in data["verbs"].items()}
    for word, spec in data["prep_verbs"].items():
        preps = {p: types if isinstance(types, list) else [types] for p, types in spec.items()
                 if p not in ("objects", "object_tied")}
        known = verbs.get(word)
        verbs[word] = _VerbSense(known.type if known else None, known.invert if known else False, preps,
                                  frozenset(spec.get("objects", ())), spec.get("object_tied", False))
    split_nouns: dict[str, list[tuple[str, ...]]] = {}
    for word in sorted((w for w in nouns if "-" in w), key=lambda w: -w.count("-")):
        parts = tuple(word.split("-"))
        split_nouns.setdefault(parts[0], []).append(parts)
    return _Lexicon(data["types"], nouns, verbs, data["hyphen_participles"], frozenset(data["alias_cues"]),
                    frozenset(data["tie_verbs"]), frozenset(data["pretence_verbs"]), split_nouns,
                    {w: _NounSense(type_, spec["role"]) for type_, spec in data["in_role_nouns"].items()
                     for w in spec["nouns"]},
                    frozenset(data["town_nouns"]), frozenset(data["deputy_words"]), frozenset(data["subarea_nouns"]),
                    frozenset(data["person_anaphor_nouns"]))


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
        self.geo = {e.id: e.geo for e in analysis.entities if e.geo is not None}
        self.names = {e.id: e.name for e in analysis.entities}

    def relations(self) -> list[Relation]:
        split_words = self._split_words()
        for token in self.analysis.parsed:
            word = lemma(token)
            if token.i in split_words:
                if split_words[token.i] is not None and not self.refs.in_mention(token):
                    self._noun_relation(token, split_words[token.i])
            elif token.pos_ in NOUN_POS and not self.refs.in_mention(token):
                sense = self.lex.nouns.get(word) or self.lex.nouns.get(token.lower_)
                if token.dep_ == "pobj" and token.head.lower_ == "in" and word in self.lex.in_roles:
                    sense = self.lex.in_roles[word]  # "X is in charge of Y"
                if sense is not None:
                    self._noun_relation(token, sense)
            if token.pos_ == "VERB" and word in self.lex.verbs:
                self._verb_relation(token, self.lex.verbs[word])
            if token.lower_ in self.lex.hyphen and token.i >= 2 and token.nbor(-1).text in "-‐–":
                self._hyphen_relation(token)
            if token.lower_ in self.lex.alias_cues and token.dep_ in ("acl", "relcl", "appos"):
                self._alias_relation(token)
            ref = self.refs.at(token)
            if ref is not None and ref.type == "organization":
                self._possessed_organization(token, ref)
            if ref is not None and ref.type == "place":
                self._place_relation(token, ref)
            elif ref is None and token.dep_ == "poss" and word in self.lex.town_nouns and is_definite(token):
                self._town_possessive(token)
        return sorted(self.found.values(), key=lambda r: (r.evidence[0].start, r.id))

    def _split_words(self) -> dict[int, _NounSense | None]:
        """Hyphenated role and kin nouns the tokeniser splits ("secretary-general",
        "brother-in-law"), by token: the word's sense on the token that heads its pieces in the
        parse, None on the other pieces."""
        doc = self.analysis.parsed
        found: dict[int, _NounSense | None] = {}
        for token in doc:
            for parts in self.lex.split_nouns.get(token.lower_, ()):  # longest first
                pieces = list(doc[token.i:token.i + 2 * len(parts) - 1])
                if [t.lower_ for t in pieces[::2]] != list(parts) or any(t.text != "-" for t in pieces[1::2]):
                    continue
                inside = {t.i for t in pieces}
                head = next(t for t in pieces if t.head.i not in inside or t.head == t)
                found.update((t.i, None) for t in pieces)
                found[head.i] = self.lex.nouns["-".join(parts)]
                break
        return found

    # -- patterns ----------------------------------------------------------------------

    def _noun_relation(self, noun: Token, sense: _NounSense) -> None:
        """A role, structure or kin noun: who holds it (the name it premodifies or stands in
        apposition to, the subject of its copula) and of whom (its "of" object, possessor or
        name premodifier)."""
        holders, presupposed = self._holders(noun, sense)
        if not holders:
            return
        if sense.type == "leader_of" and any(c.dep_ in ("amod", "compound") and c.lower_ in self.lex.deputy_words
                                             for c in noun.children):
            sense = _NounSense("member_of", "deputy")  # "the group's deputy leader" leads nothing
        holder_ids = {h.id for h in holders}
        objects: list[EntityRef] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in _ROLE_OBJECT_PREPS:
                for prep in conjuncts(child):  # "director of X, and of Y"
                    obj = pobj_of(prep)
                    if obj is not None:  # "of the rival X": the parser may head the phrase with the adjective
                        objects.extend(self.refs.named_by(obj, depth=1) or [
                            r for c in obj.children if c.dep_ == "appos" for r in self.refs.named_by(c, depth=0)])
            elif child.dep_ in ("poss", "compound", "nmod"):
                # a common noun between names its own modifiers: "a US Treasury sanctions list"
                depth = 1 if child.dep_ == "compound" and child.pos_ == "NOUN" else 0
                objects.extend(self.refs.named_by(child, depth=depth))
        if noun.dep_ == "compound":  # "Senior Harmattan Brotherhood commander Idris Maleki"
            objects.extend(r for c in noun.head.children if c.dep_ in ("compound", "nmod") and c.i < noun.i
                           for r in self.refs.named_by(c, depth=0))
        tokens = [noun]
        for holder in holders:
            for obj in objects:
                if obj.id not in holder_ids:
                    self._add(sense.type, holder, obj, noun, tokens, presupposed, sense.role)
        if not objects and noun.tag_ in ("NNS", "NNPS") and self.lex.types[sense.type].get("symmetric"):
            for i, holder in enumerate(holders):  # "X and Y are brothers", "... are allies"
                for other in holders[i + 1:]:
                    self._add(sense.type, holder, other, noun, tokens, presupposed, sense.role)

    def _holders(self, noun: Token, sense: _NounSense) -> tuple[list[EntityRef], bool]:
        """Who holds the role a noun names, and whether the noun presupposes it (a noun
        phrase) rather than states it (a copula, "serves as")."""
        if self.refs.identified(noun) is not None:  # "a commander of X ... identified the commander as Y"
            return [self.refs.identified(noun)], True
        slot = _one_of(noun)  # "one of the factions of Y" stands where "one" stands
        stated = self._stated_holders(slot)
        if stated is not None:
            return stated, False
        allowed = self.lex.types[sense.type]["subject"]
        # "the Commission, whose chief executive, X": the Commission holds no such role
        holders = [r for r in self._apposed_holders(noun, slot) if r.type in allowed]
        # "HÖAP co-chair Nurcan Özmen": the parser may hang the last piece of a split role on the name
        holders = holders or [r for piece in _hyphen_pieces(noun) if piece != noun and piece.head.i > piece.i
                              and piece.dep_ in ("amod", "compound", "nmod")
                              and (r := self.refs.at(piece.head)) is not None and r.type in allowed]
        if holders:
            return holders, True
        # "the group's leader, X"; "a spokesman for the YPG, X" (apposition misattached)
        # "Its co-chair, X": the apposition may hang on any piece of a split hyphenated noun
        phrase = [*_hyphen_pieces(noun), *(pobj_of(c) for c in noun.children if c.dep_ == "prep")]
        holders = [r for t in phrase if t is not None for c in t.children if c.dep_ == "appos"
                   for r in self.refs.named_by(c, depth=0) if r.type in allowed]
        holders = holders or [r for r in self.refs.given_names(noun) if r.type in allowed]
        if holders:
            return holders, True
        if slot.dep_ in ("attr", "oprd", "pobj", *OBJECT_DEPS):
            # only a possessed noun's name after it ("detained along with his cousin, X, ..."),
            # or a role's of whom the text says ("met a commander of Y, X, known as ..."),
            # unless the name opens a list ("met a commander of Y, X, and Z")
            owned = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in _ROLE_OBJECT_PREPS)
                        for c in noun.children)
            after = self._name_after_comma(noun, listed=False) if owned else None
            if after is None and sense.role is not None:
                after = self._named_later(noun)
            return [r for r in [after] if r is not None and r.type in allowed], True
        return [r for r in (self._name_before_comma(noun), self._name_after_comma(noun))
                if r is not None and r.type in allowed][:1], True

    def _named_later(self, noun: Token) -> EntityRef | None:
        """The person a later definite "the man" / "the suspect" names, in this sentence or the
        next, for an indefinite role noun with none of its own ("arrested a senior IS official
        ... The CTS named the man as X"; "detained a financier of Y ... The man, X, was"),
        unless another indefinite role noun comes between."""
        if not _indefinite(noun):
            return None
        doc = noun.doc
        end = noun.sent.end
        end = doc[end].sent.end if end < len(doc) else end
        for token in doc[noun.i + 1:end]:
            if token.pos_ != "NOUN" or self.refs.in_mention(token):
                continue
            if lemma(token) in self.lex.person_anaphors and is_definite(token):
                named = [r for r in self.refs.named_by(token, depth=1) if r.type == "person"]
                return named[0] if len(named) == 1 else None
            sense = self.lex.nouns.get(lemma(token))
            if sense is not None and sense.role is not None and _indefinite(token):
                return None  # "a commander of X and a financier of Y ... the man": which one?
        return None

    def _stated_holders(self, slot: Token) -> list[EntityRef] | None:
        """The holders a clause states: "X is a leader of Y", "the group's financier is X",
        "X served as", "Y regards X as", "X has ties with Y"; None when the noun stands in no
        such clause, an empty list when it does but names nobody."""
        head = slot.head
        if slot.dep_ == "nsubj" and lemma(head) == "be":  # "the group's financier is X"
            named = [r for c in head.children if c.dep_ in ("attr", "oprd", "nsubj") and c != slot
                     for r in self.refs.named_by(c, depth=0)]
            return named or None
        if slot.dep_ in ("attr", "oprd") or (slot.dep_ == "pobj" and head.lower_ == "in"
                                             and head.head.pos_ in ("AUX", "VERB")):  # "X is in charge of Y"
            clause = head if slot.dep_ != "pobj" else head.head
            return [r for s in subjects_of(clause) for r in self.refs.named_by(s)]
        if slot.dep_ == "pobj" and lemma(head) == "as":
            verb = head.head
            if lemma(verb) in self.lex.pretence_verbs:  # "X posed as a trade representative of Y"
                return []
            described = [c for c in verb.children if c.dep_ in OBJECT_DEPS]  # "Y regards X as"
            return [r for s in (described or subjects_of(verb)) for r in self._named(s)]
        if slot.dep_ in OBJECT_DEPS and lemma(head) in self.lex.tie_verbs or (  # "X has ties with Y"
                slot.dep_ == "pobj" and head.lower_ == "on" and head.head.pos_ in ("AUX", "VERB")):  # "X is on Y's list"
            clause = head if slot.dep_ in OBJECT_DEPS else head.head
            return [r for s in subjects_of(clause) for r in self.refs.named_by(s)]
        return None

    def _apposed_holders(self, noun: Token, slot: Token) -> list[EntityRef]:
        """The names a noun premodifies or stands in apposition to: "HB commander X", "X, head
        of Y"; a plural apposition holds for every conjunct ("X and Z, both commanders of Y")."""
        head = slot.head
        while slot.dep_ == "compound" and self.refs.at(head) is None and head.dep_ == "compound" \
                and head.pos_ == "PROPN":  # "CTS spokesman Brigadier General X": titles the name leaves out
            head = head.head
        if slot.dep_ not in ("compound", "appos", "nmod") or self.refs.at(head) is None:
            return []
        plural = noun.tag_ in ("NNS", "NNPS")
        if slot.dep_ == "appos" and any(c.dep_ == "conj" for c in head.children):
            if plural:
                return self.refs.named_by(head, depth=0)
            # "Sarajevo, Mostar and Banja Luka, the main city of Y": the name before the comma
            return [r for r in [self._name_before_comma(slot)] if r is not None]
        holders = [self.refs.at(head)]
        if slot.dep_ == "appos" and plural and head.dep_ == "appos":
            # "X and his cousin, Z, both members of Y" (Z in apposition to X)
            holders += [r for r in self.refs.named_by(head.head, depth=0) if r not in holders]
        return holders

    def _name_after_comma(self, noun: Token, listed: bool = True) -> EntityRef | None:
        """The name set off by commas right after a role or kin noun's phrase: an apposition
        the parser attached elsewhere ("Kholmatov's brother-in-law, Jasur Toshpulatov, is ...")."""
        doc = noun.doc
        first = noun.right_edge.i + 2
        if first >= len(doc) or doc[first - 1].text != ",":
            return None
        # a title the name's mention leaves out may come first ("..., Sheikh Jaafar al-Fartousi,")
        start = next((t for t in doc[first:first + 3] if self.refs.at(t) is not None or t.dep_ != "compound"), None)
        ref = self.refs.at(start) if start is not None else None
        if ref is None:
            return None
        after = next((t for t in doc[start.i:] if self.refs.at(t) != ref), None)
        if after is None or after.text != ",":
            return None
        # without `listed`, a name followed by "and" / "or" is one of a list, not the noun's name
        return ref if listed or after.i + 1 >= len(doc) or doc[after.i + 1].dep_ != "cc" else None

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
        """"X leads Y", "Y was proscribed by X", "X allied with Y", "X works for Y", "a faction
        allied with Y", "a group run by X"."""
        passive = is_passive(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN")
        agents = passive_agents(verb) if passive else []
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # the participle modifies its patient
            patients = [verb.head]
        else:
            patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if passive and agents:
            subjects, objects = agents, patients
        elif passive:  # "X is allied with Y": no agent, the patient is the one tied
            subjects, objects = patients, []
        else:
            subjects, objects = subjects_of(verb), [c for c in verb.children if c.dep_ in OBJECT_DEPS]
            if not subjects and verb.dep_ == "pcomp":  # "X is accused of working for Y"
                subjects = subjects_of(verb.head.head)
            if sense.object_tied and objects:  # "officials linked X to Y": X is the one tied
                subjects, objects = objects, []
        typed = [(sense.type, o) for o in objects] if sense.type and not sense.objects else []
        if sense.objects:  # "pledged allegiance to Y": the preposition may hang on the object
            needed = [o for o in objects if lemma(o) in sense.objects]
            preps = [c for o in needed for c in (verb, o) for c in c.children if c.dep_ == "prep"] if needed else []
        else:
            preps = [c for c in verb.children if c.dep_ == "prep"]
        for prep in preps:
            types = sense.preps.get(prep.lower_) or ([sense.type] if sense.type and prep.lower_ == "with" else [])
            obj = pobj_of(prep)
            if obj is not None:
                typed.extend((type_, obj) for type_ in types)
        actors = [r for s in subjects if s is not None for r in self._named(s)]
        for type_, target_token in typed:
            invert = sense.invert and type_ == sense.type
            for target in self._named(target_token):
                for actor in actors:
                    subject, obj = (target, actor) if invert else (actor, target)
                    if subject.id != obj.id:
                        self._add(type_, subject, obj, verb, [verb], presupposed=False)

    def _named(self, token: Token) -> list[EntityRef]:
        """The entities a phrase names, or for a bare description the name right before its
        comma ("Hizb-ul-Furqan, a faction allied with the TTP", the apposition hung elsewhere)."""
        named = self.refs.named_by(token)
        if named or token.pos_ != "NOUN":
            return named
        named = [r for r in [self._name_before_comma(token)] if r is not None]
        return named or self._stray_apposition(token)

    def _stray_apposition(self, noun: Token) -> list[EntityRef]:
        """A name in apposition inside a description's phrase but hung on a name of another
        type ("a foundation registered in Groningen, Stichting Noorderlicht, served as"): the
        organisation is no apposition of the town, so it names the description."""
        for token in noun.subtree:
            ref, host = self.refs.at(token), self.refs.at(token.head)
            if token.dep_ == "appos" and ref is not None and host is not None and ref.type != host.type \
                    and ref.type in ("person", "organization"):
                return [ref]
        return []

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

    def _possessed_organization(self, token: Token, unit: EntityRef) -> None:
        """An organisation's named unit: "the GRU's Unit 29155", "the group's Majeed Brigade",
        "its Hamzeh Base" (the possessor resolved as the grounding stage resolves "its")."""
        if self.refs.at(token.head) == unit and token.head != token:
            return  # not the head of the name
        for child in token.children:
            if child.dep_ != "poss" or self.refs.at(child) == unit:
                continue
            for owner in self.refs.named_by(child, depth=0):
                if owner.type == "organization" and owner.id != unit.id:
                    self._add("wing_of", unit, owner, token, [child, token], presupposed=True)

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
        elif token.dep_ == "appos" and not any(c.dep_ in ("cc", "conj") for c in token.children) \
                and not _dash_between(head, token):  # "the Kirkuk–Ceyhan pipeline" is a route
            outer = self.refs.at(head)
            if outer is not None and outer.type == "place" and outer.id != place.id \
                    and not any(c.dep_ == "conj" for c in head.children):
                self._add("located_in", outer, place, token, [head, token], presupposed=True)
        elif token.dep_ == "pobj" and head.lower_ in ("in", "of"):
            self._place_of_phrase(token, place, head)
        elif token.dep_ == "conj" and self._comma_pair(head, token):  # "Dubai, United Arab Emirates, who"
            self._add("located_in", self.refs.at(head), place, token, [head, token], presupposed=True)
        outer = self._place_right_after(token, place)
        if outer is not None:
            self._add("located_in", place, outer, token, [token], presupposed=True)

    def _place_right_after(self, token: Token, place: EntityRef) -> EntityRef | None:
        """The place named by an "in" right after a place's name, wherever the parser hung it
        ("near Oldenburg in Lower Saxony", "Kotli, in PoK", "Kaura Namoda, also in Zamfara")."""
        doc = token.doc
        if token.i + 1 >= len(doc) or self.refs.at(doc[token.i + 1]) == place:
            return None  # not the last word of the name
        if _acts(token):
            return None
        rest = iter(doc[token.i + 1:min(len(doc), token.i + 7)])
        word = next(rest, None)
        if word is not None and token.head == word and self._is_place_noun(word):
            word = next(rest, None)  # the name's own place noun: "the Tiergarten park in Berlin"
        while word is not None and word.lower_ in (",", "also"):
            word = next(rest, None)
        if word is None or word.lower_ != "in":
            return None
        word = next(rest, None)
        if word is not None and word.lower_ == "the":
            word = next(rest, None)
        outer = self.refs.at(word) if word is not None else None
        return outer if outer is not None and outer.type == "place" and outer.id != place.id else None

    def _is_place_noun(self, noun: Token) -> bool:
        sense = self.lex.nouns.get(lemma(noun))
        return (sense is not None and sense.type == "located_in") or lemma(noun) in self.lex.subarea_nouns

    def _town_possessive(self, noun: Token) -> None:
        """"He travelled to Lahore ... at a hotel in the city's Gulberg area": "the city" is the
        last place named before it, in its sentence or the one before."""
        inner = self._place_near(noun.head, exclude="")
        if inner is None:
            return
        since = noun.sent.start
        if since > 0:
            since = noun.doc[since - 1].sent.start
        outer = next((r for t in reversed(noun.doc[since:noun.i]) if (r := self.refs.at(t)) is not None
                      and r.type == "place" and r.id != inner.id), None)
        if outer is not None:
            self._add("located_in", inner, outer, noun, [noun, noun.head], presupposed=True)

    def _comma_pair(self, head: Token, conj: Token) -> bool:
        """Whether a place and its conjunct are "P, Q" with no "and" or "or" and no third place:
        an apposition the parser read as a coordination."""
        outer = self.refs.at(head)
        if outer is None or outer.type != "place" or outer == self.refs.at(conj):
            return False
        between = head.doc[head.i + 1:conj.left_edge.i]
        coordinated = any(c.dep_ in ("cc", "conj") and c != conj for c in (*head.children, *conj.children))
        return not coordinated and [t.text for t in between if self.refs.at(t) != outer] == [","]

    def _place_of_phrase(self, token: Token, place: EntityRef, prep: Token) -> None:
        """"Sabon Gari in Kano", "the Qandil Mountains of northern Iraq", "the port of Ploče
        in Croatia", "the Bekaa Valley town of Chtaura", "the Bodija area of Ibadan"."""
        owner = prep.head
        inner = self.refs.at(owner) if not _acts(owner) else None
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
        if type_ == "located_in" and not self._may_lie_in(subject):
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
        if allowed.get("symmetric") and Relation.make_id(type_, obj.id, subject.id) in self.found:
            subject, obj = obj, subject  # "X fought alongside Y, its ally": one tie, stated twice
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

    def _may_lie_in(self, inner: EntityRef) -> bool:
        """Whether a place may lie in another: not when the gazetteer reads it as a country
        ("troops from Russia in Ukraine", "talks hosted by Algeria in Algiers"), as far as the
        geo stage placed it. Which country a town lies in is left to the text, which knows
        better than a namesake abroad."""
        geo = self.geo.get(inner.id)
        return geo is None or not any(p.kind == "country" and p.source == geo.source
                                      for p in get_gazetteer().places(self.names[inner.id]))

    def _entity_id(self, token: Token) -> str | None:
        ref = self.refs.at(token)
        return ref.id if ref is not None else None


def _indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _dash_between(first: Token, second: Token) -> bool:
    """Whether two names are joined by a dash or slash ("Kirkuk–Ceyhan", "Lagos-Abuja"): the
    two ends of a route or a pair, not a place and the larger place it lies in."""
    start, end = sorted((first.i, second.i))
    return any(t.text in ("-", "–", "—", "/") for t in first.doc[start + 1:end])


def _hyphen_pieces(noun: Token) -> list[Token]:
    """The tokens of the hyphenated word a noun belongs to ("co", "-", "chair"), or the noun."""
    doc = noun.doc
    first = last = noun.i
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ \
            and not doc[first - 1].whitespace_:
        first -= 2
    while last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_ \
            and not doc[last + 1].whitespace_:
        last += 2
    return list(doc[first:last + 1])


def _one_of(noun: Token) -> Token:
    """The "one" of "one of the <nouns> of Y", which takes the noun's place in the clause."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ == "one":
        return prep.head
    return noun


def _acts(place: Token) -> bool:
    """Whether a place name stands as a subject, object or agent ("talks hosted by Algeria in
    Algiers"): a government that acts, not an address the next "in" refines."""
    return place.dep_ in ("nsubj", "nsubjpass", *OBJECT_DEPS) or (place.dep_ == "pobj" and place.head.dep_ == "agent")
