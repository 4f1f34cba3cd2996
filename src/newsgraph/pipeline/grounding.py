"""What the event and relation stages share: their data files, and the link from parse tokens
to the entities that earlier stages found.

Entities and mentions come with character spans; the parse has tokens. `EntityTokens` joins
the two by character offsets, so a fact found on the parse names entity ids, and it reads the
few noun-phrase shapes through which news names an actor indirectly ("commanders of the
Vanguard", "other HB officials", "who" of a relative clause).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.model import Analysis, Evidence, fold
from newsgraph.ontology import read_json
from newsgraph.text import SpanIndex

NOUN_POS = frozenset({"NOUN", "PROPN"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "dative", "obj"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that", "whose"})
# Dependencies inside a noun phrase through which a name can stand for the phrase's referent.
_NP_NAME_DEPS = frozenset({"compound", "nmod", "poss", "appos", "amod"})


# "SARAJEVO, June 18 – ": the place and date of filing, which the parser may hang on the
# first clause as if the city were its subject.
_DATELINE = re.compile(r"^\s*([^\n,–—]{2,40}),\s*[^\n–—]{0,30}?\s+[–—-]{1,2}\s")


def dateline_end(text: str) -> int:
    """Where a wire dateline ("BOGOTÁ, June 12 – ") ends, or 0 when the text has none."""
    match = _DATELINE.match(text)
    return match.end() if match and match.group(1).isupper() else 0


def fact_data(name: str) -> dict:
    """One of the ontology data files of newsgraph/data ("event_types", "relation_types",
    "certainty_cues"), through the one data loader."""
    return read_json(f"{name}.json")


@dataclass(frozen=True)
class EntityRef:
    """An entity named at a token, with the span of the mention that names it."""

    id: str
    type: str
    start: int
    end: int


POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
LEADING_VERBS = frozenset({"lead", "head"})
# Participles that give a phrase its name: "the suspect, identified as X", "a man named X".
IDENTIFYING_VERBS = frozenset({"identify", "name"})
# Verbs that give a description its name: "the network, which investigators call the Bandama Group".
NAMING_VERBS = IDENTIFYING_VERBS | {"call"}
# How many sentences back "the group" or "its" may look for the organisation it stands for.
ORG_LOOKBACK = 2


class EntityTokens:
    """Which entity each token of the parse names, from the mentions of `analysis`."""

    def __init__(self, analysis: Analysis):
        doc_id = analysis.document.id
        self._by_token: dict[int, EntityRef] = {}
        self._sentences = SpanIndex((s.start, s.end) for s in analysis.sentences)
        # Organisation mentions by start: (start, ref, folded names, whether it is a subject,
        # how many arcs its head lies below the root of its sentence).
        self._organizations: list[tuple[int, EntityRef, str, bool, int]] = []
        self._org_names = names = {e.id: " ".join(fold(n) for n in (e.name, *e.aliases)) for e in analysis.entities
                                   if e.type == "organization"}
        dateline = dateline_end(analysis.document.text)
        parsed = analysis.parsed
        mentions = analysis.mentions_by_entity()
        for entity in analysis.entities:
            for mention in mentions.get(entity.id, ()):
                if mention.doc != doc_id or mention.end <= dateline:  # the dateline takes no part
                    continue
                span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                ref = EntityRef(entity.id, entity.type, mention.start, mention.end)
                for token in span:
                    self._by_token.setdefault(token.i, ref)
                if entity.type == "organization":
                    subject = span.root.dep_ in SUBJECT_DEPS
                    self._organizations.append((mention.start, ref, names[entity.id], subject, _depth(span.root)))
        self._organizations.sort(key=_start_of)
        self._identified = self._identifications(parsed) if parsed is not None else {}
        self._anaphors = self._resolve_anaphors(parsed) if parsed is not None else {}

    def at(self, token: Token) -> EntityRef | None:
        """The entity whose mention covers `token`, if any."""
        return self._by_token.get(token.i)

    def identified(self, token: Token) -> EntityRef | None:
        """The entity a common noun turns out to be ("a commander of X ... The report
        identifies the commander as Y": both "commander"s are Y)."""
        return self._identified.get(token.i)

    def _identifications(self, parsed) -> dict[int, EntityRef]:
        """Nouns named by "<X> identified / named <the noun> as <name>", "<the noun>, whom X
        identify as <name>" or "<the noun>, which X call <name>", with the latest earlier noun
        of the same lemma that a definite one points back to and the later definite ones
        ("the network ... The network is led by") that point back to it."""
        found: dict[int, EntityRef] = {}
        for verb in parsed:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in NAMING_VERBS:
                continue
            obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS and c.pos_ in ("NOUN", "PRON")), None)
            if obj is None:
                continue
            noun = obj
            if obj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":  # "the network, which X call Y"
                noun = verb.head
            if noun.pos_ != "NOUN":
                continue
            name = next((pobj_of(c) for c in (*verb.children, *noun.children)  # "as" on either
                         if c.dep_ == "prep" and c.lower_ == "as"), None)
            if name is None and noun is not obj:  # "which investigators call the Bandama Group"
                name = next((c for c in verb.children if c.dep_ in ("oprd", "dobj", "attr") and c != obj), None)
            ref = self.at(name) if name is not None else None
            if ref is None or ref.type not in ("person", "organization") or self.at(noun) is not None:
                continue
            found[noun.i] = ref
            same = [t for t in parsed if t.lemma_ == noun.lemma_ and t.pos_ == "NOUN" and t.i != noun.i]
            if is_definite(noun):
                earlier = [t for t in same if t.i < noun.i]
                if earlier and earlier[-1].i not in found:
                    found[earlier[-1].i] = ref
            for later in (t for t in same if t.i > noun.i and is_definite(t)):
                found.setdefault(later.i, ref)
        return found

    def _resolve_anaphors(self, parsed) -> dict[int, EntityRef]:
        """Every "its", "their" and definite "the group" of the text, in reading order, each
        resolved one counting as a mention of its organisation for those after it ("The
        group is headed by X ... the group's financier")."""
        found: dict[int, EntityRef] = {}
        for token in parsed:
            anaphor, head_word = _org_anaphor(token)
            if not anaphor:
                continue
            ref = self._earlier_organization(token, head_word)
            if ref is not None:
                found[token.i] = ref
                mention = (token.idx, ref, self._org_names.get(ref.id, ""), token.dep_ in SUBJECT_DEPS, _depth(token))
                bisect.insort(self._organizations, mention, key=_start_of)
        return found

    def _earlier_organization(self, token: Token, head_word: str | None) -> EntityRef | None:
        """The organisation "its", "their" or a definite "the group" / "the cartel" stands for:
        the latest one named in this or the previous ORG_LOOKBACK sentences: one whose name
        holds the noun ("the cartel" → "Cartel de los Llanos") first, then one that was a
        subject, then the most prominent of the latest sentence naming one."""
        starts = self._sentences.starts
        sentence = self._sentences.at_or_before(token.idx)
        since = starts[max(0, sentence - ORG_LOOKBACK)] if starts else 0
        # The organisations are kept in text order: the window is a slice found by bisection,
        # not a walk over every organisation of the document for every anaphor.
        window = self._organizations[
            bisect.bisect_left(self._organizations, since, key=_start_of):
            bisect.bisect_left(self._organizations, token.idx, key=_start_of)
        ]
        named = [ref for _, ref, name, _, _ in window if head_word is not None and head_word in name.split()]
        if named:
            return named[-1]
        if head_word is not None:
            if head_word not in _anaphoric_org_nouns():
                return None  # "the clan" is a clan the text has named, or none we know
            # "the group" is no ministry, court or police force, nor whoever tells of it
            # ("the army said X led the group's operations")
            tellers = {r.id for a in token.ancestors for s in subjects_of(a) for r in [self.at(s)] if r is not None}
            window = [m for m in window if not _institution_nouns() & set(m[2].split()) and m[1].id not in tellers]
        subjects = [ref for _, ref, _, subject, _ in window if subject]
        if subjects:
            return subjects[-1]
        if not window:
            return None
        if head_word is None:  # "Airbus and its CEO": a pronoun takes the latest
            return window[-1][1]
        # "the group" takes the most prominent of the latest sentence that names one: the name
        # nearest its root ("the chief recruiter of X, a faction of Y": X, not Y).
        latest = self._sentences.at_or_before(window[-1][0])
        in_latest = [m for m in window if self._sentences.at_or_before(m[0]) == latest]
        return min(in_latest, key=lambda m: (m[4], -m[0]))[1]

    def given_names(self, noun: Token) -> list[EntityRef]:
        """The entities a participle names a description by: "the suspect, identified as X",
        "a commander known as X", "a commander known by the nom de guerre X"."""
        return [r for name in _identified_as(noun) for r in self.named_by(name, 1)]

    def in_mention(self, token: Token) -> bool:
        return token.i in self._by_token

    def named_by(self, token: Token, depth: int = 2) -> list[EntityRef]:
        """The entities a noun phrase headed by `token` names, its conjuncts included.

        A name is the phrase itself ("Maleki"); a relative pronoun stands for the noun its
        clause modifies; a common noun names through its modifiers, apposition or "of"
        ("Vanguard commanders", "other HB officials", "commanders of the Vanguard"). A
        pronoun resolved by coreference is a mention like any other.
        """
        found: list[EntityRef] = []
        for head in conjuncts(token):
            for ref in self._phrase_entities(head, depth):
                if ref not in found:
                    found.append(ref)
        return found

    def _phrase_entities(self, token: Token, depth: int) -> list[EntityRef]:
        ref = self.at(token) or self.identified(token)
        if ref is not None:
            return [ref]
        clause = _relative_clause(token) if token.lower_ in RELATIVE_PRONOUNS else None
        if clause is not None:  # "who", and "whose" in "X, whose chairman, Y, said"
            noun = clause.head
            found = self.named_by(noun, depth)
            if not found and noun.dep_ == "attr":  # "X was the commander who visited ..."
                found = [r for s in subjects_of(noun.head) for r in self.named_by(s, depth)]
            if token.lower_ in ("who", "whom") and found and all(r.type == "place" for r in found):
                # "X, a businessman based in Dubai, who is ...": the parser hung "who" on the
                # place; it stands for the nearest person or group above it
                found = next(([r] for a in noun.ancestors if (r := self.at(a)) is not None and r.type != "place"), [])
            return found
        if token.lower_ == "whose" and token.head.dep_ == "appos" and self.at(token.head.head) is not None:
            return [self.at(token.head.head)]  # "Volta Lines, whose owner, X, ..."
        if token.dep_ == "appos" and self.at(token.head) is not None:  # "Ansaru, a faction ..."
            return [self.at(token.head)]
        earlier = self._anaphors.get(token.i)
        if earlier is not None:
            return [earlier]
        if depth <= 0 or token.pos_ not in ("NOUN", "PROPN", "PRON"):
            return []
        # An apposition or an identifying participle names the phrase itself ("Thanh's brother,
        # Nguyen Van Hai", "the suspect, identified as X"): the possessor and modifiers then
        # only describe it.
        named = [r for c in token.children if c.dep_ == "appos" for r in self.named_by(c, depth - 1)]
        named += self.given_names(token)
        if named:
            return named
        found: list[EntityRef] = []
        for child in token.children:
            if child.dep_ == "acl" and child.lemma_.lower() in LEADING_VERBS:  # "a delegation led by X"
                agent = next((c for c in child.children if c.dep_ == "agent"), None)
                target = pobj_of(agent) if agent is not None else None
                if target is not None:
                    found.extend(r for r in self.named_by(target, 0) if r not in found)
            if child.dep_ in _NP_NAME_DEPS or (child.dep_ == "prep" and child.lower_ in ("of", "from")):
                target = child if child.dep_ != "prep" else next(
                    (c for c in child.children if c.dep_ == "pobj"), None)
                if target is not None:
                    # "a delegation from the Authority" is the Authority; "a man from Kano" is not Kano
                    found.extend(r for r in self.named_by(target, depth - 1) if r not in found
                                 and (child.lower_ != "from" or r.type == "organization"))
        return found


def _identified_as(noun: Token) -> list[Token]:
    """The names an "identified as / named / known as" participle gives a noun ("the suspect,
    identified as X"; "a commander known by the nom de guerre X")."""
    return [obj for participle in noun.children
            if participle.dep_ == "acl" and participle.lemma_.lower() in IDENTIFYING_VERBS | {"know"}
            for prep in participle.children if prep.dep_ in ("prep", "agent") and prep.lower_ in ("as", "by")
            if (obj := pobj_of(prep)) is not None]


def _relative_clause(pronoun: Token) -> Token | None:
    """The relative clause a relative pronoun opens: the nearest "relcl" above it, within
    two steps ("who" is its subject, "whose" its subject's possessor)."""
    node = pronoun
    for _ in range(3):
        if node.dep_ == "relcl":
            return node
        if node.head == node:
            return None
        node = node.head
    return None


def _start_of(organization_mention: tuple) -> int:
    """Where an organisation mention of `_organizations` starts: the key they are sorted by."""
    return organization_mention[0]


def _org_anaphor(token: Token) -> tuple[bool, str | None]:
    """Whether `token` may stand for an organisation named earlier, and the noun it does so
    with: ("its" → no noun; "the group" → "group")."""
    word = token.lemma_.lower()
    if token.lower_ in POSSESSIVE_PRONOUNS and token.dep_ == "poss":
        return True, None
    if token.lower_ == "it" and token.dep_ in SUBJECT_DEPS:  # coreference leaves "it" alone
        return True, None
    # "the cartel", also as the modifier of a definite noun: "the cartel faction", "the group leader"
    phrase = token.head if token.dep_ == "compound" and token.head.pos_ == "NOUN" else token
    if token.pos_ == "NOUN" and word in _generic_org_nouns() and any(
            c.dep_ == "det" and c.lower_ == "the" for c in phrase.children):
        return True, word
    return False, None


def _depth(token: Token) -> int:
    """How many arcs `token` lies below the root of its sentence."""
    depth = 0
    while token.head != token:
        token, depth = token.head, depth + 1
    return depth


def is_definite(noun: Token) -> bool:
    """Whether a noun phrase points back ("the network", "this group")."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _institution_nouns() -> frozenset[str]:
    return frozenset(fact_data("relation_types")["institution_nouns"])


def _generic_org_nouns() -> frozenset[str]:
    return frozenset(fact_data("relation_types")["generic_org_nouns"])


def _anaphoric_org_nouns() -> frozenset[str]:
    return frozenset(fact_data("relation_types")["anaphoric_org_nouns"])


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def conjuncts(token: Token) -> Iterator[Token]:
    """`token` and the tokens coordinated with it ("Maleki and Tanko")."""
    yield token
    for child in token.children:
        if child.dep_ == "conj":
            yield from conjuncts(child)


def subjects_of(predicate: Token) -> list[Token]:
    """The subject tokens of a verb: its own, or those it shares as a conjunct or an open
    complement ("visited Niger and met Gwarzo", "is believed to be")."""
    own = [c for c in predicate.children if c.dep_ in SUBJECT_DEPS]
    if own:
        return own
    if predicate.dep_ in ("conj", "xcomp", "acomp") and predicate.head != predicate:
        return subjects_of(predicate.head)
    if predicate.dep_ == "advcl" and predicate.tag_ in ("VBG", "VBN"):  # "Speaking to reporters, X said"
        return subjects_of(predicate.head)
    return []


def is_passive(predicate: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in predicate.children)


def passive_agents(verb: Token) -> list[Token]:
    """The "by" agents of a passive verb, also when the parser hangs "by" on its object
    ("was designated a terrorist organisation by the United States")."""
    found = [pobj_of(c) for c in verb.children if c.dep_ == "agent"]
    if not found:
        found = [pobj_of(g) for c in verb.children if c.dep_ in ("dobj", "oprd", "attr")
                 for g in c.children if g.dep_ == "prep" and g.lower_ == "by"]
    return [t for t in found if t is not None]


def pobj_of(prep: Token) -> Token | None:
    """The object of a preposition ("in" → "Kano"), through a nested one ("along with X")."""
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp"):
            return child
        if child.dep_ == "prep":
            return pobj_of(child)
    return None


def evidence_for(analysis: Analysis, tokens: Iterable[Token], source: str | None = None) -> Evidence:
    """The evidence of a fact stated by `tokens`: their span and the sentence holding it."""
    tokens = list(tokens)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    sentence = analysis.sentence_at(start)
    text = sentence.text if sentence is not None else analysis.document.text[start:end]
    return Evidence(analysis.document.id, start, end, text, source=source)
