"""The data model that flows through every stage: document → mentions → entities, events,
relations (each with evidence) → store → views.

Plain dataclasses, importing nothing else of newsgraph. Ids are content hashes so that the
same input gives the same ids on every run and machine.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

ENTITY_TYPES = ("person", "organization", "place", "other")
CERTAINTIES = ("asserted", "hedged", "reported", "denied")


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on `parts`: `prefix-<16 hex>`."""
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return f"{prefix}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for matching names."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_ish = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    cleaned = "".join(c if c.isalnum() else " " for c in ascii_ish)
    return " ".join(cleaned.split())


@dataclass
class Document:
    """One input text with what is known about where it came from."""

    text: str
    title: str | None = None
    source: str | None = None  # path or URL it was read from
    url: str | None = None
    published: date | None = None
    language: str = "en"

    @cached_property
    def sha256(self) -> str:
        """Hashed once: every mention, timex and store row asks for the document id."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def id(self) -> str:
        return "d-" + self.sha256[:16]


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


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
    entity: str | None = None  # id of the entity it was resolved to
    # The full name this mention stands for when the text itself says so
    # ("Harmattan Brotherhood (HB)" gives HB the canonical "Harmattan Brotherhood").
    canonical: str | None = None
    # A person's title or honorific written before the name ("Maulana", "Major General"):
    # recorded here, never part of the name.
    title: str | None = None

    @property
    def id(self) -> str:
        return stable_id("m", self.doc, self.start, self.end, self.type)


@dataclass
class Geo:
    lat: float
    lon: float
    country: str | None = None
    source: str | None = None  # gazetteer id, e.g. "geonames:2335204"


@dataclass
class Entity:
    """One real-world actor or place; every mention of it across documents."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    geo: Geo | None = None

    @staticmethod
    def make_id(type_: str, name: str) -> str:
        """Entities are keyed by type and folded canonical name, so ids survive re-runs."""
        return stable_id("e", type_, fold(name))


@dataclass
class Evidence:
    """Where a fact is stated: a character span of a document and its sentence."""

    doc: str
    start: int
    end: int
    sentence: str


@dataclass
class Anchor:
    """What a relative time expression is computed from.

    `timex` is the id of the anchoring time expression (None when anchored to the document
    creation time), `relation` is before/after/same, `offset` an ISO 8601 duration or None.
    `year-of` means only the year came from the anchor ("April 26" after "3 May 2021").
    """

    timex: str | None
    text: str | None = None
    relation: str = "same"
    offset: str | None = None


@dataclass
class Timex:
    """A TIMEX3 time expression with its normalised value and the interval it bounds."""

    doc: str
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    earliest: str | None = None  # ISO day
    latest: str | None = None
    granularity: str | None = None  # day | week | month | quarter | season | year | ...
    anchor: Anchor | None = None
    mod: str | None = None  # TIMEX3 mod: BEFORE, AFTER, APPROX, START, END, ...

    @property
    def id(self) -> str:
        return stable_id("t", self.doc, self.start, self.end)


@dataclass
class Relation:
    id: str
    type: str
    subject: str
    object: str
    certainty: str = "asserted"
    evidence: list[Evidence] = field(default_factory=list)


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


@dataclass
class Analysis:
    """Everything the pipeline knows about one document.

    `parsed` holds the NLP parse (a spaCy Doc by default) for stages that need tokens; it
    is never exported or stored. Stages fill the other lists.
    """

    document: Document
    parsed: Any = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing character `offset`, if any."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None
