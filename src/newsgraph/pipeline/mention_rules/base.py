"""What every mention rule works on: the candidate names of one document, the context they
are read in (the parse, the gazetteer, the word-list cues), and the evidence several rule
families weigh (institution head nouns, place nouns, how big a town must be to count).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Protocol

from spacy.tokens import Doc

from newsgraph.gazetteer import Gazetteer
from newsgraph.gazetteer.demonyms import demonyms
from newsgraph.lexicons import mention_cues, name_rules, person_titles, time_zones
from newsgraph.model import fold
from newsgraph.ontology import PLACE, Ontology, load_ontology

QUOTES = frozenset("\"“”‘’'«»")
# A bare city name is taken as a place over the model's person/organisation reading from this
# population; after a cue such as a locative preposition ("in Zinder") from the lower one.
CITY_POPULATION = 1_000_000
CITY_POPULATION_AFTER_PREPOSITION = 1_000


@dataclass
class Candidate:
    """A name the rules are still deciding on, in token indices of the Doc."""

    start: int
    end: int
    label: str  # the model's label
    type: str | None  # None: the label names no entity (DATE) and no rule has made it one
    kind: str = "name"
    canonical: str | None = None
    quoted: bool = False
    settled: bool = False  # typed by the curated list or an acronym definition: no more guessing
    dropped: bool = False  # replaced by an acronym definition or use
    title: str | None = None  # a person's title before the name ("Maulana", "Major General")


@dataclass(frozen=True)
class Cues:
    """The word lists of newsgraph/data/mention_cues.json, person titles and nationality words,
    as sets, loaded once per process."""

    org_heads: frozenset[str]
    place_nouns: frozenset[str]
    place_suffixes: frozenset[str]
    locatives: frozenset[str]
    leading_words: frozenset[str]
    name_connectors: frozenset[str]
    demonym_endings: tuple[str, ...]
    places_when_known: frozenset[str]
    motion_verbs: frozenset[str]
    place_object_verbs: frozenset[str]
    person_titles: frozenset[str]
    demonyms: frozenset[str]
    org_leading_heads: frozenset[str]
    member_nouns: frozenset[str]
    person_nouns: frozenset[str]
    organization_nouns: frozenset[str]
    organization_possessions: frozenset[str]
    kinship_nouns: frozenset[str]
    event_like_heads: frozenset[str]
    person_verbs: frozenset[str]
    administration_nouns: frozenset[str]
    backing_suffixes: frozenset[str]
    ship_prefixes: frozenset[str]
    ship_nouns: frozenset[str]
    treaty_heads: frozenset[str]
    market_index_words: frozenset[str]
    market_indices: frozenset[str]
    time_zones: frozenset[str]


@cache
def load_cues() -> Cues:
    rules = mention_cues()
    return Cues(
        org_heads=frozenset(rules["organization_head_nouns"]),
        place_nouns=frozenset(rules["place_head_nouns"]),
        place_suffixes=frozenset(rules["place_name_suffixes"]),
        locatives=frozenset(rules["locative_prepositions"]),
        leading_words=frozenset(rules["span_leading_words"]),
        # the joiners and particles of other naming traditions sit inside names too
        name_connectors=frozenset(rules["name_connectors"]).union(
            name_rules()["hyphen_joiners"], name_rules()["particles"]
        ),
        demonym_endings=tuple(rules["demonym_endings"]),
        places_when_known=frozenset(rules["places_when_known"]),
        motion_verbs=frozenset(rules["motion_verbs"]),
        place_object_verbs=frozenset(rules["place_object_verbs"]),
        person_titles=frozenset(person_titles()),
        demonyms=demonyms(),
        org_leading_heads=frozenset(rules["organization_leading_heads"]),
        member_nouns=frozenset(rules["member_nouns"]),
        person_nouns=frozenset(rules["person_nouns"]),
        organization_nouns=frozenset(rules["organization_nouns"]),
        organization_possessions=frozenset(rules["organization_possessions"]),
        kinship_nouns=frozenset(rules["kinship_nouns"]),
        event_like_heads=frozenset(rules["event_like_heads"]),
        person_verbs=frozenset(rules["person_verbs"]),
        administration_nouns=frozenset(rules["administration_nouns"]),
        backing_suffixes=frozenset(rules["backing_suffixes"]),
        ship_prefixes=frozenset(rules["ship_prefixes"]),
        ship_nouns=frozenset(rules["ship_nouns"]),
        treaty_heads=frozenset(rules["treaty_heads"]),
        market_index_words=frozenset(rules["market_index_words"]),
        market_indices=frozenset(fold(n) for n in rules["market_indices"]),
        time_zones=time_zones(),
    )


class RuleContext:
    """One document as the rules see it, with the evidence more than one rule family weighs."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, title: str | None = None):
        self.doc = doc
        self.text: str = doc.text
        self.gazetteer = gazetteer
        self.title = title
        self.cues = load_cues()
        self.ontology: Ontology = load_ontology()

    def is_org_head(self, token) -> bool:
        word = token.lower_
        singular = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
        return word in self.cues.org_heads or singular in self.cues.org_heads

    def after_place_noun_of(self, start: int) -> bool:
        """ "the town of Damasak": a place noun and "of" before the name."""
        doc = self.doc
        return start >= 2 and doc[start - 1].lower_ == "of" and is_place_noun(doc[start - 2], self.cues.place_nouns)

    def population_needed(self, start: int, end: int, candidates: list[Candidate]) -> int:
        """How big a town must be to override the model. Any town of 1 000 when the sentence
        says it is a place: a locative preposition ("in Zinder", not "in Bako's house"),
        motion ("travelled to Jos"), a visit ("visited Abuja"), a place noun, a place owner
        ("Lagos's Ikeja") or coordination with a place ("Garowe, Bosaso and Mandera"). Without
        such a cue only a city of a million does: smaller ones are too often surnames and
        company names (Henderson, Toyota)."""
        doc, cues = self.doc, self.cues
        root = doc[start:end].root
        before = doc[start - 1] if start > 0 else None
        possessed = end < len(doc) and doc[end].tag_ == "POS"
        if (
            before is not None
            and not possessed
            and (
                before.lower_ in cues.locatives
                or (before.dep_ == "prep" and before.head.lemma_ in cues.motion_verbs)
            )
        ):
            return CITY_POPULATION_AFTER_PREPOSITION
        if root.dep_ == "dobj" and root.head.lemma_ in cues.place_object_verbs:
            return CITY_POPULATION_AFTER_PREPOSITION
        after = doc[end] if end < len(doc) else None
        if is_place_noun(after, cues.place_nouns) or self.after_place_noun_of(start):
            return CITY_POPULATION_AFTER_PREPOSITION  # "the Mubi market", "the town of Damasak"
        partners = [root.head] if root.dep_ == "conj" else []
        partners += [t for t in root.children if t.dep_ == "conj"]
        # Tokens that make it a place when a place candidate covers them; the candidates are
        # walked only when there is one, since this is asked for every name of the document.
        place_partners = {t.i for t in partners}
        if before is not None and before.tag_ == "POS":
            place_partners.add(start - 2)
        if place_partners and any(
            c.type == PLACE and any(c.start <= i < c.end for i in place_partners) for c in candidates
        ):
            return CITY_POPULATION_AFTER_PREPOSITION  # "Garowe, Bosaso and Mandera", "Lagos's Ikeja"
        return CITY_POPULATION

    def bare_word_mentions(self, word: str, candidates: list[Candidate]) -> list[Candidate]:
        """One-word mentions of `word` without "the": how people come back by surname ("Bako
        joined"), where organisations come back as "the Brigade"."""
        doc = self.doc
        return [
            o
            for o in candidates
            if o.end - o.start == 1
            and doc[o.start].lower_ == word
            and (o.start == 0 or doc[o.start - 1].lower_ != "the")
        ]


class MentionRule(Protocol):
    """One step of the mention stage: reads and corrects the candidates of one document."""

    def __call__(self, context: RuleContext, candidates: list[Candidate]) -> list[Candidate]: ...


def is_place_noun(token, place_nouns: frozenset[str]) -> bool:
    return token is not None and token.lower_ in place_nouns and token.text.islower()


def is_capitalised(token) -> bool:
    return token.text[:1].isupper() and token.is_alpha or (token.is_upper and len(token.text) > 1)


def is_proper(token) -> bool:
    return token.tag_ in ("NNP", "NNPS") and token.is_alpha and token.text[:1].isupper()


def is_quoted(doc: Doc, start: int, end: int) -> bool:
    return start > 0 and end < len(doc) and doc[start - 1].text in QUOTES and doc[end].text in QUOTES
