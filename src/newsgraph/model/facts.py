"""What the text says: mentions, the entities they name, relations and events.

A mention is a span of one document. An entity is the base entity extraction found: its id is
hashed from its type and folded name, so it is stable across runs and documents; which base
entities are one real actor is decided later, in `newsgraph.resolve`, without rewriting them.
An entity does not hold its mentions: each mention names its base entity (`Mention.entity`),
and the analysis (or the store) owns the mentions.

Relations and events are statements: a stable id, a certainty, and the evidence that states them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from newsgraph.model.ids import fold, stable_id

ENTITY_TYPES = ("person", "organization", "place", "other")
CERTAINTIES = ("asserted", "hedged", "reported", "denied")


@dataclass
class Mention:
    """A span of the document text that refers to an entity.

    `kind` says how it refers: a `name`, an `acronym`, a short `alias` ("the Vanguard"),
    or a `pronoun` resolved by coreference.
    """

    doc: str
    start: int
    end: int
    text: str
    type: str
    kind: str = "name"
    sentence: int | None = None
    entity: str | None = None  # id of the base entity it refers to
    # The full name this mention stands for when the text itself says so
    # ("Harmattan Brotherhood (HB)" gives HB the canonical "Harmattan Brotherhood").
    canonical: str | None = None
    # A person's title or honorific written before the name ("Maulana", "Major General"):
    # recorded here, never part of the name.
    title: str | None = None

    @property
    def id(self) -> str:
        return stable_id("m", self.doc, self.start, self.end, self.type)


# How fine a place's point is, coarsest first.
PRECISIONS = ("continent", "country", "region", "city", "district")


@dataclass
class Geo:
    """Where a place is: its point, the country and first-level region (province, state) it
    lies in or is, the gazetteer entry it was read from, and how fine the point is (one of
    PRECISIONS: a region's point is only as good as "somewhere in that region")."""

    lat: float
    lon: float
    country: str | None = None
    source: str | None = None  # gazetteer id, e.g. "geonames:2335204", "iso3166-2:PK-BA"
    region: str | None = None
    precision: str | None = None


@dataclass
class Entity:
    """One base entity: a named actor or place as extraction found it, without its mentions."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    geo: Geo | None = None

    @staticmethod
    def make_id(type_: str, name: str) -> str:
        """Base entities are keyed by type and folded canonical name, so ids survive re-runs."""
        return stable_id("e", type_, fold(name))


@dataclass
class Evidence:
    """Where a fact is stated: a character span of a document, its sentence (text and index)
    and the mentions of the fact's entities in it. `source` is the id of the entity the text
    attributes the fact to ("X said"), if any."""

    doc: str
    start: int
    end: int
    sentence: str
    sentence_index: int | None = None
    mentions: list[str] = field(default_factory=list)  # mention ids
    source: str | None = None


class Fact(Protocol):
    """A statement with a stable id, a certainty and the evidence that states it."""

    id: str
    certainty: str
    evidence: list[Evidence]


@dataclass
class Relation:
    id: str
    type: str
    subject: str
    object: str
    certainty: str = "asserted"
    evidence: list[Evidence] = field(default_factory=list)
    role: str | None = None  # the position held ("spokesman") or the kin noun of a family tie

    @staticmethod
    def make_id(type_: str, subject: str, object_: str) -> str:
        """One relation per type and pair of entities, however many sentences state it."""
        return stable_id("r", type_, subject, object_)


@dataclass
class Participant:
    entity: str
    role: str | None = None
    remote: bool = False


@dataclass
class EventTime:
    value: str | None
    earliest: str | None = None
    latest: str | None = None
    granularity: str | None = None
    expression: str | None = None


@dataclass
class Event:
    id: str
    type: str
    participants: list[Participant] = field(default_factory=list)
    place: str | None = None
    time: EventTime | None = None
    certainty: str = "asserted"
    modality: str = "actual"
    evidence: list[Evidence] = field(default_factory=list)

    @staticmethod
    def make_id(type_: str, doc: str, start: int, end: int) -> str:
        """An event as one document tells it, keyed by its trigger's span; the same event told
        by several documents is joined later, as entities are, not by rewriting this id."""
        return stable_id("v", type_, doc, start, end)
